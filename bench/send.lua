-- wrk script: POSTs /api/v1/messages/send with a new idempotency key on every request (or the same keys again with
-- REPLAY=1, to check they send nothing more). Arguments: RUN_ID API_KEY ACCOUNT_ID USERS [REPLAY]
local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

function init(args)
  run, key, account, users = args[1], args[2], args[3], tonumber(args[4])
  counter = 0
end

function request()
  counter = counter + 1
  local idempotency = string.format("%s-%d-%d", run, thread_index, counter)
  local recipient = 3000000000 + (counter % users)
  local body = string.format(
    '{"account_id":"%s","recipient_id":"%d","message":"bench %s","idempotency_key":"%s"}',
    account, recipient, idempotency, idempotency)
  return wrk.format("POST", "/api/v1/messages/send",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
