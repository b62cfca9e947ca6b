#!/usr/bin/env bash
# Outbound benchmark, one command: bench/outbound.sh
# Accepted sends per second through POST /api/v1/messages/send, and Graph API calls per second, on PostgreSQL, with
# a Graph stub that answers at once and a CRM receiving every message.status, against pgbench's two-insert
# transaction measured in the same run (the ratio is what compares across days); checks that no idempotency key
# reached the Graph API twice, and that sending keys again sends nothing. Settings: JVMS (2), RUNS (3),
# DURATION (20 s), WARMUP (60 s at 4 connections), WARMUP64 (30 s at 64).
source "$(dirname "$0")/lib.sh"
JVMS=${JVMS:-2}; RUNS=${RUNS:-3}; DURATION=${DURATION:-20}; WARMUP=${WARMUP:-60}; WARMUP64=${WARMUP64:-30}
USERS=1000
trap cleanup EXIT

require_tools
start_postgres
build_jar
start_crm
start_graph
RESULTS="$WORK/outbound-results.txt"; : > "$RESULTS"

# The service's own limits are lifted: this measures the service, not Meta's or a CRM's allowance.
export APP_INSTAGRAM_GRAPH_BASE_URL=http://127.0.0.1:$GRAPH_PORT
export APP_SECURITY_RATE_LIMIT_REQUESTS_PER_SECOND=1000000 APP_SECURITY_RATE_LIMIT_BURST=1000000
export APP_OUTBOUND_PER_ACCOUNT_PER_SECOND=1000000

graph_stats() { curl -s "http://127.0.0.1:$GRAPH_PORT/stats"; }

send_load() { # CONNECTIONS SECONDS RUN_ID
  wrk -t2 -c"$1" -d"$2"s --timeout 10s -s "$BENCH_DIR/send.lua" "http://127.0.0.1:$APP_PORT" \
    -- "$3" "$ADMIN_KEY" "$ACCOUNT_ID" "$USERS" | grep '^RESULT'
}

for jvm in $(seq 1 "$JVMS"); do
  start_app
  ensure_account
  java "$BENCH_DIR/BenchData.java" users "$WORK/users.json" "$USERS" "$INSTAGRAM_ACCOUNT" "u$RANDOM$RANDOM" "$APP_SECRET"
  curl -s -o /dev/null -X POST "http://127.0.0.1:$APP_PORT/webhooks/instagram" -H 'Content-Type: application/json' \
    -H "X-Hub-Signature-256: $(cat "$WORK/users.json.sig")" --data-binary @"$WORK/users.json"
  wait_for_queue_to_drain > /dev/null
  log "JVM $jvm: warming up ($WARMUP s at 4 connections, $WARMUP64 s at 64)"
  send_load 4 "$WARMUP" "w1-$jvm-$RANDOM" > /dev/null; send_load 64 "$WARMUP64" "w2-$jvm-$RANDOM" > /dev/null
  wait_for_queue_to_drain > /dev/null
  for run in $(seq 1 "$RUNS"); do
    echo "pgbench jvm=$jvm run=$run tps=$(pgbench_tps "$DURATION")" | tee -a "$RESULTS"
    for connections in 16 64; do
      curl -s -X POST "http://127.0.0.1:$GRAPH_PORT/reset"
      run_id="r$jvm-$run-$connections-$RANDOM"
      crm_before=$(curl -s "http://127.0.0.1:$CRM_PORT/count")
      result=$(send_load "$connections" "$DURATION" "$run_id")
      read -r calls distinct duplicates <<< "$(graph_stats)"
      duration=$(echo "$result" | field duration_s)
      drained=$(wait_for_queue_to_drain)
      echo "send jvm=$jvm run=$run c=$connections $result graph_calls=$calls graph_per_s=$(echo "$calls / $duration" | bc -l | xargs printf '%.1f') distinct_keys=$distinct duplicate_keys=$duplicates crm_statuses=$(( $(curl -s "http://127.0.0.1:$CRM_PORT/count") - crm_before )) drain_s=$drained" \
        | tee -a "$RESULTS"
    done
  done
  # Sending 200 keys of the last run again: each must be answered as a replay, and the Graph API called no more.
  before=$(graph_stats | cut -d' ' -f1); replayed=0
  for counter in $(seq 101 300); do
    key="$run_id-0-$counter"
    header=$(curl -s -o /dev/null -D - -X POST "http://127.0.0.1:$APP_PORT/api/v1/messages/send" \
      -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
      -d "{\"account_id\":\"$ACCOUNT_ID\",\"recipient_id\":\"$((3000000000 + counter % USERS))\",\"message\":\"bench $key\",\"idempotency_key\":\"$key\"}" \
      | tr -d '\r' | grep -ci '^idempotent-replayed: true' || true)
    replayed=$((replayed + header))
  done
  echo "replay jvm=$jvm keys=200 replayed=$replayed graph_calls_added=$(( $(graph_stats | cut -d' ' -f1) - before ))" | tee -a "$RESULTS"
  stop_app
done

echo
echo "== Outbound benchmark: medians over $JVMS JVMs x $RUNS runs of ${DURATION}s after ${WARMUP}+${WARMUP64} s of warm-up (PostgreSQL 15, $(nproc) cores) =="
for c in 16 64; do
  printf '%-44s %10s   p50 %s ms, p99 %s ms; Graph calls/s %s; non-2xx %s\n' \
    "accepted sends/s, $c connections" \
    "$(grep "^send .* c=$c " "$RESULTS" | field rps | median)" \
    "$(grep "^send .* c=$c " "$RESULTS" | field p50_ms | median)" \
    "$(grep "^send .* c=$c " "$RESULTS" | field p99_ms | median)" \
    "$(grep "^send .* c=$c " "$RESULTS" | field graph_per_s | median)" \
    "$(grep "^send .* c=$c " "$RESULTS" | field non2xx | awk '{s+=$1} END {print s+0}')"
done
pg=$(grep '^pgbench' "$RESULTS" | field tps | median)
at64=$(grep "^send .* c=64 " "$RESULTS" | field rps | median)
printf '%-44s %10s tps; accepted sends/s at 64 connections / pgbench = %.3f (target 0.19)\n' \
  "pgbench, two 1 KB inserts per transaction" "$pg" "$(echo "$at64 / $pg" | bc -l)"
echo "keys sent to the Graph API more than once: $(grep '^send' "$RESULTS" | field duplicate_keys | awk '{s+=$1} END {print s+0}')"
echo "replays: $(grep '^replay' "$RESULTS" | field replayed | paste -sd+ | bc) of $(( 200 * JVMS )) answered as replays, Graph calls added: $(grep '^replay' "$RESULTS" | field graph_calls_added | paste -sd+ | bc)"
echo "Every line measured: $RESULTS"
