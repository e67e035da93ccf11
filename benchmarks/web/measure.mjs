// The web app's benchmark, in Debian's Chromium through Playwright's performance APIs, each figure beside a bare
// reference page served by the same server in the same run:
//   1. initial JavaScript, gzipped, of the Learn screen for a signed-in learner (production build);
//   2. the Learn screen's Largest Contentful Paint on loopback (median of RUNS cold loads);
//   3. how long after the answer's response ends its feedback is painted (median and worst of the samples).
// It builds the app into a temporary folder, serves it with `vite preview` (the same /api proxy rule as in
// development) in front of a running Api (API_URL, default http://localhost:5080), and prints the figures.
// Usage: node benchmarks/web/measure.mjs   (env: API_URL, RUNS=5, CHROMIUM=/usr/bin/chromium)
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { armFeedbackWatch, feedbackPaint, largestContentfulPaint } from './probes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const webDir = path.join(repoRoot, 'src/CodeCrafts.Web');
// Playwright comes from the browser tests' own install (src/CodeCrafts.Web/e2e).
const { chromium } = createRequire(path.join(webDir, 'e2e/package.json'))('@playwright/test');

const apiUrl = process.env.API_URL ?? 'http://localhost:5080';
const runs = Number(process.env.RUNS ?? 5);
const port = Number(process.env.PREVIEW_PORT ?? 4390);
const base = `http://localhost:${port}`;
const feedbackSelector = '[aria-label="Answer feedback"]';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x) => `${Math.round(x)} ms`;

async function waitForServer(url, child) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

/** A production build with the reference page beside it; telemetry is left out (no OTLP endpoint at build). */
function build(outDir) {
  execFileSync('bash', [path.join(repoRoot, 'src/CodeCrafts.AppHost/Infrastructure/scripts/npm-ci-if-changed.sh'), webDir], { stdio: 'inherit' });
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITE_')));
  execFileSync('node', ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: webDir, env, stdio: 'inherit' });
  cpSync(path.join(here, 'reference'), path.join(outDir, '__bench'), { recursive: true });
}

/** A cold browser context for a learner who signed in before: their refresh token is in storage. */
async function signedInContext(browser, session) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((token) => localStorage.setItem('codecrafts.refreshToken', token), session.refreshToken);
  return context;
}

/** Refresh tokens are single use: keep the one the app rotated to, for the next cold load. */
async function keepToken(page, session) {
  session.refreshToken = await page.evaluate(() => localStorage.getItem('codecrafts.refreshToken'));
}

async function initialJavaScript(browser, session) {
  const context = await signedInContext(browser, session);
  const page = await context.newPage();
  const scripts = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => ({ url: response.url(), body })));
  });
  await page.goto(`${base}/`);
  await page.getByRole('list', { name: 'Python lessons' }).waitFor();
  await page.waitForLoadState('networkidle');
  await keepToken(page, session);
  const files = await Promise.all(scripts);
  await context.close();
  return {
    gzipBytes: files.reduce((sum, f) => sum + gzipSync(f.body).length, 0),
    files: files.map((f) => path.basename(new URL(f.url).pathname)),
  };
}

async function learnLcp(browser, session) {
  const context = await signedInContext(browser, session);
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('list', { name: 'Python lessons' }).waitFor();
  const lcp = await page.evaluate(largestContentfulPaint);
  await keepToken(page, session);
  await context.close();
  return lcp;
}

