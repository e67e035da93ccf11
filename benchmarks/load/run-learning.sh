#!/usr/bin/env bash
# Learning-loop load run, all on 127.0.0.1: a private durable PostgreSQL and a Redis, the Api in Release, and wrk against
# each Api endpoint and against its minimal counterpart in BareEndpoint (same requests, same scripts), so that each figure
# is read against its own limit: POST /api/questions/{id}/attempts (random learners and questions, a new idempotency key
# per request) against the minimal durable answer (lock, insert, XP, day in one batch, COMMIT); the weekly XP board and
# GET /api/lessons against the minimal one-round-trip Redis read (top 10, caller's rank and score); GET /api/leagues/current
# against that read and the league's own minimal read; then pgbench.
# Usage: benchmarks/load/run-learning.sh [connections=16] [seconds=15] [learners=4000]
# Learners answer at human rates: 4,000 of them keep each under the production limit of 60 answers a minute at up to
# 4,000 answers/s, so the Api runs with its real limits (a 429 would show as "Non-2xx" in wrk's output).
# BENCH_WARMUP=2 shortens each 20 s warm-up and BENCH_RESULTS=/tmp/x.txt writes elsewhere: a quick check that the
# harness works, not figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
connections=${1:-16}
seconds=${2:-15}
users=${3:-4000}
threads=2
signing_key="bench-signing-key-that-is-long-enough-for-hs256-0123456789"

for tool in wrk redis-server python3; do command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install wrk redis-server python3)"; exit 1; }; done
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$pgbin/postgres" ] || { echo "missing: PostgreSQL (apt-get install postgresql)"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
work=$(mktemp -d /tmp/codecrafts-learning-bench-XXXXXX)
pids=()
cleanup() {
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept: $work (api $api_port, pg $pg_port, redis $redis_port; pids ${pids[*]})"; return; fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${pg_started:-}" ] && $as_pg "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build (Release)"
dotnet build src/CodeCrafts.Api -c Release -nologo -v quiet >/dev/null
dotnet build src/CodeCrafts.MigrationService -c Release -nologo -v quiet >/dev/null
dotnet build benchmarks/load/BareEndpoint -c Release -nologo -v quiet >/dev/null

