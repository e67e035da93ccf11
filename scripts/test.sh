#!/usr/bin/env bash
# The one test command: installs what the tests start for real (PostgreSQL, Redis, the code sandbox's
# tools) when they are missing, builds, runs every test, and prints "Tests: N passed, N failed, N skipped".
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
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

configuration="${CONFIGURATION:-Debug}"
dotnet build CodeCrafts.sln -c "$configuration" -nologo -v quiet

log=$(mktemp)
set +e
dotnet test --solution CodeCrafts.sln -c "$configuration" --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform closes with "total/failed/succeeded/skipped" lines; CI reads one plain line.
awk '
  /^[[:space:]]*failed:[[:space:]]*[0-9]+/    { failed += $2 }
  /^[[:space:]]*succeeded:[[:space:]]*[0-9]+/ { passed += $2 }
  /^[[:space:]]*skipped:[[:space:]]*[0-9]+/   { skipped += $2 }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
rm -f "$log"
exit "$status"
