#!/usr/bin/env bash
# The webhook benchmark of docs/benchmarks.md ("Webhooks", issue 10):
#   1. write throughput and latency of many users writing (bench/client/LoadClient.java, mixed
#      workload) with no subscription, then with SUBSCRIPTIONS subscriptions to every event (owned
#      by writing users, so each write fans out to its readers), alternating ROUNDS times;
#   2. delivery lag (arrival at the receiver minus the time of the write) under a paced write load;
#   3. delivery rate: a backlog written while the dispatching instance is stopped (SIGSTOP, so it
#      stays warm), then drained by it once it goes on (SIGCONT).
# DISPATCHER=inline (default): one instance takes the writes and delivers. DISPATCHER=separate: the
# instance taking writes does not deliver (app.webhooks.dispatch=false) and a second instance, at
# nice 19 like the receiver, delivers: it stands for dispatchers on machines of their own, sharing
# only the database with the writers.
# The receiver is bench/client/WebhookSink.java on 127.0.0.1, which answers 204 at once; it runs at
# the lowest CPU priority (nice 19), standing for a receiver on another machine (on these two cores
# it would otherwise take its share from the service it receives from).
#
#   bench/webhooks.sh [pg|sqlite]
#
# Settings (environment): DURATION (20s), USERS (16), SUBSCRIPTIONS (10), ROUNDS (2), PACED_RATE (100
# writes/s in total), PACED_USERS (20), WARMUP (30s, of writes with subscriptions), BACKLOG (10s of the mixed workload), SKIP_BUILD=1, JAR, PORT (18083),
# SINK_PORT (18093), DB (ac_bench_webhooks), PHASES ("writes lag drain": which of the three to run),
# BUSY_RATE (app.webhooks.busy-rate: deliveries/s while the API is saturated; 0 never holds them back).
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
WARMUP=${WARMUP:-30s}
PORT=${PORT:-18083}
SINK_PORT=${SINK_PORT:-18093}
DB=${DB:-ac_bench_webhooks}
PHASES=${PHASES:-writes lag drain}
DISPATCHER=${DISPATCHER:-inline}
DISPATCHER_PORT=${DISPATCHER_PORT:-$((PORT + 1))}
runs() { [[ " $PHASES " == *" $1 "* ]]; }
case "$MODE" in pg|sqlite) ;; *) echo "usage: $0 pg|sqlite" >&2; exit 2 ;; esac
case "$DISPATCHER" in inline|separate) ;; *) echo "DISPATCHER is inline or separate" >&2; exit 2 ;; esac
. "$ROOT/bench/lib.sh"

build_jar webhooks-app.jar
build_client
RUN=$(date -u +%Y%m%dT%H%M%S)
RESULT=$ROOT/bench/results/webhooks-$MODE-$RUN.md
echo "# webhooks, $MODE, dispatcher $DISPATCHER, busy-rate ${BUSY_RATE:-default}, $DURATION each, $("$JAVA" -version 2>&1 | head -1), run $RUN" > "$RESULT"
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
stop_pid() { [ -n "${1:-}" ] && { kill -CONT "$1" 2>/dev/null; kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; } || true; }
cleanup() { stop_app; stop_pid "${DISPATCHER_PID:-}"; kill "$SINK_PID" 2>/dev/null || true; }
trap cleanup EXIT
sink_reset() { curl -sf -X POST "$SINK/reset" >/dev/null; }
# CPU seconds a process has used so far (user + system)
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }
# CPU seconds the service has used so far: the writing instance, and the dispatching one if separate
service_cpu() {
  if [ "$DISPATCHER_PID" = "$APP_PID" ]; then cpu "$APP_PID"; else
    awk -v a="$(cpu "$APP_PID")" -v b="$(cpu "$DISPATCHER_PID")" 'BEGIN { printf "%.1f", a + b }'; fi
}
# CPU seconds PostgreSQL has used so far: its live processes, and the exited backends its postmaster waited for
pg_cpu() {
  [ "$MODE" = pg ] || { echo 0; return; }
  local postmaster
  postmaster=$(pgrep -o -u postgres -x postgres)
  { for pid in $(pgrep -u postgres -x postgres); do cat "/proc/$pid/stat" 2>/dev/null; done; } \
    | awk -v hz="$(getconf CLK_TCK)" -v pm="$postmaster" '{ t += $14 + $15; if ($1 == pm) t += $16 + $17 } END { printf "%.1f", t / hz }'
}
# CPU seconds the whole machine has been busy so far (all cores)
busy_cpu() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.1f", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat; }
# "app X cores, receiver Y cores" over a span, from cpu() readings before and after
cores() { awk -v a0="$1" -v a1="$2" -v s0="$3" -v s1="$4" -v t="$5" 'BEGIN { printf "%.2f | %.2f", (a1 - a0) / t, (s1 - s0) / t }'; }
# "count duplicates lag_p50_ms lag_p99_ms lag_max_ms first_ms last_ms"
sink_stats() { curl -sf "$SINK/stats"; }
# sends so far that waited because the API was saturated (app.webhooks.busy-rate), from the metrics
paced() {
  curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v2/metrics" \
    | awk '/^webhook_deliveries_paced_total/ { printf "%d", $2; found = 1 } END { if (!found) print 0 }'
}

