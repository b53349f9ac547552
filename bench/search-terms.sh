#!/usr/bin/env bash
# One request at a time, no other load: /api/v1/search for typical, rare and absent terms on the
# data of bench/community-load.sh, the median of 5 (after 2 warm-up requests) per term, after a
# 20 s warm-up of the JVM. The people part of the search is cached after the first request.
# Usage: bench/search-terms.sh [PEOPLE] [POSTS]   (JAR=... to time another build)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-100000}
posts=${2:-1000000}
port=7198
out=bench/out
data=$out/data-community-$people-$posts
jar=${JAR:-target/convene.jar}
label=${LABEL:-$(date +%Y%m%d-%H%M)}
[ -d "$data" ] || { echo "run bench/community-load.sh first"; exit 1; }
export CONVENE_PORT=$port CONVENE_DATA_DIR=$data CONVENE_REQUEST_LOG_LEVEL=WARN CONVENE_ADMIN_PASSWORD="bench admin password"
token=$(java -jar $jar token create --email lead@demo.convene.example --name "terms $label")
java -Xmx2g -jar $jar serve > $out/server-terms-$label.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$port/health >/dev/null && break; sleep 1; done
# Warm the JVM first (a cold one takes several times as long); the measured terms are not in this mix.
wrk -t2 -c10 -d20s --timeout 10s -s bench/search-distinct.lua http://127.0.0.1:$port -- /api/v1/search "Authorization: Bearer $token" >/dev/null
result=$out/terms-$label.txt
: > $result
for q in discharge frailty "damp housing" carers "falls prevention" huddle dementia "referral pathway" stockport \
         "mental health crisis" sarah omar chorlton "princess road" foodbank xylophone c; do
  times=()
  for i in 1 2 3 4 5 6 7; do
    t=$(curl -s -o /dev/null -w "%{time_total}" -H "Authorization: Bearer $token" \
      "localhost:$port/api/v1/search?q=$(printf %s "$q" | sed 's/ /%20/g')")
    [ $i -gt 2 ] && times+=("$t")
  done
  median=$(printf "%s\n" "${times[@]}" | sort -n | sed -n 3p)
  printf "%-22s %6.1f ms\n" "$q" "$(echo "$median * 1000" | bc)" | tee -a $result
done
