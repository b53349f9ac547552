-- wrk script: each request takes the next path from a list of realistic directory searches, so the
-- server answers a mix of filters and free text rather than one cached query.
-- Usage: wrk ... -s rotate.lua URL -- PREFIX HEADER   (PREFIX is /people or /api/v1/people)
local paths = {}
local header_name, header_value
local i = 0

local queries = {
  "?q=discharge", "?sector=housing", "?interest=frailty", "?q=nurse&sector=community",
  "?sector=vcse&interest=loneliness%20and%20isolation", "?q=damp%20housing", "?place=1&sector=acute",
  "?q=social%20prescrib", "?interest=homelessness&place=3", "?q=carers", "?sector=mental_health&q=crisis",
  "?profession=GP", "?q=falls&page=2", "?interest=fuel%20poverty", "?q=sarah", "",
}

function init(args)
  local prefix = args[1] or "/people"
  for _, q in ipairs(queries) do
    table.insert(paths, prefix .. q)
  end
  if args[2] then
    header_name, header_value = args[2]:match("^([^:]+):%s*(.*)$")
  end
end

function request()
  i = (i % #paths) + 1
  local headers = {}
  if header_name then
    headers[header_name] = header_value
  end
  return wrk.format("GET", paths[i], headers)
end
