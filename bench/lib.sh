# Shared by the load scripts: source it after cd-ing to the project folder.

# sign_in PORT EMAIL PASSWORD: signs in through the login form (with its CSRF token) and prints the
# session cookie's value; fails the script if the sign-in does not give one.
sign_in() {
  local port=$1 email=$2 password=$3 cookies page csrf session
  cookies=$(mktemp)
  page=$(curl -s -c "$cookies" "localhost:$port/login")
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"//')
  curl -s -b "$cookies" -c "$cookies" -o /dev/null -X POST "localhost:$port/login" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "email=$email" --data-urlencode "password=$password"
  session=$(awk '$6 == "convene_session" {print $7}' "$cookies")
  rm -f "$cookies"
  [ -n "$session" ] || { echo "could not sign in as $email" >&2; return 1; }
  echo "$session"
}

# sql DATA_DIR QUERY: one query on the embedded PostgreSQL of a running Convene, unaligned output.
sql_in() {
  psql -X -qAt -h localhost -p "$(sed -n 4p "$1/postgres/postmaster.pid")" -U postgres postgres -c "$2"
}

# sql_at HOST PORT DATABASE QUERY: one query on an external PostgreSQL (as postgres), unaligned output.
sql_at() {
  psql -X -qAt -h "$1" -p "$2" -U postgres "$3" -c "$4"
}
