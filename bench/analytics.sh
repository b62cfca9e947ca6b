#!/usr/bin/env bash
# Analytics benchmark, one command: bench/analytics.sh
# A year of traffic for 10 accounts on PostgreSQL (EVENTS_PER_ACCOUNT events each, with their sends and CRM
# deliveries), then: the time GET /api/v1/accounts/{id}/analytics takes for a year, a month and a day of one account
# (median of 5; the first, which builds the account's rollup, not counted), and the query plans of its reads.
# Settings: EVENTS_PER_ACCOUNT (200000).
source "$(dirname "$0")/lib.sh"
EVENTS=${EVENTS_PER_ACCOUNT:-200000}
trap cleanup EXIT

start_postgres
build_jar
start_app
ensure_account
log "generating a year of traffic: 10 accounts x $EVENTS events, with sends and deliveries"
"${PSQL[@]}" -v ON_ERROR_STOP=1 <<SQL
insert into account (id, instagram_account_id, username, access_token, created_at, updated_at, version)
select 'acc_bench_' || a, '1784149900000' || lpad(a::text, 4, '0'), 'bench' || a, '\x00', now(), now(), 0
from generate_series(1, 9) a on conflict do nothing;
create temporary table bench_accounts as
select id, instagram_account_id from account where instagram_account_id = '$INSTAGRAM_ACCOUNT' or id like 'acc_bench_%';
insert into inbound_event (id, instagram_account_id, dedupe_key, kind, direction, sender_id, recipient_id, user_id, mid,
    text, event_time, received_at, standby, raw)
select 'eb' || substr(md5(a.id), 1, 8) || '_' || i, a.instagram_account_id, 'bench:' || i,
       case when i % 3 = 0 then 'echo' else 'message' end, case when i % 3 = 0 then 'outbound' else 'inbound' end,
       null, null, (1000000 + i % 20000)::text, 'mid-' || substr(md5(a.id), 1, 8) || '-' || i, 'Hello, is this still available?',
       now() - interval '365 days' + (i * (interval '365 days' / $EVENTS)), now(), false, '{}'
from bench_accounts a, generate_series(1, $EVENTS) i;
insert into outbound_message (id, account_id, idempotency_key, request_hash, recipient_id, body, text, source, status,
    attempts, created_at, updated_at, rule_id)
select 'mb' || substr(md5(a.id), 1, 8) || '_' || i, a.id, 'bench-' || i, 'h', (1000000 + i % 20000)::text, '{}', 'Yes',
       case when i % 2 = 0 then 'auto_reply' else 'api' end, case when i % 50 = 0 then 'failed' else 'sent' end, 1,
       now() - interval '365 days' + (i * (interval '365 days' / ($EVENTS / 4))), now(),
       case when i % 2 = 0 then 'rule_bench_' || (i % 5) end
from bench_accounts a, generate_series(1, $EVENTS / 4) i;
insert into crm_delivery (id, account_id, event_type, source_key, payload, status, attempts, schedule_position, replays,
    created_at, updated_at)
select 'db' || substr(md5(a.id), 1, 8) || '_' || i, a.id, 'message.received', 'bench:' || i, '{}',
       case when i % 100 = 0 then 'failed' else 'delivered' end, 1, 1, 0,
       now() - interval '365 days' + (i * (interval '365 days' / $EVENTS)), now()
from bench_accounts a, generate_series(1, $EVENTS) i;
analyze inbound_event; analyze outbound_message; analyze crm_delivery;
SQL
log "$("${PSQL[@]}" -c "select count(*) from inbound_event") events, $("${PSQL[@]}" -c "select count(*) from outbound_message") sends, $("${PSQL[@]}" -c "select count(*) from crm_delivery") deliveries"

time_report() { # FROM TO -> median seconds of 5
  for _ in 1 2 3 4 5; do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $ADMIN_KEY" \
      "http://127.0.0.1:$APP_PORT/api/v1/accounts/$ACCOUNT_ID/analytics?from=$1&to=$2"
  done | median
}
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
curl -s -H "Authorization: Bearer $ADMIN_KEY" \
  "http://127.0.0.1:$APP_PORT/api/v1/accounts/$ACCOUNT_ID/analytics?from=$(date -u -d '-365 days' +%Y-%m-%dT%H:%M:%SZ)&to=$now" \
  > "$WORK/analytics-year.json"
year=$(time_report "$(date -u -d '-365 days' +%Y-%m-%dT%H:%M:%SZ)" "$now")
month=$(time_report "$(date -u -d '-30 days' +%Y-%m-%dT%H:%M:%SZ)" "$now")
day=$(time_report "$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%SZ)" "$now")

echo
echo "== Query plans (PostgreSQL 15), a year of account $ACCOUNT_ID, read from its rollup (see AnalyticsRollup) =="
for query in \
  "select * from analytics_slot where account_id = '$ACCOUNT_ID' and slot >= floor(extract(epoch from now() - interval '365 days') / 900)" \
  "select count(*) from analytics_user where account_id = '$ACCOUNT_ID' and last_message_at >= now() - interval '365 days'" \
  "select started_at, answered_at from reply_turn where account_id = '$ACCOUNT_ID' and started_at >= now() - interval '365 days' and answered_at < now() + interval '7 days'"; do
  echo "-- $query"
  "${PSQL[@]}" -c "explain (analyze, costs off, timing off, summary on) $query" | grep -E "Scan|Index|Execution Time"
done

echo
echo "== Analytics benchmark: 10 accounts x $EVENTS events over a year (PostgreSQL 15, $(nproc) cores) =="
printf '%-52s %8s s (median of 5)\n' "GET .../analytics, one account, a year" "$year"
printf '%-52s %8s s\n' "GET .../analytics, one account, 30 days" "$month"
printf '%-52s %8s s\n' "GET .../analytics, one account, a day" "$day"
echo "The year's report: $WORK/analytics-year.json"
