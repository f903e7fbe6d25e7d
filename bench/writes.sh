#!/usr/bin/env bash
# The write benchmark of docs/benchmarks.md ("Writes" and "Many users writing"): write throughput
# and latency, and what a steady write load does to reads.
#
#   bench/writes.sh pg [WHAT]       # PostgreSQL database ac_bench_writes, 100,000 collections, 20,000 assets
#   bench/writes.sh sqlite [WHAT]   # SQLite file bench/data/ac_bench_writes.db, the same sizes
#   bench/writes.sh both [WHAT]     # pg, then sqlite, into one results file with a side-by-side table
#
# WHAT: all (default), single or users.
#   single  one user's writes (issue 4): creates, renames and member replacements of one collection,
#           and the first page while one user creates.
#   users   many users writing only their own data (issue 8), with bench/client/LoadClient.java:
#           a mixed workload (USERS users, one connection each: create, rename, add/move/remove
#           assets, share/unshare, delete), single-row creates by CREATORS users, and three lists
#           read with READERS connections idle and while WRITERS users write WRITE_RATE writes/s
#           in total. On PostgreSQL each row also gives the deadlocks it counted.
#
# Settings (environment): DURATION (20s), CONNECTIONS (8), COLLECTIONS (100000), USERS (16), CREATORS (32),
# WRITERS (20), WRITE_RATE (50), READERS (32), WARMUP (5s of the mixed workload before measuring it), SKIP_BUILD=1, JAR (another jar), PORT (18081), DB (ac_bench_writes).
set -euo pipefail

MODE=${1:-pg}
WHAT=${2:-all}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA=$ROOT/bench/data
mkdir -p "$DATA" "$ROOT/bench/results"
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
COLLECTIONS=${COLLECTIONS:-100000}
ASSETS=$((COLLECTIONS / 5))
USERS=${USERS:-16}
CREATORS=${CREATORS:-32}
WRITERS=${WRITERS:-20}
WRITE_RATE=${WRITE_RATE:-50}
READERS=${READERS:-32}
WARMUP=${WARMUP:-5s}
PORT=${PORT:-18081}
DB=${DB:-ac_bench_writes}
case "$MODE" in
  pg|sqlite) MODES=("$MODE") ;;
  both) MODES=(pg sqlite) ;;
  *) echo "usage: $0 pg|sqlite|both [all|single|users]" >&2; exit 2 ;;
esac
case "$WHAT" in all|single|users) ;; *) echo "usage: $0 pg|sqlite|both [all|single|users]" >&2; exit 2 ;; esac
. "$ROOT/bench/lib.sh"

need_wrk
build_jar writes-app.jar
[ "$WHAT" = single ] || build_client
RUN=$(date -u +%Y%m%dT%H%M%S)
RESULT=$ROOT/bench/results/writes-$MODE-$RUN.md
SECONDS_EACH=$(echo "$DURATION" | awk '/ms$/ { print 1; exit } /m$/ { print $1 * 60; exit } /h$/ { print $1 * 3600; exit } { print $1 + 0 }')
{
  echo "# writes, $MODE ($WHAT), $COLLECTIONS collections, $DURATION each, $("$JAVA" -version 2>&1 | head -1), run $RUN"
} > "$RESULT"
out() { echo "$@" | tee -a "$RESULT"; }
row() { out "| $1 | $2 |"; }

# wrk's summary as "req/s | p50 | p99 | non-2xx | no answer" (no answer: socket errors and timeouts)
wrk_summary() {
  wrk -t2 -c"$1" -d"$DURATION" --timeout 30s --latency "${@:2}" 2>&1 | awk '
    /Requests\/sec/ { rps = $2 } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } /Non-2xx/ { bad = $5 }
    /Socket errors/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%s | %s | %s | %s | %s", rps, p50, p99, (bad ? bad : 0), (errors ? errors : 0) }'
}
measure() { wrk_summary "$@" | cut -d'|' -f1-4 | sed 's/ $//'; }
read_page() { measure "$1" -H "Authorization: Bearer $TOKEN" "$BASE/api/v2/collections"; }
write() { WRITE=$1 measure "$2" -s bench/lua/write.lua "$BASE"; }

# issue 4: one user's writes
single_user() {
  out
  out "| measurement | req/s | p50 | p99 | non-2xx |"
  out "|---|---:|---:|---:|---:|"
  read_page 4 >/dev/null  # warm-up
  row "first page, no writes (4 connections)" "$(read_page 4)"
  row "create a collection ($CONNECTIONS connections)" "$(write create "$CONNECTIONS")"
  row "rename one collection ($CONNECTIONS connections)" "$(write patch "$CONNECTIONS")"
  row "replace one collection's 10 members ($CONNECTIONS connections)" "$(write member "$CONNECTIONS")"
  # Reads while a steady stream of creates runs beside them: every create bumps the data version.
  write create 2 > "$DATA/writes-background.txt" &
  local writer=$!
  sleep 1
  row "first page while 2 connections create (4 connections)" "$(read_page 4)"
  wait "$writer"
  row "  (the creates beside it, 2 connections)" "$(cat "$DATA/writes-background.txt")"
}

