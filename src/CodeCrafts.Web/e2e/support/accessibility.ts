import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import { expect, type Page } from '@playwright/test';

declare global {
  interface Window {
    axe?: { run: (context: Document, options: object) => Promise<AxeResults> };
  }
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const blocking: ImpactValue[] = ['serious', 'critical'];

/** axe-core injected into the page: no serious or critical violation on what the learner sees now. */
export async function expectNoSeriousAccessibilityViolations(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: axeSource });
  const results = await page.evaluate(() =>
    window.axe!.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
  );
  const found = results.violations
    .filter((v) => v.impact && blocking.includes(v.impact))
    .map((v) => {
      const where = v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} (${n.any[0]?.message ?? n.failureSummary ?? ''})`);
      return `${v.impact} ${v.id}: ${v.help} — ${where.join('; ')}`;
    });
  // Soft: one run lists every screen's violations, and the test still fails.
  expect.soft(found, `serious or critical axe violations on ${screen}`).toEqual([]);
}
