#!/usr/bin/env bash
# Region scale: two app instances on one external PostgreSQL, the most used pages and API calls
# under 200 concurrent connections split across both, each after its own /health run (the ceiling).
# Usage: bench/scale-load.sh JDBC_URL [DURATION_SECONDS] [CONNECTIONS]     (defaults: 20 s, 200)
#   JDBC_URL: jdbc:postgresql://HOST:PORT/DB holding a region made with (see docs/benchmarks.md)
#     demo --people 1000000 --ties-per-person 5.1, demo discussions ..., demo activity ...
#   PASSWORD: the demo accounts' password (printed by `demo`), or DEMO_OUTPUT=the file `demo` printed to.
#   JAR (default target/convene.jar), LABEL (default the time), PORTS (default "7201 7202").
# Both instances run the background jobs (db-scheduler shares them out across the cluster), as a
# default deployment would. Pages sign in through the login form on the first instance; the session
# (in the database) is used on both. The API uses a bearer token made with `token create`.
# Needs: wrk, psql, curl. Writes raw output to bench/out/ and prints a summary table.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
url=${1:?usage: bench/scale-load.sh JDBC_URL [DURATION_SECONDS] [CONNECTIONS]}
duration=${2:-20}
connections=${3:-200}
read -r -a ports <<<"${PORTS:-7201 7202}"
jar=${JAR:-target/convene.jar}
label=${LABEL:-$(date +%Y%m%d-%H%M)}
out=bench/out
paths=$out/scale-paths-$label
mkdir -p "$out" "$paths"
if [ -z "${PASSWORD:-}" ]; then
  PASSWORD=$(sed -n 's/.*all with the password \([^)]*\)).*/\1/p' "${DEMO_OUTPUT:?set PASSWORD or DEMO_OUTPUT}")
fi
db_host=$(sed -E 's#jdbc:postgresql://([^:/]+).*#\1#' <<<"$url")
db_port=$(sed -E 's#jdbc:postgresql://[^:/]+:([0-9]+)/.*#\1#' <<<"$url")
db_name=$(sed -E 's#.*/([^/?]+)(\?.*)?$#\1#' <<<"$url")
sql() { sql_at "$db_host" "$db_port" "$db_name" "$1"; }
export CONVENE_DATABASE_URL=$url CONVENE_REQUEST_LOG_LEVEL=WARN CONVENE_DATA_DIR=$out/scale-unused

token=$(java -jar "$jar" token create --email lead@demo.convene.example --name "scale bench $label" 2>/dev/null | tail -1)
servers=()
stop() { for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done; for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done; }
trap stop EXIT
for port in "${ports[@]}"; do
  CONVENE_PORT=$port java -Xmx2g -jar "$jar" serve > "$out/scale-server-$port-$label.log" 2>&1 &
  servers+=($!)
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 180); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 1; done
  curl -sf "localhost:$port/health" >/dev/null || { echo "the server on $port did not start"; exit 1; }
done
session=$(sign_in "${ports[0]}" lead@demo.convene.example "$PASSWORD")
cookie="Cookie: convene_session=$session"
bearer="Authorization: Bearer $token"
base=http://127.0.0.1:${ports[0]}
export SCALE_PORTS="${ports[*]}"

# What to ask for, from the data (ids the programme lead may see).
sql "SELECT '/people/' || id FROM people WHERE visibility = 'everyone' ORDER BY md5(id::text) LIMIT 500" > "$paths/profile.txt"
sql "SELECT '/communities/' || c.id FROM communities c WHERE c.joining = 'open' ORDER BY (SELECT count(*) FROM community_members m
     WHERE m.community_id = c.id AND m.status = 'active') DESC LIMIT 100" > "$paths/community.txt"
sql "SELECT '/discussions/' || t.id FROM threads t JOIN communities c ON c.id = t.community_id WHERE c.joining = 'open'
     ORDER BY t.last_post_at DESC LIMIT 200" > "$paths/discussion.txt"
