-- wrk script: POST contract example 01 with a fresh messageId and recordId per request,
-- so every request is a new submission (no 409 duplicates).
-- Usage: see bench/README.md.
local template
local token = os.getenv("FOCUS_TOKEN")

local function uuid()
  local t = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (string.gsub(t, "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  local f = assert(io.open(args[1], "r"))
  template = f:read("*a")
  f:close()
end

function request()
  local body = template
    :gsub('"messageId"%s*:%s*"[^"]+"', '"messageId": "' .. uuid() .. '"', 1)
    :gsub('"recordId"%s*:%s*"[^"]+"', '"recordId": "' .. uuid() .. '"', 1)
  return wrk.format("POST", "/api/v1/exchanges", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d, errors: %d, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
