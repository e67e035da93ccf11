import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Flashcard } from './Flashcard';

const card = { prompt: 'What does `end` control?', back: 'The text written after the last value.' };

describe('flashcard', () => {
  it('hides the back until flipped, then offers the four ratings', async () => {
    render(<Flashcard {...card} onRate={vi.fn()} />);

    expect(screen.queryByText(card.back)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Good' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show answer' }));

    expect(screen.getByText(card.back)).toBeInTheDocument();
    for (const name of ['Again', 'Hard', 'Good', 'Easy']) expect(screen.getByRole('button', { name })).toBeInTheDocument();
  });

  it('flips with Enter and rates with the number keys', async () => {
    const onRate = vi.fn();
    render(<Flashcard {...card} onRate={onRate} />);

    await userEvent.keyboard('3');
    expect(onRate).not.toHaveBeenCalled();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('3');

    expect(onRate).toHaveBeenCalledExactlyOnceWith('Good');
  });

  it('rates with a click', async () => {
    const onRate = vi.fn();
    render(<Flashcard {...card} onRate={onRate} />);

    await userEvent.click(screen.getByRole('button', { name: 'Show answer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Again' }));

    expect(onRate).toHaveBeenCalledExactlyOnceWith('Again');
  });
});
