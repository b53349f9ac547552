#!/usr/bin/env bash
# The impact dashboard on a large region: how long reading the figures takes (the first time, with
# no snapshot), and how fast the page and the API answer afterwards (from the snapshot), for the
# whole system and for one place, plus each list behind a figure.
# Usage: bench/impact-load.sh DATA_DIR [DURATION_SECONDS] [CONNECTIONS]
#   DATA_DIR holds a region made with `demo --people N` then `demo activity` (see docs/benchmarks.md);
#   its demo output must be in DATA_DIR.txt (for the demo password), or set PASSWORD.
# Needs: target/convene.jar, wrk and psql. Writes raw output to bench/out/ and prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
data=${1:?usage: bench/impact-load.sh DATA_DIR [DURATION_SECONDS] [CONNECTIONS]}
duration=${2:-20}
connections=${3:-10}
port=7199
out=bench/out
mkdir -p $out
jar=${JAR:-target/convene.jar}
label=${LABEL:-$(date +%Y%m%d-%H%M)}
password=${PASSWORD:-$(sed -n 's/.*all with the password \([^)]*\)).*/\1/p' "$data.txt")}
export CONVENE_PORT=$port CONVENE_DATA_DIR=$data CONVENE_REQUEST_LOG_LEVEL=WARN CONVENE_JOBS=false

token=$(java -jar $jar token create --email lead@demo.convene.example --name "impact bench $label" 2>/dev/null | tail -1)
java -Xmx2g -jar $jar serve > $out/impact-server-$label.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf localhost:$port/health >/dev/null && break; sleep 1; done
curl -sf localhost:$port/health >/dev/null || { echo "the server did not start"; exit 1; }
sql() { sql_in "$data" "$1"; }
sql "DELETE FROM impact_snapshots" >/dev/null
place=$(sql "SELECT place_id FROM people GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")

session=$(sign_in $port lead@demo.convene.example "$password")
cookie="Cookie: convene_session=$session"
bearer="Authorization: Bearer $token"
url=http://127.0.0.1:$port
summary=$out/impact-summary-$label.txt
: > $summary
{
  echo "people $(sql "SELECT count(*) FROM people"), ties $(sql "SELECT count(*) FROM ties"), events $(sql "SELECT count(*) FROM events"),"
  echo "registrations $(sql "SELECT count(*) FROM registrations"), match members $(sql "SELECT count(*) FROM match_members"),"
  echo "enrolments $(sql "SELECT count(*) FROM enrolments"), projects $(sql "SELECT count(*) FROM projects"), survey answers $(sql "SELECT count(*) FROM survey_answers")"
  echo "place $place: $(sql "SELECT count(*) FROM people WHERE place_id = $place") people"
} | tee -a $summary

for scope in system place:$place; do
  # The first read: no snapshot, so the figures are read while the request waits.
  curl -s -o $out/impact.json -w "$scope first read: HTTP %{http_code}, %{time_total} s" -H "$bearer" "$url/api/v1/impact?scope=$scope" | tee -a $summary
  echo ", reading took $(python3 -c "import json;print(json.load(open('$out/impact.json'))['millis'])") ms" | tee -a $summary
  for i in 1 2 3; do
    curl -s -o $out/impact.html -w "$scope page $i: HTTP %{http_code}, %{size_download} bytes, %{time_total} s\n" -H "$cookie" "$url/impact?scope=$scope" | tee -a $summary
  done
  wrk -t2 -c$connections -d${duration}s --latency --timeout 10s "$url/impact?scope=$scope" -H "$cookie" > $out/impact-wrk-$scope-$label.txt
  echo "$scope page under load ($connections connections, ${duration} s): $(grep 'Requests/sec' $out/impact-wrk-$scope-$label.txt), latency $(grep -E '^ +(50|99)%' $out/impact-wrk-$scope-$label.txt | tr -s ' ' | tr '\n' ' ')" | tee -a $summary
  curl -s -o /dev/null -w "$scope PDF: HTTP %{http_code}, %{size_download} bytes, %{time_total} s\n" -H "$cookie" "$url/impact/report.pdf?scope=$scope" | tee -a $summary
  for figure in people events matches sets clusters projects ties confidence; do
    curl -s -o /dev/null -w "$scope list $figure: HTTP %{http_code}, %{time_total} s\n" -H "$bearer" "$url/api/v1/impact/$figure?scope=$scope" | tee -a $summary
  done
done
echo "summary in $summary"
