export interface ChoiceOptionLike {
  id: string;
  text: string;
}

/** The expected answer in the learner's words: option texts rather than ids, blanks in order. */
export function describeExpected(
  questionType: string,
  expected: readonly string[] | null | undefined,
  choices: readonly ChoiceOptionLike[] | null | undefined,
): string | null {
  if (!expected || expected.length === 0) return null;
  if (questionType === 'MultipleChoice') {
    return expected.map((id) => '`' + (choices?.find((c) => c.id === id)?.text ?? id) + '`').join(', ');
  }
  if (questionType === 'FillInTheBlank') return expected.map((blank) => '`' + blank + '`').join(', ');
  return expected.join('\n');
}
