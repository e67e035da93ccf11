// Prints "passed failed skipped" from a test runner's JSON report, for scripts/test.sh's one summary line.
// A missing or unreadable report prints "0 0 0": test.sh then counts the runner's non-zero exit as a failure.
// Usage: node scripts/test-counts.mjs vitest|playwright <report.json>
import { readFileSync } from 'node:fs';

const [kind, file] = process.argv.slice(2);

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
