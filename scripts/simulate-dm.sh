#!/usr/bin/env bash
# Plays Meta locally: POSTs the service a direct-message webhook (Meta's documented shape, from
# src/test/resources/fixtures/meta/message-text.json), signed with the configured app secret exactly as Meta signs
# (X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>). Needs curl, jq and openssl.
#
#   scripts/simulate-dm.sh "Hi! How much is the blue dress?" [instagram_account_id] [sender_id]
#
# The app secret and port come from the environment or, as for ./mvnw spring-boot:run, from ./.env
# (INSTAGRAM_APP_SECRET, PORT); SERVICE_URL overrides the address (default http://localhost:$PORT).
set -euo pipefail
cd "$(dirname "$0")/.."

text=${1:?usage: scripts/simulate-dm.sh "message text" [instagram_account_id] [sender_id]}
account=${2:-17841405309211844}
sender=${3:-1914732468584811}

from_env_file() {
  [[ -f .env ]] && sed -n "s/^$1=//p" .env | tail -n 1 | tr -d "\"'" || true
}

secret=${INSTAGRAM_APP_SECRET:-$(from_env_file INSTAGRAM_APP_SECRET)}
secret=${secret:-${FACEBOOK_APP_SECRET:-$(from_env_file FACEBOOK_APP_SECRET)}}
secret=${secret%%,*}
if [[ -z $secret ]]; then
  echo "No app secret: set INSTAGRAM_APP_SECRET (in .env or the environment) to what the service has." >&2
  exit 1
fi
port=${PORT:-$(from_env_file PORT)}
url=${SERVICE_URL:-http://localhost:${port:-8080}}

now=$(($(date +%s) * 1000))
body=$(jq -c --arg account "$account" --arg sender "$sender" --arg text "$text" --argjson now "$now" \
  --arg mid "simulated-$now-$RANDOM" '
  .entry[0].id = $account | .entry[0].time = $now
  | .entry[0].messaging[0] |= (.sender.id = $sender | .recipient.id = $account | .timestamp = $now
                               | .message = {mid: $mid, text: $text})' \
  src/test/resources/fixtures/meta/message-text.json)
signature=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.*= *//')

curl -sS -X POST "$url/webhooks/instagram" -H 'Content-Type: application/json' \
  -H "X-Hub-Signature-256: sha256=$signature" --data-binary "$body"
echo
