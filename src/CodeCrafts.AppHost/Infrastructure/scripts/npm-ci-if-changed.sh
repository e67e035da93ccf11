#!/usr/bin/env bash
# Runs `npm ci` in a folder only when its node_modules is missing or its package-lock.json changed since the
# last install here, judged by a hash kept inside node_modules (mtimes lie after a checkout or a copy).
# Usage: npm-ci-if-changed.sh <folder with package-lock.json>
set -euo pipefail
cd "$1"
stamp=node_modules/.codecrafts-lockfile.sha256
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  exit 0
fi
echo "npm ci in $(pwd): node_modules is missing or package-lock.json changed"
npm ci --no-audit --no-fund
echo "$wanted" > "$stamp"
