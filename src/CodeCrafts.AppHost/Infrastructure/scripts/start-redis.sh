#!/usr/bin/env bash
# Runs the machine's redis-server for the AppHost's local mode. No persistence: everything in it
# can be rebuilt from PostgreSQL. The password goes in through stdin so that `ps` does not show it.
# Usage: start-redis.sh <redis-server> <port>; REDIS_PASSWORD in the environment.
set -euo pipefail
exec "$1" - --port "$2" --bind 127.0.0.1 --save "" --appendonly no <<CONF
requirepass $REDIS_PASSWORD
CONF
