// Prints "passed failed skipped" from a test runner's JSON report, for scripts/test.sh's one summary line.
// A missing or unreadable report prints "0 0 0": test.sh then counts the runner's non-zero exit as a failure.
// Usage: node scripts/test-counts.mjs vitest|playwright <report.json> [failures]
// With "failures" it prints the failed tests' names instead, one a line, for the summary at the end of test.sh.
import { readFileSync } from 'node:fs';

const [kind, file, mode] = process.argv.slice(2);

const failures = {
  vitest: (r) => r.testResults.flatMap((f) => f.assertionResults.filter((t) => t.status === 'failed').map((t) => t.fullName)),
  playwright: (r) => {
    const names = [];
    const walk = (suite, path) => {
      for (const spec of suite.specs ?? []) {
        if (spec.tests.some((t) => t.status === 'unexpected')) names.push([...path, spec.title].join(' › '));
      }
      for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
    };
    for (const suite of r.suites ?? []) walk(suite, [suite.title]);
    return names;
  },
};

if (mode === 'failures') {
  try {
    for (const name of failures[kind](JSON.parse(readFileSync(file, 'utf8')))) console.log(`failed ${name}`);
  } catch {
    // No report: the runner's own output above says why.
  }
  process.exit(0);
}

const counters = {
  // Vitest's JSON reporter (Jest-compatible): todo tests are not run, so they count as skipped.
  vitest: (r) => [r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests],
  // Playwright's JSON reporter: "expected" passed, "unexpected" failed, "flaky" passed on a retry.
  playwright: (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected, r.stats.skipped],
};

let counts = [0, 0, 0];
try {
  counts = counters[kind](JSON.parse(readFileSync(file, 'utf8'))).map((n) => Number(n) || 0);
} catch (error) {
  console.error(`No ${kind} counts from ${file}: ${error.message}`);
}
console.log(counts.join(' '));
