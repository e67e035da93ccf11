#!/usr/bin/env bash
# The one test command: installs what the tests start for real (PostgreSQL, Redis, the code sandbox's tools,
# Debian's Chromium) when they are missing, builds, runs the .NET tests, the web app's Vitest tests and the
# browser journeys (Playwright in Chromium against the whole AppHost), and prints one line over all three:
# "Tests: N passed, N failed, N skipped". Any failure in any of them makes it exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
# The code sandbox runs these exact paths (CodeExecution:Sandbox:*Path): a python3 elsewhere on PATH
# (pyenv, a venv) does not count, because only the system folders are visible inside the sandbox.
[ -x /usr/bin/bwrap ] || missing+=(bubblewrap)
[ -x /usr/bin/g++ ] || missing+=(g++)
[ -x /usr/bin/python3 ] || missing+=(python3)
command -v setpriv >/dev/null || missing+=(util-linux)
command -v prlimit >/dev/null || missing+=(util-linux)
# The browser journeys drive Debian's Chromium (Playwright cannot download its own here); the fonts make
# the screenshots readable.
[ -x /usr/bin/chromium ] || missing+=(chromium)
for font in fonts-noto-core fonts-liberation fonts-noto-color-emoji; do
  dpkg-query -W -f='${Status}' "$font" 2>/dev/null | grep -q "ok installed" || missing+=("$font")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
  echo "The web app needs Node.js 20.19 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

configuration="${CONFIGURATION:-Debug}"
dotnet build CodeCrafts.sln -c "$configuration" -nologo -v quiet

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
web=src/CodeCrafts.Web
npm_ci_if_changed=src/CodeCrafts.AppHost/Infrastructure/scripts/npm-ci-if-changed.sh

# A runner that fails before any test fails (a crash, a stack that never started) still counts as one failure.
record() { # record <name> <exit code> <passed> <failed> <skipped>
  local name=$1 code=$2 passed=$3 failed=$4 skipped=$5
  if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "$name exited $code without reporting a failed test; counted as one failure." >&2
    failed=1
  fi
  [ "$code" -eq 0 ] || status=1
  echo "$name: $passed passed, $failed failed, $skipped skipped"
  echo "$passed $failed $skipped" >> "$results/counts"
}

# 1. .NET: Microsoft.Testing.Platform closes each test module with total/failed/succeeded/skipped lines.
set +e
dotnet test --solution CodeCrafts.sln -c "$configuration" --no-build "$@" 2>&1 | tee "$results/dotnet.log"
code=${PIPESTATUS[0]}
set -e
read -r passed failed skipped < <(awk '
  /^[[:space:]]*failed:[[:space:]]*[0-9]+/    { failed += $2 }
  /^[[:space:]]*succeeded:[[:space:]]*[0-9]+/ { passed += $2 }
  /^[[:space:]]*skipped:[[:space:]]*[0-9]+/   { skipped += $2 }
  END { print passed + 0, failed + 0, skipped + 0 }' "$results/dotnet.log")
record ".NET tests" "$code" "$passed" "$failed" "$skipped"

# 2. The web app's component and logic tests (Vitest), counted from its JSON report.
set +e
bash "$npm_ci_if_changed" "$web" &&
  (cd "$web" && npm test -- --reporter=default --reporter=json --outputFile.json="$results/vitest.json")
code=$?
set -e
read -r passed failed skipped < <(node scripts/test-counts.mjs vitest "$results/vitest.json")
record "Web unit tests" "$code" "$passed" "$failed" "$skipped"

# 3. The browser journeys: type-checked, then run by Playwright against a stack they start and stop.
rm -f "$web/e2e/results/playwright.json"
set +e
bash "$npm_ci_if_changed" "$web/e2e" &&
  (cd "$web/e2e" && npm run --silent typecheck && CONFIGURATION="$configuration" npx playwright test)
code=$?
set -e
read -r passed failed skipped < <(node scripts/test-counts.mjs playwright "$web/e2e/results/playwright.json")
record "Browser tests" "$code" "$passed" "$failed" "$skipped"

# The failed tests by name, right above the summary: a log read from its end shows them without scrolling.
{
  grep -A4 -E '^failed ' "$results/dotnet.log" || true
  node scripts/test-counts.mjs vitest "$results/vitest.json" failures
  node scripts/test-counts.mjs playwright "$web/e2e/results/playwright.json" failures
} > "$results/failures"
if [ -s "$results/failures" ]; then
  echo "Failed tests:"
  cat "$results/failures"
fi
awk '{ p += $1; f += $2; s += $3 } END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$results/counts"
exit "$status"
