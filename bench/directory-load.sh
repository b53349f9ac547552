#!/usr/bin/env bash
# Directory search under load, with /health as the ceiling, on the embedded PostgreSQL.
# Usage: bench/directory-load.sh [PEOPLE] [DURATION_SECONDS]     (defaults: 100000 people, 20 s)
# Needs: target/convene.jar (mvn -q package -DskipTests), wrk and hey (apt-get install -y wrk hey).
# Writes raw tool output to bench/out/ and prints a summary table.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
people=${1:-100000}
duration=${2:-20}
port=7199
out=bench/out
data=$out/data-$people
mkdir -p $out
jar=target/convene.jar
export CONVENE_PORT=$port CONVENE_DATA_DIR=$data CONVENE_REQUEST_LOG_LEVEL=WARN CONVENE_ADMIN_PASSWORD="bench admin password"

if [ ! -d "$data" ]; then
  start=$(date +%s.%N)
  java -jar $jar demo --people "$people" --seed 1 | tee $out/demo-$people.txt
  echo "demo --people $people: $(echo "$(date +%s.%N) - $start" | bc) s" | tee -a $out/demo-$people.txt
fi
password=$(sed -n 's/.*all with the password \([^)]*\)).*/\1/p' $out/demo-$people.txt)
token=$(java -jar $jar token create --email lead@demo.convene.example --name bench)

java -Xmx2g -jar $jar serve > $out/server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf localhost:$port/health >/dev/null && break; sleep 1; done

session=$(sign_in $port lead@demo.convene.example "$password")

url=http://127.0.0.1:$port
echo "warming up (the JVM compiles the hot paths during the first tens of thousands of requests)"
for script in rotate distinct; do
  wrk -t2 -c50 -d15s -s bench/$script.lua $url -- /people "Cookie: convene_session=$session" >/dev/null
  wrk -t2 -c50 -d10s -s bench/$script.lua $url -- /api/v1/people "Authorization: Bearer $token" >/dev/null
done
wrk -t2 -c50 -d10s $url/health >/dev/null

summary=$out/summary-$people.txt
: > $summary
health_rps=
run() { # name connections wrk-args...
  local name=$1 conns=$2; shift 2
  wrk -t2 -c"$conns" -d"${duration}s" --latency "$@" > $out/wrk-$name-$conns.txt
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' $out/wrk-$name-$conns.txt)
  p50=$(awk '$1 == "50%" {print $2}' $out/wrk-$name-$conns.txt)
  p99=$(awk '$1 == "99%" {print $2}' $out/wrk-$name-$conns.txt)
  local errors ratio
  errors=$(grep -E "Non-2xx|Socket errors" $out/wrk-$name-$conns.txt | tr '\n' ' ' || true)
  if [ "$name" = health ]; then health_rps=$rps; ratio=100; else ratio=$(echo "100 * $rps / $health_rps" | bc); fi
  printf "%-14s c=%-4s %10s req/s  p50 %-9s p99 %-9s %3s%% of the /health run just before  %s\n" \
    "$name" "$conns" "$rps" "$p50" "$p99" "$ratio" "$errors" | tee -a $summary
}
# Each measured run follows its own /health run, so the ratio compares like with like even when
# other work on the machine changes the ceiling from minute to minute.
for c in 50 200; do
  for target in page-popular page-distinct api-popular api-distinct; do
    run health $c $url/health
    case $target in
      page-popular)  run $target $c -s bench/rotate.lua $url -- /people "Cookie: convene_session=$session" ;;
      page-distinct) run $target $c -s bench/distinct.lua $url -- /people "Cookie: convene_session=$session" ;;
      api-popular)   run $target $c -s bench/rotate.lua $url -- /api/v1/people "Authorization: Bearer $token" ;;
      api-distinct)  run $target $c -s bench/distinct.lua $url -- /api/v1/people "Authorization: Bearer $token" ;;
    esac
  done
done

# Fixed offered rate at half the search page's saturation throughput (50 connections).
# Popular searches: hey paces 10 workers on the most common kind of query.
sat=$(awk '/Requests\/sec/ {print int($2)}' $out/wrk-page-popular-50.txt)
rate=$(( sat / 2 ))
workers=10
per_worker=$(( rate / workers ))
hey -z "${duration}s" -c $workers -q $per_worker -H "Cookie: convene_session=$session" \
  "$url/people?q=discharge&sector=housing" > $out/hey-page-popular.txt
p99=$(awk '/99% in/ {print $3}' $out/hey-page-popular.txt)
p50=$(awk '/50% in/ {print $3}' $out/hey-page-popular.txt)
achieved=$(awk '/Requests\/sec/ {print $2}' $out/hey-page-popular.txt)
echo "fixed popular  offered $((per_worker * workers)) req/s, achieved $achieved req/s: p50 ${p50}s p99 ${p99}s" | tee -a $summary
# Distinct searches: wrk with 10 connections, each pausing so the total is about half of saturation.
sat=$(awk '/Requests\/sec/ {print int($2)}' $out/wrk-page-distinct-50.txt)
rate=$(( sat / 2 ))
pause=$(( 10 * 1000 / rate ))
run fixed-distinct 10 -s bench/distinct.lua $url -- /people "Cookie: convene_session=$session" $pause
echo "(fixed-distinct: 10 connections pausing ${pause} ms each, aiming at $rate req/s)" | tee -a $summary
echo "raw output in $out/"
