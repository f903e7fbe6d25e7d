#!/usr/bin/env bash
# Fairness under a hostile load (issue 9, docs/benchmarks.md "Fairness"): while user A runs
# HOSTILE connections of the most expensive reads the API allows, user B reads one collection and
# the first page of the list; B's latency should not care.
#
#   bench/fairness.sh pg|sqlite
#
# Uses the database of bench/writes.sh (ac_bench_writes / bench/data/ac_bench_writes.db; run that
# first to seed it). Settings: DURATION (20s, in seconds), WARMUP (5s of each read, not measured, so that the
# first row is not the JIT's), HOSTILE (64), HOSTILE_USERS (1: A's connections shared by that many
# users, to see heavy-units at work), VARY (1: A's filter is two random letters each time, first
# page, so that no cache answers it; bench/lua/heavy-varied.lua), READERS (4), PORT (18084),
# CONCURRENT_PER_USER (5, the default of app.rate-limit.concurrent-per-user), HEAVY_UNITS (empty:
# the app's default of app.rate-limit.heavy-units), CONCURRENT_WAIT (1s, the default of
# app.rate-limit.concurrent-wait), SKIP_BUILD=1, JAR.
set -euo pipefail

MODE=${1:-pg}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA=$ROOT/bench/data
DB=ac_bench_writes
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
HOSTILE=${HOSTILE:-64}
HOSTILE_USERS=${HOSTILE_USERS:-1}
VARY=${VARY:-0}
READERS=${READERS:-4}
PORT=${PORT:-18084}
export CONCURRENT_PER_USER=${CONCURRENT_PER_USER:-5}
export HEAVY_UNITS=${HEAVY_UNITS-}
CONCURRENT_WAIT=${CONCURRENT_WAIT:-1s}
. "$ROOT/bench/lib.sh"
need_wrk
build_jar fairness-app.jar
use_db "$MODE"
if [ "$MODE" = pg ]; then
  [ -n "$("${PG[@]}" -c "select 1 from pg_database where datname = '$DB'")" ] || { echo "run bench/writes.sh pg first" >&2; exit 1; }
else
  [ -f "$SQLITE_FILE" ] || { echo "run bench/writes.sh sqlite first" >&2; exit 1; }
fi
token_of() {
  app users create --email="$1@example.com" --name="$1" >/dev/null 2>&1 || true
  app tokens create --email="$1@example.com" --scopes=collections:read,assets:read --name=fairness 2>/dev/null \
    | sed -n 's/.*(shown once): //p'
}
A=()
for i in $(seq "$HOSTILE_USERS"); do
  A+=("$(token_of "fairness-a$([ "$i" = 1 ] || echo "$i")")")
done
B=$(token_of fairness-b)
trap stop_app EXIT
start_app "$PORT" "$DATA/fairness-app-$MODE.log" --app.rate-limit.concurrent-wait="$CONCURRENT_WAIT"
BASE=http://127.0.0.1:$PORT/api/v2
ITEM=$(curl -sf -H "Authorization: Bearer $B" "$BASE/collections?per_page=1" | sed -n 's/^{"data":\[{"id":\([0-9]*\).*/\1/p')
# The most expensive reads a client may send: the largest page, every embedded asset, a
# substring filter no index can answer, sorted, deep.
HEAVY="$BASE/collections?per_page=1000&page=20&include=assets,owner&filter%5Bname%5D%5Bcontains%5D=e&sort=-updated_at"
HEAVY_ARGS=("$HEAVY")
if [ "$VARY" = 1 ]; then
  HEAVY="$BASE/collections?per_page=1000&page=1&include=assets,owner&filter%5Bname%5D%5Bcontains%5D=<two random letters>&sort=-updated_at"
  HEAVY_ARGS=(-s "$ROOT/bench/lua/heavy-varied.lua" "$BASE/collections")
fi

