import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { question } from '@/test/fixtures';
import { MultipleChoice } from './MultipleChoice';

function Harness({ multiple = false, disabled = false }: { multiple?: boolean; disabled?: boolean }) {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <>
      <MultipleChoice question={question({ multipleAnswers: multiple })} selected={selected} onChange={setSelected} disabled={disabled} />
      <output aria-label="selected">{selected.join(',')}</output>
    </>
  );
}

describe('multiple-choice tiles', () => {
  it('offers one radio per option, named by its text, and picks one at a time', async () => {
    render(<Harness />);

    await userEvent.click(screen.getByRole('radio', { name: 'Hi' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Nothing' }));

    expect(screen.getAllByRole('radio')).toHaveLength(4);
    expect(screen.getByRole('radio', { name: 'Nothing' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Hi' })).not.toBeChecked();
    expect(screen.getByLabelText('selected')).toHaveTextContent(/^d$/);
  });

  it('picks an option with the number keys', async () => {
    render(<Harness />);

    await userEvent.keyboard('2');

    expect(screen.getByRole('radio', { name: 'Hi' })).toBeChecked();
  });

  it('uses checkboxes that toggle when several answers are right', async () => {
    render(<Harness multiple />);

    await userEvent.keyboard('2');
    await userEvent.keyboard('3');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Hi' }));

    expect(screen.getAllByRole('checkbox')).toHaveLength(4);
    expect(screen.getByRole('group', { name: 'Select all that apply' })).toBeInTheDocument();
    expect(screen.getByLabelText('selected')).toHaveTextContent(/^c$/);
  });

  it('ignores keys and clicks once the answer is checked', async () => {
    render(<Harness disabled />);

    await userEvent.keyboard('1');

    expect(screen.getByRole('radio', { name: 'print Hi' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'print Hi' })).toBeDisabled();
  });
});
