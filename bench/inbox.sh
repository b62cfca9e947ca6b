#!/usr/bin/env bash
# Inbox benchmark, one command: bench/inbox.sh
# 10 accounts x CONVERSATIONS conversations and EVENTS events in all (5 per conversation by default) on PostgreSQL
# 15; the conversations API's first page, a filtered page, a thread's page and a search are each asked ROUNDS times
# one after another after WARMUP rounds; Tomcat's access log gives each request's server time, printed as median and
# p99, with the PostgreSQL plan of each query. Then the live stream: an operator's SSE connection open while signed DMs
# arrive at RATE a second for DURATION seconds; the time from each webhook's acknowledgement to its event on the
# stream, median and p99, and the open connections the instance holds (CONNECTIONS streams at once).
# Settings: CONVERSATIONS (100000), EVENTS (5000000), ROUNDS (100), WARMUP (20), RATE (200), DURATION (20),
# CONNECTIONS (500).
export BENCH_WORK=${BENCH_WORK:-/tmp/igautomation-bench-inbox} APP_PORT=${APP_PORT:-18280} CRM_PORT=${CRM_PORT:-19280}
source "$(dirname "$0")/lib.sh"
DB=bench_inbox
PSQL=(psql -X -q -t -A -h 127.0.0.1 -U bench -d $DB)
CONVERSATIONS=${CONVERSATIONS:-100000}
EVENTS=${EVENTS:-5000000}
PER_ACCOUNT=$((EVENTS / 10))
ROUNDS=${ROUNDS:-100}
WARMUP=${WARMUP:-20}
EMAIL=bench-admin@example.com
PASSWORD=bench-admin-password
trap cleanup EXIT

start_postgres_server
fresh_database "$DB"
build_jar
start_crm
# Users' profiles are fetched once per new conversation: from the Graph stub, answering at once.
export GRAPH_PORT=${GRAPH_PORT:-19281}
start_graph
export APP_INSTAGRAM_GRAPH_BASE_URL=http://127.0.0.1:$GRAPH_PORT
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
log "generating 10 accounts x $CONVERSATIONS conversations, $EVENTS events in all"
"${PSQL[@]}" -v ON_ERROR_STOP=1 <<SQL
insert into account (id, instagram_account_id, username, access_token, created_at, updated_at, version)
select 'acc_bench_' || a, '1784149900000' || lpad(a::text, 4, '0'), 'bench' || a, '\x00', now(), now(), 0
from generate_series(1, 9) a on conflict do nothing;
create temporary table bench_accounts as
select id, instagram_account_id from account where instagram_account_id = '$INSTAGRAM_ACCOUNT' or id like 'acc_bench_%';
insert into inbound_event (id, instagram_account_id, dedupe_key, kind, direction, sender_id, recipient_id, user_id, mid,
    text, event_time, received_at, standby, raw)
select 'eb' || substr(md5(a.id), 1, 8) || '_' || i, a.instagram_account_id, 'bench:' || i,
       case when i % 5 = 0 then 'echo' else 'message' end, case when i % 5 = 0 then 'outbound' else 'inbound' end,
       null, null, (1000000 + i % $CONVERSATIONS)::text, 'mid-' || substr(md5(a.id), 1, 8) || '-' || i,
       'Hello, is this still available? ' || i,
       now() - interval '90 days' + (i * (interval '90 days' / $PER_ACCOUNT)), now(), false, '{}'
from bench_accounts a, generate_series(1, $PER_ACCOUNT) i;
insert into conversation (account_id, user_id, username, name, first_seen_at, last_activity_at, last_preview,
    last_direction, last_user_message_at, message_count, read_up_to, unread_count, assignee_id, state, done_at,
    updated_at)
select a.id, e.user_id, 'user' || e.user_id, null, min(e.event_time), max(e.event_time), 'Hello, is this still available?',
       'inbound', max(e.event_time) filter (where e.direction = 'inbound'), count(*), null,
       case when e.user_id::bigint % 7 = 0 then 1 else 0 end, null,
       case when e.user_id::bigint % 11 = 0 then 'done' else 'open' end, null, now()
from inbound_event e join bench_accounts a on a.instagram_account_id = e.instagram_account_id
group by a.id, e.user_id;
analyze inbound_event; analyze conversation; analyze account;
SQL
log "$("${PSQL[@]}" -c "select count(*) from inbound_event") events, $("${PSQL[@]}" -c "select count(*) from conversation") conversations"

