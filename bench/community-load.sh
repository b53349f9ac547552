#!/usr/bin/env bash
# A community page, a large discussion (its first and its last page) and the site search under load, with 1,000,000 posts on
# top of the demo region, and /health as the ceiling, on the embedded PostgreSQL.
# Usage: bench/community-load.sh [PEOPLE] [POSTS] [DURATION_SECONDS] [CONNECTIONS...]
#        (defaults: 100000 people, 1000000 posts, 20 s, 50 and 200 connections)
# Needs: target/convene.jar (mvn -q package -DskipTests), wrk, hey and psql (apt-get install -y wrk hey postgresql-client).
# JAR=... runs another build against the same data (e.g. a copy of the jar before a change).
# Writes raw tool output to bench/out/ and prints a summary table.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
people=${1:-100000}
posts=${2:-1000000}
duration=${3:-20}
shift $(( $# < 3 ? $# : 3 ))
connections=${*:-50 200}
port=7198
out=bench/out
data=$out/data-community-$people-$posts
mkdir -p $out
jar=${JAR:-target/convene.jar}
label=${LABEL:-$(date +%Y%m%d-%H%M)}
export CONVENE_PORT=$port CONVENE_DATA_DIR=$data CONVENE_REQUEST_LOG_LEVEL=WARN CONVENE_ADMIN_PASSWORD="bench admin password"

if [ ! -d "$data" ]; then
  start=$(date +%s.%N)
  java -jar $jar demo --people "$people" --seed 1 | tee $out/demo-community-$people-$posts.txt
  echo "demo --people $people: $(echo "$(date +%s.%N) - $start" | bc) s" | tee -a $out/demo-community-$people-$posts.txt
  start=$(date +%s.%N)
  java -jar $jar demo discussions --posts "$posts" --seed 1 | tee $out/discussions-$people-$posts.txt
  echo "demo discussions --posts $posts: $(echo "$(date +%s.%N) - $start" | bc) s" | tee -a $out/discussions-$people-$posts.txt
fi
password=$(sed -n 's/.*all with the password \([^)]*\)).*/\1/p' $out/demo-community-$people-$posts.txt)
token=$(java -jar $jar token create --email lead@demo.convene.example --name "bench $label")

java -Xmx2g -jar $jar serve > $out/server-$label.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$port/health >/dev/null && break; sleep 1; done
curl -sf localhost:$port/health >/dev/null || { echo "the server did not start"; exit 1; }

# What to ask for, from the data: the open community with the most discussions, and the open
# discussion with the most posts (the programme lead signs in, and is not an administrator).
sql() { sql_in "$data" "$1"; }
community=$(sql "SELECT c.id FROM communities c WHERE c.joining = 'open' ORDER BY (SELECT count(*) FROM threads t WHERE t.community_id = c.id) DESC, c.id LIMIT 1")
discussion=$(sql "SELECT t.id FROM threads t JOIN communities c ON c.id = t.community_id WHERE c.joining = 'open' ORDER BY t.posts DESC, t.id LIMIT 1")
last_page=$(sql "SELECT greatest(1, (posts + 49) / 50) FROM threads WHERE id = $discussion")
shape=$out/shape-$people-$posts.txt
{
  echo "people $(sql "SELECT count(*) FROM people"), communities $(sql "SELECT count(*) FROM communities") ($(sql "SELECT count(*) FROM communities WHERE joining = 'request'") request-to-join),"
  echo "memberships $(sql "SELECT count(*) FROM community_members"), discussions $(sql "SELECT count(*) FROM threads"), posts $(sql "SELECT count(*) FROM posts")"
  echo "posts per discussion p10/p50/p90/p99/max: $(sql "SELECT array_to_string(percentile_disc(ARRAY[0.1,0.5,0.9,0.99,1]) WITHIN GROUP (ORDER BY posts), '/') FROM threads")"
  echo "post length p50/p90 (characters): $(sql "SELECT array_to_string(percentile_disc(ARRAY[0.5,0.9]) WITHIN GROUP (ORDER BY length(body)), '/') FROM posts")"
  echo "community $community: $(sql "SELECT name || ', ' || (SELECT count(*) FROM community_members m WHERE m.community_id = c.id AND m.status = 'active') || ' members, ' || (SELECT count(*) FROM threads t WHERE t.community_id = c.id) || ' discussions' FROM communities c WHERE id = $community")"
  echo "discussion $discussion: $(sql "SELECT posts FROM threads WHERE id = $discussion") posts"
  echo "database $(sql "SELECT pg_size_pretty(pg_database_size('postgres'))"), posts table with indexes $(sql "SELECT pg_size_pretty(pg_total_relation_size('posts'))")"
} | tee $shape

session=$(sign_in $port lead@demo.convene.example "$password")
cookie="Cookie: convene_session=$session"
bearer="Authorization: Bearer $token"

url=http://127.0.0.1:$port
summary=$out/summary-$label.txt
: > $summary
for path in /communities/$community /discussions/$discussion "/discussions/$discussion?page=$last_page" "/search?q=discharge"; do
  curl -s -o $out/page.html -w "$path: HTTP %{http_code}, %{size_download} bytes, %{time_total} s" -H "$cookie" "$url$path" | tee -a $summary
  echo ", $(grep -c 'class="convene-post"' $out/page.html || true) posts shown" | tee -a $summary
done

echo "warming up (the JVM compiles the hot paths during the first tens of thousands of requests)"
wrk -t2 -c50 -d10s --timeout 10s $url/communities/$community -H "$cookie" >/dev/null
wrk -t2 -c20 -d10s --timeout 10s "$url/discussions/$discussion?page=$last_page" -H "$cookie" >/dev/null
wrk -t2 -c50 -d10s --timeout 10s -s bench/search-rotate.lua $url -- /search "$cookie" >/dev/null
wrk -t2 -c50 -d10s --timeout 10s -s bench/search-distinct.lua $url -- /api/v1/search "$bearer" >/dev/null
wrk -t2 -c50 -d10s --timeout 10s $url/api/v1/communities/$community -H "$bearer" >/dev/null
wrk -t2 -c50 -d10s $url/health >/dev/null

health_rps=
run() { # name connections wrk-args...
  local name=$1 conns=$2; shift 2
  wrk -t2 -c"$conns" -d"${duration}s" --timeout 10s --latency "$@" > $out/wrk-$label-$name-$conns.txt
  local rps p50 p99 errors ratio
  rps=$(awk '/Requests\/sec/ {print $2}' $out/wrk-$label-$name-$conns.txt)
  p50=$(awk '$1 == "50%" {print $2}' $out/wrk-$label-$name-$conns.txt)
  p99=$(awk '$1 == "99%" {print $2}' $out/wrk-$label-$name-$conns.txt)
  errors=$(grep -E "Non-2xx|Socket errors" $out/wrk-$label-$name-$conns.txt | tr '\n' ' ' || true)
  if [ "$name" = health ]; then health_rps=$rps; ratio=100; else ratio=$(echo "scale=1; 100 * $rps / $health_rps" | bc); fi
  printf "%-22s c=%-4s %10s req/s  p50 %-9s p99 %-9s %5s%% of the /health run just before  %s\n" \
    "$name" "$conns" "$rps" "$p50" "$p99" "$ratio" "$errors" | tee -a $summary
}
# Each measured run follows its own /health run, so the ratio compares like with like even when
# other work on the machine changes the ceiling from minute to minute.
for c in $connections; do
  for target in community-page discussion-page discussion-last search-popular search-distinct api-search-popular api-search-distinct api-community; do
    run health $c $url/health
    case $target in
      community-page)      run $target $c $url/communities/$community -H "$cookie" ;;
      discussion-page)     run $target $c $url/discussions/$discussion -H "$cookie" ;;
      discussion-last)     run $target $c "$url/discussions/$discussion?page=$last_page" -H "$cookie" ;;
      search-popular)      run $target $c -s bench/search-rotate.lua $url -- /search "$cookie" ;;
      search-distinct)     run $target $c -s bench/search-distinct.lua $url -- /search "$cookie" ;;
      api-search-popular)  run $target $c -s bench/search-rotate.lua $url -- /api/v1/search "$bearer" ;;
      api-search-distinct) run $target $c -s bench/search-distinct.lua $url -- /api/v1/search "$bearer" ;;
      api-community)       run $target $c $url/api/v1/communities/$community -H "$bearer" ;;
    esac
  done
