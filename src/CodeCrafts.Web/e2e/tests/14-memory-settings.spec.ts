import path from 'node:path';
import { test, expect } from '../support/fixtures.ts';
import { expectNoSeriousAccessibilityViolations } from '../support/accessibility.ts';
import { goTo, newLearner, signUp } from '../support/learner.ts';
import { repoRoot } from '../support/stack.ts';

test('a learner sees their memory model and sets the recall their reviews aim for', async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, newLearner('Hermann'));
  await goTo(page, 'Profile');

  const model = page.getByRole('region', { name: 'Memory model' });
  const facts = model.getByLabel('Your memory model');
  await expect(facts.getByText('Default weights')).toBeVisible();
  await expect(facts.getByText('Not yet')).toBeVisible();
  await expect(model.getByText('0 of 400 reviews until weights are fitted to you.')).toBeVisible();

  // The slider, by keyboard as well as by pointer: down from 90 % to 85 %.
  const retention = model.getByRole('slider', { name: /^Desired retention/ });
  await expect(retention).toHaveValue('90');
  await retention.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await expect(retention).toHaveValue('85');
  await expect(retention).toHaveAttribute('aria-valuetext', '85 percent');

  const saved = page.waitForResponse((r) => r.url().endsWith('/api/users/me/memory') && r.request().method() === 'PATCH');
  await model.getByRole('button', { name: 'Save retention' }).click();
  expect((await saved).status()).toBe(200);
  await expect(model.getByRole('status')).toHaveText('Retention saved: your next reviews aim for 85 %.');

  // It is the Api's value now: a fresh load shows it.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Memory model' }).getByRole('slider', { name: /^Desired retention/ })).toHaveValue('85');

  await expectNoSeriousAccessibilityViolations(page, 'memory-settings');
  await page.getByRole('region', { name: 'Memory model' }).scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/memory-settings-1280.png') });
});
