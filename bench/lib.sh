# Shared by the benchmarks: PostgreSQL 15 from Debian, the service's jar, and helpers. Sourced, not run.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
WORK=${BENCH_WORK:-/tmp/igautomation-bench}
APP_PORT=${APP_PORT:-18080}
CRM_PORT=${CRM_PORT:-19099}
PG_BIN=$(pg_config --bindir)
export PGPASSWORD=bench
PSQL=(psql -X -q -t -A -h 127.0.0.1 -U bench -d bench)
APP_SECRET=bench-app-secret
ADMIN_KEY=bench-admin-key
INSTAGRAM_ACCOUNT=17841400000000001
mkdir -p "$WORK"
# One benchmark at a time on this machine (they share PostgreSQL's bench databases, the ports and the cores): wait
# for any other to finish.
exec 9>/tmp/igautomation-bench.lock
flock 9

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

require_tools() {
  if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk"
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  fi
}

# The machine's PostgreSQL 15, with the bench role; not holding the benchmarks' lock (fd 9): the server outlives them.
start_postgres_server() {
  pg_ctlcluster 15 main start 2>/dev/null 9>&- || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  su postgres -c "psql -X -q -c \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'bench') then create role bench login password 'bench'; end if; end \\\$\\\$\"" >/dev/null
}

fresh_database() { # NAME
  su postgres -c "psql -X -q -c 'drop database if exists $1'" >/dev/null 2>&1
  su postgres -c "psql -X -q -c 'create database $1 owner bench'" >/dev/null
}

start_postgres() {
  start_postgres_server
  fresh_database bench
  fresh_database bench_reference
  psql -X -q -h 127.0.0.1 -U bench -d bench_reference \
    -c "create table bench_event (id bigint, payload text); create table bench_job (id bigint, payload text);"
}

build_jar() {
  log "building the service"
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
  JAR=$(ls "$ROOT"/target/instagram-automation-*.jar | grep -v plain | head -1)
}

start_crm() {
  java -Dsun.net.httpserver.nodelay=true "$BENCH_DIR/CrmReceiver.java" "$CRM_PORT" > "$WORK/crm.log" 2>&1 &
  CRM_PID=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$CRM_PORT/count" >/dev/null && return; sleep 0.5; done
  log "the CRM receiver did not start"; exit 1
}

start_graph() { # the Graph API stub, answering at once, on GRAPH_PORT (19199)
  GRAPH_PORT=${GRAPH_PORT:-19199}
  java -Dsun.net.httpserver.nodelay=true "$BENCH_DIR/GraphStub.java" "$GRAPH_PORT" > "$WORK/graph.log" 2>&1 &
  GRAPH_PID=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$GRAPH_PORT/stats" >/dev/null && return; sleep 0.5; done
  log "the Graph stub did not start"; exit 1
}

start_app() {
  log "starting the service (fresh JVM)"
  DATABASE_URL=postgres://bench:bench@127.0.0.1:5432/bench INSTAGRAM_APP_SECRET=$APP_SECRET \
    FACEBOOK_VERIFY_TOKEN=bench APP_ENCRYPTION_KEY=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= \
    ADMIN_API_KEY=$ADMIN_KEY LOG_LEVEL=WARN PORT=$APP_PORT \
    java ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 360); do
    curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null && return
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  log "the service did not start; see $WORK/app.log"; exit 1
}

stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
}

api() { # METHOD PATH [BODY]
  curl -s -X "$1" "http://127.0.0.1:$APP_PORT$2" -H "Authorization: Bearer $ADMIN_KEY" \
    -H 'Content-Type: application/json' ${3:+-d "$3"}
}

ensure_account() {
  local existing
  existing=$("${PSQL[@]}" -c "select id from account where instagram_account_id = '$INSTAGRAM_ACCOUNT'")
  if [ -n "$existing" ]; then ACCOUNT_ID=$existing; return; fi
  ACCOUNT_ID=$(api POST /api/v1/accounts "{\"instagram_account_id\":\"$INSTAGRAM_ACCOUNT\",\"username\":\"bench.shop\",
    \"access_token\":\"IGAAT-bench\",\"crm_webhook_url\":\"http://127.0.0.1:$CRM_PORT/crm\",
    \"webhook_secret\":\"bench-crm-secret\"}" | sed -E 's/.*"id":"(acc_[0-9a-z]+)".*/\1/')
}

wait_for_queue_to_drain() { # prints seconds it took
  local start=$(date +%s.%N)
  for _ in $(seq 1 600); do
    [ "$("${PSQL[@]}" -c "select count(*) from scheduled_tasks where execution_time <= now()")" = 0 ] && break
    sleep 0.5
  done
  echo "$(date +%s.%N) - $start" | bc
}

pgbench_tps() { # [SECONDS]: the reference, pgbench's two-insert transaction at 16 clients
  PGPASSWORD=bench "$PG_BIN/pgbench" -n -h 127.0.0.1 -U bench -c 16 -j 2 -T "${1:-20}" \
    -f "$BENCH_DIR/pgbench-two-inserts.sql" bench_reference 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p'
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

field() { sed -E "s/.* $1=([^ ]+).*/\1/"; }

cleanup() {
  stop_app 2>/dev/null || true
  [ -n "${CRM_PID:-}" ] && kill "$CRM_PID" 2>/dev/null || true
  [ -n "${GRAPH_PID:-}" ] && kill "$GRAPH_PID" 2>/dev/null || true
}