# wrk's summary: "answers/s | p50 | p99 | non-2xx | no answer | 2xx/s"; summary SECONDS CONNECTIONS ARGS...
summary() {
  wrk -t2 -c"$2" -d"$1s" --timeout 30s --latency "${@:3}" 2>&1 | awk '
    /requests in/ { total = $1; secs = $4 + 0 }
    /Requests\/sec/ { rps = $2 } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } /Non-2xx/ { bad = $5 }
    /Socket errors/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%s | %s | %s | %s | %s | %.1f", rps, p50, p99, (bad ? bad : 0), (errors ? errors : 0), (secs ? (total - bad) / secs : 0) }'
}
SECONDS_EACH=${DURATION%s}
# CPU time (clock ticks) of every process but this benchmark's (the app, its PostgreSQL backends,
# wrk): what other work on the machine took from the measurement. Processes that ended meanwhile
# are missed.
foreign_ticks() {
  local skip="${APP_PID:-0} $(pgrep -d' ' -x wrk) $(pgrep -d' ' -f "$DB")"
  awk -v skip="$skip" '
    BEGIN { n = split(skip, s, " "); for (i = 1; i <= n; i++) mine[s[i]] = 1 }
    FNR == 1 { pid = FILENAME; gsub(/[^0-9]/, "", pid); if (pid in mine) next
      line = $0; sub(/^.*\) /, "", line); split(line, f, " "); total += f[12] + f[13] }
    END { print total + 0 }' /proc/[0-9]*/stat 2>/dev/null
}
# row LABEL CONNECTIONS ARGS...: B's summary and the cores other work used meanwhile
row() {
  local before after cells
  before=$(foreign_ticks)
  cells=$(summary "$SECONDS_EACH" "${@:2}")
  after=$(foreign_ticks)
  echo "| $1 | $cells | $(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v s="$SECONDS_EACH" 'BEGIN { printf "%.2f", t / hz / s }') |"
}
log "warming up: $WARMUP of each read, A's with one connection"
for url in "$BASE/collections/$ITEM" "$BASE/collections"; do
  wrk -t1 -c"$READERS" -d"$WARMUP" -H "Authorization: Bearer $B" "$url" >/dev/null 2>&1
done
wrk -t1 -c1 -d"$WARMUP" -H "Authorization: Bearer ${A[0]}" "${HEAVY_ARGS[@]}" >/dev/null 2>&1
mkdir -p "$ROOT/bench/results"
RESULT=$ROOT/bench/results/fairness-$MODE-$(date -u +%Y%m%dT%H%M%S).md
{
  echo "# fairness, $MODE, $DURATION each, A: $HOSTILE connections of $HEAVY (shared by $HOSTILE_USERS users), app.rate-limit.concurrent-per-user=$CONCURRENT_PER_USER, heavy-units=${HEAVY_UNITS:-default}, concurrent-wait=$CONCURRENT_WAIT, load average before the app started: $LOAD_BEFORE"
  echo
  echo "| B reads ($READERS connections) | while A | answers/s | p50 | p99 | non-2xx | no answer | 2xx/s | others' CPU (cores) |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  for what in item first; do
    url=$BASE/collections/$ITEM; [ "$what" = first ] && url=$BASE/collections
    row "$what | idle" "$READERS" -H "Authorization: Bearer $B" "$url"
    # A starts 2 s before B and stops 2 s after, so that all of B's time is beside A
    hostile=()
    for i in "${!A[@]}"; do
      summary $((SECONDS_EACH + 4)) $((HOSTILE / HOSTILE_USERS)) -H "Authorization: Bearer ${A[$i]}" "${HEAVY_ARGS[@]}" > "$DATA/fairness-a$i.txt" &
      hostile+=($!)
    done
    sleep 2
    row "$what | runs $HOSTILE heavy connections" "$READERS" -H "Authorization: Bearer $B" "$url"
    wait "${hostile[@]}"
    for i in "${!A[@]}"; do
      echo "| (heavy reads of A$([ "$HOSTILE_USERS" = 1 ] || echo " user $((i + 1))") beside it; non-2xx: 429s and 503s) | | $(cat "$DATA/fairness-a$i.txt") | |"
    done
  done
} | tee "$RESULT"
log "results in $RESULT"
