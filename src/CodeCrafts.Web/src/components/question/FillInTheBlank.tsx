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
  return (
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
  );
}
