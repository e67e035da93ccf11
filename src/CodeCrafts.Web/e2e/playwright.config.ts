import { defineConfig, devices } from '@playwright/test';

/**
 * A learner's journeys in Debian's Chromium (/usr/bin/chromium): Playwright 1.64.1 speaks its protocol, and
 * `playwright install` cannot download a browser on these machines. The stack is started once (global setup).
 */
export default defineConfig({
  testDir: './tests',
  outputDir: './results/artifacts',
  globalSetup: './support/global-setup.ts',
  // Two cores run the AppHost, PostgreSQL, Redis, the Api, Vite and the browsers.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: './results/playwright.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    baseURL: process.env.E2E_WEB_URL,
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
