import { test as base, expect, type Page } from '@playwright/test';

/**
 * Records what a learner would never see but a developer must: script errors and console errors. Chromium itself
 * logs "Failed to load resource" for every HTTP error status (an expected 401 before a refresh, a 400 naming a
 * field), which says nothing about the app, so those lines are left out.
 */
export function watchConsole(page: Page, errors: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      watchConsole(page, errors);
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
