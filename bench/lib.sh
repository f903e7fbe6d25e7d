# Shared by bench/writes.sh and bench/crash.sh (sourced, not run). Expects ROOT (the project),
# DATA (bench/data) and, for use_db, the database name DB.

PG=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)
log() { echo "== $*" >&2; }

JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [ "$JAVA" = java ]; then JAVAC=javac; else JAVAC=$(dirname "$JAVA")/javac; fi

need_wrk() {
  command -v wrk >/dev/null || { log "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
}

# Builds the app (unless SKIP_BUILD=1) and copies it (or JAR) to bench/data/$1, run by app().
build_jar() {
  if [ "${SKIP_BUILD:-}" != 1 ]; then
    log "building"
    ./mvnw -B -o -q package -DskipTests || ./mvnw -B -q package -DskipTests
  fi
  APP_JAR=$DATA/$1
  cp "${JAR:-target/asset-collections-api-0.1.0-SNAPSHOT.jar}" "$APP_JAR"
}
app() { "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$APP_JAR" "$@"; }

# The many-users load client (bench/client/LoadClient.java, JDK only): compiled when it changed.
build_client() {
  local out=$DATA/client
  if [ ! -f "$out/LoadClient.class" ] || [ "$ROOT/bench/client/LoadClient.java" -nt "$out/LoadClient.class" ]; then
    log "compiling the load client"
    rm -rf "$out" && mkdir -p "$out"
    "$JAVAC" --release 17 -d "$out" "$ROOT/bench/client/LoadClient.java"
  fi
}
client() { "$JAVA" -cp "$DATA/client" LoadClient "$@"; }

# Points the app (server and command line) at database DB: use_db pg|sqlite.
use_db() {
  unset SPRING_DATASOURCE_USERNAME
  case "$1" in
    pg)
      export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB
      export SPRING_DATASOURCE_USERNAME=postgres ;;
    sqlite)
      SQLITE_FILE=$DATA/$DB.db
      export SPRING_DATASOURCE_URL="jdbc:sqlite:$SQLITE_FILE?journal_mode=WAL&transaction_mode=IMMEDIATE&busy_timeout=10000&foreign_keys=true&synchronous=NORMAL" ;;
  esac
}

# A token of bench-admin@example.com with every scope (admin included), made with the command line.
admin_token() {
  app users create --email=bench-admin@example.com --name="Bench admin" >/dev/null 2>&1 || true
  app tokens create --email=bench-admin@example.com --name=bench-admin \
    --scopes=collections:read,collections:write,assets:read,assets:write,webhooks:read,webhooks:write,admin 2>/dev/null | sed -n 's/.*(shown once): //p'
}

# start_app PORT LOGFILE [app options...]: the server on DB, rate and concurrency limits off; waits for /health.
# CONCURRENT_PER_USER sets app.rate-limit.concurrent-per-user (1000 unless set), HEAVY_UNITS
# app.rate-limit.heavy-units (1000000 unless set; empty: the app's default).
# JAVA_OPTS: options for the JVM of the server; APP_NICE: its CPU priority (nice), when set.
start_app() {
  local port=$1 logfile=$2 heavy=${HEAVY_UNITS-1000000}
  shift 2
  # shellcheck disable=SC2086
  ${APP_NICE:+nice -n "$APP_NICE"} "$JAVA" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar "$APP_JAR" --server.port="$port" \
    --spring.datasource.url="$SPRING_DATASOURCE_URL" ${SPRING_DATASOURCE_USERNAME:+--spring.datasource.username=$SPRING_DATASOURCE_USERNAME} \
    --app.rate-limit.per-minute=1000000000 --app.rate-limit.concurrent-per-user="${CONCURRENT_PER_USER:-1000}" \
    ${heavy:+--app.rate-limit.heavy-units=$heavy} "$@" >> "$logfile" 2>&1 &
  APP_PID=$!
  for _ in $(seq 180); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app did not start; see $logfile" >&2; return 1; }
    sleep 1
  done
  echo "the app did not answer /health within 180 s; see $logfile" >&2
  return 1
}
stop_app() {
  [ -n "${APP_PID:-}" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

# Deadlocks PostgreSQL has counted in DB. Backends flush their statistics at most once a second
# and, when idle, only after 10 s (PostgreSQL 15+), so pass "settled" after a load to wait for them.
pg_deadlocks() {
  [ "${1:-}" = settled ] && sleep 11
  "${PG[@]}" -c "select deadlocks from pg_stat_database where datname = '$DB'"
}
