-- wrk script: single-row collection creates by many users, one connection (and thread) per user.
-- TOKENS is a file of "user_id<TAB>token<TAB>..." lines (LoadClient users); run wrk with -tN -cN.
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do
  local _, token = line:match("^(%d+)\t([^\t]+)")
  if token then tokens[#tokens + 1] = token end
end
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("token", tokens[(next_thread - 1) % #tokens + 1])
end

local n = 0
function init(args)
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  n = n + 1
  return wrk.format("POST", "/api/v2/collections", nil, '{"name": "Created ' .. n .. '"}')
end
