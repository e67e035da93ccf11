import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { lesson, type CurriculumQuestion } from './curriculum.ts';
import { repoRoot } from './stack.ts';

/** Every question of a track: the pool that duels draw from. */
export function trackQuestions(language: 'python' | 'cpp'): CurriculumQuestion[] {
  return readdirSync(path.join(repoRoot, 'src/CodeCrafts.MigrationService/Curriculum/lessons'))
    .filter((file) => file.startsWith(`${language}-`))
    .flatMap((file) => lesson(file.replace(/\.json$/, '')).questions);
}

/** Prompt text as a page shows it: no Markdown marks, no blanks, no whitespace (code blocks keep their words). */
function squeeze(text: string): string {
  return text
    .replace(/^```\w*$/gm, '')
    .replace(/`/g, '')
    .replace(/_{3,}/g, '')
    .replace(/\s+/g, '');
}

/**
 * Which of the candidates is on screen, told by its prompt and, for options, by their texts: reviews and duels
 * choose the order, so a journey recognises each question as a learner who knows the material would.
 */
export async function questionOnScreen(page: Page, candidates: CurriculumQuestion[]): Promise<CurriculumQuestion> {
  const stage = page.getByRole('main').getByRole('region').filter({ has: page.getByRole('heading', { level: 1 }) }).first();
  await expect(stage).toBeVisible();
  const shown = squeeze(await stage.innerText());
  const optionNames = new Set(
    await page.getByRole('main').locator('input[type=radio], input[type=checkbox]').evaluateAll((inputs) =>
      // A tile reads: its key number, then the option's text.
      inputs.map((input) => input.closest('label')?.lastElementChild?.textContent?.trim() ?? ''),
    ),
  );
  const matches = candidates.filter(
    (c) =>
      shown.includes(squeeze(c.prompt)) &&
      (c.type !== 'multipleChoice' || (c.options.length === optionNames.size && c.options.every((o) => optionNames.has(o.text)))),
  );
  if (matches.length === 0) throw new Error(`No known question matches the screen: ${shown.slice(0, 200)}`);
  return matches.sort((a, b) => b.prompt.length - a.prompt.length)[0]!;
}
