-- wrk script: POSTs the lines of a JSONL corpus to /articles, one article a
-- request, each wrk thread taking every Nth line so no id is sent twice.
-- Env: SERVE_CORPUS (the JSONL file), SERVE_THREADS (wrk's -t), SERVE_TOKEN
-- (optional bearer token).
local lines = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local n = 0
  for line in io.lines(os.getenv("SERVE_CORPUS")) do
    n = n + 1
    if (n - 1) % tonumber(os.getenv("SERVE_THREADS") or "1") == id then
      table.insert(lines, line)
    end
  end
  next_line = 1
end

function request()
  local body = lines[next_line]
  if body == nil then body = lines[1] end  -- past the end: a known id, answered 409
  next_line = next_line + 1
  local headers = {["Content-Type"] = "application/json"}
  local token = os.getenv("SERVE_TOKEN")
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("POST", "/articles", headers, body)
end
