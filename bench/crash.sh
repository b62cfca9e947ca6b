#!/usr/bin/env bash
# Crash benchmark, one command: bench/crash.sh
# Signed webhooks at 64 connections into the service on PostgreSQL; after BURST seconds the JVM is killed with
# SIGKILL and started again on the same database. Prints the webhooks acknowledged before the kill, the events
# stored, the time from the restart until the last stored event reached the CRM, the deliveries the CRM saw twice
# under one webhook-id (made again because the kill landed during them), and webhook-ids beyond the events stored
# (an event sent under a second id: none may be).
# Settings: RUNS (3), BURST (6 s).
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-3}; BURST=${BURST:-6}
trap cleanup EXIT

require_tools
start_postgres
build_jar
start_crm
RESULTS="$WORK/crash-results.txt"; : > "$RESULTS"

for run in $(seq 1 "$RUNS"); do
  start_app
  ensure_account
  file="$WORK/crash-bodies.tsv"
  java "$BENCH_DIR/BenchData.java" singles "$file" $(( 4000 * BURST )) "$INSTAGRAM_ACCOUNT" "k$run-$RANDOM" "$APP_SECRET"
  before=$("${PSQL[@]}" -c "select count(*) from inbound_event")
  read -r _ delivered_before repeated_before < <(curl -s "http://127.0.0.1:$CRM_PORT/stats")
  wrk -t2 -c64 -d$(( BURST + 10 ))s --timeout 5s -s "$BENCH_DIR/webhook.lua" "http://127.0.0.1:$APP_PORT" \
    -- "$file" 2 > "$WORK/crash-wrk.txt" 2>&1 &
  WRK_PID=$!
  sleep "$BURST"
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  kill -INT "$WRK_PID" 2>/dev/null || true; wait "$WRK_PID" 2>/dev/null || true
  acknowledged=$(grep '^RESULT' "$WORK/crash-wrk.txt" | sed -E 's/.*requests=([0-9]+).*errors=([0-9]+) non2xx=([0-9]+).*/\1 \2 \3/' \
    | awk '{print $1 - $3}')
  start_app
  restarted=$(date +%s.%N)
  stored=$(( $("${PSQL[@]}" -c "select count(*) from inbound_event") - before ))
  for _ in $(seq 1 1200); do
    distinct=$(curl -s "http://127.0.0.1:$CRM_PORT/stats" | cut -d' ' -f2)
    [ $(( distinct - delivered_before )) -ge "$stored" ] && break
    sleep 0.1
  done
  seconds=$(echo "$(date +%s.%N) - $restarted" | bc)
  sleep 3
  read -r received distinct repeated < <(curl -s "http://127.0.0.1:$CRM_PORT/stats")
  delivered=$(( distinct - delivered_before ))
  echo "crash run=$run acknowledged=$acknowledged stored=$stored delivered=$delivered \
last_delivered_after_restart_s=$seconds repeated_same_id=$(( repeated - repeated_before )) ids_beyond_events=$(( delivered - stored ))" \
    | tee -a "$RESULTS"
  stop_app
done

echo
echo "== Crash benchmark: $RUNS runs, SIGKILL after ${BURST}s of signed webhooks at 64 connections (PostgreSQL 15) =="
for f in acknowledged stored delivered last_delivered_after_restart_s; do
  printf '%-40s %10s (median)\n' "$f" "$(grep '^crash' "$RESULTS" | field "$f" | median)"
done
printf '%-40s %10s (all runs)\n' "deliveries repeated under one webhook-id" \
  "$(grep '^crash' "$RESULTS" | field repeated_same_id | paste -sd+ | bc)"
printf '%-40s %10s (all runs; 0 means no event got a second webhook-id)\n' "webhook-ids beyond the events stored" \
  "$(grep '^crash' "$RESULTS" | field ids_beyond_events | paste -sd+ | bc)"
echo "Every line measured: $RESULTS"
