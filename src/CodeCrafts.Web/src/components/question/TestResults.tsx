import type { CodeJudgement, CodeTestResult } from '@/api/types';
import styles from './code.module.css';

const VERDICTS: Record<string, string> = {
  Accepted: 'Passed',
  WrongAnswer: 'Wrong output',
  TimeLimitExceeded: 'Too slow (time limit)',
  MemoryLimitExceeded: 'Too much memory',
  CompilationError: 'Does not compile',
  RuntimeError: 'Crashed (runtime error)',
  InternalError: 'Could not be judged',
};

export function verdictLabel(verdict: string | null | undefined): string {
  return verdict ? (VERDICTS[verdict] ?? verdict) : '';
}

/** Each test's verdict, output, errors and time, after Run or Submit. */
export function TestResults({ judgement, title }: { judgement: CodeJudgement; title: string }) {
  return (
    <section aria-label={title} className="stack">
      <h3>
        {title}: {judgement.passed} of {judgement.total} tests passed
      </h3>
      {judgement.compileOutput && (
        <div>
          <strong>Compiler output</strong>
          <pre className={styles.io}>{judgement.compileOutput}</pre>
        </div>
      )}
      {judgement.message && <p className="muted">{judgement.message}</p>}
      <ol className={styles.tests} aria-label="Test results" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {judgement.tests.map((test) => (
          <TestResult key={test.index} test={test} />
        ))}
      </ol>
    </section>
  );
}

function TestResult({ test }: { test: CodeTestResult }) {
  const label = test.passed ? 'Passed' : verdictLabel(test.verdict ?? 'WrongAnswer');
  return (
    <li className={`${styles.test} ${test.passed ? styles.testPassed : styles.testFailed}`}>
      <div className="row">
        <strong>
          Test {test.index}
          {test.hidden ? ' (hidden)' : ''}
        </strong>
        <span className={`${styles.verdict} ${test.passed ? styles.pass : styles.fail}`}>{label}</span>
        {test.timeSeconds != null && <span className="muted">{test.timeSeconds.toFixed(2)} s</span>}
      </div>
      {!test.hidden && (
        <dl className={styles.io}>
          <Output label="Input" text={test.stdin} />
          <Output label="Expected" text={test.expectedStdout} />
          <Output label="Your output" text={test.stdout} />
          {test.stderr ? <Output label="Errors (stderr)" text={test.stderr} /> : null}
        </dl>
      )}
    </li>
  );
}

function Output({ label, text }: { label: string; text: string | null | undefined }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <pre>{text === null || text === undefined || text === '' ? '(empty)' : text}</pre>
      </dd>
    </div>
  );
}
