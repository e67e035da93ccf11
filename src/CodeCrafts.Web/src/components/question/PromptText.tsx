import { Fragment, useMemo } from 'react';
import { highlight } from './highlight';
import { parsePrompt, type Inline } from './prompt-parser';
import styles from './question.module.css';

export interface BlankInputs {
  values: string[];
  onChange: (index: number, value: string) => void;
  disabled?: boolean;
}

interface PromptTextProps {
  text: string;
  /** The lesson's language, for code blocks whose fence names none. */
  language?: string | null;
  /** When given, each ___ becomes an input in place. */
  blanks?: BlankInputs;
}

export function PromptText({ text, language, blanks }: PromptTextProps) {
  const blocks = useMemo(() => parsePrompt(text), [text]);
  const blankCount = useMemo(() => (text.match(/_{3,}/g) ?? []).length, [text]);

  const renderBlank = (index: number) =>
    blanks ? (
      <input
        key={`blank-${index}`}
        className={styles.blank}
        aria-label={blankCount > 1 ? `Blank ${index + 1} of ${blankCount}` : 'Blank 1'}
        value={blanks.values[index] ?? ''}
        onChange={(event) => blanks.onChange(index, event.target.value)}
        disabled={blanks.disabled}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        size={Math.max(4, (blanks.values[index] ?? '').length + 1)}
      />
    ) : (
      <span key={`blank-${index}`} className={styles.blankShown} aria-label="blank" role="img" />
    );

  return (
    <div className={styles.prompt}>
      {blocks.map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i}>{block.parts.map((part, j) => renderInline(part, j, renderBlank))}</p>
        ) : (
          <pre key={i} className={styles.codeBlock}>
            <code>
              {block.parts.map((part, j) =>
                part.kind === 'blank' ? renderBlank(part.index) : <CodeTokens key={j} code={part.text} language={block.language ?? language} />,
              )}
            </code>
          </pre>
        ),
      )}
    </div>
  );
}

function renderInline(part: Inline, key: number, renderBlank: (index: number) => React.ReactNode) {
  switch (part.kind) {
    case 'code':
      return (
        <code key={key} className={styles.inlineCode}>
          {part.text}
        </code>
      );
    case 'strong':
      return <strong key={key}>{part.text}</strong>;
    case 'blank':
      return renderBlank(part.index);
    default:
      return <Fragment key={key}>{part.text}</Fragment>;
  }
}

export function CodeTokens({ code, language }: { code: string; language: string | null | undefined }) {
  return (
    <>
      {highlight(code, language).map((token, i) =>
        token.kind === 'plain' ? <Fragment key={i}>{token.text}</Fragment> : <span key={i} className={styles[token.kind]}>{token.text}</span>,
      )}
    </>
  );
}

/** Short texts (options, answers) with `inline code` and **bold**, no blocks. */
export function InlineText({ text }: { text: string }) {
  const blocks = useMemo(() => parsePrompt(text), [text]);
  return (
    <>
      {blocks.map((block, i) =>
        block.kind === 'paragraph' ? (
          <Fragment key={i}>{block.parts.map((part, j) => renderInline(part, j, () => '___'))}</Fragment>
        ) : (
          <code key={i} className={styles.inlineCode}>
            {block.parts.map((p) => (p.kind === 'text' ? p.text : '___')).join('')}
          </code>
        ),
      )}
    </>
  );
}
