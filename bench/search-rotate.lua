-- wrk script: each request takes the next of 16 typical searches across the site (topics, a place,
-- a first name, two-word phrases), in turn, so the server answers a realistic mix of broad terms.
-- Usage: wrk ... -s search-rotate.lua URL -- PREFIX HEADER   (PREFIX is /search or /api/v1/search)
local queries = {
  "discharge", "frailty", "damp%20housing", "carers", "falls%20prevention", "social%20prescribing", "huddle",
  "dementia", "loneliness", "housing%20officer", "referral%20pathway", "stockport", "sarah", "mental%20health%20crisis",
  "winter%20pressures", "equipment",
}
local paths = {}
local header_name, header_value
local i = 0

function init(args)
  local prefix = args[1] or "/search"
  for _, q in ipairs(queries) do
    table.insert(paths, prefix .. "?q=" .. q)
  end
  if args[2] then
    header_name, header_value = args[2]:match("^([^:]+):%s*(.*)$")
  end
  i = math.random(0, #paths - 1)
end

function request()
  i = (i % #paths) + 1
  local headers = {}
  if header_name then headers[header_name] = header_value end
  return wrk.format("GET", paths[i], headers)
end
