import { expect, type Locator, type Page } from '@playwright/test';
import { correctOptionNumbers, type CurriculumQuestion } from './curriculum.ts';
import { feedback } from './player.ts';

/** Presses Tab until the target has the focus, as a keyboard user would; fails if it is not reachable. */
export async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reachable with Tab in ${maxPresses} presses: ${target}`);
}

/** Answers the question on screen with the keys alone: 1–4 pick, Enter checks, Enter continues. */
export async function answerWithKeyboard(page: Page, question: CurriculumQuestion): Promise<void> {
  // Keys pressed before the question is on screen would go nowhere, as they would for a person.
  await expect(page.getByRole('main').getByRole('region').getByRole('heading', { level: 1 })).toBeVisible();
  switch (question.type) {
    case 'multipleChoice':
      for (const n of correctOptionNumbers(question)) await page.keyboard.press(String(n));
      await page.keyboard.press('Enter');
      break;
    case 'fillInTheBlank':
      for (const [i, blank] of question.blanks.entries()) {
        const name = question.blanks.length > 1 ? `Blank ${i + 1} of ${question.blanks.length}` : 'Blank 1';
        await tabTo(page, page.getByRole('textbox', { name }));
        await page.keyboard.type(blank.accepted[0]!);
      }
      await page.keyboard.press('Enter');
      break;
    case 'flashcard':
      await page.keyboard.press('Enter');
      await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeVisible();
      await page.keyboard.press('3');
      break;
    case 'code':
      throw new Error('Code questions are answered in the editor');
  }
  const continueButton = feedback(page).getByRole('button', { name: 'Continue' });
  await expect(continueButton).toBeFocused();
  await expect(feedback(page).getByRole('heading', { level: 2 })).toHaveText('Correct!');
  await page.keyboard.press('Enter');
  await expect(feedback(page)).toBeHidden();
}
