#!/usr/bin/env bash
# H2 durability benchmark, one command: bench/h2.sh
# The embedded default writes every commit to its file before answering (WRITE_DELAY=0), so that a crash loses
# nothing acknowledged. This measures what that costs against H2's default half-second write delay, on the same
# machine in the same run: signed webhooks acknowledged per second at 16 connections, and the size of the database
# file after a long steady load (does it keep growing without the background compaction a write delay brings?) and
# after a restart. Settings: RUNS (2), DURATION (20 s), STEADY (300 s at 200 webhooks/s), WARMUP (40 s).
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-2}; DURATION=${DURATION:-20}; STEADY=${STEADY:-300}; WARMUP=${WARMUP:-40}
trap cleanup EXIT

require_tools
build_jar
start_crm
RESULTS="$WORK/h2-results.txt"; : > "$RESULTS"

start_h2_app() { # WRITE_DELAY
  DATABASE_URL="jdbc:h2:file:$WORK/h2/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=$1" \
    INSTAGRAM_APP_SECRET=$APP_SECRET FACEBOOK_VERIFY_TOKEN=bench \
    APP_ENCRYPTION_KEY=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= ADMIN_API_KEY=$ADMIN_KEY LOG_LEVEL=WARN \
    PORT=$APP_PORT java ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 360); do
    curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null && return
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  log "the service did not start; see $WORK/app.log"; exit 1
}

h2_account() {
  ACCOUNT_ID=$(api POST /api/v1/accounts "{\"instagram_account_id\":\"$INSTAGRAM_ACCOUNT\",\"username\":\"bench.shop\",
    \"access_token\":\"IGAAT-bench\",\"crm_webhook_url\":\"http://127.0.0.1:$CRM_PORT/crm\",
    \"webhook_secret\":\"bench-crm-secret\"}" | sed -E 's/.*"id":"(acc_[0-9a-z]+)".*/\1/')
}

load() { # CONNECTIONS SECONDS [DELAY_MS]
  local file="$WORK/h2-bodies.tsv" rate=3000
  [ -n "${3:-}" ] && rate=250
  java "$BENCH_DIR/BenchData.java" singles "$file" $(( rate * $2 )) "$INSTAGRAM_ACCOUNT" "h$RANDOM$RANDOM" "$APP_SECRET"
  wrk -t2 -c"$1" -d"$2"s --timeout 10s -s "$BENCH_DIR/webhook.lua" "http://127.0.0.1:$APP_PORT" -- "$file" 2 ${3:-} \
    | grep '^RESULT'
}

size_mb() { echo "scale=1; $(stat -c %s "$WORK/h2/db.mv.db") / 1048576" | bc; }

for run in $(seq 1 "$RUNS"); do
  for delay in 0 500; do
    rm -rf "$WORK/h2"; mkdir -p "$WORK/h2"
    start_h2_app "$delay"
    h2_account
    load 4 "$WARMUP" > /dev/null
    sleep 10
    result=$(load 16 "$DURATION")
    echo "ingest run=$run write_delay=$delay $result" | tee -a "$RESULTS"
    stop_app
  done
done

rm -rf "$WORK/h2"; mkdir -p "$WORK/h2"
start_h2_app 0
h2_account
for minute in $(seq 1 $(( STEADY / 60 ))); do
  result=$(load 20 60 80)
  events=$(curl -s "http://127.0.0.1:$APP_PORT/api/v1/accounts/$ACCOUNT_ID/analytics?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z" \
    -H "Authorization: Bearer $ADMIN_KEY" | sed -E 's/.*"received":([0-9]+).*/\1/')
  echo "steady minute=$minute events=$events file_mb=$(size_mb) $result" | tee -a "$RESULTS"
done
stop_app
echo "closed file_mb=$(size_mb)" | tee -a "$RESULTS"
start_h2_app 0
echo "reopened file_mb=$(size_mb)" | tee -a "$RESULTS"
stop_app

echo
echo "== H2 benchmark: commits written before they return (WRITE_DELAY=0) against H2's default (500 ms) =="
for delay in 0 500; do
  printf '%-52s %8s\n' "webhooks/s at 16 connections, WRITE_DELAY=$delay" \
    "$(grep "^ingest .* write_delay=$delay " "$RESULTS" | field rps | median)"
done
grep '^steady\|^closed\|^reopened' "$RESULTS" | awk '{print "  " $0}'
echo "Every line measured: $RESULTS"
