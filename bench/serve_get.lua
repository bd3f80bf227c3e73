-- wrk script: GET /stories with a pause before each request on a connection
-- (SERVE_READ_DELAY_MS, default 0: as fast as answered), so that readers ask
-- at a set rate: 64 connections at 50 ms each ask about 1,280 times a second.
local pause = tonumber(os.getenv("SERVE_READ_DELAY_MS") or "0")

function request()
  return wrk.format("GET", "/stories")
end

if pause > 0 then
  function delay()
    return pause
  end
end
