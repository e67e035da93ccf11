import { lazy, Suspense } from 'react';
import { Play } from 'lucide-react';
import type { Question } from '@/api/types';
import { useCodeRun } from '@/lib/code-run';
import { messageFor } from '@/lib/problems';
import { Skeleton } from '../ui/Skeleton';
import styles from './code.module.css';
import { normalizeLanguage } from './highlight';
import { TestResults } from './TestResults';

const CodeEditor = lazy(() => import('./CodeEditor'));

interface CodeQuestionProps {
  question: Pick<Question, 'id'> & { tests?: Question['tests'] };
  language: string | null | undefined;
  code: string;
  onChange: (code: string) => void;
  disabled?: boolean;
}

/** The editor with the starter code, the visible tests, and Run (which grades nothing). Submit is the player's. */
export function CodeQuestion({ question, language, code, onChange, disabled }: CodeQuestionProps) {
  const run = useCodeRun();
  const lang = normalizeLanguage(language) ?? 'python';

  return (
    <div className="stack">
      <div className={styles.editor}>
        <Suspense fallback={<Skeleton height={180} />}>
          <CodeEditor value={code} language={lang} onChange={onChange} label="Code editor" readOnly={disabled} />
        </Suspense>
      </div>

      {question.tests && question.tests.length > 0 && !run.data && (
        <section aria-label="Visible tests" className="stack">
          <h3>Tests you can see</h3>
          <ol className={styles.tests} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {question.tests.map((test, i) => (
              <li key={i} className={styles.test}>
                <strong>Test {i + 1}</strong>
                <dl className={styles.io}>
                  <div>
                    <dt>Input</dt>
                    <dd>
                      <pre>{test.stdin || '(empty)'}</pre>
                    </dd>
                  </div>
                  <div>
                    <dt>Expected output</dt>
                    <dd>
                      <pre>{test.expectedStdout || '(empty)'}</pre>
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ol>
        </section>
      )}

      <div className="row">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => run.mutate({ questionId: question.id, code })}
          disabled={disabled || run.isPending || code.trim() === ''}
        >
          <Play size={18} aria-hidden="true" />
          {run.isPending ? 'Running…' : 'Run'}
        </button>
        <span className="muted">Run tries the visible tests; nothing is graded until you submit.</span>
      </div>

      {run.isPending && (
        <div role="status" aria-label="Running your code">
          <Skeleton height={60} />
        </div>
      )}
      {run.error ? (
        <p className="alert" role="alert">
          {messageFor(run.error)}
        </p>
      ) : null}
      {run.data && !run.isPending && <TestResults judgement={run.data} title="Run" />}
    </div>
  );
}
