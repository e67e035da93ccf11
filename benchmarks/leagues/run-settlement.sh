#!/usr/bin/env bash
# Week's-end settlement at scale, on 127.0.0.1: a private durable PostgreSQL, 100,000 learners placed last week in
# 3,334 cohorts (ten tiers, cohorts of 30, the last of each tier shorter), then the Api (Release) started with a 1 s
# settle interval: its background settler closes and settles the week. Reports the settlement's time (the settler's
# "settled … in N ms" log line: the settling transaction) and the PostgreSQL load it caused (pg_stat_database deltas: transactions, rows
# written, blocks read and hit, temp bytes).
# Usage: benchmarks/leagues/run-settlement.sh [learners=100000]
set -euo pipefail
cd "$(dirname "$0")/../.."
learners=${1:-100000}
command -v python3 >/dev/null || { echo "missing: python3"; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
work=$(mktemp -d /tmp/codecrafts-league-bench-XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${pg_started:-}" ] && $as_pg "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build (Release)"
dotnet build src/CodeCrafts.Api -c Release -nologo -v quiet >/dev/null
dotnet build src/CodeCrafts.MigrationService -c Release -nologo -v quiet >/dev/null

as_pg=""
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; as_pg="setpriv --reuid=postgres --regid=postgres --init-groups"; fi
pg_port=$(free_port)
$as_pg "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
$as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" start >/dev/null
pg_started=1
psql=("$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt)
db="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=codecrafts"
ConnectionStrings__codecrafts="$db" DOTNET_ENVIRONMENT=Production OTEL_EXPORTER_OTLP_ENDPOINT= \
  dotnet src/CodeCrafts.MigrationService/bin/Release/net10.0/CodeCrafts.MigrationService.dll >"$work/migrate.log" 2>&1 \
  || { cat "$work/migrate.log"; exit 1; }

echo "== $learners learners placed last week"
"${psql[@]}" -d codecrafts <<SQL
INSERT INTO users ("Id","Email","NormalizedEmail","PasswordHash","DisplayName","TimeZoneId","DailyXpGoal","Xp","CurrentStreak","LongestStreak","Rating","RatingDeviation","RatingVolatility","CreatedAt","UpdatedAt")
  SELECT gen_random_uuid(), 'l'||i||'@example.test', 'l'||i||'@example.test', '!', 'Learner '||i, 'Etc/UTC', 50, 0, 0, 0, 1500, 350, 0.06, now(), now()
  FROM generate_series(1, $learners) i;
CREATE TEMP TABLE seated AS
  SELECT "Id" AS id, (row_number() OVER (ORDER BY "Id") - 1) % 10 AS tier, (row_number() OVER (ORDER BY "Id") - 1) / 10 AS n FROM users;
INSERT INTO league_members ("UserId", "Tier") SELECT id, tier FROM seated WHERE tier > 0;
INSERT INTO league_weeks ("WeekStart", "Placed", "Promoted", "Demoted") VALUES (date_trunc('week', now() at time zone 'utc')::date - 7, 0, 0, 0);
INSERT INTO league_placements ("WeekStart","UserId","Tier","Cohort","JoinOrder","Xp","ReachedAt","JoinedAt")
  SELECT date_trunc('week', now() at time zone 'utc')::date - 7, id, tier, n / 30, n + 1, 10 + (random() * 500)::int,
         date_trunc('week', now() at time zone 'utc') - interval '7 days' + (random() * interval '6 days'),
         date_trunc('week', now() at time zone 'utc') - interval '7 days' + n * interval '1 second'
  FROM seated;
ANALYZE;
SQL
echo "cohorts: $("${psql[@]}" -d codecrafts -c 'SELECT count(DISTINCT ("Tier", "Cohort")) FROM league_placements')"
stats() { "${psql[@]}" -d postgres -F ' ' -c "SELECT xact_commit + xact_rollback, tup_inserted + tup_updated + tup_deleted, blks_read, blks_hit, temp_bytes FROM pg_stat_database WHERE datname = 'codecrafts'"; }
read -r tx0 rows0 read0 hit0 temp0 < <(stats)

echo "== Api (Release), settling every second"
api_port=$(free_port)
(cd src/CodeCrafts.Api && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__codecrafts="$db" Jwt__SigningKey="bench-signing-key-that-is-long-enough-for-hs256-0123456789" \
  Leagues__SettleInterval=00:00:01 OTEL_EXPORTER_OTLP_ENDPOINT= Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss.fff " \
  exec dotnet bin/Release/net10.0/CodeCrafts.Api.dll --urls "http://127.0.0.1:$api_port") >"$work/api.log" 2>&1 & pids+=($!)
for _ in $(seq 1 600); do
  [ "$("${psql[@]}" -d codecrafts -c 'SELECT count(*) FROM league_weeks WHERE "Placed" > 0')" = 1 ] && break
  sleep 0.5
done
sleep 2 # pg_stat_database is flushed about once a second
read -r tx1 rows1 read1 hit1 temp1 < <(stats)
"${psql[@]}" -d codecrafts -c 'SELECT "Placed" || '"' placed, '"' || "Promoted" || '"' promoted, '"' || "Demoted" || '"' demoted'"' FROM league_weeks'
grep -E "league|League" "$work/api.log" | head -5
echo "settlement's PostgreSQL load (includes the Api's start-up): $((tx1 - tx0)) transactions, $((rows1 - rows0)) rows written, $((read1 - read0)) blocks read, $((hit1 - hit0)) blocks hit, $((temp1 - temp0)) temp bytes"
"${psql[@]}" -d codecrafts -c 'SELECT count(*) || '"' results'"' FROM league_results'
