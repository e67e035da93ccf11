import { useEffect, useRef } from 'react';
import { PromptText } from './PromptText';

interface FillInTheBlankProps {
  prompt: string;
  language?: string | null;
  values: string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
}

/** The prompt itself, with an input where each ___ stands. */
export function FillInTheBlank({ prompt, language, values, onChange, disabled }: FillInTheBlankProps) {
  const host = useRef<HTMLDivElement>(null);
  // Keyboard play: the first blank is ready for typing when the question appears.
  useEffect(() => host.current?.querySelector('input')?.focus(), [prompt]);
  return (
    <div ref={host}>
    <PromptText
      text={prompt}
      language={language}
      blanks={{
        values,
        disabled,
        onChange: (index, value) => {
          const next = [...values];
          next[index] = value;
          onChange(next);
        },
      }}
    />
    </div>
  );
}
