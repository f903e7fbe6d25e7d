#!/usr/bin/env bash
# The read benchmark of docs/benchmarks.md: builds the app, seeds a benchmark database if it is
# absent, starts the app against it, and measures a fixed set of requests with wrk.
#
#   bench/run.sh pg            # PostgreSQL database ac_bench at 127.0.0.1:5432 (user postgres), 1,000,000 collections
#   bench/run.sh sqlite        # SQLite file bench/data/ac_bench.db, 200,000 collections
#   bench/run.sh pg-assets     # asset requests; database ac_bench_assets: 1,000,000 collections, 2,000,000 assets,
#                              # ~10,000,000 memberships (issue 3)
#   bench/run.sh sqlite-assets # the same requests on bench/data/ac_bench_assets.db, scaled down to a fifth
#
# Settings (environment): DURATION (20s), WARMUP (10s per request), CONNECTIONS (32), THREADS (2), COLLECTIONS,
# DEEP_PAGE (20000 pg, 3000 sqlite), ONLY (space-separated request names to run), SKIP_BUILD=1, JAR (another jar to run), JAVA_OPTS,
# APP_ARGS (extra app options), PORT (18080), MAX_LOAD (3: wait while the 1-minute load is above it and other work
# keeps the idle machine busy), QUIET_WAIT (900 s at most per wait). Results are printed and written to bench/results/.
set -euo pipefail

MODE=${1:-pg}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA=$ROOT/bench/data
mkdir -p "$DATA" "$ROOT/bench/results"
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
PG=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)

# DB is the PostgreSQL database or the SQLite file name; the asset modes seed 2 assets per
# collection and up to 20 memberships per collection (10 on average: generator draws 0..max).
case "$MODE" in
  pg|pg-assets)
    DB=ac_bench
    COLLECTIONS=${COLLECTIONS:-1000000}
    DEEP_PAGE=${DEEP_PAGE:-20000} ;;
  sqlite|sqlite-assets)
    DB=ac_bench
    COLLECTIONS=${COLLECTIONS:-200000}
    DEEP_PAGE=${DEEP_PAGE:-3000} ;; # ~100,000 collections are visible to the bench user
  *) echo "usage: $0 pg|sqlite|pg-assets|sqlite-assets" >&2; exit 2 ;;
esac
ASSETS=$((COLLECTIONS / 5))
MAX_MEMBERS=4
if [[ "$MODE" == *-assets ]]; then
  DB=ac_bench_assets
  ASSETS=$((COLLECTIONS * 2))
  MAX_MEMBERS=20
fi
ENGINE=${MODE%-assets}
if [ "$ENGINE" = pg ]; then
  export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB
  export SPRING_DATASOURCE_USERNAME=postgres
else
  export SPRING_DATASOURCE_URL="jdbc:sqlite:$DATA/$DB.db?journal_mode=WAL&transaction_mode=IMMEDIATE&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL"
fi

log() { echo "== $*" >&2; }

