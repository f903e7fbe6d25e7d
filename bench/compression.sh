#!/usr/bin/env bash
# What gzip (server.compression) costs in requests per second and saves in bytes: GET
# /api/v2/assets?per_page=25 and ?per_page=1000, each with and without `Accept-Encoding: gzip`,
# against one server on SQLite (bench/data/ac_compress.db, seeded if absent). Rounds alternate the
# order of the two forms, so that a machine busy with something else hurts both alike; the server's
# CPU time per request (from /proc) is the steadier figure on a shared machine.
#   bench/compression.sh         DURATION=10s WARMUP=10s ROUNDS=3 CONNECTIONS=8 by default
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DATA=$ROOT/bench/data
DB=ac_compress
PORT=${PORT:-18093}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-8}
mkdir -p "$DATA" "$ROOT/bench/results"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

need_wrk
build_jar compression.jar
use_db sqlite
if [ ! -f "$SQLITE_FILE" ]; then
  log "seeding $SQLITE_FILE"
  app seed --collections 5000 --users 20 --assets 5000 >/dev/null
fi
TOKEN=$(admin_token)
LOG=$DATA/compression-app.log
: > "$LOG"
trap stop_app EXIT
start_app "$PORT" "$LOG"

url() { echo "http://127.0.0.1:$PORT/api/v2/assets?per_page=$1"; }
encoding_header() { [ "$1" = gzip ] && echo "Accept-Encoding: gzip" || echo "Accept-Encoding: identity"; }
bytes() { curl -s -o /dev/null -w '%{size_download}' -H "Authorization: Bearer $TOKEN" -H "$(encoding_header "$2")" "$(url "$1")"; }
# wrk's output for per_page $1, form $2, duration $3
load() { wrk -t1 -c"$CONNECTIONS" -d"$3" -H "Authorization: Bearer $TOKEN" -H "$(encoding_header "$2")" "$(url "$1")"; }
# user + system CPU ticks the server has used so far
server_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
TICK_MS=$((1000 / $(getconf CLK_TCK)))

declare -A total requests ticks
for per_page in 25 1000; do
  for form in identity gzip; do
    load "$per_page" "$form" "$WARMUP" >/dev/null
    total[$per_page,$form]=0 requests[$per_page,$form]=0 ticks[$per_page,$form]=0
  done
done
for round in $(seq "$ROUNDS"); do
  forms=(identity gzip)
  [ $((round % 2)) = 0 ] && forms=(gzip identity)
  for per_page in 25 1000; do
    for form in "${forms[@]}"; do
      before=$(server_ticks)
      out=$(load "$per_page" "$form" "$DURATION")
      used=$(($(server_ticks) - before))
      r=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      n=$(echo "$out" | awk '/requests in/ {print $1}')
      log "round $round per_page=$per_page $form: $r req/s, $n requests, $((used * TICK_MS)) ms server CPU"
      total[$per_page,$form]=$(echo "${total[$per_page,$form]} + $r" | bc -l)
      requests[$per_page,$form]=$((${requests[$per_page,$form]} + n))
      ticks[$per_page,$form]=$((${ticks[$per_page,$form]} + used))
    done
  done
done

OUT=$ROOT/bench/results/compression-$(date -u +%Y%m%dT%H%M%SZ).md
{
  echo "| per_page | bytes identity | bytes gzip | saved | req/s identity | req/s gzip | CPU ms/request identity | CPU ms/request gzip |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  for per_page in 25 1000; do
    plain=$(bytes "$per_page" identity)
    zipped=$(bytes "$per_page" gzip)
    ri=$(echo "${total[$per_page,identity]} / $ROUNDS" | bc -l)
    rg=$(echo "${total[$per_page,gzip]} / $ROUNDS" | bc -l)
    ci=$(echo "${ticks[$per_page,identity]} * $TICK_MS / ${requests[$per_page,identity]}" | bc -l)
    cg=$(echo "${ticks[$per_page,gzip]} * $TICK_MS / ${requests[$per_page,gzip]}" | bc -l)
    printf '| %s | %s | %s | %.0f %% | %.0f | %.0f | %.2f | %.2f |\n' "$per_page" "$plain" "$zipped" \
      "$(echo "100 * (1 - $zipped / $plain)" | bc -l)" "$ri" "$rg" "$ci" "$cg"
  done
  echo
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $CONNECTIONS connections, $ROUNDS rounds of $DURATION"
} | tee "$OUT"
