# Sourced by console.sh after its figures: PostgreSQL's plans (EXPLAIN ANALYZE) of the queries behind the pages
# that were slow, on the benchmark's data, as the service sends them (parameters written in).
plan() { # TITLE SQL
  echo
  echo "-- $1"
  "${PSQL[@]}" -c "explain (analyze, buffers, costs off) $2" | sed 's/^/   /'
}
FROM90=$("${PSQL[@]}" -c "select to_char(date_trunc('day', now() - interval '89 days'), 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
TO=$("${PSQL[@]}" -c "select to_char(date_trunc('day', now() + interval '1 day'), 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
echo
echo "== Plans (PostgreSQL, this data) =="
plan "deliveries?status=failed: the newest failed deliveries of an account" \
  "select * from crm_delivery where account_id = '$ACCOUNT_ID' and status = 'failed' order by id desc limit 51"
plan "sends?status=failed: the newest failed sends of an account" \
  "select * from outbound_message where account_id = '$ACCOUNT_ID' and status = 'failed'
   order by created_at desc, id desc limit 51"
plan "analytics, refresh: events that arrived since the last refresh (minus its 1-minute margin)" \
  "select distinct cast(floor(extract(epoch from event_time) / 900) as bigint) from inbound_event
   where instagram_account_id = '$INSTAGRAM_ACCOUNT' and received_at >= now() - interval '2 minutes'"
plan "analytics, refresh: deliveries changed since the last refresh" \
  "select distinct cast(floor(extract(epoch from created_at) / 900) as bigint) from crm_delivery
   where account_id = '$ACCOUNT_ID' and updated_at >= now() - interval '2 minutes'"
plan "analytics-90d: the period's 15-minute slots" \
  "select * from analytics_slot where account_id = '$ACCOUNT_ID'
   and slot >= cast(floor(extract(epoch from timestamptz '$FROM90') / 900) as bigint) and slot < cast(floor(extract(epoch from timestamptz '$TO') / 900) as bigint)"
plan "analytics-90d: the people who wrote, once each (those whose last message is in the period)" \
  "select count(*) from analytics_user where account_id = '$ACCOUNT_ID'
   and last_message_at >= '$FROM90' and last_message_at < '$TO'"
plan "analytics-90d: the answered turns (first-reply times)" \
  "select started_at, answered_at from reply_turn where account_id = '$ACCOUNT_ID'
   and started_at >= '$FROM90' and started_at < '$TO' and answered_at < timestamptz '$TO' + interval '7 days'"
