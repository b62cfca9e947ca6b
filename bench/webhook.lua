-- wrk script: POSTs pre-signed webhook bodies (lines of "sha256=<hex>\t<body>"), each thread its own share of them,
-- so no body is sent twice. Arguments: FILE THREADS [DELAY_MS] (THREADS as given to wrk -t; DELAY_MS paces each
-- connection, for a fixed rate). wrk runs each thread's init() right after its setup(), so the thread count must be
-- given rather than counted.
local threads = {}
local counter = 1

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_count = tonumber(args[2])
  lines = {}
  local n = 0
  for line in io.lines(args[1]) do
    if n % thread_count == thread_index then
      local tab = line:find("\t", 1, true)
      table.insert(lines, { line:sub(1, tab - 1), line:sub(tab + 1) })
    end
    n = n + 1
  end
  pace = tonumber(args[3])
end

function request()
  local entry = lines[counter]
  counter = counter + 1
  if counter > #lines then counter = 1 end
  return wrk.format("POST", "/webhooks/instagram",
    { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = entry[1] }, entry[2])
end

function delay()
  return pace
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
