#!/usr/bin/env bash
# Runs the machine's PostgreSQL for the AppHost's local mode: initdb on first use, then exec postgres
# (exec, so the orchestrator's SIGTERM reaches the server and it shuts down cleanly).
# Usage: start-postgres.sh <bin dir> <data dir> <port>; POSTGRES_PASSWORD in the environment.
set -euo pipefail
bin="$1"; data="$2"; port="$3"

run_as=()
mkdir -p "$data"
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root: hand the data folder to the postgres user and drop to it.
  chown postgres:postgres "$data"
  chmod 700 "$data"
  chmod o+x "$(dirname "$data")"
  run_as=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi

if [ ! -s "$data/PG_VERSION" ]; then
  # initdb wants an empty folder, so the password file lives outside it, readable only by the server's user.
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pwfile"; fi
  "${run_as[@]}" "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" --auth-host=scram-sha-256 --auth-local=peer \
    -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi

exec "${run_as[@]}" "$bin/postgres" -D "$data" -p "$port" -k "$data" \
  -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on