command -v wrk >/dev/null || { log "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building"
  ./mvnw -B -o -q package -DskipTests
fi
# A private copy, so that a rebuild in the working tree does not touch the running app.
cp "${JAR:-target/asset-collections-api-0.1.0-SNAPSHOT.jar}" "$DATA/app.jar"
app() { "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$DATA/app.jar" "$@"; }

seeded_rows() {
  if [ "$ENGINE" = pg ]; then
    "${PG[@]}" -d "$DB" -c "select count(*) from collections" 2>/dev/null || echo 0
  else
    [ -f "$DATA/$DB.db" ] && echo 1 || echo 0
  fi
}

if [ "$ENGINE" = pg ] && [ -z "$("${PG[@]}" -c "select 1 from pg_database where datname = '$DB'")" ]; then
  "${PG[@]}" -c "create database $DB"
fi
# PostgreSQL's JIT compiles every count over many rows (~0.4 s of 1 s here) and never pays off
# for these queries; recommended for production as well (docs/benchmarks.md).
[ "$ENGINE" = pg ] && "${PG[@]}" -c "alter database $DB set jit = off"
if [ "$(seeded_rows)" = 0 ]; then
  log "seeding $COLLECTIONS collections, $ASSETS assets ($MODE); takes minutes"
  started=$(date +%s)
  app seed --collections="$COLLECTIONS" --users=1000 --assets="$ASSETS" \
    --max-assets-per-collection="$MAX_MEMBERS" > "$DATA/seed-$MODE.log" 2>&1
  log "seeded in $(( $(date +%s) - started )) s"
  [ "$ENGINE" = pg ] && "${PG[@]}" -d "$DB" -c "vacuum analyze"
fi

log "bench user and token"
app users create --email=bench@example.com --name=Bench >/dev/null 2>&1 || true
TOKEN=$(app tokens create --email=bench@example.com --scopes=collections:read,assets:read --name=bench 2>/dev/null \
  | sed -n 's/.*(shown once): //p')
[ -n "$TOKEN" ] || { echo "could not create a token" >&2; exit 1; }

log "starting the app ($JAVA)"
# shellcheck disable=SC2086
"$JAVA" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar "$DATA/app.jar" --server.port="$PORT" \
  --spring.datasource.url="$SPRING_DATASOURCE_URL" ${SPRING_DATASOURCE_USERNAME:+--spring.datasource.username=$SPRING_DATASOURCE_USERNAME} \
  --app.rate-limit.per-minute=1000000000 --app.rate-limit.concurrent-per-user=1000 --app.rate-limit.heavy-units=1000000 ${APP_ARGS:-} > "$DATA/app-$MODE.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null || true' EXIT
BASE=http://127.0.0.1:$PORT
for _ in $(seq 120); do
  curl -sf "$BASE/health" >/dev/null && break
  kill -0 $APP_PID 2>/dev/null || { tail -30 "$DATA/app-$MODE.log" >&2; exit 1; }
  sleep 1
done

get() { curl -sf -H "Authorization: Bearer $TOKEN" "$BASE$1"; }
first_id() { sed -n 's/^{"data":\[{"id":\([0-9]*\).*/\1/p'; }
last_id() { { grep -o '"id":[0-9]*' || true; } | tail -1 | cut -d: -f2; }

C=/api/v2/collections
A=/api/v2/assets
if [[ "$MODE" != *-assets ]]; then
  # A visible collection for the single-item request, and the cursor of a page DEEP_PAGE pages deep,
  # built from the keys of the last row of that page (query/Cursor.java: base64url JSON).
  ITEM_ID=$(get "/api/v2/collections?page=1000&per_page=1" | first_id)
  DEEP_ID=$(get "/api/v2/collections?page=$DEEP_PAGE&fields%5Bcollections%5D=id" | last_id)
  [ -n "$ITEM_ID" ] && [ -n "$DEEP_ID" ] || { echo "no rows to benchmark (page $DEEP_PAGE empty?)" >&2; exit 1; }
  CURSOR=$(printf '{"s":"id","d":"next","k":[%s]}' "$DEEP_ID" | base64 -w0 | tr '+/' '-_' | tr -d '=')
  SINCE=$(date -u -d '-1 year' +%F)
  REQUESTS=(
    "first_page|$C"
    "item|$C/$ITEM_ID"
    "filtered_sorted|$C?filter%5Bname%5D=paintings&sort=-updated_at"
    "public_since_fields|$C?filter%5Bpublic%5D=1&filter%5Bupdated_since%5D=$SINCE&fields%5Bcollections%5D=id,name,updated_at"
    "search_common|$C?search=paintings"
    "search_rare|$C?search=zeppelin"
    "deep_offset|$C?page=$DEEP_PAGE"
    "cursor_deep|$C?cursor=$CURSOR"
    "include_owner|$C?include=owner"
  )
else
  # A typical collection (assets_count = 10, the mean) and the largest one, both visible; an asset
  # for the single-item request. The include pair is measured back to back (ratio in the result).
  ASSET_ID=$(get "$A?page=1000&per_page=1" | first_id)
  TYPICAL_ID=$(get "$C?filter%5Bassets_count%5D=10&per_page=1&page=100&fields%5Bcollections%5D=id" | first_id)
  LARGEST_ID=$(get "$C?sort=-assets_count&per_page=1&fields%5Bcollections%5D=id" | first_id)
  [ -n "$ASSET_ID" ] && [ -n "$TYPICAL_ID" ] && [ -n "$LARGEST_ID" ] || { echo "no rows to benchmark" >&2; exit 1; }
  REQUESTS=(
    "assets_first_page|$A"
    "asset_item|$A/$ASSET_ID"
    "assets_filtered_sorted|$A?filter%5Basset_type%5D=image&sort=-updated_at"
    "assets_search_common|$A?search=painting"
    "assets_search_prefix|$A?search=co"
    "collection_assets|$C/$TYPICAL_ID/assets"
    "collection_assets_largest|$C/$LARGEST_ID/assets"
    "assets_include_collections|$A?include=collections"
    "collections_page|$C?per_page=25"
    "collections_include_assets|$C?per_page=25&include=assets"
  )
fi

# Statements per request, on PostgreSQL: every statement runs in autocommit, so committed
# transactions of the database count them.
statements() {
  [ "$ENGINE" = pg ] && "${PG[@]}" -c "select xact_commit from pg_stat_database where datname = '$DB'"
  true
}

# Figures are only worth taking on a quiet machine. Between two measurements our own app, database
# and wrk are idle, so CPU busy over 3 s is other work (builds, test suites); the 1-minute load
# average still carries our previous run, so it alone would not tell. Wait (30 s steps, at most
# QUIET_WAIT seconds) while the load is above MAX_LOAD and more than a third of a core is busy,
# or more than a whole core is busy whatever the load (a build that just started has not raised
# the 1-minute average yet); then measure anyway: the figures' rows show load and busy share.
busy_percent() {
  local a b
  read -r _ a1 a2 a3 a4 a5 a6 a7 _ < /proc/stat; a=$((a1 + a2 + a3 + a5 + a6 + a7)); b=$((a + a4))
  sleep 3
  read -r _ a1 a2 a3 a4 a5 a6 a7 _ < /proc/stat
  awk -v busy=$((a1 + a2 + a3 + a5 + a6 + a7 - a)) -v all=$((a1 + a2 + a3 + a4 + a5 + a6 + a7 - b)) \
    'BEGIN { printf "%.0f", all ? 100 * busy / all : 0 }'
}
wait_for_quiet() {
  local waited=0 busy load
  while :; do
    busy=$(busy_percent)
    load=$(cut -d' ' -f1 /proc/loadavg)
    awk -v l="$load" -v b="$busy" -v m="${MAX_LOAD:-3}" 'BEGIN { exit !((l > m && b > 17) || b > 50) }' || break
    [ "$waited" -ge "${QUIET_WAIT:-900}" ] && { log "still busy after $waited s (load $load, $busy % CPU); measuring anyway"; break; }
    log "machine busy (load $load, $busy % CPU while the benchmark is idle); waiting 30 s"
    ps aux --sort=-%cpu | sed -n 2,4p | cut -c1-150 >&2
    sleep 30; waited=$((waited + 30))
  done
  QUIET="$load / ${busy}%"
}

RESULT=$ROOT/bench/results/$MODE-$(date -u +%Y%m%dT%H%M%S).md
{
  echo "# $MODE, $COLLECTIONS collections, $CONNECTIONS connections, $DURATION each, $("$JAVA" -version 2>&1 | head -1)"
  echo
  echo "| request | req/s | p50 | p99 | non-2xx | total | statements/req | load before / other CPU |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
} > "$RESULT"
selected() { [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $1 "* ]]; }
# The JIT needs a while on two cores: warm every request up before measuring any.
log "warming up"
wait_for_quiet
for entry in "${REQUESTS[@]}"; do
  selected "${entry%%|*}" || continue
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$BASE${entry#*|}" >/dev/null
done
declare -A RPS
for entry in "${REQUESTS[@]}"; do
  name=${entry%%|*}
  path=${entry#*|}
  selected "$name" || continue
  total=$(get "$path" | grep -o '"total":[0-9]*' | cut -d: -f2 || true)
  wait_for_quiet
  before=$(statements)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$BASE$path")
  sleep 2
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  per_request=$(awk -v a="$before" -v b="$(statements)" -v n="$requests" \
    'BEGIN { if (a == "" || n == 0) print "-"; else printf "%.2f", (b - a) / n }')
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  echo "| $name | $rps | $p50 | $p99 | ${errors:-0} | ${total:--} | $per_request | $QUIET |" >> "$RESULT"
  RPS[$name]=$rps
  log "$name: $rps req/s, p50 $p50, p99 $p99, non-2xx ${errors:-0}"
done
{
  echo
  echo "Load average after the run (other work on the machine skews figures): $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "${RPS[collections_page]:-}" ] && [ -n "${RPS[collections_include_assets]:-}" ]; then
    # Issue 3: include=assets on a page of 25 must cost less than 2x the same page without it.
    echo
    awk -v a="${RPS[collections_page]}" -v b="${RPS[collections_include_assets]}" 'BEGIN {
      r = a / b; printf "include=assets costs %.2fx the same page without it (%s vs %s req/s): %s\n", r, b, a,
        r < 2 ? "under 2x, met" : "NOT under 2x" }'
  fi
  echo
  echo "Requests:"
  for entry in "${REQUESTS[@]}"; do echo "- ${entry%%|*}: \`${entry#*|}\`"; done
} >> "$RESULT"
cat "$RESULT"
