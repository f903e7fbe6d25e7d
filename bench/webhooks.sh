#!/usr/bin/env bash
# The webhook benchmark of docs/benchmarks.md ("Webhooks", issue 10):
#   1. write throughput and latency of many users writing (bench/client/LoadClient.java, mixed
#      workload) with no subscription, then with SUBSCRIPTIONS subscriptions to every event (owned
#      by writing users, so each write fans out to its readers), alternating ROUNDS times;
#   2. delivery lag (arrival at the receiver minus the time of the write) under a paced write load;
#   3. delivery rate: a backlog written while no instance dispatches, then drained by one.
# The receiver is bench/client/WebhookSink.java on 127.0.0.1, which answers 204 at once; it runs at
# the lowest CPU priority (nice 19), standing for a receiver on another machine (on these two cores
# it would otherwise take its share from the service it receives from).
#
#   bench/webhooks.sh [pg|sqlite]
#
# Settings (environment): DURATION (20s), USERS (16), SUBSCRIPTIONS (10), ROUNDS (2), PACED_RATE (100
# writes/s in total), PACED_USERS (20), BACKLOG (10s of the mixed workload), SKIP_BUILD=1, JAR, PORT (18083),
# SINK_PORT (18093), DB (ac_bench_webhooks).
set -euo pipefail

MODE=${1:-pg}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA=$ROOT/bench/data
mkdir -p "$DATA" "$ROOT/bench/results"
DURATION=${DURATION:-20s}
USERS=${USERS:-16}
SUBSCRIPTIONS=${SUBSCRIPTIONS:-10}
ROUNDS=${ROUNDS:-2}
PACED_RATE=${PACED_RATE:-100}
PACED_USERS=${PACED_USERS:-20}
BACKLOG=${BACKLOG:-10s}
PORT=${PORT:-18083}
SINK_PORT=${SINK_PORT:-18093}
DB=${DB:-ac_bench_webhooks}
case "$MODE" in pg|sqlite) ;; *) echo "usage: $0 pg|sqlite" >&2; exit 2 ;; esac
. "$ROOT/bench/lib.sh"

build_jar webhooks-app.jar
build_client
RUN=$(date -u +%Y%m%dT%H%M%S)
RESULT=$ROOT/bench/results/webhooks-$MODE-$RUN.md
echo "# webhooks, $MODE, $DURATION each, $("$JAVA" -version 2>&1 | head -1), run $RUN" > "$RESULT"
out() { echo "$@" | tee -a "$RESULT"; }

use_db "$MODE"
if [ "$MODE" = pg ]; then
  "${PG[@]}" -c "drop database if exists $DB" && "${PG[@]}" -c "create database $DB"
  "${PG[@]}" -c "alter database $DB set jit = off"
else
  rm -f "$SQLITE_FILE" "$SQLITE_FILE"-*
fi
log "seeding 10,000 collections"
app seed --collections=10000 --users=100 --assets=2000 --max-assets-per-collection=4 > "$DATA/seed-webhooks-$MODE.log" 2>&1
[ "$MODE" = pg ] && "${PG[@]}" -d "$DB" -c "vacuum analyze"
ADMIN_TOKEN=$(admin_token)
[ -n "$ADMIN_TOKEN" ] || { echo "could not create an admin token" >&2; exit 1; }

# The receiver
SINK_DIR=$DATA/sink
rm -rf "$SINK_DIR" && mkdir -p "$SINK_DIR"
"$JAVAC" --release 17 -d "$SINK_DIR" "$ROOT/bench/client/WebhookSink.java"
# At the lowest CPU priority: a receiver stands for another machine, and gets what the service leaves.
nice -n 19 "$JAVA" -cp "$SINK_DIR" WebhookSink "$SINK_PORT" > "$DATA/sink.log" 2>&1 &
SINK_PID=$!
SINK=http://127.0.0.1:$SINK_PORT
cleanup() { stop_app; kill "$SINK_PID" 2>/dev/null || true; }
trap cleanup EXIT
sink_reset() { curl -sf -X POST "$SINK/reset" >/dev/null; }
# CPU seconds a process has used so far (user + system)
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }
# "app X cores, receiver Y cores" over a span, from cpu() readings before and after
cores() { awk -v a0="$1" -v a1="$2" -v s0="$3" -v s1="$4" -v t="$5" 'BEGIN { printf "%.2f | %.2f", (a1 - a0) / t, (s1 - s0) / t }'; }
# "count duplicates lag_p50_ms lag_p99_ms lag_max_ms first_ms last_ms"
sink_stats() { curl -sf "$SINK/stats"; }

KEY_FILE=$DATA/webhook-key-$MODE   # kept, so that the subscriptions stay usable after the run
[ -f "$KEY_FILE" ] || head -c 32 /dev/urandom | base64 > "$KEY_FILE"
KEY=$(cat "$KEY_FILE")
WEBHOOK_OPTIONS=(--app.webhooks.allow-private-targets=true --app.webhooks.http-hosts=127.0.0.1 --app.webhooks.encryption-key="$KEY")
BASE=http://127.0.0.1:$PORT
start() { start_app "$PORT" "$DATA/webhooks-app-$MODE.log" "${WEBHOOK_OPTIONS[@]}" "$@"; }

pending() {
  if [ "$MODE" = pg ]; then
    "${PG[@]}" -d "$DB" -c "select count(*) from webhook_deliveries where status = 'pending'"
  else
    sqlite3 "$SQLITE_FILE" "select count(*) from webhook_deliveries where status = 'pending'"
  fi
}
wait_drained() {
  for _ in $(seq 600); do
    [ "$(pending)" = 0 ] && return 0
    sleep 0.2
  done
  echo "deliveries still pending after 120 s" >&2
  return 1
}