sql "SELECT '/events/' || e.id FROM events e LEFT JOIN communities c ON c.id = e.community_id
     WHERE e.community_id IS NULL OR c.joining = 'open' ORDER BY abs(extract(epoch FROM e.starts_at - now())) LIMIT 200" > "$paths/event.txt"
sql "SELECT '/cohorts/' || c.id || '/report' FROM cohorts c WHERE c.ends_on < current_date ORDER BY c.ends_on DESC LIMIT 50" > "$paths/report.txt"
searches=("?q=discharge" "?sector=housing" "?interest=frailty" "?q=nurse&sector=community"
  "?sector=vcse&interest=loneliness%20and%20isolation" "?q=damp%20housing" "?place=1&sector=acute" "?q=social%20prescrib"
  "?interest=homelessness&place=3" "?q=carers" "?sector=mental_health&q=crisis" "?profession=GP" "?q=falls&page=2"
  "?interest=fuel%20poverty" "?q=sarah" "")
printf '/people%s\n' "${searches[@]}" > "$paths/directory.txt"
printf '/api/v1/people%s\n' "${searches[@]}" > "$paths/api-people.txt"
echo / > "$paths/home.txt"
echo /events > "$paths/events.txt"
echo /impact > "$paths/impact.txt"
echo /health > "$paths/health.txt"
sql "SELECT '/api/v1/network/metrics?slice=cohort:' || c.id FROM cohorts c WHERE c.ends_on < current_date
     ORDER BY c.ends_on DESC LIMIT 50" > "$paths/api-network.txt"
pages=(home directory profile community discussion events event impact report)
apis=(api-people api-network)

shape=$out/scale-shape-$label.txt
{
  echo "people $(sql "SELECT count(*) FROM people"), organisations $(sql "SELECT count(*) FROM organisations"), ties $(sql "SELECT count(*) FROM ties"),"
  echo "communities $(sql "SELECT count(*) FROM communities"), memberships $(sql "SELECT count(*) FROM community_members"),"
  echo "discussions $(sql "SELECT count(*) FROM threads"), posts $(sql "SELECT count(*) FROM posts"), events $(sql "SELECT count(*) FROM events"),"
  echo "programmes $(sql "SELECT count(*) FROM programmes"), cohorts $(sql "SELECT count(*) FROM cohorts"), enrolments $(sql "SELECT count(*) FROM enrolments"),"
  echo "survey responses $(sql "SELECT count(*) FROM survey_responses WHERE submitted_at IS NOT NULL"), survey answers $(sql "SELECT count(*) FROM survey_answers")"
  echo "database $(sql "SELECT pg_size_pretty(pg_database_size(current_database()))"), $(sql "SELECT version()")"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
} | tee "$shape"

# Everything is asked for once (the impact figures' first read is the slow one, then kept), then
# each mix is run for a while: the JVMs compile the hot paths in the first tens of thousands of requests.
header_for() { # name: the header its requests carry
  case $1 in health) echo "" ;; api-*) echo "$bearer" ;; *) echo "$cookie" ;; esac
}
for name in "${pages[@]}" "${apis[@]}"; do
  header=$(header_for "$name")
  while read -r path; do
    for port in "${ports[@]}"; do
      curl -s -o /dev/null -w "%{http_code} $port $path %{time_total}s\n" -m 120 -H "$header" "http://127.0.0.1:$port$path"
    done
  done < <(head -3 "$paths/$name.txt")
done | tee "$out/scale-first-$label.txt" | awk '$1 != 200 {bad = 1; print "not 200:", $0} END {exit bad}' \
  || { echo "some first requests failed: see $out/scale-first-$label.txt"; exit 1; }
echo "warming up"
for name in "${pages[@]}" "${apis[@]}" health; do
  header=$(header_for "$name")
  wrk -t2 -c100 -d10s --timeout 10s -s bench/scale-mix.lua "$base" -- "$paths/$name.txt" "$header" > /dev/null
done

