import { expect, type Page } from '@playwright/test';
import type { CurriculumQuestion } from './curriculum.ts';

/**
 * Which of the candidates the review shows, told by its options (the review order is the Api's, most at risk
 * first, so the journey recognises each question as a learner would).
 */
export async function questionOnScreen(page: Page, candidates: CurriculumQuestion[]): Promise<CurriculumQuestion> {
  await expect(page.getByRole('button', { name: 'Check' })).toBeVisible();
  for (const candidate of candidates) {
    if (candidate.type !== 'multipleChoice') continue;
    const role = candidate.correctOptionIds.length > 1 ? 'checkbox' : 'radio';
    const shown = await Promise.all(candidate.options.map((o) => page.getByRole(role, { name: o.text, exact: true }).count()));
    if (shown.every((count) => count === 1)) return candidate;
  }
  throw new Error(`None of ${candidates.map((c) => c.slug).join(', ')} is on screen`);
}