# "12.5ms" -> 12.5 (also us and s), for the ratios
to_ms() { echo "$1" | awk '/us$/ { print $1 / 1000; exit } /ms$/ { print $1 + 0; exit } /s$/ { print $1 * 1000; exit } { print "" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }
field() { echo "$1" | cut -d'|' -f"$2" | tr -d ' '; }
# the client's "writes/s | p50 | p99 | 5xx | other | no answer" in words, for the side-by-side table
brief() { echo "$1" | awk -F' [|] ' '{ printf "%s/s, p50 %s, p99 %s, 5xx %s, other non-2xx %s, no answer %s", $1, $2, $3, $4, $5, $6 }'; }

# issue 8: many users, each writing only their own data
many_users() {
  local m=$1 users=$DATA/users-$m.tsv deadlocks=n/a d0 d1 cells
  local most=$USERS
  [ "$CREATORS" -gt "$most" ] && most=$CREATORS
  [ "$WRITERS" -gt "$most" ] && most=$WRITERS
  log "creating $most users"
  client users --base "$BASE" --admin-token "$ADMIN_TOKEN" --count "$most" --prefix "bench8-$RUN" --out "$users"
  # deadlocks counted by PostgreSQL while one load ran (waits for the statistics to settle)
  since() { if [ "$m" = pg ]; then d1=$(pg_deadlocks settled); echo $((d1 - $1)); else echo n/a; fi; }
  now() { if [ "$m" = pg ]; then pg_deadlocks; else echo 0; fi; }

  log "warming up ($WARMUP of the mixed workload)"
  client mixed --base "$BASE" --tokens "$users" --users "$USERS" --duration "$WARMUP" >/dev/null
  [ "$m" = pg ] && sleep 11  # let the warm-up's deadlocks reach pg_stat_database before counting from here

  out
  out "Many users writing only their own data (one connection per user; latency of every answered write; no answer: refused/reset connections and timeouts):"
  out
  out "| measurement | 2xx writes/s | p50 | p99 | 5xx | other non-2xx | no answer | PG deadlocks |"
  out "|---|---:|---:|---:|---:|---:|---:|---:|"
  d0=$(now)
  cells=$(client mixed --base "$BASE" --tokens "$users" --users "$USERS" --duration "$DURATION" --details "$DATA/mixed-$m.md")
  deadlocks=$(since "$d0")
  row "mixed workload, $USERS users" "$cells | $deadlocks"
  echo -e "mixed, $USERS users\t$(brief "$cells")\t$deadlocks" >> "$DATA/compare-$RUN-$m.tsv"
  d0=$(now)
  cells=$(client creates --base "$BASE" --tokens "$users" --users "$CREATORS" --duration "$DURATION" --details "$DATA/creates-$m.md")
  deadlocks=$(since "$d0")
  row "create a collection, $CREATORS users" "$cells | $deadlocks"
  echo -e "creates, $CREATORS users\t$(brief "$cells")\t$deadlocks" >> "$DATA/compare-$RUN-$m.tsv"
  # The same creates sent by wrk (C, one thread and connection per user): the Java client above
  # spends about a quarter of the two cores itself.
  d0=$(now)
  cells=$(TOKENS=$users wrk_summary "$CREATORS" -t"$CREATORS" -s bench/lua/creates.lua "$BASE")
  deadlocks=$(since "$d0")
  out "| create a collection, $CREATORS users, sent by wrk (req/s, p50, p99, non-2xx, no answer) | $cells | $deadlocks |"
  echo -e "creates, $CREATORS users (wrk)\t$(echo "$cells" | awk -F' [|] ' '{ printf "%s req/s, p50 %s, p99 %s, non-2xx %s, no answer %s", $1, $2, $3, $4, $5 }')\t$deadlocks" \
    >> "$DATA/compare-$RUN-$m.tsv"
  out
  out "The mixed workload by request:"
  out
  tee -a "$RESULT" < "$DATA/mixed-$m.md"

  # Reads: each list idle, then each while WRITERS users write WRITE_RATE writes/s in total.
  local rate names urls idle=() loaded=() i
  rate=$(awk -v r="$WRITE_RATE" -v n="$WRITERS" 'BEGIN { print r / n }')
  names=("first page with its total" "filter[name]=a, sort=-updated_at" "include=assets")
  urls=("$BASE/api/v2/collections" "$BASE/api/v2/collections?filter%5Bname%5D=a&sort=-updated_at" "$BASE/api/v2/collections?include=assets")
  for i in 0 1 2; do
    DURATION=3s measure 4 -H "Authorization: Bearer $TOKEN" "${urls[$i]}" >/dev/null  # warm-up
    idle[$i]=$(wrk_summary "$READERS" -H "Authorization: Bearer $TOKEN" "${urls[$i]}")
  done
  log "reads under $WRITE_RATE writes/s by $WRITERS users"
  d0=$(now)
  client mixed --base "$BASE" --tokens "$users" --users "$WRITERS" --rate "$rate" \
    --duration "$((3 * SECONDS_EACH + 3))s" --details "$DATA/paced-$m.md" > "$DATA/paced-$m.txt" &
  local writers=$!
  sleep 2
  for i in 0 1 2; do
    loaded[$i]=$(wrk_summary "$READERS" -H "Authorization: Bearer $TOKEN" "${urls[$i]}")
  done
  wait "$writers"
  deadlocks=$(since "$d0")
  out
  out "Reads ($READERS connections, one user) idle and under a paced write load ($WRITERS users, $WRITE_RATE writes/s asked for in total):"
  out
  out "| list | idle req/s | idle p50 | idle p99 | loaded req/s | loaded p50 | loaded p99 | loaded non-2xx | loaded no answer | req/s loaded/idle | p99 loaded/idle |"
  out "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for i in 0 1 2; do
    local a=${idle[$i]} b=${loaded[$i]} rr pr
    rr=$(ratio "$(field "$b" 1)" "$(field "$a" 1)")
    pr=$(ratio "$(to_ms "$(field "$b" 3)")" "$(to_ms "$(field "$a" 3)")")
    row "${names[$i]}" "$(field "$a" 1) | $(field "$a" 2) | $(field "$a" 3) | $b | $rr | $pr"
    echo -e "${names[$i]}, under writes\t$(field "$b" 1) req/s, p99 $(field "$b" 3) (loaded/idle: req/s ×$rr, p99 ×$pr)\t-" >> "$DATA/compare-$RUN-$m.tsv"
  done
  cells=$(cat "$DATA/paced-$m.txt")
  out
  out "| the writes beside them | 2xx writes/s | p50 | p99 | 5xx | other non-2xx | no answer | PG deadlocks |"
  out "|---|---:|---:|---:|---:|---:|---:|---:|"
  row "$WRITERS users, $WRITE_RATE writes/s asked for" "$cells | $deadlocks"
  echo -e "$WRITERS paced writers ($WRITE_RATE/s asked)\t$(brief "$cells")\t$deadlocks" >> "$DATA/compare-$RUN-$m.tsv"
}

run_db() (
  m=$1
  use_db "$m"
  fresh=0
  if [ "$m" = pg ]; then
    [ -n "$("${PG[@]}" -c "select 1 from pg_database where datname = '$DB'")" ] || { "${PG[@]}" -c "create database $DB"; fresh=1; }
    "${PG[@]}" -c "alter database $DB set jit = off"
  else
    [ -f "$SQLITE_FILE" ] || fresh=1
  fi
  if [ "$fresh" = 1 ]; then
    log "seeding $COLLECTIONS collections, $ASSETS assets"
    app seed --collections="$COLLECTIONS" --users=1000 --assets="$ASSETS" --max-assets-per-collection=4 > "$DATA/seed-writes-$m.log" 2>&1
    [ "$m" = pg ] && "${PG[@]}" -d "$DB" -c "vacuum analyze"
  fi
  app users create --email=writer@example.com --name=Writer >/dev/null 2>&1 || true
  TOKEN=$(app tokens create --email=writer@example.com --scopes=collections:read,collections:write,assets:read \
    --name=bench 2>/dev/null | sed -n 's/.*(shown once): //p')
  [ -n "$TOKEN" ] || { echo "could not create a token" >&2; exit 1; }
  if [ "$WHAT" != single ]; then
    ADMIN_TOKEN=$(admin_token)
    [ -n "$ADMIN_TOKEN" ] || { echo "could not create an admin token" >&2; exit 1; }
  fi

  log "starting the app ($m)"
  trap stop_app EXIT
  start_app "$PORT" "$DATA/writes-app-$m.log"
  BASE=http://127.0.0.1:$PORT
  COLLECTION=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name": "Bench target"}' "$BASE/api/v2/collections" | sed -n 's/^{"data":{"id":\([0-9]*\).*/\1/p')
  export TOKEN COLLECTION ASSETS

  out
  out "## $m"
  [ "$WHAT" = users ] || single_user
  [ "$WHAT" = single ] || many_users "$m"
)

for m in "${MODES[@]}"; do
  run_db "$m"
done

if [ "$MODE" = both ] && [ "$WHAT" != single ]; then
  out
  out "## PostgreSQL and SQLite side by side (this run)"
  out
  out "| measurement | PostgreSQL | PG deadlocks | SQLite |"
  out "|---|---|---:|---|"
  paste "$DATA/compare-$RUN-pg.tsv" "$DATA/compare-$RUN-sqlite.tsv" | while IFS=$'\t' read -r label pg deadlocks _ sqlite _; do
    out "| $label | $pg | $deadlocks | $sqlite |"
  done
fi
rm -f "$DATA"/compare-"$RUN"-*.tsv
log "results in $RESULT"
