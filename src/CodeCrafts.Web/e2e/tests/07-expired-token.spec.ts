import { test, expect } from '../support/fixtures.ts';
import { goTo, newLearner, signUp } from '../support/learner.ts';
import { sleep } from '../support/stack.ts';

test('an expired access token is refreshed silently and the learner carries on', async ({ page }) => {
  test.setTimeout(240_000);
  // This learner's computer clock runs two minutes slow, so the app still trusts an access token the Api has
  // already let expire (the stack issues one-minute tokens): only the Api's 401 can tell the app to refresh.
  await page.clock.install({ time: Date.now() - 120_000 });
  const calls: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/')) calls.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
  });

  const registered = page.waitForResponse((r) => r.url().endsWith('/api/auth/register') && r.ok());
  await signUp(page, newLearner('Linus'));
  const { tokens } = (await (await registered).json()) as { tokens: { accessTokenExpiresAt: string } };
  const expiresIn = Date.parse(tokens.accessTokenExpiresAt) - Date.now();
  expect(expiresIn, 'the e2e stack issues one-minute access tokens').toBeLessThanOrEqual(60_000);
  await sleep(expiresIn + 2_000);

  // Whatever the app asks first once the token has expired (a poll, or the screen opened next) is refused once.
  await goTo(page, 'Reviews');
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'All caught up!' })).toBeVisible();
  await expect(page).toHaveURL(/\/reviews$/);

  const seen = `calls: ${calls.join(', ')}`;
  const refused = calls.findIndex((c) => c.startsWith('401 '));
  const refreshed = calls.indexOf('200 POST /api/auth/refresh');
  expect(refused, seen).toBeGreaterThanOrEqual(0);
  expect(refreshed, seen).toBeGreaterThan(refused);
  expect(calls.filter((c) => c.endsWith('/api/auth/refresh')), seen).toHaveLength(1);
  const replay = calls[refused]!.replace(/^401 /, '200 ');
  expect(calls.slice(refreshed + 1), seen).toContain(replay);
  expect(calls.slice(refreshed + 1).every((c) => c.startsWith('200 ')), seen).toBe(true);
});