# CPU seconds of the app instances and of the whole PostgreSQL cluster (live backends and reaped ones).
pg_pid=$(head -1 "$(sql "SHOW data_directory")/postmaster.pid" 2>/dev/null || true)
ticks() { # pids...: user+system ticks of these processes (and their reaped children)
  local total=0 pid t
  for pid in "$@"; do
    # A PostgreSQL backend can end between listing and reading: count what is still there.
    t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || true)
    [ -n "$t" ] && total=$((total + t))
  done
  echo $total
}
pg_ticks() { [ -n "$pg_pid" ] && ticks "$pg_pid" $(pgrep -P "$pg_pid") || echo 0; }
hz=$(getconf CLK_TCK)
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; } # user nice system irq softirq, all cores
has_pgss=$(sql "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'" || echo 0)

summary=$out/scale-summary-$label.txt
: > "$summary"
printf "%-12s %10s %9s %9s %6s  %-11s %-9s %-9s %-9s %s\n" run "req/s" p50 p99 "share" "load 1-min" "java cpu" "pg cpu" "all cpu" errors \
  | tee -a "$summary"
health_rps=
run() { # name
  local name=$1 header file
  header=$(header_for "$name")
  file=$out/scale-wrk-$name-$label.txt
  [ "$has_pgss" = 1 ] && sql "SELECT pg_stat_statements_reset()" > /dev/null
  local java0 pg0 java1 pg1 all0 all1 t0 t1 seconds
  java0=$(ticks "${servers[@]}"); pg0=$(pg_ticks); all0=$(busy_ticks); t0=$(date +%s%N)
  wrk -t2 -c"$connections" -d"${duration}s" --latency --timeout 10s -s bench/scale-mix.lua "$base" -- "$paths/$name.txt" "$header" > "$file"
  java1=$(ticks "${servers[@]}"); pg1=$(pg_ticks); all1=$(busy_ticks); t1=$(date +%s%N)
  seconds=$(echo "scale=3; ($t1 - $t0) / 1000000000" | bc)
  local load rps p50 p99 errors share
  load=$(cut -d' ' -f1 /proc/loadavg)
  rps=$(awk '/Requests\/sec/ {print $2}' "$file")
  p50=$(awk '$1 == "50%" {print $2}' "$file")
  p99=$(awk '$1 == "99%" {print $2}' "$file")
  errors=$(grep -E "Non-2xx|Socket errors" "$file" | tr -s ' ' | tr '\n' ' ' || true)
  if [ "$name" = health ]; then health_rps=$rps; share=100; else share=$(echo "100 * $rps / $health_rps" | bc); fi
  printf "%-12s %10s %9s %9s %5s%%  %-11s %-9s %-9s %-9s %s\n" "$name" "$rps" "$p50" "$p99" "$share" "$load" \
    "$(echo "scale=2; ($java1 - $java0) / $hz / $seconds" | bc)" "$(echo "scale=2; ($pg1 - $pg0) / $hz / $seconds" | bc)" \
    "$(echo "scale=2; ($all1 - $all0) / $hz / $seconds" | bc)" "$errors" \
    | tee -a "$summary"
  if [ "$has_pgss" = 1 ] && [ "$name" != health ]; then
    sql "SELECT round(total_exec_time::numeric, 0) || ' ms in all, ' || calls || ' calls, ' || round(mean_exec_time::numeric, 2)
         || ' ms each: ' || regexp_replace(left(query, 160), '\s+', ' ', 'g') FROM pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         ORDER BY total_exec_time DESC LIMIT 8" > "$out/scale-pgss-$name-$label.txt"
  fi
}
for name in "${pages[@]}" "${apis[@]}"; do
  run health
  run "$name"
done
uptime | tee -a "$summary"
echo "(cpu: cores' worth of CPU used during the run by both app JVMs, by the whole PostgreSQL cluster, and by everything" \
  "on the machine: the rest is wrk and other work)" | tee -a "$summary"
echo "summary in $summary, raw output in $out/scale-*-$label.txt"
