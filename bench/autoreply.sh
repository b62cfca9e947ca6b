#!/usr/bin/env bash
# Auto-reply benchmark, one command: bench/autoreply.sh
# The time from a signed direct message reaching the service to its auto-reply reaching the Graph API, at a steady
# 200 messages per second, on PostgreSQL, with a matching rule whose reply needs the user's profile ({username}) and
# a Graph stub that answers at once. Measured from the database: inbound_event.received_at (the webhook arrived) to
# outbound_message.sent_at (the Graph API's answer recorded). Then the highest steady rate the service keeps up
# with: rising rates of STEP seconds each, a rate kept up with when the job queue is empty again within 2 s after
# it and every message was answered; printed against pgbench's two-insert transaction measured in the same run.
# Settings: JVMS (2), RUNS (2), DURATION (30 s), WARMUP (60 s), STEP (20 s), RATES ("50 100 150 200 300 400 500 600 800").
source "$(dirname "$0")/lib.sh"
JVMS=${JVMS:-2}; RUNS=${RUNS:-2}; DURATION=${DURATION:-30}; WARMUP=${WARMUP:-60}; STEP=${STEP:-20}
RATES=${RATES:-50 100 150 200 300 400 500 600 800}
trap cleanup EXIT

require_tools
start_postgres
build_jar
start_crm
start_graph
RESULTS="$WORK/autoreply-results.txt"; : > "$RESULTS"

# 200 messages a second to one account is above what Meta lets one account send (100 text messages a second), so
# the service's own per-account pacing is lifted: this measures the service, not Meta's allowance.
export APP_INSTAGRAM_GRAPH_BASE_URL=http://127.0.0.1:$GRAPH_PORT
export APP_OUTBOUND_PER_ACCOUNT_PER_SECOND=1000000

steady() { # SECONDS PREFIX [RATE]: RATE (200) signed DMs a second, 20 connections each sending at RATE/20 a second
  local file="$WORK/dms.tsv" rate=${3:-200}
  java "$BENCH_DIR/BenchData.java" singles "$file" $(( rate * 11 / 10 * $1 )) "$INSTAGRAM_ACCOUNT" "$2" "$APP_SECRET"
  wrk -t2 -c20 -d"$1"s --timeout 10s -s "$BENCH_DIR/webhook.lua" "http://127.0.0.1:$APP_PORT" -- "$file" 2 \
    $(( 20000 / rate )) | grep '^RESULT'
}

unanswered() { # FROM TO: messages received in that time without a reply sent
  "${PSQL[@]}" -c "select count(*) from inbound_event e
    left join outbound_message o on o.account_id = '$ACCOUNT_ID' and o.idempotency_key = 'auto-reply:' || e.id
    where e.instagram_account_id = '$INSTAGRAM_ACCOUNT' and e.received_at >= '$1' and e.received_at < '$2'
      and o.sent_at is null"
}


for jvm in $(seq 1 "$JVMS"); do
  start_app
  ensure_account
  if [ "$(api GET "/api/v1/accounts/$ACCOUNT_ID/rules" | grep -c '"name":"Availability"')" = 0 ]; then
    api POST "/api/v1/accounts/$ACCOUNT_ID/rules" '{"name":"Availability","match_type":"contains",
      "pattern":"still available","reply_text":"Hi {username}! Yes, it is. Which size?"}' > /dev/null
  fi
  log "JVM $jvm: warming up ($WARMUP s at 200 messages/s)"
  steady "$WARMUP" "w$jvm-$RANDOM" > /dev/null
  wait_for_queue_to_drain > /dev/null
  for run in $(seq 1 "$RUNS"); do
    from=$("${PSQL[@]}" -c "select now()")
    result=$(steady "$DURATION" "r$jvm-$run-$RANDOM")
    to=$("${PSQL[@]}" -c "select now()")
    wait_for_queue_to_drain > /dev/null
    sleep 2
    latency=$("${PSQL[@]}" -F ' ' -c "
      select 'messages=' || count(*) || ' replied=' || count(sent_at)
        || ' p50_ms=' || round(percentile_cont(0.5) within group (order by ms)::numeric, 1)
        || ' p99_ms=' || round(percentile_cont(0.99) within group (order by ms)::numeric, 1)
        || ' max_ms=' || round(max(ms)::numeric, 1)
      from (select o.sent_at, extract(epoch from o.sent_at - e.received_at) * 1000 as ms
            from inbound_event e
            left join outbound_message o on o.account_id = '$ACCOUNT_ID' and o.idempotency_key = 'auto-reply:' || e.id
            where e.instagram_account_id = '$INSTAGRAM_ACCOUNT' and e.received_at >= '$from'
              and e.received_at < '$to') x")
    echo "autoreply jvm=$jvm run=$run $result $latency" | tee -a "$RESULTS"
  done
  echo "pgbench jvm=$jvm tps=$(pgbench_tps)" | tee -a "$RESULTS"
  best=0
  for rate in $RATES; do
    from=$("${PSQL[@]}" -c "select now()")
    result=$(steady "$STEP" "s$jvm-$rate-$RANDOM" "$rate")
    to=$("${PSQL[@]}" -c "select now()")
    drained=$(wait_for_queue_to_drain)
    sleep 1
    missing=$(unanswered "$from" "$to")
    echo "rate jvm=$jvm target=$rate $result drain_s=$drained unanswered=$missing" | tee -a "$RESULTS"
    if [ "$(echo "$drained <= 2" | bc)" = 1 ] && [ "$missing" = 0 ]; then
      best=$(echo "$result" | field rps)
    else
      break
    fi
  done
  echo "sustained jvm=$jvm rps=$best" | tee -a "$RESULTS"
  stop_app
done

echo
echo "== Auto-reply benchmark: $JVMS JVMs x $RUNS runs of ${DURATION}s at 200 DMs/s (PostgreSQL 15, $(nproc) cores) =="
printf '%-44s %8s\n' "DMs/s sent (signed webhooks)" "$(grep '^autoreply' "$RESULTS" | field rps | median)"
printf '%-44s p50 %s ms, p99 %s ms (worst run: p99 %s ms, max %s ms)\n' "DM received -> auto-reply sent (Graph)" \
  "$(grep '^autoreply' "$RESULTS" | field p50_ms | median)" "$(grep '^autoreply' "$RESULTS" | field p99_ms | median)" \
  "$(grep '^autoreply' "$RESULTS" | field p99_ms | sort -g | tail -1)" \
  "$(grep '^autoreply' "$RESULTS" | field max_ms | sort -g | tail -1)"
printf '%-44s %8s\n' "messages without a reply (all runs)" \
  "$(grep '^autoreply' "$RESULTS" | awk '{for(i=1;i<=NF;i++){if($i~/^messages=/){split($i,a,"=");m+=a[2]} if($i~/^replied=/){split($i,b,"=");r+=b[2]}}} END {print m-r}')"
pg=$(grep '^pgbench' "$RESULTS" | field tps | median)
sustained=$(grep '^sustained' "$RESULTS" | field rps | median)
printf '%-44s %8s DMs/s; pgbench %s tps; ratio %.3f\n' "highest steady rate kept up with" "$sustained" "$pg" \
  "$(echo "$sustained / $pg" | bc -l)"
echo "Every line measured: $RESULTS"
