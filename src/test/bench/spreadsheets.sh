#!/usr/bin/env bash
# Spreadsheet figures at national scale, on the packaged jar with SYN-2000 (2,000 pairings, two years of data):
#   - exporting every project of the programme (no year filter) as CSV and as XLSX: wall time, size, and the
#     service's heap (used, sampled every 100 ms by jstat) before and at its peak during the export;
#   - a dry run, an import and the same import again of 10,000 actuals rows (2,000 pairings x 5 REPORTED
#     indicators of 2025) as a CSV upload: wall time of each request;
#   - the same for 10,000 new projects (five per pairing, without a key: the import again matches each row by
#     its pairing, track and title, and changes nothing);
#   - the same for the programme's pairs as pairings of a new programme with no county designated (each row also
#     designates its two counties; the import again changes nothing).
# Usage: bash src/test/bench/spreadsheets.sh   (APP_DIR=target/quarkus-app reuses a build; PAIRINGS, YEARS)
set -euo pipefail

cd "$(dirname "$0")/../../.."
PAIRINGS=${PAIRINGS:-2000}
YEARS=${YEARS:-2}
BIG="SYN-$PAIRINGS"
ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
if [[ -z "${APP_DIR:-}" ]]; then
    ./mvnw -B -q package -DskipTests
    APP_DIR=target/quarkus-app
fi
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
DATA=$(mktemp -d)
LOG="$DATA/service.log"
BASE="http://127.0.0.1:$PORT"
API="$BASE/api/v1"

# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dtandem.data-dir="$DATA" -Dquarkus.http.port="$PORT" \
    -Dtandem.generate.pairings="$PAIRINGS" -Dtandem.generate.years="$YEARS" \
    -Dtandem.admin.initial-password="$ADMIN_PASSWORD" -jar "$APP_DIR/quarkus-run.jar" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; cp "$LOG" "${KEEP_LOG:-/dev/null}" 2>/dev/null || true; rm -rf "$DATA"' EXIT
until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready") == 200 ]]; do
    kill -0 $PID 2>/dev/null || { echo "the service died; its log:" >&2; cat "$LOG" >&2; exit 1; }
    sleep 0.2
done
TOKEN=$(curl -sf -X POST "$API/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
AUTH=(-H "Authorization: Bearer $TOKEN")

heap_mib() { # heap in use now: eden + survivors + old, from jstat (KiB)
    jstat -gc "$PID" | awk 'NR == 2 {printf "%d\n", ($3 + $4 + $6 + $8) / 1024}'
}
export_once() { # format -> "seconds bytes heapBefore heapPeak"
    local samples before sampler
    samples=$(mktemp -p "$DATA")
    jcmd "$PID" GC.run >/dev/null
    before=$(heap_mib)
    (while :; do heap_mib >>"$samples"; sleep 0.1; done) &
    sampler=$!
    local result
    result=$(curl -sf "${AUTH[@]}" -o "$DATA/projects.$1" -w '%{time_total} %{size_download}' \
        "$API/projects?program=$BIG&format=$1")
    kill $sampler 2>/dev/null || true
    wait $sampler 2>/dev/null || true
    echo "$result $before $(sort -n "$samples" | tail -1)"
}
# One export of each as a warm-up, then the measured ones.
export_once csv >/dev/null
export_once xlsx >/dev/null
read -r CSV_S CSV_BYTES CSV_HEAP0 CSV_HEAP < <(export_once csv)
read -r XLSX_S XLSX_BYTES XLSX_HEAP0 XLSX_HEAP < <(export_once xlsx)
ROWS=$(($(wc -l <"$DATA/projects.csv") - 1))

# 10,000 actuals rows of 2025: every pairing, the first five REPORTED indicators.
python3 - "$API" "$TOKEN" "$BIG" "$DATA/actuals.csv" "$DATA/new-projects.csv" "$DATA/pairings.csv" <<'PY'
import json, random, sys, urllib.request
api, token, program, out, projects_out, pairings_out = sys.argv[1:]
def get(path):
    req = urllib.request.Request(api + path, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req))
ids, industrial, mountain, page = [], {}, {}, 0
while True:
    items = get(f"/pairings?program={program}&size=500&page={page}")["items"]
    ids += [p["id"] for p in items]
    industrial.update((p["id"], p["industrialCounty"]["code"]) for p in items)
    mountain.update((p["id"], p["mountainCounty"]["code"]) for p in items)
    if len(items) < 500:
        break
    page += 1
codes = [i["code"] for i in get("/indicators?source=REPORTED&active=true&size=500")["items"]][:5]
random.seed(1)
with open(out, "w", encoding="utf-8") as f:
    f.write("pairing,year,indicator,value\n")
    for pid in ids:
        for code in codes:
            f.write(f"{pid},2025,{code},{random.randint(1, 500)}\n")