async function referenceLcp(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/__bench/reference.html`);
  await page.getByRole('heading', { name: 'Reference page' }).waitFor();
  const lcp = await page.evaluate(largestContentfulPaint);
  await context.close();
  return lcp;
}

/** Python lesson 1's first five questions (three choices, two blanks), each answered and its feedback timed. */
async function appFeedback(browser, session) {
  const context = await signedInContext(browser, session);
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('list', { name: 'Python lessons' }).getByRole('link').first().click();
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const blanks = page.getByRole('textbox', { name: /^Blank/ });
    if ((await blanks.count()) > 0) for (const blank of await blanks.all()) await blank.fill('x');
    else await page.getByRole('main').getByRole('radio').first().check();
    await page.evaluate(armFeedbackWatch, [feedbackSelector, '/attempts']);
    await page.getByRole('button', { name: 'Check' }).click();
    samples.push(await page.evaluate(feedbackPaint));
    await page.locator(feedbackSelector).getByRole('button', { name: 'Continue' }).click();
  }
  await keepToken(page, session);
  await context.close();
  return samples;
}

async function referenceFeedback(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/__bench/reference.html`);
  const samples = [];
  for (let i = 0; i < 5; i++) {
    await page.evaluate(armFeedbackWatch, [feedbackSelector, 'answer.json']);
    await page.getByRole('button', { name: 'Check' }).click();
    samples.push(await page.evaluate(feedbackPaint));
  }
  await context.close();
  return samples;
}

async function referenceJavaScript() {
  const body = await fetch(`${base}/__bench/reference.js`).then((r) => r.arrayBuffer());
  return gzipSync(Buffer.from(body)).length;
}

const outDir = mkdtempSync(path.join(tmpdir(), 'codecrafts-web-bench-'));
let preview;
let browser;
try {
  build(outDir);
  preview = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'], {
    cwd: webDir,
    stdio: 'ignore',
    env: { ...process.env, services__api__http__0: apiUrl },
  });
  await waitForServer(`${base}/__bench/reference.html`, preview);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

  const email = `bench-${Date.now()}@example.test`;
  const registered = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'Benchmark learner 1!', displayName: 'Bench', timeZone: 'UTC' }),
  });
  if (!registered.ok) throw new Error(`register: ${registered.status} ${await registered.text()} (is the Api at ${apiUrl}?)`);
  const session = { refreshToken: (await registered.json()).tokens.refreshToken };

  const js = await initialJavaScript(browser, session);
  const lcp = { app: [], reference: [] };
  for (let i = 0; i < runs; i++) {
    lcp.app.push(await learnLcp(browser, session));
    lcp.reference.push(await referenceLcp(browser));
  }
  const feedback = { app: await appFeedback(browser, session), reference: await referenceFeedback(browser) };
  const results = {
    initialJavaScriptGzip: { app: js.gzipBytes, reference: await referenceJavaScript(), budget: 200 * 1024, files: js.files },
    learnLcpMs: { appMedian: median(lcp.app), referenceMedian: median(lcp.reference), budget: 1000, app: lcp.app, reference: lcp.reference },
    feedbackPaintAfterResponseMs: {
      appMedian: median(feedback.app),
      appWorst: max(feedback.app),
      referenceMedian: median(feedback.reference),
      referenceWorst: max(feedback.reference),
      budget: 100,
      app: feedback.app,
      reference: feedback.reference,
    },
  };

  const r = results;
  console.log(`\nWeb benchmark (${new Date().toISOString()}, Api ${apiUrl}, ${runs} cold loads)`);
  console.log('| figure | app | reference | budget |');
  console.log('|---|---:|---:|---:|');
  console.log(`| initial JavaScript, gzipped (${js.files.length} files) | ${kb(r.initialJavaScriptGzip.app)} | ${kb(r.initialJavaScriptGzip.reference)} | ${kb(r.initialJavaScriptGzip.budget)} |`);
  console.log(`| Learn screen LCP, median | ${ms(r.learnLcpMs.appMedian)} | ${ms(r.learnLcpMs.referenceMedian)} | ${ms(1000)} |`);
  console.log(`| feedback painted after the response, median / worst | ${ms(r.feedbackPaintAfterResponseMs.appMedian)} / ${ms(r.feedbackPaintAfterResponseMs.appWorst)} | ${ms(r.feedbackPaintAfterResponseMs.referenceMedian)} / ${ms(r.feedbackPaintAfterResponseMs.referenceWorst)} | ${ms(100)} |`);
  console.log(`\nScripts loaded for Learn: ${js.files.join(', ')}`);
  console.log(JSON.stringify(results));
} finally {
  await browser?.close();
  preview?.kill('SIGTERM');
  rmSync(outDir, { recursive: true, force: true });
}
