#!/usr/bin/env bash
# Console page benchmark, one command: bench/console.sh
# 10 accounts x EVENTS_PER_ACCOUNT events (90 days of traffic, with their sends and CRM deliveries, and 5 rules each)
# on PostgreSQL; an admin logs in through the form, then each console page is asked ROUNDS times one after another,
# after WARMUP rounds. Tomcat's access log gives each request's server time (from the request read to the response
# written, in microseconds); the benchmark prints each page's median and p99.
# Ids are time-ordered across accounts, as the service's ULIDs are.
# Settings: EVENTS_PER_ACCOUNT (100000), ROUNDS (100), WARMUP (20).
# Its own database, port and folder, so that it can run beside the other benchmarks without touching their data.
export BENCH_WORK=${BENCH_WORK:-/tmp/igautomation-bench-console} APP_PORT=${APP_PORT:-18180} CRM_PORT=${CRM_PORT:-19180}
source "$(dirname "$0")/lib.sh"
DB=bench_console
PSQL=(psql -X -q -t -A -h 127.0.0.1 -U bench -d $DB)
EVENTS=${EVENTS_PER_ACCOUNT:-100000}
ROUNDS=${ROUNDS:-100}
WARMUP=${WARMUP:-20}
EMAIL=bench-admin@example.com
PASSWORD=bench-admin-password
trap cleanup EXIT

start_postgres_server
fresh_database "$DB"
build_jar
rm -f "$WORK"/access_log*.log
log "starting the service (fresh JVM)"
DATABASE_URL=postgres://bench:bench@127.0.0.1:5432/$DB INSTAGRAM_APP_SECRET=$APP_SECRET FACEBOOK_VERIFY_TOKEN=bench \
  APP_ENCRYPTION_KEY=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= ADMIN_API_KEY=$ADMIN_KEY ADMIN_EMAIL=$EMAIL \
  ADMIN_PASSWORD=$PASSWORD LOG_LEVEL=WARN PORT=$APP_PORT \
  java ${JAVA_OPTS:-} -Dserver.tomcat.accesslog.enabled=true -Dserver.tomcat.accesslog.directory="$WORK" \
    -Dserver.tomcat.accesslog.prefix=access_log -Dserver.tomcat.accesslog.buffered=false \
    '-Dserver.tomcat.accesslog.pattern=%U%q|%s|%{us}T' -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { log "the service did not start; see $WORK/app.log"; exit 1; }
  sleep 0.5
done
ensure_account
log "generating 90 days of traffic: 10 accounts x $EVENTS events, with sends, deliveries and rules"
"${PSQL[@]}" -v ON_ERROR_STOP=1 <<SQL
insert into account (id, instagram_account_id, username, access_token, created_at, updated_at, version)
select 'acc_bench_' || a, '1784149900000' || lpad(a::text, 4, '0'), 'bench' || a, '\x00', now(), now(), 0
from generate_series(1, 9) a on conflict do nothing;
create temporary table bench_accounts as
select id, instagram_account_id from account where instagram_account_id = '$INSTAGRAM_ACCOUNT' or id like 'acc_bench_%';
insert into auto_reply_rule (id, account_id, name, trigger_type, match_type, pattern, reply_text, priority, enabled,
    created_at, updated_at)
select 'rule_bench_' || substr(md5(a.id), 1, 6) || '_' || r, a.id, 'Rule ' || r, 'direct_message', 'contains',
       'word' || r, 'Hi {username}!', r * 10, true, now(), now()
from bench_accounts a, generate_series(0, 4) r;
insert into inbound_event (id, instagram_account_id, dedupe_key, kind, direction, sender_id, recipient_id, user_id, mid,
    text, event_time, received_at, standby, raw)
select 'eb' || substr(md5(a.id), 1, 8) || '_' || i, a.instagram_account_id, 'bench:' || i,
       case when i % 3 = 0 then 'echo' else 'message' end, case when i % 3 = 0 then 'outbound' else 'inbound' end,
       null, null, (1000000 + i % 20000)::text, 'mid-' || substr(md5(a.id), 1, 8) || '-' || i, 'Hello, is this still available?',
       now() - interval '90 days' + (i * (interval '90 days' / $EVENTS)), now(), false, '{}'
from bench_accounts a, generate_series(1, $EVENTS) i;
insert into outbound_message (id, account_id, idempotency_key, request_hash, recipient_id, body, text, source, status,
    attempts, created_at, updated_at, rule_id)
select 'msg_' || lpad(i::text, 18, '0') || substr(md5(a.id), 1, 8), a.id, 'bench-' || i, 'h',
       (1000000 + i % 20000)::text, '{}', 'Yes', case when i % 2 = 0 then 'auto_reply' else 'api' end,
       case when i % 50 = 0 then 'failed' else 'sent' end, 1,
       now() - interval '90 days' + (i * (interval '90 days' / ($EVENTS / 4))), now(),
       case when i % 2 = 0 then 'rule_bench_' || substr(md5(a.id), 1, 6) || '_' || (i % 5) end
from bench_accounts a, generate_series(1, $EVENTS / 4) i;
insert into crm_delivery (id, account_id, event_type, source_key, payload, status, attempts, schedule_position, replays,
    created_at, updated_at)
