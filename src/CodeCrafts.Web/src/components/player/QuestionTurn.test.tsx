import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/api';
import { attemptResult, json, question, tokens, user } from '@/test/fixtures';
import { renderWithClient } from '@/test/render';
import { QuestionTurn } from './QuestionTurn';

const frame = { quitTo: '/', quitLabel: 'Quit lesson', progress: { value: 0, max: 8, label: 'Lesson progress' } };

describe('a question turn', () => {
  beforeEach(() => session.signedIn(user, tokens('access', 'refresh')));
  afterEach(() => vi.unstubAllGlobals());

  it('after a wrong answer shows red feedback, the expected answer in words and the explanation', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(attemptResult({ correct: false, xpGained: 0, expectedAnswer: ['b'], explanation: 'print writes the text without quotes.' }))));
    const onContinue = vi.fn();
    renderWithClient(<QuestionTurn question={question()} language="python" frame={frame} context={{ streakBefore: 0, goalReachedBefore: false }} onContinue={onContinue} />);

    expect(screen.getByRole('button', { name: 'Check' })).toBeDisabled();
    await userEvent.keyboard('1');
    await userEvent.keyboard('{Enter}');

    const feedback = await screen.findByRole('region', { name: 'Answer feedback' });
    expect(feedback).toHaveTextContent('Not quite');
    expect(feedback).toHaveTextContent('Correct answer: Hi');
    expect(feedback).toHaveTextContent('print writes the text without quotes.');
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onContinue).toHaveBeenCalledOnce();
  });

  it('after a right answer shows the XP gained and the streak extended', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(attemptResult({ correct: true, xpGained: 10, currentStreak: 1 }))));
    renderWithClient(<QuestionTurn question={question()} language="python" frame={frame} context={{ streakBefore: 0, goalReachedBefore: false }} onContinue={vi.fn()} />);

    await userEvent.click(screen.getByRole('radio', { name: 'Hi' }));
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));

    const feedback = await screen.findByRole('region', { name: 'Answer feedback' });
    expect(feedback).toHaveTextContent('Correct!');
    expect(feedback).toHaveTextContent('+10 XP');
    expect(feedback).toHaveTextContent('Streak extended: 1 day');
  });
});
