import path from 'node:path';
import { test, expect } from '../support/fixtures.ts';
import { lesson } from '../support/curriculum.ts';
import { literal, sql } from '../support/database.ts';
import { goTo, newLearner, openLesson, signIn, type Learner } from '../support/learner.ts';
import { enterAnswer, feedback } from '../support/player.ts';
import { repoRoot } from '../support/stack.ts';

const firstSteps = lesson('python-01-first-steps');

/**
 * Two weeks can't pass in a browser test, so the learner's history is seeded in PostgreSQL as thirteen days of answers
 * would have left it: a 13-day streak that ended the day before yesterday (in their own time zone), holding the freeze
 * earned on day 7. Yesterday was missed. Everything after that is the real stack: the Api works out the freeze from
 * that row, and the learner's answer today stores it.
 */
async function learnerWithAThirteenDayStreakAndOneMissedDay(request: import('@playwright/test').APIRequestContext): Promise<Learner> {
  const learner = newLearner('Frieda');
  const response = await request.post('/api/auth/register', {
    data: { email: learner.email, password: learner.password, displayName: learner.displayName, timeZone: 'Europe/Berlin' },
  });
  expect(response.status(), await response.text()).toBe(201);
  sql(`
    WITH learner AS (
      SELECT "Id", "TimeZoneId", (now() AT TIME ZONE "TimeZoneId")::date AS today FROM users WHERE "NormalizedEmail" = ${literal(learner.email)}
    ), seeded AS (
      INSERT INTO daily_activity ("UserId", "Day", "Xp", "Answers", "CorrectAnswers")
      SELECT "Id", today - back, 20 + 5 * (back % 4), 3, 2 FROM learner, generate_series(2, 14) AS back
    )
    UPDATE users SET "Xp" = 390, "CurrentStreak" = 13, "LongestStreak" = 13, "LastActiveOn" = learner.today - 2,
                     "LastActiveTimeZoneId" = learner."TimeZoneId", "StreakFreezes" = 1, "StreakFreezesUsed" = 0
    FROM learner WHERE users."Id" = learner."Id"`);
  return learner;
}

test('a missed day uses a streak freeze: the streak survives, the calendar shows the day frozen', async ({ page, request }) => {
  const learner = await learnerWithAThirteenDayStreakAndOneMissedDay(request);
  await signIn(page, learner);

  // Yesterday is over and was missed: the freeze earned on day 7 covers it, before any answer today.
  const yourDay = page.getByRole('complementary', { name: 'Your day' });
  await expect(yourDay.getByTestId('streak-count')).toHaveText('13');
  await expect(yourDay.getByRole('img', { name: '0 streak freezes held of 2' })).toBeVisible();
  await expect(yourDay.getByText('Next at 14 days · 1 used')).toBeVisible();

  // Today's answer extends the streak to 14, which earns a freeze.
  await openLesson(page, firstSteps);
  await enterAnswer(page, firstSteps.questions[0]!, 'right');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(feedback(page)).toContainText('Streak extended: 14 days');
  await page.getByRole('link', { name: 'Quit lesson' }).click();

  await expect(yourDay.getByTestId('streak-count')).toHaveText('14');
  await expect(yourDay.getByRole('img', { name: '1 streak freeze held of 2' })).toHaveText('×1');
  await expect(yourDay.getByText('Next at 21 days · 1 used')).toBeVisible();
  await expect(page.getByRole('banner').getByText('Streak freezes:')).toBeVisible();

  // The frozen day is stored, and the calendar shows it between the active ones.
  const frozenDay = sql(`SELECT f."Day" FROM streak_frozen_days f JOIN users u ON u."Id" = f."UserId" WHERE u."NormalizedEmail" = ${literal(learner.email)}`);
  const yesterday = sql(`SELECT ((now() AT TIME ZONE 'Europe/Berlin')::date - 1)::text`);
  expect(frozenDay).toBe(yesterday);
  await goTo(page, 'Profile');
  const stats = page.getByRole('definition').filter({ hasText: 'used' });
  await expect(stats).toHaveText(/1 \/ 2\s*1 used/);
  const calendar = page.getByRole('list', { name: 'Daily XP, last 30 days' });
  const label = new Date(`${yesterday}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  await expect(calendar.getByRole('listitem', { name: `${label}: 0 XP, frozen (a streak freeze kept the streak)` })).toBeVisible();
  await expect(page.getByText('14 active days in the last 30, 1 frozen.')).toBeVisible();

  await page.getByRole('heading', { name: 'Activity' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/streak-freeze-profile.png') });
  await goTo(page, 'Learn');
  await expect(yourDay.getByTestId('streak-count')).toHaveText('14');
  await yourDay.screenshot({ path: path.join(repoRoot, 'docs/screenshots/streak-freeze-learn.png') });
});
