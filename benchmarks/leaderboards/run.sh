#!/usr/bin/env bash
# Leaderboard load benchmark, on loopback only: a private PostgreSQL and Redis, the Api (Release) on 127.0.0.1,
# 10,000 learners on this week's XP board. wrk measures GET /api/leaderboards/xp?period=weekly&limit=10 and, in the
# same run, the Api's bare GET / (no auth, no I/O) and an authenticated 404; redis-benchmark measures ZRANGE … REV
# WITHSCORES and ZREVRANK on the same key.
# Usage: benchmarks/leaderboards/run.sh [seconds per wrk run, default 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-20}"
users=10000
work=$(mktemp -d /tmp/codecrafts-bench-XXXX)
pids=()
# Background jobs of a non-interactive shell ignore SIGINT (dotnet keeps ignoring it): SIGTERM for everything, then
# SIGINT for PostgreSQL, which installs its own handler and takes SIGINT as "fast shutdown".
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  [ -n "${pg_pid:-}" ] && kill -INT "$pg_pid" 2>/dev/null || true
  wait 2>/dev/null || true; rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# PostgreSQL (as the postgres user when root, as it refuses root) and Redis on free loopback ports.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_port=$(free_port); redis_port=$(free_port); api_port=$(free_port)
run_pg=(); if [ "$(id -u)" = 0 ]; then chmod 755 "$work"; chown postgres:postgres "$work"; run_pg=(setpriv --reuid=postgres --regid=postgres --init-groups); fi
"${run_pg[@]}" "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${run_pg[@]}" "$pg_bin/postgres" -D "$work/pg" -p "$pg_port" -k "$work" -c listen_addresses=127.0.0.1 -c fsync=off >"$work/pg.log" 2>&1 &
pg_pid=$!
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >/dev/null &
pids+=($!)
until "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q; do sleep 0.2; done

db="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=codecrafts"
dotnet build src/CodeCrafts.Api -c Release -nologo -v quiet >/dev/null
dotnet build src/CodeCrafts.MigrationService -c Release -nologo -v quiet >/dev/null
ConnectionStrings__codecrafts="$db" DOTNET_ENVIRONMENT=Production \
  dotnet src/CodeCrafts.MigrationService/bin/Release/net10.0/CodeCrafts.MigrationService.dll >"$work/migrate.log" 2>&1

# 10,000 learners, each with one to five awards this ISO week (UTC), so weekly scores tie often.
psql="$pg_bin/psql -h 127.0.0.1 -p $pg_port -U postgres -d codecrafts -q -v ON_ERROR_STOP=1"
$psql <<SQL
INSERT INTO users ("Id","Email","NormalizedEmail","PasswordHash","DisplayName","TimeZoneId","DailyXpGoal","Xp",
  "CurrentStreak","LongestStreak","Rating","RatingDeviation","RatingVolatility","CreatedAt","UpdatedAt")
SELECT gen_random_uuid(), 'bench'||i||'@example.test', 'bench'||i||'@example.test', '!', 'Bench learner '||i, 'Etc/UTC', 50, 0,
  0, 0, 1500, 350, 0.06, now(), now()
FROM generate_series(1, $users) i;
WITH q AS (SELECT "Id", row_number() OVER (ORDER BY "Id") n FROM questions WHERE NOT "IsRetired"),
     u AS (SELECT "Id", row_number() OVER (ORDER BY "Id") n FROM users)
INSERT INTO xp_awards ("UserId","QuestionId","Day","Xp","AwardedAt")
SELECT u."Id", q."Id", current_date, 5 + (u.n * 7 + q.n) % 20, date_trunc('week', now()) + (u.n % 3000) * interval '1 second'
FROM u JOIN q ON q.n <= 1 + u.n % 5;
UPDATE users SET "Xp" = s.xp FROM (SELECT "UserId", sum("Xp") xp FROM xp_awards GROUP BY "UserId") s WHERE s."UserId" = users."Id";
SQL
caller=$($psql -At -c 'SELECT "Id" FROM users ORDER BY "Id" LIMIT 1')