USER_ID=$("${PSQL[@]}" -c "select user_id from conversation where account_id = '$ACCOUNT_ID' order by last_activity_at desc limit 1")
C=/api/v1/accounts/$ACCOUNT_ID/conversations
declare -A CALLS=(
  [list]="$C"
  [list-unread]="$C?filter=unread"
  [thread]="$C/$USER_ID/messages"
  [search]="$C?search=user1042"
)
ORDER=(list list-unread thread search)
for name in "${ORDER[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADMIN_KEY" "http://127.0.0.1:$APP_PORT${CALLS[$name]}")
  [ "$code" = 200 ] || { log "$name answered $code"; exit 1; }
done
log "warming up: $WARMUP rounds"
for _ in $(seq 1 "$WARMUP"); do
  for name in "${ORDER[@]}"; do curl -s -o /dev/null -H "Authorization: Bearer $ADMIN_KEY" "http://127.0.0.1:$APP_PORT${CALLS[$name]}"; done
done
sleep 1
log "measuring: $ROUNDS rounds"
before=$(cat "$WORK"/access_log*.log | wc -l)
for _ in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do curl -s -o /dev/null -H "Authorization: Bearer $ADMIN_KEY" "http://127.0.0.1:$APP_PORT${CALLS[$name]}"; done
done
sleep 1
cat "$WORK"/access_log*.log | tail -n +"$((before + 1))" > "$WORK/inbox-measured.log"

percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((NR*p+99)/100); if (i<1) i=1; printf "%.1f", a[i]/1000}'; }
plan() { "${PSQL[@]}" -c "explain (analyze, buffers, costs off) $1" | sed 's/^/    /'; }

log "the live stream: ${RATE:-200} DMs/s for ${DURATION:-20} s, ${CONNECTIONS:-500} streams open"
java "$BENCH_DIR/SseLatency.java" "http://127.0.0.1:$APP_PORT" "$EMAIL" "$PASSWORD" "$INSTAGRAM_ACCOUNT" "$APP_SECRET" \
  "${RATE:-200}" "${DURATION:-20}" "${CONNECTIONS:-500}" > "$WORK/inbox-sse.txt" 2> "$WORK/inbox-sse.log" || true

{
  echo "== Inbox: server time, 10 accounts x $CONVERSATIONS conversations, $EVENTS events (PostgreSQL 15, $(nproc) cores) =="
  echo "   $ROUNDS requests each after $WARMUP warm-up rounds, one at a time; Tomcat's access log (request read to answer written)"
  printf '%-12s %-70s %9s %9s\n' call path "median ms" "p99 ms"
  for name in "${ORDER[@]}"; do
    path=${CALLS[$name]}
    times=$(awk -F'|' -v want="$path" '{sub(/-$/, "", $1)} $1 == want && $2 == 200 {print $3}' "$WORK/inbox-measured.log")
    printf '%-12s %-70s %9s %9s\n' "$name" "$path" "$(echo "$times" | percentile 50)" "$(echo "$times" | percentile 99)"
  done
  echo
  echo "-- list, first page (ix_conversation_account_activity, read backwards):"
  plan "select * from conversation where account_id in ('$ACCOUNT_ID') and state = 'open' order by last_activity_at desc, account_id desc, user_id desc limit 26"
  echo "-- list, unread (the same index, filtered):"
  plan "select * from conversation where account_id in ('$ACCOUNT_ID') and state = 'open' and unread_count > 0 order by last_activity_at desc, account_id desc, user_id desc limit 26"
  echo "-- thread, its events (ix_inbound_event_account_user_time):"
  plan "select * from inbound_event where instagram_account_id = '$INSTAGRAM_ACCOUNT' and user_id = '$USER_ID' and kind in ('message', 'echo', 'postback', 'referral') order by event_time desc, id desc limit 51"
  echo "-- search (no index serves a part of a word: a scan of the account's conversations):"
  plan "select * from conversation where account_id in ('$ACCOUNT_ID') and state = 'open' and (lower(username) like '%user1042%' or lower(name) like '%user1042%' or lower(last_preview) like '%user1042%') order by last_activity_at desc, account_id desc, user_id desc limit 26"
  echo
  cat "$WORK/inbox-sse.txt"
} | tee "$WORK/inbox-results.txt"
