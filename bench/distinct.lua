-- wrk script: every request is a different directory search (a name or topic word, with or
-- without a sector, a place and an interest), so no result can be served from the app's search cache.
-- Usage: wrk ... -s distinct.lua URL -- PREFIX HEADER [DELAY_MS]
--   PREFIX is /people or /api/v1/people; DELAY_MS (optional) paces each connection, giving a
--   roughly fixed offered rate of connections * 1000 / (DELAY_MS + latency).
local words = {
  "aisha", "amelia", "amir", "andrew", "ben", "catherine", "chloe", "claire", "daniel", "david", "emma", "fatima",
  "grace", "hannah", "hassan", "helen", "imran", "jack", "james", "julie", "karen", "kwame", "laura", "liam", "lucy",
  "maria", "mark", "mary", "michael", "mohammed", "naomi", "neil", "olivia", "omar", "paul", "priya", "rachel",
  "richard", "rosa", "ruth", "sam", "sarah", "simon", "sophie", "susan", "tariq", "thomas", "victoria", "yasmin", "zoe",
  "adams", "ahmed", "ali", "bailey", "begum", "brown", "campbell", "chen", "clarke", "cooper", "davies", "evans",
  "green", "hall", "harris", "hughes", "hussain", "jones", "kaur", "kelly", "khan", "lee", "lewis", "mensah", "murphy",
  "nguyen", "okafor", "patel", "price", "rahman", "roberts", "scott", "shah", "singh", "smith", "taylor", "walker",
  "nurse", "social", "housing", "discharge", "frailty", "carers", "crisis", "damp", "falls", "dementia", "diabetes",
  "paramedic", "pharmacist", "therapist", "volunteer", "officer", "manager", "advice", "homeless", "loneliness"}
local sectors = {"", "acute", "primary", "community", "mental_health", "ambulance", "adult_social_care", "childrens",
  "local_authority", "housing", "vcse", "education_research", "lived_experience"}
local places = {"", "1", "2", "3", "4", "5", "6"}
local interests = {"", "frailty", "hospital%20discharge", "loneliness%20and%20isolation", "homelessness", "dementia",
  "carers%20support", "fuel%20poverty", "diabetes", "patient%20safety", "co-production", "social%20prescribing"}
local prefix, header_name, header_value, pause
local n = 0
local total = #words * #sectors * #places * #interests
local stride = 7919 -- a prime that does not divide total, so the walk visits every combination once

function init(args)
  prefix = args[1] or "/people"
  if args[2] then
    header_name, header_value = args[2]:match("^([^:]+):%s*(.*)$")
  end
  pause = tonumber(args[3] or "0")
  -- each thread starts at a different point of the walk
  n = math.random(0, total - 1)
end

function delay()
  return pause
end

function request()
  n = (n + stride) % total
  local w = words[(n % #words) + 1]
  local s = sectors[(math.floor(n / #words) % #sectors) + 1]
  local p = places[(math.floor(n / (#words * #sectors)) % #places) + 1]
  local i = interests[(math.floor(n / (#words * #sectors * #places)) % #interests) + 1]
  local path = prefix .. "?q=" .. w
  if s ~= "" then path = path .. "&sector=" .. s end
  if p ~= "" then path = path .. "&place=" .. p end
  if i ~= "" then path = path .. "&interest=" .. i end
  local headers = {}
  if header_name then headers[header_name] = header_value end
  return wrk.format("GET", path, headers)
end
