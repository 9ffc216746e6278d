#!/usr/bin/env bash
# Tandem at national scale: packages the service, starts it on a fresh data directory with synthetic
# programmes SYN-2000 and SYN-200 (org.tandem.bench.SyntheticData), and measures the key reads with wrk
# next to /q/health/live as the baseline, assessment runs over 200 and 2,000 pairings (the first of a year,
# the same year again, and again after a new scheme version), start-up time and memory. The reads are measured
# three ways: every connection with the admin's token; 32 different users (viewers), each request with the next
# user's token; and those users again with an `Origin` header, as a browser front end on another origin sends
# (CORS is on for that origin). Prints one markdown table per way and the CPU time of each run by phase. About
# 22 minutes on 2 cores.
#
#   bash src/test/bench/run.sh
#
# Environment (all optional):
#   TOKEN        bearer token to send; by default the script logs in as the admin it starts the service with
#   APP_DIR      an already packaged target/quarkus-app to run instead of packaging this checkout
#   PAIRINGS     pairings of the big programme (2000)    YEARS  years of data from 2023 (2)
#   DURATION     wrk seconds per measurement (10)       WARMUP  wrk seconds per path and warm-up round (8)
#   WRITE_WARMUP seconds of writes (50 a second), the users reading each path in turn meanwhile, after the reads'
#                warm-up and before anything is measured (90; 0 skips it)
#   CONNECTIONS  wrk connections (32)                   THREADS wrk threads (2)
#   USERS        distinct users of the second and third way (32)
#   WRITE_RATES  writes a second of the one writing client while the users read ("10 50")
#   MIX_SETTLE   seconds each mix of a read and writes runs, unmeasured, before its measurement (10; 0: none)
#   ORIGIN       the front end's origin of the third way (https://console.example.org)
#   PORT         port to listen on (a free one)         JAVA_OPTS   extra JVM options
#   UNCACHED     1: measure the reads truly uncached: once loaded and assessed, the service is started again on the
#                same data with the read cache off (tandem.read-cache.max-items=0 and max-response-bytes=0) and, on
#                H2, OPTIMIZE_REUSE_RESULTS=FALSE (else H2 answers a repeated query from its last result while the
#                tables are unchanged); the reads are measured with one token and as the 32 users, without writes
#   PG_URL       run on PostgreSQL instead of H2: the JDBC URL of an EMPTY database (its tables are created and
#                filled), e.g. jdbc:postgresql://127.0.0.1:5432/tandem_bench; PG_USER (tandem), PG_PASSWORD
#                (tandem). Packages with -Ppostgresql unless APP_DIR is given (which must be such a build).
set -euo pipefail

