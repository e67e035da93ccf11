import type { Browser, Page } from '@playwright/test';
import { test, expect, watchConsole } from '../support/fixtures.ts';
import { lesson } from '../support/curriculum.ts';
import { answerDuel, outcome } from '../support/duel.ts';
import { goTo, newLearner, openLesson, signUp, type Learner } from '../support/learner.ts';
import { answer } from '../support/player.ts';

const firstSteps = lesson('python-01-first-steps');

async function learnerInOwnBrowser(browser: Browser, learner: Learner, errors: string[]): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  watchConsole(page, errors);
  await signUp(page, learner);
  return page;
}

test('two learners play a live duel: challenge, accept, both answer, both see the result without reloading', async ({ browser }) => {
  const errors: string[] = [];
  const [ada, bo] = [newLearner('Ada'), newLearner('Bo')];
  const adaPage = await learnerInOwnBrowser(browser, ada, errors);
  const boPage = await learnerInOwnBrowser(browser, bo, errors);

  // Bo earns some XP, which puts Bo on this week's board.
  await openLesson(boPage, firstSteps);
  await answer(boPage, firstSteps.questions[0]!, 'right');
  await boPage.getByRole('link', { name: 'Quit lesson' }).click();
  await expect(boPage.getByRole('heading', { level: 1, name: `Hi, ${bo.displayName}!` })).toBeVisible();

  // Ada challenges Bo from the board.
  await goTo(adaPage, 'Leaderboards');
  await adaPage.getByRole('link', { name: `Challenge ${bo.displayName}` }).click();
  await expect(adaPage.getByRole('heading', { name: `Challenge ${bo.displayName}` })).toBeVisible();
  await adaPage.getByLabel('Length').selectOption({ label: '3 questions' });
  await adaPage.getByRole('button', { name: 'Send challenge' }).click();
  await expect(adaPage.getByRole('heading', { level: 1, name: `Waiting for ${bo.displayName}` })).toBeVisible();

  // The challenge reaches Bo live, on the screen Bo is on.
  const challenge = boPage.getByRole('alert', { name: `Challenge from ${ada.displayName}` });
  await expect(challenge).toBeVisible();
  await challenge.getByRole('button', { name: 'Accept' }).click();

  await Promise.all([answerDuel(adaPage, 3), answerDuel(boPage, 3)]);

  await expect(outcome(adaPage)).toBeVisible({ timeout: 30_000 });
  await expect(outcome(boPage)).toBeVisible({ timeout: 30_000 });
  const [adaOutcome, boOutcome] = [await outcome(adaPage).innerText(), await outcome(boPage).innerText()];
  const mirrored: Record<string, string> = { 'You won!': 'You lost', 'You lost': 'You won!', 'It’s a draw': 'It’s a draw' };
  expect(boOutcome).toBe(mirrored[adaOutcome]);
  for (const page of [adaPage, boPage]) {
    await expect(page.getByText('3 / 3 right')).toHaveCount(2);
    await expect(page.getByTestId('rating-change')).toHaveText(/^[+-]\d+$|^0$/);
  }
  expect(errors, 'errors in either browser console').toEqual([]);
});
