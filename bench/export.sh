#!/usr/bin/env bash
# Export of a whole list, two ways side by side (issue 9, docs/benchmarks.md "Deep pages and
# exports"): by cursor, one page after another, and as the Fount SDK does, every page number at
# once (PARALLEL at a time); then wrk on the first page and on two deep offset pages.
#
#   bench/export.sh pg|sqlite
#
# Uses the database of bench/run.sh (ac_bench: 1,000,000 collections on PostgreSQL, 200,000 on
# SQLite; run that first to seed it) and its bench user, who sees the public collections.
# Settings: PER_PAGE (1000), PARALLEL (16), ROUNDS (3), DURATION (15s), DEEP_PAGES ("2000 20000"; SQLite "2000 3900"),
# PORT (18085), SKIP_BUILD=1, JAR.
set -euo pipefail

MODE=${1:-pg}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA=$ROOT/bench/data
DB=ac_bench
PER_PAGE=${PER_PAGE:-1000}
PARALLEL=${PARALLEL:-16}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
PORT=${PORT:-18085}
. "$ROOT/bench/lib.sh"
need_wrk
build_jar export-app.jar
use_db "$MODE"
if [ "$MODE" = pg ]; then
  [ -n "$("${PG[@]}" -c "select 1 from pg_database where datname = '$DB'")" ] || { echo "run bench/run.sh pg first" >&2; exit 1; }
  DEEP_PAGES=${DEEP_PAGES:-2000 20000}
else
  [ -f "$SQLITE_FILE" ] || { echo "run bench/run.sh sqlite first" >&2; exit 1; }
  DEEP_PAGES=${DEEP_PAGES:-2000 3900}
fi
app users create --email=bench@example.com --name=Bench >/dev/null 2>&1 || true
TOKEN=$(app tokens create --email=bench@example.com --scopes=collections:read --name=export 2>/dev/null \
  | sed -n 's/.*(shown once): //p')
trap stop_app EXIT
start_app "$PORT" "$DATA/export-app-$MODE.log"
BASE=http://127.0.0.1:$PORT
export_client() { "$JAVA" "$ROOT/bench/client/ExportClient.java" "$@" --base "$BASE" --token "$TOKEN" --per-page "$PER_PAGE"; }

log "exports of every visible collection, $PER_PAGE per page ($ROUNDS rounds, each way in turn)"
for round in $(seq "$ROUNDS"); do
  echo "round $round: $(export_client cursor)"
  echo "round $round: $(export_client pages --parallel "$PARALLEL")"
done

log "wrk -t2 -c32 -d$DURATION: first page and deep offset pages (25 per page)"
H="Authorization: Bearer $TOKEN"
for page in 1 $DEEP_PAGES; do
  curl -sf -H "$H" "$BASE/api/v2/collections?page=$page" >/dev/null
  wrk -t2 -c32 -d"$DURATION" --latency -H "$H" "$BASE/api/v2/collections?page=$page" | awk -v p="$page" '
    /Requests\/sec/ { rps = $2 } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } /Non-2xx/ { bad = $5 }
    END { printf "page %s: %s req/s, p50 %s, p99 %s, non-2xx %s\n", p, rps, p50, p99, bad + 0 }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
