#!/usr/bin/env bash
# What a read costs when it is computed afresh, one request at a time: the service's CPU time per request (all its
# threads, from /proc) at one connection, on the truly uncached configuration of `run.sh` (UNCACHED=1: read cache
# off, H2's OPTIMIZE_REUSE_RESULTS=FALSE). At 32 connections concurrent misses of one read wait for a single
# computation of it, so `run.sh` shows less than a computation costs; a clerk's write makes the next reader pay it.
# Every path is warmed up first and the JIT given a moment, then each is measured on its own. About 4 minutes on
# 2 cores, plus the data's generation the first time.
#
#   bash src/test/bench/afresh.sh                      # this checkout, packaged
#   APP_DIR=/tmp/a DATA=/tmp/d bash src/test/bench/afresh.sh   # compare builds: alternate them on copies of DATA
#
# Environment (all optional):
#   APP_DIR   an already packaged target/quarkus-app to run instead of packaging this checkout
#   DATA      a data directory holding SYN-2000 (2 years, both assessed), kept; generated there when it has no
#             database yet (about a minute). A start migrates it to the build's schema: give each build its own
#             copy. Without DATA the data is generated in a temporary directory, removed at the end.
#   WARMUP    wrk seconds per path in the warm-up (12)    DURATION  wrk seconds per measurement (15)
#   PORT      port to listen on (a free one)       ADMIN_PASSWORD  the admin's, for a DATA generated elsewhere
set -euo pipefail

cd "$(dirname "$0")/../../.."
WARMUP=${WARMUP:-12}
DURATION=${DURATION:-15}
# The admin is created at the data's first start; the password of generated data is kept beside it.
ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-password-$$}
if [[ -z "${APP_DIR:-}" ]]; then
    ./mvnw -B -q package -DskipTests
    APP_DIR=target/quarkus-app
fi
source src/test/bench/common.sh
need_wrk
GIVEN_DATA=${DATA:-}
DATA=${DATA:-$(mktemp -d)}
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
BASE="http://127.0.0.1:$PORT"

PID=""
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; [[ -n $GIVEN_DATA ]] || rm -rf "$DATA"' EXIT
start() { # extra JVM options -> the service running on DATA, ready; PID set
    java -Dtandem.data-dir="$DATA" -Dquarkus.http.port="$PORT" -Dtandem.admin.initial-password="$ADMIN_PASSWORD" \
        "$@" -jar "$APP_DIR/quarkus-run.jar" >>"$DATA/afresh.log" 2>&1 &
    PID=$!
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready") == 200 ]]; do
        kill -0 $PID 2>/dev/null || { echo "the service died; its log:" >&2; tail -50 "$DATA/afresh.log" >&2; exit 1; }
        sleep 0.2
    done
}
stop() { kill $PID; wait $PID 2>/dev/null || true; PID=""; }
login() {
    curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$(cat "$DATA/admin-password" 2>/dev/null || echo "$ADMIN_PASSWORD")\"}" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}

if [[ ! -f "$DATA/tandem.mv.db" ]]; then
    echo "$ADMIN_PASSWORD" >"$DATA/admin-password"
    start -Dtandem.generate.pairings=2000 -Dtandem.generate.years=2
    TOKEN=$(login)
    for year in 2023 2024; do
        id=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -X POST \
            "$BASE/api/v1/assessment-runs" -d "{\"program\":\"SYN-2000\",\"year\":$year}" |
            python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
        until curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/assessment-runs/$id" | grep -q SUCCEEDED; do
            sleep 0.5
        done
    done
    stop
fi

uncached_options "$DATA"
start "${UNCACHED_OPTS[@]}"
TOKEN=$(login)
get() { curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1$1"; }
PAIRING=$(get "/pairings?program=SYN-2000&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
ASSESSMENT=$(get "/assessments?program=SYN-2000&year=2024&size=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
PATHS=("/counties?size=100" "/pairings?program=SYN-2000&size=50"
    "/projects?program=SYN-2000&track=PROJECT_COOP&status=IN_PRODUCTION&year=2024&size=50"
    "/projects?program=SYN-2000&year=2024&size=50" "/pairings/$PAIRING/years/2024/progress"
    "/assessments?program=SYN-2000&year=2024&size=50&page=1" "/assessments/$ASSESSMENT"
    "/programs/SYN-2000/summary?year=2024")
for path in "${PATHS[@]}"; do
    wrk -t1 -c1 -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1$path" >/dev/null
done
sleep 5
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; } # user + system, in clock ticks (1/100 s)
echo "| read (SYN-2000, computed afresh, one connection) | requests | CPU per request |"
echo "|---|---:|---:|"
for path in "${PATHS[@]}"; do
    before=$(ticks)
    out=$(wrk -t1 -c1 -d"${DURATION}s" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1$path")
    after=$(ticks)
    requests=$(grep -Eo '^ +[0-9]+ requests' <<<"$out" | awk '{print $1}')
    if grep -q 'Non-2xx' <<<"$out"; then
        echo "$path answered errors: $out" >&2
        exit 1
    fi
    echo "| \`$path\` | $requests | $(( (after - before) * 10000 / requests )) us |"
done