echo "== PostgreSQL (durable: fsync and synchronous_commit on) and Redis"
as_pg=""
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; as_pg="setpriv --reuid=postgres --regid=postgres --init-groups"; fi
pg_port=$(free_port)
$as_pg "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
$as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" start >/dev/null
pg_started=1
psql=("$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt)
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >/dev/null & pids+=($!)

db="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=codecrafts"
ConnectionStrings__codecrafts="$db" DOTNET_ENVIRONMENT=Production OTEL_EXPORTER_OTLP_ENDPOINT= \
  dotnet src/CodeCrafts.MigrationService/bin/Release/net10.0/CodeCrafts.MigrationService.dll >"$work/migrate.log" 2>&1 \
  || { cat "$work/migrate.log"; exit 1; }

echo "== $users learners, their tokens and a correct answer per question"
"${psql[@]}" -d codecrafts -c "INSERT INTO users (\"Id\",\"Email\",\"NormalizedEmail\",\"PasswordHash\",\"DisplayName\",\"TimeZoneId\",\"DailyXpGoal\",\"Xp\",\"CurrentStreak\",\"LongestStreak\",\"Rating\",\"RatingDeviation\",\"RatingVolatility\",\"CreatedAt\",\"UpdatedAt\")
  SELECT gen_random_uuid(), 'bench'||i||'@example.test', 'bench'||i||'@example.test', '!', 'Bench '||i,
         (ARRAY['Etc/UTC','Europe/Berlin','America/New_York','Asia/Tokyo','Pacific/Kiritimati'])[1 + i % 5], 50, 0, 0, 0, 1500, 350, 0.06, now(), now()
  FROM generate_series(1, $users) i"
"${psql[@]}" -d codecrafts -c 'SELECT "Id" FROM users' | python3 benchmarks/load/fixtures.py tokens "$signing_key" >"$work/tokens.txt"
"${psql[@]}" -d codecrafts -F $'\t' -c "SELECT q.\"Id\", q.\"Type\", q.\"AnswerKeyJson\" FROM questions q JOIN lessons l ON l.\"Id\" = q.\"LessonId\"
  WHERE q.\"Type\" <> 'Code' AND NOT q.\"IsRetired\" AND l.\"IsPublished\"" | python3 benchmarks/load/fixtures.py answers >"$work/questions.txt"
export BENCH_TOKENS="$work/tokens.txt" BENCH_QUESTIONS="$work/questions.txt"

echo "== Api (Release) and the bare endpoint"
api_port=$(free_port); bare_port=$(free_port)
# Auto-prepare: the attempt's dozen statements are parsed and planned once per connection, not once per call.
(cd src/CodeCrafts.Api && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__codecrafts="$db;Max Auto Prepare=64;Auto Prepare Min Usages=2" ConnectionStrings__cache="127.0.0.1:$redis_port,abortConnect=false" \
  Jwt__SigningKey="$signing_key" OTEL_EXPORTER_OTLP_ENDPOINT= Logging__LogLevel__Default=Warning \
  exec dotnet bin/Release/net10.0/CodeCrafts.Api.dll --urls "http://127.0.0.1:$api_port") >"$work/api.log" 2>&1 & pids+=($!)
(cd benchmarks/load/BareEndpoint && ConnectionStrings__codecrafts="$db;Max Auto Prepare=16;Auto Prepare Min Usages=2" ConnectionStrings__cache="127.0.0.1:$redis_port,abortConnect=false" \
  exec dotnet bin/Release/net10.0/BareEndpoint.dll --urls "http://127.0.0.1:$bare_port") >"$work/bare.log" 2>&1 & pids+=($!)
for port in $api_port $bare_port; do
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.2; done
done

if [ -n "${BENCH_KEEP:-}" ]; then echo "BENCH_KEEP: environment up, skipping the runs"; exit 0; fi
results="${BENCH_RESULTS:-$root/benchmarks/load/results-learning.txt}"
: >"$results"
run() { # name, wrk args...
  local name=$1; shift
  wrk -t"$threads" -c"$connections" -d"${BENCH_WARMUP:-20}s" "$@" >/dev/null 2>&1 || true   # warm-up: tiered JIT (slow on a busy machine), pools, caches
  echo "-- $name" | tee -a "$results"
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@" | tee -a "$results"
}
echo "== wrk: $connections connections, $threads threads, ${seconds}s each" | tee -a "$results"
run "bare ASP.NET Core endpoint" "http://127.0.0.1:$bare_port/"
run "GET / on the Api (its own pipeline, no I/O)" "http://127.0.0.1:$api_port/"
run "minimal durable answer (BareEndpoint: lock, insert, XP, day in one batch, COMMIT)" -s benchmarks/load/attempts.lua "http://127.0.0.1:$bare_port"
run "POST /api/questions/{id}/attempts" -s benchmarks/load/attempts.lua "http://127.0.0.1:$api_port"
export BENCH_PATH="/api/leaderboards/xp?period=weekly"
run "minimal one-round-trip Redis read (BareEndpoint: weekly top 10, caller's rank and score)" -s benchmarks/load/reads.lua "http://127.0.0.1:$bare_port"
run "GET /api/leaderboards/xp?period=weekly" -s benchmarks/load/reads.lua "http://127.0.0.1:$api_port"
# The attempts run placed its learners in this week's league: one Redis script per read, read against the one-round-trip
# read above and against the league's own minimal read (the same script and standings, without display names).
export BENCH_PATH="/api/leagues/current"
run "minimal league read (BareEndpoint: the Api's script, the same standings without names)" -s benchmarks/load/reads.lua "http://127.0.0.1:$bare_port"
run "GET /api/leagues/current" -s benchmarks/load/reads.lua "http://127.0.0.1:$api_port"
export BENCH_PATH="/api/lessons?pageSize=20"
run "GET /api/lessons" -s benchmarks/load/reads.lua "http://127.0.0.1:$api_port"

echo "-- pgbench (default TPC-B-like script, $connections clients, same server)" | tee -a "$results"
"${psql[@]}" -d postgres -c "CREATE DATABASE pgbench"
"$pgbin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -i -s 10 -q pgbench >/dev/null 2>&1
"$pgbin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -c "$connections" -j "$threads" -T "$seconds" pgbench 2>&1 | grep -E "tps|latency|number of (clients|transactions)" | tee -a "$results"

echo "-- rows written by the attempts run" | tee -a "$results"
"${psql[@]}" -d codecrafts -c 'SELECT count(*) || '"' attempts, '"' || (SELECT count(*) FROM xp_awards) || '"' xp awards'"' FROM question_attempts' | tee -a "$results"
echo "== results in $results"
