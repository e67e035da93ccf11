import path from 'node:path';
import { test, expect } from '../support/fixtures.ts';
import { expectNoSeriousAccessibilityViolations } from '../support/accessibility.ts';
import { lesson } from '../support/curriculum.ts';
import { newLearner, openLesson, signUp } from '../support/learner.ts';
import { answer, continueToNext } from '../support/player.ts';
import { repoRoot } from '../support/stack.ts';

const firstSteps = lesson('python-01-first-steps');
// Tall enough for the side column down to the league card, so the picture shows it whole.
test.use({ viewport: { width: 1280, height: 1300 } });

test('a learner earns XP and finds themselves in this week’s league on Learn', async ({ page }) => {
  await signUp(page, newLearner('Grace'));
  const league = page.getByRole('region', { name: 'League' });
  await expect(league).toContainText('Earn XP this week to join a league');

  // The first XP of the week places the learner in a Bronze cohort.
  await openLesson(page, firstSteps);
  const first = firstSteps.questions.find((q) => q.type !== 'code')!;
  for (const question of firstSteps.questions.slice(0, firstSteps.questions.indexOf(first) + 2)) {
    if (question.type === 'code') break;
    await answer(page, question, 'right');
    await continueToNext(page);
  }
  // The lesson player has no navigation of its own: leave it the way a learner would.
  await page.getByRole('link', { name: 'Quit lesson' }).click();

  await expect(league).toContainText('Bronze League');
  await expect(league.getByTestId('league-rank')).toHaveText(/^#\d+ of \d+$/);
  const me = league.getByRole('listitem').filter({ hasText: '(you)' });
  await expect(me).toHaveAttribute('aria-current', 'true');
  await expect(me).toContainText(/[1-9]\d* XP/);
  // The zones shrink with the cohort (the top 7 of 30; everyone but one in a cohort this stack may have just begun).
  await expect(league).toContainText(/Top \d+ move up/);
  await expect(league).toContainText(/Ends in \d/);
  await expectNoSeriousAccessibilityViolations(page, 'Learn with the league card');
  await league.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/league-card-1280.png') });
});
