#!/usr/bin/env bash
# Runs the learner's web app for the AppHost: installs its packages when needed, then Vite's dev server on the
# given port (strict: a taken port is an error, not a silent move to the next one, since the URL is fixed).
# `exec` keeps one process in the chain so that the orchestrator's SIGTERM reaches Vite.
# Usage: start-web.sh <web app folder> <port>
set -euo pipefail
"$(dirname "$0")/npm-ci-if-changed.sh" "$1"
cd "$1"
exec node node_modules/vite/bin/vite.js --port "$2" --strictPort
