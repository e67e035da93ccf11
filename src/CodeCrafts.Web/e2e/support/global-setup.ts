import type { FullConfig } from '@playwright/test';
import { startStack } from './stack.ts';

/**
 * Starts the whole stack once for every journey, unless E2E_WEB_URL points at one already running
 * (then E2E_DASHBOARD_URL may name its dashboard). Variables set here reach the test workers.
 */
export default async function globalSetup(_config: FullConfig): Promise<(() => Promise<void>) | undefined> {
  if (process.env.E2E_WEB_URL) return undefined;

  const stack = await startStack({
    webPort: Number(process.env.E2E_WEB_PORT ?? 5173),
    environment: {
      // Access tokens that expire within a journey: the silent refresh is exercised for real (scenario 7) and
      // the other journeys live through refreshes as a learner's long session would.
      ACCESS_TOKEN_EXPIRE_MINUTES: '1',
      Jwt__ClockSkewSeconds: '0',
      // Every journey signs up a new learner from 127.0.0.1; the per-network limits are for the open internet.
      RateLimits__RegisterPerNetwork__PermitLimit: '1000',
      RateLimits__LoginPerNetwork__PermitLimit: '1000',
      // A question answered wrong comes back for review after the first learning step: 5 s here instead of 1 min,
      // so a review journey does not sit idle. The second step keeps its 10 minutes.
      Reviews__LearningSteps__0: '00:00:05',
      Reviews__LearningSteps__1: '00:10:00',
    },
  });
  process.env.E2E_WEB_URL = stack.webUrl;
  process.env.E2E_DASHBOARD_URL = stack.dashboardUrl;
  // Journeys that must stand on days gone by (a streak's history) seed them through PostgreSQL (support/database.ts).
  process.env.E2E_DATA_DIRECTORY = stack.dataDirectory;
  console.log(`e2e stack: web ${stack.webUrl}, dashboard ${stack.dashboardUrl}, log ${stack.logFile}`);
  return stack.stop;
}