log "starting the app ($MODE)"
start
USERS_FILE=$DATA/webhook-users-$MODE.tsv
client users --base "$BASE" --admin-token "$ADMIN_TOKEN" --count "$PACED_USERS" --prefix "bench10-$RUN" --out "$USERS_FILE"

subscribe() {
  head -n "$SUBSCRIPTIONS" "$USERS_FILE" | while IFS=$'\t' read -r user token _; do
    curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"url\": \"$SINK/u$user\", \"events\": [\"*\"]}" "$BASE/api/v2/webhooks" >/dev/null
  done
}
unsubscribe() {
  while IFS=$'\t' read -r _ token _; do
    for id in $(curl -sf -H "Authorization: Bearer $token" "$BASE/api/v2/webhooks?fields%5Bwebhooks%5D=id&per_page=100" \
      | grep -o '"id":[0-9]*' | cut -d: -f2); do
      curl -sf -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v2/webhooks/$id" >/dev/null
    done
  done < "$USERS_FILE"
}

log "warming up"
client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$USERS" --duration 5s >/dev/null

out
out "## $MODE: writes with and without subscriptions"
out
out "Mixed workload of bench/writes.sh, $USERS users, one connection each, $DURATION per row; \"with\": $SUBSCRIPTIONS subscriptions to every event (owned by $SUBSCRIPTIONS of the writers) delivered to the local receiver while the writes run."
out
out "| round | subscriptions | 2xx writes/s | p50 | p99 | 5xx | other non-2xx | no answer | delivered during the run | lag p50 | lag p99 | app cores | receiver cores |"
out "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
SPAN=$(echo "$DURATION" | sed 's/s$//')
for round in $(seq "$ROUNDS"); do
  unsubscribe
  a0=$(cpu "$APP_PID"); s0=$(cpu "$SINK_PID")
  cells=$(client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$USERS" --duration "$DURATION")
  out "| $round | 0 | $cells | - | - | - | $(cores "$a0" "$(cpu "$APP_PID")" "$s0" "$(cpu "$SINK_PID")" "$SPAN") |"
  subscribe
  sink_reset
  a0=$(cpu "$APP_PID"); s0=$(cpu "$SINK_PID")
  cells=$(client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$USERS" --duration "$DURATION")
  a1=$(cpu "$APP_PID"); s1=$(cpu "$SINK_PID")
  read -r n _ p50 p99 _ <<< "$(sink_stats)"
  out "| $round | $SUBSCRIPTIONS | $cells | $n | ${p50} ms | ${p99} ms | $(cores "$a0" "$a1" "$s0" "$s1" "$SPAN") |"
  wait_drained
done

out
out "## $MODE: delivery lag under a steady write load"
out
rate=$(awk -v r="$PACED_RATE" -v n="$PACED_USERS" 'BEGIN { print r / n }')
out "| paced writes ($PACED_USERS users, $PACED_RATE writes/s asked) | 2xx writes/s | p50 | p99 | 5xx | other | no answer | app cores | events delivered | duplicates | lag p50 | lag p99 | lag max |"
out "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
unsubscribe
a0=$(cpu "$APP_PID")
cells=$(client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$PACED_USERS" --rate "$rate" --duration "$DURATION")
out "| no subscription | $cells | $(awk -v a="$a0" -v b="$(cpu "$APP_PID")" -v t="$SPAN" 'BEGIN { printf "%.2f", (b - a) / t }') | - | - | - | - | - |"
subscribe
sink_reset
a0=$(cpu "$APP_PID")
cells=$(client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$PACED_USERS" --rate "$rate" --duration "$DURATION")
a1=$(cpu "$APP_PID")
wait_drained
read -r n dup p50 p99 max _ <<< "$(sink_stats)"
out "| $SUBSCRIPTIONS subscriptions | $cells | $(awk -v a="$a0" -v b="$a1" -v t="$SPAN" 'BEGIN { printf "%.2f", (b - a) / t }') | $n | $dup | ${p50} ms | ${p99} ms | ${max} ms |"

out
out "## $MODE: delivery rate"
out
stop_app
start --app.webhooks.dispatch=false
client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$USERS" --duration "$BACKLOG" >/dev/null
backlog=$(pending)
stop_app
sink_reset
start_ms=$(date +%s%3N)
s0=$(cpu "$SINK_PID")
start
a0=$(cpu "$APP_PID")
wait_drained
end_ms=$(date +%s%3N)
a1=$(cpu "$APP_PID"); s1=$(cpu "$SINK_PID")
read -r n dup _ _ _ first last <<< "$(sink_stats)"
rate=$(awk -v n="$n" -v a="$first" -v b="$last" 'BEGIN { if (b > a) printf "%.0f", n * 1000 / (b - a); else print "-" }')
out "| backlog (pending deliveries) | delivered | duplicates | first to last arrival | deliveries/s | restart to drained | app CPU s while draining | receiver CPU s |"
out "|---:|---:|---:|---:|---:|---:|---:|---:|"
out "| $backlog | $n | $dup | $((last - first)) ms | $rate | $((end_ms - start_ms)) ms | $(awk -v a="$a0" -v b="$a1" 'BEGIN { print b - a }') | $(awk -v a="$s0" -v b="$s1" 'BEGIN { print b - a }') |"
log "results in $RESULT"
