-- wrk script for bench/scale-load.sh: spreads the connections over several app instances and
-- walks a list of paths, so the instances answer a realistic mix (many profiles, discussions,
-- searches) rather than one cached row.
-- Usage: SCALE_PORTS="7201 7202" wrk -t2 -c200 ... -s scale-mix.lua http://127.0.0.1:7201 -- PATHS_FILE [HEADER]
--   Thread n talks to the n-th port (round robin), so -t2 with two ports gives each instance half
--   the connections. PATHS_FILE has one path a line; each thread starts at a different point.
--   HEADER is e.g. "Cookie: convene_session=..." or "Authorization: Bearer ...".
local ports = {}
for p in (os.getenv("SCALE_PORTS") or ""):gmatch("%d+") do
  table.insert(ports, p)
end
local threads = 0

function setup(thread)
  if #ports > 0 then
    local port = ports[(threads % #ports) + 1]
    thread.addr = wrk.lookup("127.0.0.1", port)[1]
  end
  thread:set("number", threads)
  threads = threads + 1
end

local paths = {}
local header_name, header_value
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  if #paths == 0 then
    error("no paths in " .. args[1])
  end
  if args[2] then
    header_name, header_value = args[2]:match("^([^:]+):%s*(.*)$")
  end
  i = (number or 0) * 7919 % #paths
end

function request()
  i = (i % #paths) + 1
  local headers = {}
  if header_name then
    headers[header_name] = header_value
  end
  return wrk.format("GET", paths[i], headers)
end
