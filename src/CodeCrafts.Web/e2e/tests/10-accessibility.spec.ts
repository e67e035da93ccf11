import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures.ts';
import { expectNoSeriousAccessibilityViolations } from '../support/accessibility.ts';
import { lesson } from '../support/curriculum.ts';
import { answerDuel, outcome } from '../support/duel.ts';
import { goTo, newLearner, openLesson, signUp } from '../support/learner.ts';
import { answer } from '../support/player.ts';
import { repoRoot } from '../support/stack.ts';

const firstSteps = lesson('python-01-first-steps');

/** axe on what the learner sees now, then a 1280 px picture of it for the README. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await expectNoSeriousAccessibilityViolations(page, name);
  // Skeletons and transitions settle before the picture.
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots', `${name}-1280.png`) });
}

test('every screen has no serious or critical accessibility violation (axe-core)', async ({ page }) => {
  test.setTimeout(300_000);
  const learner = newLearner('Tim');

  await page.goto('/sign-up');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/email/i).and(page.locator('.field-error, [role=alert]')).first()).toBeVisible();
  await checkScreen(page, 'sign-up');

  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome back' })).toBeVisible();
  await checkScreen(page, 'sign-in');

  await signUp(page, learner);
  await expect(page.getByRole('list', { name: 'Python lessons' })).toBeVisible();
  await checkScreen(page, 'learn');

  await openLesson(page, firstSteps);
  await expectNoSeriousAccessibilityViolations(page, 'lesson player, question');
  await answer(page, firstSteps.questions[0]!, 'wrong');
  await checkScreen(page, 'lesson-player');
  await page.getByRole('link', { name: 'Quit lesson' }).click();

  await goTo(page, 'Reviews');
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading reviews' })).toBeHidden();
  await checkScreen(page, 'reviews');

  await goTo(page, 'Leaderboards');
  await expect(page.getByRole('table')).toBeVisible();
  await checkScreen(page, 'leaderboards');

  await goTo(page, 'Profile');
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await checkScreen(page, 'profile');

  await goTo(page, 'Duels');
  await expect(page.getByRole('heading', { level: 1, name: 'Duels' })).toBeVisible();
  await checkScreen(page, 'duels');
  await page.getByLabel('Length').selectOption({ label: '3 questions' });
  await page.getByRole('button', { name: 'Play bot' }).click();
  await expect(page.getByRole('timer', { name: 'Time left' })).toBeVisible();
  await checkScreen(page, 'duel-live');
  await answerDuel(page, 3);
  await expectNoSeriousAccessibilityViolations(page, 'duel, waiting for the opponent');
  await expect(outcome(page)).toBeVisible({ timeout: 150_000 });
  await checkScreen(page, 'duel-result');
  await page.getByRole('link', { name: 'Duel history' }).click();
  await expect(page.getByRole('list', { name: 'Your duels, newest first' })).toBeVisible();
  await checkScreen(page, 'duel-history');

  await page.goto('/no-such-screen');
  await expectNoSeriousAccessibilityViolations(page, 'not found');
});
