import path from 'node:path';
import { test, expect } from '../support/fixtures.ts';
import { lesson } from '../support/curriculum.ts';
import { newLearner, openLesson, signUp } from '../support/learner.ts';
import { repoRoot } from '../support/stack.ts';

const firstSteps = lesson('python-01-first-steps');
test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

test('the lesson player fits a 360 px phone, question and feedback', async ({ page }) => {
  await signUp(page, newLearner('Margaret'));
  await openLesson(page, firstSteps);
  await expect(page.getByRole('progressbar', { name: 'Lesson progress' })).toBeVisible();
  const question = firstSteps.questions[0]!;
  if (question.type !== 'multipleChoice') throw new Error('python-01 starts with a multiple-choice question');
  await page.getByRole('radio', { name: question.options[1]!.text, exact: true }).check();

  const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fitsWidth(), 'no sideways scrolling at 360 px').toBe(true);
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/lesson-player-360.png') });

  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('region', { name: 'Answer feedback' })).toBeVisible();
  expect(await fitsWidth(), 'no sideways scrolling at 360 px with feedback').toBe(true);
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/lesson-feedback-360.png') });
});
