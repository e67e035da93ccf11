import path from 'node:path';
import { test, expect } from '../support/fixtures.ts';
import { lesson } from '../support/curriculum.ts';
import { newLearner, openLesson, signUp } from '../support/learner.ts';
import { enterAnswer, feedback } from '../support/player.ts';
import { repoRoot } from '../support/stack.ts';

const firstSteps = lesson('python-01-first-steps');

interface OtlpTrace {
  data: {
    resourceSpans: {
      resource: { attributes: { key: string; value: { stringValue?: string } }[] };
      scopeSpans: {
        scope: { name: string };
        spans: { name: string; attributes?: { key: string; value: { stringValue?: string } }[] }[];
      }[];
    }[];
  };
}

/** "service/scope" for every scope in the trace, as the dashboard's telemetry API returns it (OTLP JSON). */
function servicesAndScopes(trace: OtlpTrace): string[] {
  return trace.data.resourceSpans.flatMap((r) => {
    const service = r.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
    return r.scopeSpans.map((s) => `${service}/${s.scope.name}`);
  });
}

/**
 * The Redis round trips of the trace: spans of the Redis instrumentation, and the answer's one pipeline, which the Api
 * traces itself because StackExchange.Redis does not profile a batch's commands.
 */
function redisSpans(trace: OtlpTrace): string[] {
  return trace.data.resourceSpans.flatMap((r) =>
    r.scopeSpans.flatMap((s) =>
      s.spans
        .filter(
          (span) =>
            s.scope.name === 'OpenTelemetry.Instrumentation.StackExchangeRedis' ||
            span.attributes?.some((a) => a.key === 'db.system.name' && a.value.stringValue === 'redis'),
        )
        .map((span) => span.name),
    ),
  );
}

test('a click on Check is one trace in the dashboard: browser, Api, PostgreSQL and Redis', async ({ page, request }) => {
  const dashboard = process.env.E2E_DASHBOARD_URL;
  expect(dashboard, 'the stack was started with its dashboard (E2E_DASHBOARD_URL)').toBeTruthy();
  await signUp(page, newLearner('Tracy'));
  await openLesson(page, firstSteps);
  await enterAnswer(page, firstSteps.questions[0]!, 'right');

  const attempt = page.waitForRequest((r) => r.method() === 'POST' && /\/api\/questions\/[^/]+\/attempts$/.test(r.url()));
  await page.getByRole('button', { name: 'Check' }).click();
  const traceparent = (await attempt).headers()['traceparent'];
  expect(traceparent, 'the browser starts the trace (W3C traceparent on the answer)').toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
  const traceId = traceparent!.split('-')[1]!;
  await expect(feedback(page)).toBeVisible();

  // The browser batches its spans for about a second before sending them.
  await expect(async () => {
    const response = await request.get(`${dashboard}/api/telemetry/traces/${traceId}`);
    expect(response.ok()).toBe(true);
    const trace = (await response.json()) as OtlpTrace;
    expect(servicesAndScopes(trace)).toEqual(
      expect.arrayContaining(['web/@opentelemetry/instrumentation-fetch', 'api/Microsoft.AspNetCore', 'api/Npgsql']),
    );
    expect(redisSpans(trace), 'the answer\'s Redis pipeline is in the same trace').not.toEqual([]);
  }).toPass({ timeout: 30_000 });

  await page.goto(`${dashboard}/traces/detail/${traceId}`);
  await expect(page.getByText('POST /api/questions/{id:guid}/attempts').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The dashboard's notices about certificates and unsecured endpoints are for its operator, not this picture.
  for (const close of await page.getByRole('button', { name: 'Close' }).all()) await close.click();
  await page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/trace-check-1280.png') });
});