key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
ASPNETCORE_URLS="http://127.0.0.1:$api_port" ASPNETCORE_ENVIRONMENT=Production SECRET_KEY="$key" \
  ConnectionStrings__codecrafts="$db" ConnectionStrings__cache="127.0.0.1:$redis_port,abortConnect=false" \
  Logging__LogLevel__Default=Warning \
  dotnet src/CodeCrafts.Api/bin/Release/net10.0/CodeCrafts.Api.dll >"$work/api.log" 2>&1 &
pids+=($!)
until curl -sf "http://127.0.0.1:$api_port/alive" >/dev/null; do sleep 0.3; done

token=$(KEY="$key" SUB="$caller" python3 - <<'PY'
import base64, hashlib, hmac, json, os, time
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
now = int(time.time())
head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
body = b64(json.dumps({"sub": os.environ["SUB"], "name": "bench", "iss": "codecrafts", "aud": "codecrafts-api",
                       "iat": now, "nbf": now, "exp": now + 3600}).encode())
sig = b64(hmac.new(os.environ["KEY"].encode(), f"{head}.{body}".encode(), hashlib.sha256).digest())
print(f"{head}.{body}.{sig}")
PY
)
board="http://127.0.0.1:$api_port/api/leaderboards/xp?period=weekly&limit=10"
auth="Authorization: Bearer $token"
# The first read finds the key missing and rebuilds it in the background; wait until Redis has the whole board.
week_key=$(curl -sf -H "$auth" "$board" | python3 -c 'import json,sys; print("lb:xp:weekly:"+json.load(sys.stdin)["week"])')
until [ "$(redis-cli -p "$redis_port" ZSCORE "$week_key" '#complete')" = "-inf" ]; do sleep 0.2; curl -sf -H "$auth" "$board" >/dev/null; done
echo "board $week_key: $(( $(redis-cli -p "$redis_port" ZCARD "$week_key") - 1 )) learners"
curl -sf -H "$auth" "$board" | head -c 300; echo

if [ -n "${BENCH_SERVE:-}" ]; then
  # For profiling by hand: keep the stack up for BENCH_SERVE seconds and say how to reach it.
  printf 'api=http://127.0.0.1:%s redis=%s\nAUTH=%q\n' "$api_port" "$redis_port" "$auth" > "${BENCH_SERVE_INFO:-/tmp/codecrafts-bench.env}"
  sleep "$BENCH_SERVE" & wait $!; exit 0
fi
echo "== warm-up"; wrk -t2 -c32 -d15s "http://127.0.0.1:$api_port/" >/dev/null; wrk -t2 -c32 -d15s -H "$auth" "$board" >/dev/null
echo "== bare endpoint: GET / (anonymous, no I/O)"; wrk -t2 -c32 -d"${duration}s" --latency "http://127.0.0.1:$api_port/"
echo "== leaderboard: GET /api/leaderboards/xp?period=weekly&limit=10"; wrk -t2 -c32 -d"${duration}s" --latency -H "$auth" "$board"
echo "== redis-benchmark: ZRANGE $week_key 0 9 REV WITHSCORES, then ZREVRANK (the caller's rank)"
redis-benchmark -p "$redis_port" -c 32 -n 200000 -q ZRANGE "$week_key" 0 9 REV WITHSCORES | tr '\r' '\n' | tail -1
redis-benchmark -p "$redis_port" -c 32 -n 200000 -q ZREVRANK "$week_key" "$(echo "$caller" | tr -d -)" | tr '\r' '\n' | tail -1
echo "== for reference: GET /api/leaderboards/unknown (authentication, then a 404 problem; no Redis)"
wrk -t2 -c32 -d"${duration}s" --latency -H "$auth" "http://127.0.0.1:$api_port/api/leaderboards/unknown"