with open(projects_out, "w", encoding="utf-8") as f:
    f.write("key,pairing,track,title,leadEnterprise,hostCounty,investment,expectedAnnualOutput,expectedAnnualTax,"
            "status,plannedOn,signedOn,constructionStartedOn,productionStartedOn,cancelledOn,description\n")
    for pid in ids:
        for n in range(5):
            f.write(f",{pid},PROJECT_COOP,导入的项目 {n},,{mountain[pid]},{random.randint(1, 500) * 10000},,,,"
                    f"2025-03-0{n + 1},2025-04-01,,,,\n")
with open(pairings_out, "w", encoding="utf-8") as f:
    f.write("key,program,industrialCounty,mountainCounty,formedOn,status,evidence,sourceNote\n")
    for pid in ids:
        f.write(f",IMP-{program},{industrial[pid]},{mountain[pid]},2023-06-01,ACTIVE,EXPLICIT,\n")
PY
LINES=$(($(wc -l <"$DATA/actuals.csv") - 1))
PROJECT_LINES=$(($(wc -l <"$DATA/new-projects.csv") - 1))
PAIRING_LINES=$(($(wc -l <"$DATA/pairings.csv") - 1))
curl -sf "${AUTH[@]}" -X POST "$API/programs" -H 'Content-Type: application/json' \
    -d "{\"code\":\"IMP-$BIG\",\"name\":\"结对导入\",\"startYear\":2023,\"endYear\":2025,\"annualBudget\":1000}" >/dev/null
upload() { # kind file dryRun -> "seconds status"
    curl -s "${AUTH[@]}" -o "$DATA/report.json" -w '%{time_total} %{http_code}\n' \
        -F "file=@$DATA/$2;type=text/csv" "$API/imports?kind=$1&dryRun=$3"
}
read -r DRY_S DRY_STATUS < <(upload actuals actuals.csv true)
read -r IMPORT_S IMPORT_STATUS < <(upload actuals actuals.csv false)
read -r AGAIN_S AGAIN_STATUS < <(upload actuals actuals.csv false)
python3 -c "import sys; print(\"last answer:\", open(sys.argv[1]).read()[:400])" "$DATA/report.json"
read -r P_DRY_S P_DRY_STATUS < <(upload projects new-projects.csv true)
read -r P_IMPORT_S P_IMPORT_STATUS < <(upload projects new-projects.csv false)
read -r P_AGAIN_S P_AGAIN_STATUS < <(upload projects new-projects.csv false)
python3 -c "import sys; print(\"last answer:\", open(sys.argv[1]).read()[:400])" "$DATA/report.json"
read -r R_DRY_S R_DRY_STATUS < <(upload pairings pairings.csv true)
read -r R_IMPORT_S R_IMPORT_STATUS < <(upload pairings pairings.csv false)
read -r R_AGAIN_S R_AGAIN_STATUS < <(upload pairings pairings.csv false)
python3 -c "import sys; print(\"last answer:\", open(sys.argv[1]).read()[:400])" "$DATA/report.json"

cat <<EOF
Spreadsheets, $BIG ($YEARS years), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)
| what | rows | time | size | heap in use before → peak |
|---|---:|---:|---:|---:|
| export every project, CSV | $ROWS | ${CSV_S} s | $((CSV_BYTES / 1024 / 1024)) MiB | ${CSV_HEAP0} → ${CSV_HEAP} MiB |
| export every project, XLSX | $ROWS | ${XLSX_S} s | $((XLSX_BYTES / 1024 / 1024)) MiB | ${XLSX_HEAP0} → ${XLSX_HEAP} MiB |
| import actuals, dry run ($DRY_STATUS) | $LINES | ${DRY_S} s | | |
| import actuals ($IMPORT_STATUS) | $LINES | ${IMPORT_S} s | | |
| the same import again ($AGAIN_STATUS) | $LINES | ${AGAIN_S} s | | |
| import new projects, dry run ($P_DRY_STATUS) | $PROJECT_LINES | ${P_DRY_S} s | | |
| import new projects ($P_IMPORT_STATUS) | $PROJECT_LINES | ${P_IMPORT_S} s | | |
| the same import again ($P_AGAIN_STATUS) | $PROJECT_LINES | ${P_AGAIN_S} s | | |
| import pairings of a new programme, dry run ($R_DRY_STATUS) | $PAIRING_LINES | ${R_DRY_S} s | | |
| import pairings of a new programme ($R_IMPORT_STATUS) | $PAIRING_LINES | ${R_IMPORT_S} s | | |
| the same import again ($R_AGAIN_STATUS) | $PAIRING_LINES | ${R_AGAIN_S} s | | |
EOF
