#!/usr/bin/env bash
# Login under load, on loopback only: a throwaway PostgreSQL on a random port, the migration worker, the Api in
# Release, then wrk against /api/auth/login (right password, wrong password, unknown email) and GET /api/users/me.
# Usage: benchmarks/wrk/auth.sh [duration=20s] [connections=8]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-20s}"
connections="${2:-8}"
work=$(mktemp -d /tmp/codecrafts-wrk-XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
api_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_pid=""; api_pid=""
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  [ -n "$pg_pid" ] && kill -INT "$pg_pid" 2>/dev/null && wait "$pg_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

run_as=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$work"
  run_as=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi
"${run_as[@]}" "$bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${run_as[@]}" "$bin/postgres" -D "$work/data" -p "$pg_port" -k "$work" -c listen_addresses=127.0.0.1 \
  -c max_connections=200 >"$work/postgres.log" 2>&1 &
pg_pid=$!
until "$bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q; do sleep 0.2; done

dotnet build src/CodeCrafts.MigrationService -c Release -nologo -v quiet >/dev/null
dotnet build src/CodeCrafts.Api -c Release -nologo -v quiet >/dev/null
export ConnectionStrings__codecrafts="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=codecrafts"
export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production OTEL_EXPORTER_OTLP_ENDPOINT=
dotnet src/CodeCrafts.MigrationService/bin/Release/net10.0/CodeCrafts.MigrationService.dll >"$work/migrations.log" 2>&1

# Limits out of the way: this measures the cost of a login, not the limiter.
SECRET_KEY=$(openssl rand -base64 48) ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
RateLimits__LoginPerNetwork__PermitLimit=100000000 RateLimits__RegisterPerNetwork__PermitLimit=100000000 \
RateLimits__FailedLogins__FreeFailures=100000000 Logging__LogLevel__Default=Warning \
  dotnet src/CodeCrafts.Api/bin/Release/net10.0/CodeCrafts.Api.dll >"$work/api.log" 2>&1 &
api_pid=$!
url="http://127.0.0.1:$api_port"
until curl -sf "$url/alive" >/dev/null; do sleep 0.3; done

email="bench-$RANDOM@example.org"
password="correct horse battery staple"
token=$(curl -sf -X POST "$url/api/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Bench\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["tokens"]["accessToken"])')

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; wrk -t2 -c$connections -d$duration"
for case in "right password|$password|$email" "wrong password|not the password|$email" "unknown email|$password|nobody-$RANDOM@example.org"; do
  IFS='|' read -r name pw who <<<"$case"
  echo "== POST /api/auth/login ($name)"
  BODY="{\"email\":\"$who\",\"password\":\"$pw\"}" wrk -t2 -c"$connections" -d"$duration" --timeout 30s --latency -s benchmarks/wrk/post-json.lua "$url/api/auth/login" \
    | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx|requests in|Socket errors"
done
echo "== GET /api/users/me (bearer validation + user-exists check + profile query)"
TOKEN="$token" wrk -t2 -c"$connections" -d"$duration" --timeout 30s --latency -s benchmarks/wrk/bearer.lua "$url/api/users/me" \
  | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx|requests in|Socket errors"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