KEY_FILE=$DATA/webhook-key-$MODE   # kept, so that the subscriptions stay usable after the run
[ -f "$KEY_FILE" ] || head -c 32 /dev/urandom | base64 > "$KEY_FILE"
KEY=$(cat "$KEY_FILE")
WEBHOOK_OPTIONS=(--app.webhooks.allow-private-targets=true --app.webhooks.http-hosts=127.0.0.1 --app.webhooks.encryption-key="$KEY")
[ -z "${BUSY_RATE:-}" ] || WEBHOOK_OPTIONS+=(--app.webhooks.busy-rate="$BUSY_RATE")
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

log "starting the app ($MODE, dispatcher $DISPATCHER)"
if [ "$DISPATCHER" = separate ]; then
  APP_NICE=19 start_app "$DISPATCHER_PORT" "$DATA/webhooks-dispatcher-$MODE.log" "${WEBHOOK_OPTIONS[@]}"
  DISPATCHER_PID=$APP_PID
  start --app.webhooks.dispatch=false
else
  start
  DISPATCHER_PID=$APP_PID
fi
USERS_FILE=$DATA/webhook-users-$MODE.tsv
client users --base "$BASE" --admin-token "$ADMIN_TOKEN" --count "$PACED_USERS" --prefix "bench10-$RUN" --out "$USERS_FILE"

unsubscribe() {
  while IFS=$'\t' read -r _ token _; do
    for id in $(curl -sf -H "Authorization: Bearer $token" "$BASE/api/v2/webhooks?fields%5Bwebhooks%5D=id&per_page=100" \
      | grep -o '"id":[0-9]*' | cut -d: -f2); do
      curl -sf -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v2/webhooks/$id" >/dev/null
    done
  done < "$USERS_FILE"
}
subscribe() { # SUBSCRIPTIONS of them, and no other
  unsubscribe
  head -n "$SUBSCRIPTIONS" "$USERS_FILE" | while IFS=$'\t' read -r user token _; do
    curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"url\": \"$SINK/u$user\", \"events\": [\"*\"]}" "$BASE/api/v2/webhooks" >/dev/null
  done
}

log "warming up ($WARMUP, with the subscriptions, so that the delivery path is compiled too)"
subscribe
client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$USERS" --duration "$WARMUP" >/dev/null
wait_drained