done

# Fixed offered rate at half of each page's saturation throughput at 50 connections: hey paces
# up to 10 workers on one path; wrk with 10 connections, each pausing, on the distinct searches.
fixed() { # name path saturation-file
  local name=$1 path=$2 sat rate workers per_worker
  sat=$(awk '/Requests\/sec/ {print int($2)}' "$3")
  rate=$(( sat / 2 > 1 ? sat / 2 : 1 ))
  workers=$(( rate < 10 ? rate : 10 ))
  per_worker=$(( rate / workers ))
  hey -z "${duration}s" -c $workers -q $per_worker -t 30 -H "$cookie" "$url$path" > $out/hey-$label-$name.txt
  local p50 p99 achieved
  p50=$(awk '/50% in/ {print $3}' $out/hey-$label-$name.txt)
  p99=$(awk '/99% in/ {print $3}' $out/hey-$label-$name.txt)
  achieved=$(awk '/Requests\/sec/ {print $2}' $out/hey-$label-$name.txt)
  # hey leaves out the 99th percentile when it has too few requests for one: give the slowest instead.
  [ -n "$p99" ] && [ "$p99" != "0.0000" ] || p99="(slowest) $(awk '/Slowest/ {print $2}' $out/hey-$label-$name.txt)"
  echo "fixed $name  offered $((per_worker * workers)) req/s, achieved $achieved req/s: p50 ${p50}s p99 ${p99}s" | tee -a $summary
}
fixed community-page /communities/$community $out/wrk-$label-community-page-50.txt
fixed discussion-page /discussions/$discussion $out/wrk-$label-discussion-page-50.txt
fixed search-discharge "/search?q=discharge" $out/wrk-$label-search-popular-50.txt
sat=$(awk '/Requests\/sec/ {print int($2)}' $out/wrk-$label-search-distinct-50.txt)
rate=$(( sat / 2 > 1 ? sat / 2 : 1 ))
pause=$(( 10 * 1000 / rate ))
run fixed-search-distinct 10 -s bench/search-distinct.lua $url -- /search "$cookie" $pause
echo "(fixed-search-distinct: 10 connections pausing ${pause} ms each, aiming at $rate req/s)" | tee -a $summary
echo "raw output in $out/ (label $label)"