select 'dlv_' || lpad(i::text, 18, '0') || substr(md5(a.id), 1, 8), a.id, 'message.received', 'bench:' || i,
       '{"event":"message.received"}', case when i % 100 = 0 then 'failed' else 'delivered' end, 1, 1, 0,
       now() - interval '90 days' + (i * (interval '90 days' / $EVENTS)), now()
from bench_accounts a, generate_series(1, $EVENTS) i;
analyze inbound_event; analyze outbound_message; analyze crm_delivery; analyze auto_reply_rule; analyze account;
SQL
log "$("${PSQL[@]}" -c "select count(*) from inbound_event") events, $("${PSQL[@]}" -c "select count(*) from outbound_message") sends, $("${PSQL[@]}" -c "select count(*) from crm_delivery") deliveries"

BASE=http://127.0.0.1:$APP_PORT
JAR_COOKIES=$WORK/cookies.txt
rm -f "$JAR_COOKIES"
csrf=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" -X POST "$BASE/login" \
  --data-urlencode "username=$EMAIL" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf")
[ "$status" = 302 ] || { log "logging in failed ($status)"; exit 1; }
DELIVERY=$("${PSQL[@]}" -c "select id from crm_delivery where account_id = '$ACCOUNT_ID' order by id desc limit 1")
declare -A PAGES=(
  [overview]="/"
  [accounts]="/accounts"
  [account]="/accounts/$ACCOUNT_ID"
  [rules]="/accounts/$ACCOUNT_ID/rules"
  [analytics-7d]="/accounts/$ACCOUNT_ID/analytics?days=7"
  [analytics-30d]="/accounts/$ACCOUNT_ID/analytics?days=30"
  [analytics-90d]="/accounts/$ACCOUNT_ID/analytics?days=90"
  [deliveries]="/accounts/$ACCOUNT_ID/deliveries"
  [deliveries-failed]="/accounts/$ACCOUNT_ID/deliveries?status=failed"
  [delivery]="/deliveries/$DELIVERY"
  [sends]="/accounts/$ACCOUNT_ID/sends"
  [sends-failed]="/accounts/$ACCOUNT_ID/sends?status=failed"
  [api-keys]="/api-keys"
  [operators]="/operators"
)
ORDER=(overview accounts account rules analytics-7d analytics-30d analytics-90d deliveries deliveries-failed delivery
  sends sends-failed api-keys operators)

for name in "${ORDER[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" "$BASE${PAGES[$name]}")
  [ "$code" = 200 ] || { log "$name answered $code, not the page; see $WORK/app.log"; exit 1; }
done
log "warming up: $WARMUP rounds of every page"
for _ in $(seq 1 "$WARMUP"); do
  for name in "${ORDER[@]}"; do curl -s -o /dev/null -b "$JAR_COOKIES" "$BASE${PAGES[$name]}"; done
done
sleep 1
: > "$WORK/console-measured.log"
log "measuring: $ROUNDS rounds of every page"
before=$(cat "$WORK"/access_log*.log | wc -l)
for _ in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do curl -s -o /dev/null -b "$JAR_COOKIES" "$BASE${PAGES[$name]}"; done
done
sleep 1
cat "$WORK"/access_log*.log | tail -n +"$((before + 1))" > "$WORK/console-measured.log"

percentile() { # P -> the P-th percentile of the microseconds on stdin, in ms
  sort -n | awk -v p="$1" '{a[NR]=$1} END {if (NR == 0) {printf "n/a"; exit} i=int((NR*p+99)/100); if (i<1) i=1; printf "%.1f", a[i]/1000}'
}
{
  echo "== Console pages: server time, 10 accounts x $EVENTS events over 90 days (PostgreSQL 15, $(nproc) cores) =="
  echo "   $ROUNDS requests per page after $WARMUP warm-up rounds, one at a time; Tomcat's access log (request read to answer written)"
  echo "   only answers 200 count; 'statuses' shows every status the page answered while measured"
  printf '%-18s %-62s %7s %9s %9s  %s\n' page path samples "median ms" "p99 ms" statuses
  for name in "${ORDER[@]}"; do
    path=${PAGES[$name]}
    # Tomcat writes an absent query string as "-" right after the path (%U%q).
    lines=$(awk -F'|' -v want="$path" '$1 == want || $1 == want "-"' "$WORK/console-measured.log")
    times=$(echo "$lines" | awk -F'|' '$2 == 200 {print $3}')
    statuses=$(echo "$lines" | awk -F'|' 'NF == 3 {print $2}' | sort | uniq -c | awk '{printf "%s%sx%s", sep, $2, $1; sep=","}')
    printf '%-18s %-62s %7s %9s %9s  %s\n' "$name" "$path" "$(echo "$times" | grep -c . || true)" \
      "$(echo "$times" | grep . | percentile 50)" "$(echo "$times" | grep . | percentile 99)" "${statuses:-none}"
  done
} | tee "$WORK/console-results.txt"
source "$BENCH_DIR/console-plans.sh" | tee -a "$WORK/console-results.txt"
