#!/usr/bin/env bash
# Inbound benchmark, one command: bench/inbound.sh
# Signed webhooks per second and acknowledgement latency at 16 and 64 senders on PostgreSQL, against pgbench's
# two-insert transaction in the same run; the acknowledgement time of a 1000-event body; and the time from a webhook
# to the CRM at a steady 200 events per second. Settings: JVMS (2), RUNS (3), DURATION (20 s), WARMUP (60 s).
source "$(dirname "$0")/lib.sh"
JVMS=${JVMS:-2}; RUNS=${RUNS:-3}; DURATION=${DURATION:-20}; WARMUP=${WARMUP:-60}
trap cleanup EXIT

require_tools
start_postgres
build_jar
start_crm
RESULTS="$WORK/inbound-results.txt"; : > "$RESULTS"

generate() { # FILE COUNT
  java "$BENCH_DIR/BenchData.java" singles "$1" "$2" "$INSTAGRAM_ACCOUNT" "r$RANDOM$RANDOM" "$APP_SECRET"
}

load() { # CONNECTIONS SECONDS [DELAY_MS] -> RESULT line
  local file="$WORK/bodies.tsv" per_second=6000 bodies result
  [ "$1" -le 4 ] && per_second=3000
  [ -n "${3:-}" ] && per_second=400
  bodies=$(( per_second * $2 ))
  generate "$file" "$bodies"
  result=$(wrk -t2 -c"$1" -d"$2"s --timeout 10s -s "$BENCH_DIR/webhook.lua" "http://127.0.0.1:$APP_PORT" \
    -- "$file" 2 ${3:-} | grep '^RESULT')
  [ "$(echo "$result" | field requests)" -gt "$bodies" ] && log "WARNING: more requests than bodies, some repeated"
  echo "$result"
}

for jvm in $(seq 1 "$JVMS"); do
  start_app
  ensure_account
  log "JVM $jvm: warming up ($WARMUP s at 4 connections, 30 s at 64)"
  load 4 "$WARMUP" > /dev/null; load 64 30 > /dev/null
  wait_for_queue_to_drain > /dev/null
  for run in $(seq 1 "$RUNS"); do
    tps=$(pgbench_tps "$DURATION")
    echo "pgbench jvm=$jvm run=$run tps=$tps" | tee -a "$RESULTS"
    for connections in 16 64; do
      result=$(load "$connections" "$DURATION")
      drained=$(wait_for_queue_to_drain)
      echo "ingest jvm=$jvm run=$run c=$connections $result drain_s=$drained" | tee -a "$RESULTS"
    done
  done
  for i in 1 2 3 4 5; do
    java "$BENCH_DIR/BenchData.java" batch "$WORK/batch.json" 1000 "$INSTAGRAM_ACCOUNT" "b$RANDOM$RANDOM" "$APP_SECRET"
    seconds=$(curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$APP_PORT/webhooks/instagram" \
      -H 'Content-Type: application/json' -H "X-Hub-Signature-256: $(cat "$WORK/batch.json.sig")" \
      --data-binary @"$WORK/batch.json")
    echo "batch1000 jvm=$jvm seconds=$seconds" | tee -a "$RESULTS"
    wait_for_queue_to_drain > /dev/null
  done
  from=$("${PSQL[@]}" -c "select now()")
  load 20 30 100 | sed "s/^/steady jvm=$jvm /" | tee -a "$RESULTS"
  to=$("${PSQL[@]}" -c "select now()")
  wait_for_queue_to_drain > /dev/null
  "${PSQL[@]}" -F ' ' -c "
    select 'crm jvm=$jvm events=' || count(*) || ' delivered=' || count(delivered_at)
      || ' p50_ms=' || round(percentile_cont(0.5) within group (order by ms)::numeric, 1)
      || ' p99_ms=' || round(percentile_cont(0.99) within group (order by ms)::numeric, 1)
      || ' max_ms=' || round(max(ms)::numeric, 1)
    from (select d.delivered_at, extract(epoch from d.delivered_at - e.received_at) * 1000 as ms
          from inbound_event e join crm_delivery d on d.account_id = '$ACCOUNT_ID' and d.source_key = 'event:' || e.id
          where e.instagram_account_id = '$INSTAGRAM_ACCOUNT' and e.received_at >= '$from' and e.received_at < '$to') x" \
    | tee -a "$RESULTS"
  stop_app
done

echo
echo "== Inbound benchmark: medians over $JVMS JVMs x $RUNS runs of ${DURATION}s (PostgreSQL 15, $(nproc) cores) =="
pg=$(grep '^pgbench' "$RESULTS" | field tps | median)
printf '%-48s %10s\n' "pgbench, two 1 KB inserts per transaction, 16 clients (tps)" "$pg"
for c in 16 64; do
  rps=$(grep "^ingest .* c=$c " "$RESULTS" | field rps | median)
  p50=$(grep "^ingest .* c=$c " "$RESULTS" | field p50_ms | median)
  p99=$(grep "^ingest .* c=$c " "$RESULTS" | field p99_ms | median)
  drain=$(grep "^ingest .* c=$c " "$RESULTS" | field drain_s | median)
  printf '%-48s %10s   p50 %s ms, p99 %s ms; ratio to pgbench %.2f; queue drained %s s after the run\n' \
    "signed webhooks/s acknowledged, $c senders" "$rps" "$p50" "$p99" "$(echo "$rps / $pg" | bc -l)" "$drain"
done
printf '%-48s %10s s (median of %d)\n' "1000-event body acknowledged in" \
  "$(grep '^batch1000' "$RESULTS" | field seconds | median)" "$(grep -c '^batch1000' "$RESULTS")"
printf '%-48s %10s   p50 %s ms, p99 %s ms (worst JVM: p99 %s ms)\n' "webhook to CRM at a steady rate (events/s)" \
  "$(grep '^steady' "$RESULTS" | field rps | median)" "$(grep '^crm' "$RESULTS" | field p50_ms | median)" \
  "$(grep '^crm' "$RESULTS" | field p99_ms | median)" "$(grep '^crm' "$RESULTS" | field p99_ms | sort -g | tail -1)"
echo "Every line measured: $RESULTS"
