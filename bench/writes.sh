#!/usr/bin/env bash
# The write benchmark of docs/benchmarks.md ("Writes"): write throughput and latency, and what a
# steady write load does to reads (the first page of the list, whose total is recounted or read
# from maintained counters after every write).
#
#   bench/writes.sh pg       # PostgreSQL database ac_bench_writes, 100,000 collections, 20,000 assets
#   bench/writes.sh sqlite   # SQLite file bench/data/ac_bench_writes.db, the same sizes
#
# Settings (environment): DURATION (20s), CONNECTIONS (8), COLLECTIONS (100000), SKIP_BUILD=1, JAR (another jar), PORT (18081).
set -euo pipefail

MODE=${1:-pg}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA=$ROOT/bench/data
mkdir -p "$DATA" "$ROOT/bench/results"
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
COLLECTIONS=${COLLECTIONS:-100000}
ASSETS=$((COLLECTIONS / 5))
PORT=${PORT:-18081}
DB=ac_bench_writes
PG=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)
case "$MODE" in
  pg)
    export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB
    export SPRING_DATASOURCE_USERNAME=postgres ;;
  sqlite)
    export SPRING_DATASOURCE_URL="jdbc:sqlite:$DATA/$DB.db?journal_mode=WAL&transaction_mode=IMMEDIATE&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL" ;;
  *) echo "usage: $0 pg|sqlite" >&2; exit 2 ;;
esac
log() { echo "== $*" >&2; }
command -v wrk >/dev/null || { log "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[ "${SKIP_BUILD:-}" = 1 ] || { log "building"; ./mvnw -B -o -q package -DskipTests; }
cp "${JAR:-target/asset-collections-api-0.1.0-SNAPSHOT.jar}" "$DATA/writes-app.jar"
app() { "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$DATA/writes-app.jar" "$@"; }

fresh=0
if [ "$MODE" = pg ]; then
  [ -n "$("${PG[@]}" -c "select 1 from pg_database where datname = '$DB'")" ] || { "${PG[@]}" -c "create database $DB"; fresh=1; }
  "${PG[@]}" -c "alter database $DB set jit = off"
else
  [ -f "$DATA/$DB.db" ] || fresh=1
fi
if [ "$fresh" = 1 ]; then
  log "seeding $COLLECTIONS collections, $ASSETS assets"
  app seed --collections="$COLLECTIONS" --users=1000 --assets="$ASSETS" --max-assets-per-collection=4 > "$DATA/seed-writes-$MODE.log" 2>&1
  [ "$MODE" = pg ] && "${PG[@]}" -d "$DB" -c "vacuum analyze"
fi
app users create --email=writer@example.com --name=Writer >/dev/null 2>&1 || true
TOKEN=$(app tokens create --email=writer@example.com --scopes=collections:read,collections:write,assets:read \
  --name=bench 2>/dev/null | sed -n 's/.*(shown once): //p')
[ -n "$TOKEN" ] || { echo "could not create a token" >&2; exit 1; }

log "starting the app"
"$JAVA" --enable-native-access=ALL-UNNAMED -jar "$DATA/writes-app.jar" --server.port="$PORT" \
  --spring.datasource.url="$SPRING_DATASOURCE_URL" ${SPRING_DATASOURCE_USERNAME:+--spring.datasource.username=$SPRING_DATASOURCE_USERNAME} \
  --app.rate-limit.per-minute=1000000000 > "$DATA/writes-app-$MODE.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null || true' EXIT
BASE=http://127.0.0.1:$PORT
for _ in $(seq 120); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done
COLLECTION=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name": "Bench target"}' "$BASE/api/v2/collections" | sed -n 's/^{"data":{"id":\([0-9]*\).*/\1/p')
export TOKEN COLLECTION ASSETS

# wrk's summary as "req/s | p50 | p99 | non-2xx"
measure() {
  wrk -t2 -c"$1" -d"$DURATION" --latency "${@:2}" 2>&1 | awk '
    /Requests\/sec/ { rps = $2 } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } /Non-2xx/ { bad = $5 }
    END { printf "%s | %s | %s | %s", rps, p50, p99, (bad ? bad : 0) }'
}
read_page() { measure "$1" -H "Authorization: Bearer $TOKEN" "$BASE/api/v2/collections"; }
write() { WRITE=$1 measure "$2" -s bench/lua/write.lua "$BASE"; }

RESULT=$ROOT/bench/results/writes-$MODE-$(date -u +%Y%m%dT%H%M%S).md
{
  echo "# writes, $MODE, $COLLECTIONS collections, $DURATION each, $("$JAVA" -version 2>&1 | head -1)"
  echo
  echo "| measurement | req/s | p50 | p99 | non-2xx |"
  echo "|---|---:|---:|---:|---:|"
} > "$RESULT"
row() { echo "| $1 | $2 |" | tee -a "$RESULT"; }

read_page 4 >/dev/null  # warm-up
row "first page, no writes (4 connections)" "$(read_page 4)"
row "create a collection ($CONNECTIONS connections)" "$(write create "$CONNECTIONS")"
row "rename one collection ($CONNECTIONS connections)" "$(write patch "$CONNECTIONS")"
row "replace one collection's 10 members ($CONNECTIONS connections)" "$(write member "$CONNECTIONS")"
# Reads while a steady stream of creates runs beside them: every create bumps the data version.
write create 2 > "$DATA/writes-background.txt" &
WRITER_PID=$!
sleep 1
row "first page while 2 connections create (4 connections)" "$(read_page 4)"
wait "$WRITER_PID"
row "  (the creates beside it, 2 connections)" "$(cat "$DATA/writes-background.txt")"
log "results in $RESULT"
