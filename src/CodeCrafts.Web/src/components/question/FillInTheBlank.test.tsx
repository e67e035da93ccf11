import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { FillInTheBlank } from './FillInTheBlank';
import { submissionFor } from './answer-draft';

const PROMPT = 'Complete the call so it prints `1-2-3`:\n\n```python\nprint(1, 2, ___=___)\n```';

function Harness() {
  const [values, setValues] = useState(['', '']);
  const answer = submissionFor('FillInTheBlank', { optionIds: [], blanks: values, code: '' });
  return (
    <>
      <FillInTheBlank prompt={PROMPT} language="python" values={values} onChange={setValues} />
      <output aria-label="answer">{JSON.stringify(answer)}</output>
    </>
  );
}

describe('fill in the blank', () => {
  it('places a labelled input where each blank stands, inside the highlighted code', () => {
    const { container } = render(<Harness />);

    const first = screen.getByRole('textbox', { name: 'Blank 1 of 2' });
    const second = screen.getByRole('textbox', { name: 'Blank 2 of 2' });

    expect(first.closest('pre')).not.toBeNull();
    expect(second.closest('pre')).toBe(first.closest('pre'));
    expect(container.querySelector('pre')).toHaveTextContent('print(1, 2, =)');
    expect(container.querySelector('pre [class*="keyword"]')).toHaveTextContent('print');
  });

  it('focuses the first blank so typing can start at once', () => {
    render(<Harness />);

    expect(screen.getByRole('textbox', { name: 'Blank 1 of 2' })).toHaveFocus();
  });

  it('sends one answer per blank in order, only once every blank is filled', async () => {
    render(<Harness />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Blank 1 of 2' }), 'sep');
    expect(screen.getByLabelText('answer')).toHaveTextContent('null');
    await userEvent.type(screen.getByRole('textbox', { name: 'Blank 2 of 2' }), '"-"');

    expect(JSON.parse(screen.getByLabelText('answer').textContent!)).toEqual({ blanks: ['sep', '"-"'] });
  });
});
