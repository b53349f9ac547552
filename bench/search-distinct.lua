-- wrk script: every request is a different site search: one word, or a word and a second word
-- (a topic, a job, a place, a street, a first name; some common in the posts, some rare, some absent),
-- so no result can come from the directory's search cache.
-- Usage: wrk ... -s search-distinct.lua URL -- PREFIX HEADER [DELAY_MS]
--   PREFIX is /search or /api/v1/search; DELAY_MS (optional) paces each connection.
local first = {
  "discharge", "frailty", "damp", "carers", "falls", "prescribing", "huddle", "dementia", "loneliness", "housing",
  "referral", "equipment", "winter", "crisis", "homelessness", "diabetes", "maternity", "obesity", "inclusion",
  "volunteers", "pharmacist", "nurse", "paramedic", "audit", "funding", "training", "recruitment", "spreadsheets",
  "adaptations", "template", "workshop", "slides", "steering", "drop-in", "wards", "pressures", "mould", "fuel",
  "poverty", "wellbeing", "safety", "pathway", "lived", "peer", "digital", "rural", "family", "medicines", "cancer",
  "autism", "huddles", "co-production", "quality", "measure", "newsletter", "party", "film", "cinema", "survey", "toolkit"}
local second = {
  "", "stockport", "salford", "trafford", "manchester", "sarah", "omar", "priya", "chorlton", "didsbury", "wythenshawe",
  "levenshulme", "princess", "meadow", "foodbank", "befriending", "council", "surgery", "infirmary", "hospital",
  "team", "plan", "data", "meeting", "visit", "call", "week", "home", "care", "social", "community", "nhs", "gp",
  "worker", "officer", "manager", "group", "service", "project", "story", "xylophone", "quokka", "zeppelin"}
local prefix, header_name, header_value, pause
local n = 0
local total = #first * #second
local stride = 1543 -- a prime that does not divide total, so the walk visits every combination once

function init(args)
  prefix = args[1] or "/search"
  if args[2] then
    header_name, header_value = args[2]:match("^([^:]+):%s*(.*)$")
  end
  pause = tonumber(args[3] or "0")
  n = math.random(0, total - 1)
end

function delay()
  return pause
end

function request()
  n = (n + stride) % total
  local q = first[(n % #first) + 1]
  local s = second[(math.floor(n / #first) % #second) + 1]
  if s ~= "" then q = q .. "%20" .. s end
  local headers = {}
  if header_name then headers[header_name] = header_value end
  return wrk.format("GET", prefix .. "?q=" .. q, headers)
end
