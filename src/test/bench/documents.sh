#!/usr/bin/env bash
# Evidence documents on the packaged jar: uploading and downloading a file of SIZE_MB (default 20) MiB, on a heap
# capped at XMX (default 64m, well under three copies of the file), three times each:
#   - wall time and throughput of each upload (raw body, streamed into the database in 256 KiB chunks) and download;
#   - the service's heap in use (jstat: eden + survivors + old) after a GC before, and at its peak during each
#     transfer (sampled every 100 ms);
#   - that the download is the file byte for byte (SHA-256).
# Usage: bash src/test/bench/documents.sh   (APP_DIR=target/quarkus-app reuses a build; SIZE_MB, XMX, RUNS)
set -euo pipefail

cd "$(dirname "$0")/../../.."
SIZE_MB=${SIZE_MB:-20}
XMX=${XMX:-64m}
RUNS=${RUNS:-3}
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
# The per pair-year total is lifted so that every run fits; the per-file limit stays above the file.
LIMIT_MB=$((SIZE_MB + 1))

# shellcheck disable=SC2086
java -Xmx"$XMX" ${JAVA_OPTS:-} -Dtandem.data-dir="$DATA" -Dquarkus.http.port="$PORT" \
    -Dtandem.document.max-size="${LIMIT_MB}M" -Dtandem.document.max-per-pair-year=100G \
    -Dquarkus.http.limits.max-body-size="$((LIMIT_MB + 1))M" \
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
PAIRING=$(curl -sf "${AUTH[@]}" "$API/pairings?program=ZJ-MFG-2023" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

# A PDF signature, then incompressible bytes.
{ printf '%%PDF-1.7\n'; head -c $((SIZE_MB * 1024 * 1024 - 9)) /dev/urandom; } >"$DATA/file.pdf"
SHA=$(sha256sum "$DATA/file.pdf" | cut -d' ' -f1)

heap_mib() { # heap in use now: eden + survivors + old, from jstat (KiB)
    jstat -gc "$PID" | awk 'NR == 2 {printf "%d\n", ($3 + $4 + $6 + $8) / 1024}'
}
measured() { # command... -> "seconds heapBefore heapPeak" (the command prints its seconds)
    local samples before sampler result
    samples=$(mktemp -p "$DATA")
    jcmd "$PID" GC.run >/dev/null
    before=$(heap_mib)
    (while :; do heap_mib >>"$samples"; sleep 0.1; done) &
    sampler=$!
    result=$("$@")
    kill $sampler 2>/dev/null || true
    wait $sampler 2>/dev/null || true
    echo "$result $before $(sort -n "$samples" | tail -1)"
}
upload() { # -> "seconds" ; the document's id in $DATA/id
    curl -sf "${AUTH[@]}" -H 'Content-Type: application/pdf' --data-binary "@$DATA/file.pdf" \
        -o "$DATA/created.json" -w '%{time_total}' \
        "$API/documents?subject=actuals:$PAIRING:2024&fileName=%E8%AF%81%E6%98%8E.pdf"
}
download() { # -> "seconds"
    curl -sf "${AUTH[@]}" -o "$DATA/back.pdf" -w '%{time_total}' "$API/documents/$(cat "$DATA/id")/content"
}
mibps() { python3 -c "import sys; print(f'{$SIZE_MB / float(sys.argv[1]):.1f}')" "$1"; }

ROWS=""
for run in $(seq 0 "$RUNS"); do
    read -r UP_S UP_HEAP0 UP_HEAP < <(measured upload)
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$DATA/created.json" >"$DATA/id"
    read -r DOWN_S DOWN_HEAP0 DOWN_HEAP < <(measured download)
    [[ $(sha256sum "$DATA/back.pdf" | cut -d' ' -f1) == "$SHA" ]] || { echo "download differs" >&2; exit 1; }
    if [[ $run -gt 0 ]]; then # run 0 warms up
        ROWS+="| $run | ${UP_S} s | $(mibps "$UP_S") MiB/s | ${UP_HEAP0} → ${UP_HEAP} MiB | ${DOWN_S} s | $(mibps "$DOWN_S") MiB/s | ${DOWN_HEAP0} → ${DOWN_HEAP} MiB |"$'\n'
    fi
done

cat <<EOF
Documents: a ${SIZE_MB} MiB PDF, service heap capped at -Xmx$XMX, $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)
Every download equal to the upload (SHA-256 $SHA).
| run | upload | upload rate | heap in use before → peak | download | download rate | heap in use before → peak |
|---|---:|---:|---:|---:|---:|---:|
$ROWS
EOF