SPAN=$(echo "$DURATION" | sed 's/s$//')
if runs writes; then
out
out "## $MODE: writes with and without subscriptions"
out
out "Mixed workload of bench/writes.sh, $USERS users, one connection each, $DURATION per row; \"with\": $SUBSCRIPTIONS subscriptions to every event (owned by $SUBSCRIPTIONS of the writers) delivered to the local receiver while the writes run."
out
out "| round | subscriptions | 2xx writes/s | p50 | p99 | 5xx | other non-2xx | no answer | delivered during the run | of them paced | lag p50 | lag p99 | app cores | receiver cores | PostgreSQL cores | machine busy cores | machine CPU ms per write |"
out "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
# one row of the table: $1 round, $2 subscriptions (0 or SUBSCRIPTIONS)
writes_row() {
  if [ "$2" = 0 ]; then unsubscribe; else subscribe; fi
  sink_reset
  local a0 s0 p0 b0 a1 s1 p1 b1 cells n p50 p99 deliveries="-" lag50="-" lag99="-" q0 q1 paced_sends="-" stats left drained t0
  q0=$(paced)
  a0=$(service_cpu); s0=$(cpu "$SINK_PID"); p0=$(pg_cpu); b0=$(busy_cpu)
  cells=$(client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$USERS" --duration "$DURATION")
  # the receiver first: once the writes stop, a queue that waited is sent at full speed
  [ "$2" = 0 ] || { stats=$(sink_stats); left=$(pending); }
  a1=$(service_cpu); s1=$(cpu "$SINK_PID"); p1=$(pg_cpu); b1=$(busy_cpu)
  if [ "$2" != 0 ]; then
    read -r n _ p50 p99 _ <<< "$stats"
    q1=$(paced)
    deliveries=$n lag50="$p50 ms" lag99="$p99 ms" paced_sends=$((q1 - q0))
  fi
  out "| $1 | $2 | $cells | $deliveries | $paced_sends | $lag50 | $lag99 | $(cores "$a0" "$a1" "$s0" "$s1" "$SPAN") | $(awk -v a="$p0" -v b="$p1" -v c="$b0" -v d="$b1" -v t="$SPAN" -v w="${cells%% *}" \
    'BEGIN { printf "%.2f | %.2f | %.1f", (b - a) / t, (d - c) / t, (d - c) * 1000 / (w * t) }') |"
  if [ "$2" != 0 ]; then
    t0=$(date +%s.%N); wait_drained; drained=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }')
    out "|   | queued when the writes stopped: $left deliveries, all sent $drained later |"
  fi
}
# rounds alternate the order (none first, then with first) so that a drift over the run favours neither
for round in $(seq "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then
    writes_row "$round" 0
    writes_row "$round" "$SUBSCRIPTIONS"
  else
    writes_row "$round" "$SUBSCRIPTIONS"
    writes_row "$round" 0
  fi
done
fi

if runs lag; then
out
out "## $MODE: delivery lag under a steady write load"
out
rate=$(awk -v r="$PACED_RATE" -v n="$PACED_USERS" 'BEGIN { print r / n }')
out "| paced writes ($PACED_USERS users, $PACED_RATE writes/s asked) | 2xx writes/s | p50 | p99 | 5xx | other | no answer | app cores | events delivered | duplicates | lag p50 | lag p99 | lag max |"
out "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
unsubscribe
a0=$(service_cpu)
cells=$(client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$PACED_USERS" --rate "$rate" --duration "$DURATION")
out "| no subscription | $cells | $(awk -v a="$a0" -v b="$(service_cpu)" -v t="$SPAN" 'BEGIN { printf "%.2f", (b - a) / t }') | - | - | - | - | - |"
subscribe
sink_reset
a0=$(service_cpu)
cells=$(client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$PACED_USERS" --rate "$rate" --duration "$DURATION")
a1=$(service_cpu)
wait_drained
read -r n dup p50 p99 max _ <<< "$(sink_stats)"
out "| $SUBSCRIPTIONS subscriptions | $cells | $(awk -v a="$a0" -v b="$a1" -v t="$SPAN" 'BEGIN { printf "%.2f", (b - a) / t }') | $n | $dup | ${p50} ms | ${p99} ms | ${max} ms |"
fi

if runs drain; then
out
out "## $MODE: delivery rate"
out
subscribe
# the delivery path of the dispatching instance is warm after the phases above; warm it if they did not run
client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$USERS" --duration 5s >/dev/null
wait_drained
kill -STOP "$DISPATCHER_PID"
if [ "$DISPATCHER" = inline ]; then # the backlog is written through an instance that does not deliver
  writer_pid=$APP_PID
  start_app "$((PORT + 2))" "$DATA/webhooks-backlog-$MODE.log" "${WEBHOOK_OPTIONS[@]}" --app.webhooks.dispatch=false
  client mixed --base "http://127.0.0.1:$((PORT + 2))" --tokens "$USERS_FILE" --users "$USERS" --duration "$BACKLOG" >/dev/null
  stop_app
  APP_PID=$writer_pid
else
  client mixed --base "$BASE" --tokens "$USERS_FILE" --users "$USERS" --duration "$BACKLOG" >/dev/null
fi
backlog=$(pending)
sink_reset
a0=$(service_cpu); s0=$(cpu "$SINK_PID")
start_ms=$(date +%s%3N)
kill -CONT "$DISPATCHER_PID"
wait_drained
end_ms=$(date +%s%3N)
a1=$(service_cpu); s1=$(cpu "$SINK_PID")
read -r n dup _ _ _ first last <<< "$(sink_stats)"
rate=$(awk -v n="$n" -v a="$first" -v b="$last" 'BEGIN { if (b > a) printf "%.0f", n * 1000 / (b - a); else print "-" }')
out "| backlog (pending deliveries) | delivered | duplicates | first to last arrival | deliveries/s | going on to drained | service CPU s while draining | receiver CPU s |"
out "|---:|---:|---:|---:|---:|---:|---:|---:|"
out "| $backlog | $n | $dup | $((last - first)) ms | $rate | $((end_ms - start_ms)) ms | $(awk -v a="$a0" -v b="$a1" 'BEGIN { print b - a }') | $(awk -v a="$s0" -v b="$s1" 'BEGIN { print b - a }') |"
fi
log "results in $RESULT"
