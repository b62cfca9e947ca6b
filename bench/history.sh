#!/usr/bin/env bash
# History import benchmark, one command: bench/history.sh
# Imports an account's history from the Graph API stub (Meta's Conversations API answering at once, CONVERSATIONS
# conversations of two messages each) into the service on PostgreSQL, and prints the import's rate, the Graph calls it
# made per conversation, and the most calls made in any one second against the rate allowed. Run twice: at RATE calls
# per second (to see the service's own speed) and at Meta's 2 per second (to see it keep to it).
# Settings: CONVERSATIONS (1000), RATE (50), PACED (100 conversations at 2/s).
source "$(dirname "$0")/lib.sh"
CONVERSATIONS=${CONVERSATIONS:-1000}; RATE=${RATE:-50}; PACED=${PACED:-100}
trap cleanup EXIT

start_postgres
build_jar
start_crm
start_graph
RESULTS="$WORK/history-results.txt"; : > "$RESULTS"
export APP_INSTAGRAM_GRAPH_BASE_URL=http://127.0.0.1:$GRAPH_PORT
export APP_OUTBOUND_PER_ACCOUNT_PER_SECOND=100000

run() { # CONVERSATIONS RATE
  start_postgres
  APP_IMPORT_CALLS_PER_SECOND=$2 start_app
  curl -s -X POST "http://127.0.0.1:$GRAPH_PORT/conversations?count=$1&account=$INSTAGRAM_ACCOUNT" > /dev/null
  ensure_account
  for _ in $(seq 1 3600); do
    state=$(api GET "/api/v1/accounts/$ACCOUNT_ID/imports" | sed -E 's/.*"state":"([a-z]+)".*/\1/')
    [ "$state" = done ] || [ "$state" = failed ] && break
    sleep 0.5
  done
  local status seconds stored calls max
  status=$(api GET "/api/v1/accounts/$ACCOUNT_ID/imports")
  seconds=$("${PSQL[@]}" -c "select extract(epoch from finished_at - started_at) from history_import")
  stored=$(echo "$status" | sed -E 's/.*"messages_stored":([0-9]+).*/\1/')
  read -r calls max < <(curl -s "http://127.0.0.1:$GRAPH_PORT/conversation-stats"; echo)
  echo "import conversations=$1 rate=$2 state=$state seconds=$seconds messages_stored=$stored graph_calls=$calls \
calls_per_conversation=$(echo "scale=3; $calls / $1" | bc) conversations_per_s=$(echo "scale=1; $1 / $seconds" | bc) \
max_calls_in_a_second=$max" | tee -a "$RESULTS"
  stop_app
}

run "$CONVERSATIONS" "$RATE"
run "$PACED" 2

echo
echo "== History import benchmark (PostgreSQL 15, Graph stub answering at once) =="
sed 's/^/  /' "$RESULTS"
echo "Every line measured: $RESULTS"
