import { test, expect } from '../support/fixtures.ts';
import { startWebWithApiStopped, type WebServer } from '../support/api-down.ts';
import { newLearner } from '../support/learner.ts';

let apiStopped: WebServer;
test.beforeAll(async () => {
  apiStopped = await startWebWithApiStopped();
});
test.afterAll(async () => {
  await apiStopped?.stop();
});

test('with the Api stopped, a returning learner sees an error banner with a retry, not a blank page', async ({ page, request }) => {
  // The learner signed in on an earlier day: their refresh token is in the browser's storage.
  const learner = newLearner('Ken');
  const registered = await request.post('/api/auth/register', { data: { ...learner, timeZone: 'Europe/Berlin' } });
  expect(registered.ok()).toBe(true);
  const { tokens } = (await registered.json()) as { tokens: { refreshToken: string } };
  await page.addInitScript((token) => localStorage.setItem('codecrafts.refreshToken', token), tokens.refreshToken);

  await page.goto(apiStopped.url);

  const banner = page.getByRole('alert').filter({ has: page.getByRole('button', { name: /Try again/ }) });
  await expect(banner).toBeVisible();
  await expect(banner).not.toHaveText(/^\s*$/);
  await expect(page.locator('#root')).not.toBeEmpty();
  await banner.getByRole('button', { name: /Try again/ }).click();
  await expect(banner).toBeVisible();
});