cd "$(dirname "$0")/../../.."
PAIRINGS=${PAIRINGS:-2000}
SMALL=${SMALL:-200}
YEARS=${YEARS:-2}
YEAR=${YEAR:-2024}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-8}
WRITE_WARMUP=${WRITE_WARMUP:-90}
MIX_SETTLE=${MIX_SETTLE:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
BIG="SYN-$PAIRINGS"
USERS=${USERS:-32}
ORIGIN=${ORIGIN:-https://console.example.org}
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the one place authentication goes in -----------------------------------------------------------------
# Every /api call needs a bearer token: the script starts the service with an admin password of its own and
# logs in once the service is ready, unless TOKEN is given.
ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
AUTH=()

source src/test/bench/common.sh
need_wrk

DB_OPTS=()
DB_NAME="H2 file"
if [[ -n "${PG_URL:-}" ]]; then
    DB_OPTS=(-Dquarkus.datasource.jdbc.url="$PG_URL" -Dquarkus.datasource.username="${PG_USER:-tandem}"
        -Dquarkus.datasource.password="${PG_PASSWORD:-tandem}")
    DB_NAME="PostgreSQL ($PG_URL)"
fi
if [[ -z "${APP_DIR:-}" ]]; then
    ./mvnw -B -q package -DskipTests ${PG_URL:+-Ppostgresql}
    APP_DIR=target/quarkus-app
fi
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
DATA=$(mktemp -d)
LOG="$DATA/service.log"
BASE="http://127.0.0.1:$PORT"
API="$BASE/api/v1"

# --- start -------------------------------------------------------------------------------------------------
PID=""
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
start() { # extra JVM options -> the service running on DATA, ready; PID set
    # The tokens are issued once, after the load, and the measurements take longer than a token's 15 minutes: with
    # the default lifetime every request of the last measurements was a 401.
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -Dtandem.data-dir="$DATA" -Dquarkus.http.port="$PORT" "${DB_OPTS[@]}" \
        -Dtandem.admin.initial-password="$ADMIN_PASSWORD" -Dtandem.auth.builtin.token-lifetime=PT3H \
        -Dquarkus.http.cors.enabled=true -Dquarkus.http.cors.origins="$ORIGIN" \
        "$@" -jar "$APP_DIR/quarkus-run.jar" >>"$LOG" 2>&1 &
    PID=$!
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready") == 200 ]]; do
        kill -0 $PID 2>/dev/null || { echo "the service died; its log:" >&2; cat "$LOG" >&2; exit 1; }
        sleep 0.1
    done
}
login() {
    curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
START_NS=$(date +%s%N)
start -Dtandem.generate.pairings="$PAIRINGS,$SMALL" -Dtandem.generate.years="$YEARS"
STARTUP_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
GIVEN_TOKEN=${TOKEN:-}
TOKEN=${GIVEN_TOKEN:-$(login)}
AUTH=(-H "Authorization: Bearer $TOKEN")
rss() { awk '/VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$PID/status"; }
RSS_START=$(rss)
LOAD_LINE=$(grep -o "program $BIG, .* ms" "$LOG" | head -1)
LOAD_MS=$(sed -E 's/.* in ([0-9,]+) ms.*/\1/' <<<"$LOAD_LINE" | tr -d ,)
LOAD_ROWS=$(sed -E 's/.*: ([0-9,]+) rows.*/\1/' <<<"$LOAD_LINE")
LOAD_CPU=$(sed -E 's/.*CPU ([0-9,-]+) ms.*/\1/' <<<"$LOAD_LINE" | tr -d ,)

get() { curl -sf "${AUTH[@]}" "$API$1"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# --- assessment runs: POST, then poll until SUCCEEDED ---------------------------------------------------------
assess() { # program [year] -> "durationMs wallMs wholeRunMs cpuMs"
    local t0 run id status
    t0=$(date +%s%N)
    run=$(curl -sf "${AUTH[@]}" -X POST "$API/assessment-runs" -H 'Content-Type: application/json' \
        -d "{\"program\":\"$1\",\"year\":${2:-$YEAR}}")
    id=$(json 'd["id"]' <<<"$run")
    while :; do # polled every 20 ms, without starting python each time
        run=$(get "/assessment-runs/$id")
        [[ $run != *'"status":"RUNNING"'* ]] && break
        sleep 0.02
    done
    status=$(json 'd["status"]' <<<"$run")
    [[ $status == SUCCEEDED ]] || { echo "run $id of $1: $run" >&2; exit 1; }
    # The service logs the whole run, commit included, with the CPU time of the thread that ran it.
    # (written just after the commit, so possibly a moment after the status is seen).
    local done_line="" tries
    for tries in $(seq 100); do
        done_line=$(grep -o "Assessment run $id done in [0-9,]* ms (CPU [0-9,-]* ms)" "$LOG" | tr -d , || true)
        [[ -n $done_line ]] && break
        sleep 0.05
    done
    echo "$(json 'd["durationMs"]' <<<"$run") $(( ($(date +%s%N) - t0) / 1000000 ))" \
        "$(awk '{print $6}' <<<"$done_line") $(awk '{print $9}' <<<"$done_line")"
}
compiler_ticks() { # CPU ticks of the JIT compiler threads so far
    local sum=0 t
    for t in /proc/$PID/task/*; do
        [[ $(cat "$t/comm" 2>/dev/null) == C[12]\ Compil* ]] && sum=$((sum + $(awk '{print $14 + $15}' "$t/stat")))
    done
    echo $sum
}
settle() { # waits (at most 30 s) until the JIT compiler threads have been idle for a second
    local before
    for _ in $(seq 30); do
        before=$(compiler_ticks); sleep 1
        (( $(compiler_ticks) - before < 5 )) && break
    done
}
# Warm-up runs of the year before, so that the timed runs (the first of their year) compare like with like:
# right after start-up the same run took anywhere from 0.4 to 4.9 s of CPU, while the JIT compiler caught up.
assess "SYN-$SMALL" $((YEAR - 1)) >/dev/null
assess "$BIG" $((YEAR - 1)) >/dev/null
assess "$BIG" $((YEAR - 1)) >/dev/null
assess "$BIG" $((YEAR - 1)) >/dev/null
settle
read -r RUN_SMALL_MS RUN_SMALL_WALL RUN_SMALL_WHOLE RUN_SMALL_CPU < <(assess "SYN-$SMALL")
settle
read -r RUN_BIG_MS RUN_BIG_WALL RUN_BIG_WHOLE RUN_BIG_CPU < <(assess "$BIG")
# The same year again, nothing changed: every assessment is there already and comes out the same.
settle
read -r RERUN_BIG_MS RERUN_BIG_WALL RERUN_BIG_WHOLE RERUN_BIG_CPU < <(assess "$BIG")
# A new scheme version (the same rules, published again) and the year again: every assessment is rewritten
# and audited, the most a run writes.
SCHEME=$(get "/scoring-schemes?program=$BIG&year=$YEAR&size=1" | python3 -c 'import json,sys
s = json.load(sys.stdin)["items"][0]
print(json.dumps({"program": s["program"], "year": s["year"], "name": s["name"] + " v2", "rules": s["rules"]}))')
SCHEME_ID=$(curl -sf "${AUTH[@]}" -X POST "$API/scoring-schemes" -H 'Content-Type: application/json' -d "$SCHEME" \
    | json 'd["id"]')
curl -sf "${AUTH[@]}" -X POST "$API/scoring-schemes/$SCHEME_ID/publish" >/dev/null
settle
read -r NEWSCHEME_BIG_MS NEWSCHEME_BIG_WALL NEWSCHEME_BIG_WHOLE NEWSCHEME_BIG_CPU < <(assess "$BIG")

if [[ ${UNCACHED:-} == 1 ]]; then
    # The same data, every cache off: the reads below are computed afresh each time.
    kill $PID; wait $PID 2>/dev/null || true
    if [[ -z "${PG_URL:-}" ]]; then uncached_options "$DATA"; else uncached_options; fi
    start "${UNCACHED_OPTS[@]}"
    TOKEN=${GIVEN_TOKEN:-$(login)}
    AUTH=(-H "Authorization: Bearer $TOKEN")
    echo "Started again with every cache off: ${UNCACHED_OPTS[*]}" >&2
fi

PAIRING=$(get "/pairings?program=$BIG&size=1&sort=-id" | json 'd["items"][0]["id"]')
ASSESSMENT=$(get "/assessments?program=$BIG&year=$YEAR&size=1&page=$((PAIRINGS / 2))" | json 'd["items"][0]["id"]')

declare -a NAMES=("counties list" "pairings list" "projects, 4 filters" "pair-year progress" "ranking page"
    "assessment detail" "programme summary")
declare -a PATHS=("/api/v1/counties?size=100" "/api/v1/pairings?program=$BIG&size=50"
    "/api/v1/projects?program=$BIG&track=PROJECT_COOP&status=IN_PRODUCTION&year=$YEAR&size=50"
    "/api/v1/pairings/$PAIRING/years/$YEAR/progress"
    "/api/v1/assessments?program=$BIG&year=$YEAR&size=50&page=1"
    "/api/v1/assessments/$ASSESSMENT" "/api/v1/programs/$BIG/summary?year=$YEAR")

# --- reads with wrk -----------------------------------------------------------------------------------------
# The users of the second and third way: viewers, created by the admin and logged in once each.
TOKENS_FILE="$DATA/tokens"
: >"$TOKENS_FILE"
for n in $(seq "$USERS"); do
    USER_PASSWORD="bench-password-$n-$ADMIN_PASSWORD"
    curl -sf "${AUTH[@]}" -X POST "$API/users" -H 'Content-Type: application/json' \
        -d "{\"username\":\"bench-viewer-$n\",\"password\":\"$USER_PASSWORD\",\"roles\":[\"viewer\"]}" >/dev/null
    curl -sf -X POST "$API/auth/token" -H 'Content-Type: application/json' \
        -d "{\"username\":\"bench-viewer-$n\",\"password\":\"$USER_PASSWORD\"}" |
        json 'd["accessToken"]' >>"$TOKENS_FILE"
done
WRK_SCRIPT="$DATA/report.lua"
cat >"$WRK_SCRIPT" <<'LUA'
-- TOKENS_FILE set: each request carries the next user's token (and ORIGIN, when set); else wrk's -H headers.
local tokens = {}
local file = os.getenv("TOKENS_FILE")
if file and file ~= "" then
  for line in io.lines(file) do tokens[#tokens + 1] = line end
end
local origin = os.getenv("ORIGIN")
local n = 0
if #tokens > 0 then
  request = function()
    n = n + 1
    local headers = { Authorization = "Bearer " .. tokens[(n % #tokens) + 1] }
    if origin and origin ~= "" then headers["Origin"] = origin end
    return wrk.format("GET", nil, headers)
  end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.requests))
end
LUA
WAY="same token"
measure() { # path seconds -> "rps p50ms p99ms errors requests", the way WAY says
    case $WAY in
    "same token") wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency "${AUTH[@]}" -s "$WRK_SCRIPT" "$BASE$1" ;;
    "$USERS users") TOKENS_FILE="$TOKENS_FILE" ORIGIN="" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency -s "$WRK_SCRIPT" "$BASE$1" ;;
    "$USERS users with Origin") TOKENS_FILE="$TOKENS_FILE" ORIGIN="$ORIGIN" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency -s "$WRK_SCRIPT" "$BASE$1" ;;
    esac | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}
# Warm-up: on 2 cores the JIT compiler needs a minute or more of load before the figures settle (measured
# after 3 s of warm-up per path, reads came out 3-4x slower than once compilation had finished), so every
# path gets WARMUP seconds of load, twice round, and then the compiler threads are given time to go idle.
VIEWER=(-H "Authorization: Bearer $(head -1 "$TOKENS_FILE")")
for WAY in "same token" "$USERS users"; do
    for p in "/q/health/live" "${PATHS[@]}"; do
        code=$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" "$BASE$p")
        [[ $code == 200 ]] || { echo "$p answered $code to the admin" >&2; exit 1; }
        code=$(curl -s -o /dev/null -w '%{http_code}' "${VIEWER[@]}" "$BASE$p")
        [[ $code == 200 ]] || { echo "$p answered $code to a viewer" >&2; exit 1; }
        measure "$p" "$WARMUP" >/dev/null
    done
done
# The writes get their warm-up too: measured on 2026-12-06 after the reads' warm-up alone, a write at 10 a second
# under 32 connections of reads took 23-26 ms at p50, and 12.7-13.0 ms once 4,500 writes had run before (the write
# path compiled: activities, tallies, audit, flush); the reads beside them kept 90-99% of their rate without
# writes, against 77-89% before. And the reads are read while the writes run, each path in turn: what a read does
# after a write (the summary's blocks read again and added up, a page computed once for its waiters) is compiled
# only when it runs. Measured on 2026-12-06 with the summary at 50 writes a second: after writes alone, the JIT's
# compiler thread still took 4.8 s of CPU in the first 10 s measured (a quarter of the service's), and the summary
# came out at 29% of the baseline; after writes beside its reads, 2.1 s and 41%.
get "/pairings?program=$BIG&size=500" | json '"\n".join(str(i["id"]) for i in d["items"])' >"$DATA/pairings"
if [[ ${UNCACHED:-} != 1 && $WRITE_WARMUP -gt 0 ]]; then
    python3 src/test/bench/writer.py "$BASE" "$TOKEN" "$DATA/pairings" 50 "$WRITE_WARMUP" >/dev/null &
    WARM_WRITER=$!
    # At least a second a path: wrk refuses a duration of 0.
    for p in "${PATHS[@]}"; do
        measure "$p" "$(((WRITE_WARMUP + ${#PATHS[@]} - 1) / ${#PATHS[@]}))" >/dev/null
    done
    wait $WARM_WRITER
fi
settle

service_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
declare -A TABLES
WAYS=("same token" "$USERS users" "$USERS users with Origin")
[[ ${UNCACHED:-} == 1 ]] && WAYS=("same token" "$USERS users")
for WAY in "${WAYS[@]}"; do
    ROWS=()
    for i in "${!PATHS[@]}"; do
        read -r B_RPS B_P50 B_P99 B_ERR _ < <(measure "/q/health/live" "$DURATION")
        # What the JIT compiler did meanwhile (CPU ms): compiling during a measurement shows as latency outliers.
        JIT_BEFORE=$(compiler_ticks)
        TICKS_BEFORE=$(service_ticks)
        read -r RPS P50 P99 ERR REQUESTS < <(measure "${PATHS[$i]}" "$DURATION")
        JIT_MS=$(( ($(compiler_ticks) - JIT_BEFORE) * 10 ))
        CPU_US=$(awk -v t=$(( $(service_ticks) - TICKS_BEFORE )) -v n="$REQUESTS" 'BEGIN {printf "%.0f", t * 10000 / n}')
        RATIO=$(awk -v a="$RPS" -v b="$B_RPS" 'BEGIN {printf "%.0f%%", 100 * a / b}')
        NOTE=""
        [[ $ERR != 0 || $B_ERR != 0 ]] && NOTE=" ($ERR errors, baseline $B_ERR)"
        ROWS+=("| ${NAMES[$i]} \`${PATHS[$i]#/api/v1}\`$NOTE | $RPS | $P50 | $P99 | $B_RPS | $B_P50 | $B_P99 | $RATIO | $CPU_US | $JIT_MS |")
    done
    TABLES[$WAY]=$(printf '%s\n' "${ROWS[@]}")
done

# --- reads while one client writes ------------------------------------------------------------------------
# The 32 users read while one more client (the admin) records activities into random pairings of the big
# programme, at WRITE_RATES writes a second (src/test/bench/writer.py: open loop, a write falls due every 1/RATE s
# whatever the ones before took, and its latency counts from when it fell due; the rate reached is reported). Every
# write changes the programme's records, so the reads that depend on them (the projects list, the programme summary)
# are read again after each; the others (counties, pairings, the ranking, other pairs' progress) stay kept.
# Each mix first runs MIX_SETTLE seconds unmeasured, the writer's too: just before it the service served the
# baseline alone, and the JIT answers a change of load by throwing compiled code away and compiling again for some
# 20 s (measured in the twenty-first round of README.md in this folder).
WRITE_RATES=(${WRITE_RATES:-10 50})
[[ ${UNCACHED:-} == 1 ]] && WRITE_RATES=()
for RATE in "${WRITE_RATES[@]}"; do
    WAY="$USERS users"
    ROWS=()
    for i in "${!PATHS[@]}"; do
        read -r B_RPS B_P50 B_P99 B_ERR _ < <(measure "/q/health/live" "$DURATION")
        python3 src/test/bench/writer.py "$BASE" "$TOKEN" "$DATA/pairings" "$RATE" "$((DURATION + 1))" \
            "$MIX_SETTLE" >"$DATA/writes" &
        WRITER=$!
        if [[ $MIX_SETTLE -gt 0 ]]; then
            measure "${PATHS[$i]}" "$MIX_SETTLE" >/dev/null
        fi
        read -r RPS P50 P99 ERR REQUESTS < <(measure "${PATHS[$i]}" "$DURATION")
        wait $WRITER
        read -r W_RATE W_P50 W_P99 W_ERR < <(awk '/^WRITES/ {print $2, $3, $4, $5}' "$DATA/writes")
        RATIO=$(awk -v a="$RPS" -v b="$B_RPS" 'BEGIN {printf "%.0f%%", 100 * a / b}')
        P99_RATIO=$(awk -v a="$P99" -v b="$B_P99" 'BEGIN {printf "%.1f", a / b}')
        ROWS+=("| ${NAMES[$i]} | $RPS | $P50 | $P99 | $B_RPS | $B_P99 | $RATIO | $P99_RATIO | $ERR | $W_RATE | $W_P50 | $W_P99 | $W_ERR |")
    done
    TABLES["writes $RATE"]=$(printf '%s\n' "${ROWS[@]}")
done
RSS_LOADED=$(rss)

# --- report ---------------------------------------------------------------------------------------------------
CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
MEM=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
JAVA=$(java -version 2>&1 | head -1)
echo
echo "Machine: $(nproc) cores, $CPU, $MEM RAM, $JAVA; load average before the run $LOADAVG"
echo "Data: $BIG ($PAIRINGS pairings) and SYN-$SMALL, $YEARS years each; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $DB_NAME"
echo
for WAY in "${WAYS[@]}"; do
    echo "Reads, $WAY:"
    echo
    echo "| read (${PAIRINGS} pairings) | req/s | p50 ms | p99 ms | baseline req/s | baseline p50 ms | baseline p99 ms | req/s vs baseline | service CPU us/request | JIT compiler CPU ms meanwhile |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    echo "${TABLES[$WAY]}"
    echo
done
for RATE in "${WRITE_RATES[@]}"; do
    echo "Reads, $USERS users, while one client writes $RATE activities a second (each mix settled ${MIX_SETTLE} s first):"
    echo
    echo "| read (${PAIRINGS} pairings) | req/s | p50 ms | p99 ms | baseline req/s | baseline p99 ms | req/s vs baseline | p99 vs baseline | read errors | writes/s | write p50 ms | write p99 ms | write errors |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    echo "${TABLES["writes $RATE"]}"
    echo
done
echo "| other figures | | | | | | | | | |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "| **assessment run, $SMALL pairings** (first of the year) | whole run $RUN_SMALL_WHOLE ms | CPU $RUN_SMALL_CPU ms | durationMs $RUN_SMALL_MS | POST to SUCCEEDED $RUN_SMALL_WALL ms | | | | | |"
echo "| **assessment run, $PAIRINGS pairings** (first of the year) | whole run $RUN_BIG_WHOLE ms | CPU $RUN_BIG_CPU ms | durationMs $RUN_BIG_MS | POST to SUCCEEDED $RUN_BIG_WALL ms | | | | | |"
echo "| **assessment run, $PAIRINGS pairings** (the same year again) | whole run $RERUN_BIG_WHOLE ms | CPU $RERUN_BIG_CPU ms | durationMs $RERUN_BIG_MS | POST to SUCCEEDED $RERUN_BIG_WALL ms | | | | | |"
echo "| **assessment run, $PAIRINGS pairings** (after a new scheme version: all rewritten) | whole run $NEWSCHEME_BIG_WHOLE ms | CPU $NEWSCHEME_BIG_CPU ms | durationMs $NEWSCHEME_BIG_MS | POST to SUCCEEDED $NEWSCHEME_BIG_WALL ms | | | | | |"
echo "| **synthetic load, $BIG** | $LOAD_ROWS rows | $LOAD_MS ms | CPU $LOAD_CPU ms | | | | | | |"
echo "| **start-up to first 200 of /q/health/ready** (includes the load of both programmes) | $STARTUP_MS ms | | | | | | | | |"
echo "| **RSS** after start-up / after the load | $RSS_START | $RSS_LOADED | | | | | | | |"
echo
echo "CPU ms by phase of each assessment run, in order (the service's log; the first four are warm-up runs):"
grep -o "Assessment run [0-9]*, CPU ms by phase: .*" "$LOG" | sed 's/^/- /' || true
