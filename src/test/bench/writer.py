#!/usr/bin/env python3
"""One client writing at a steady rate, whatever each write takes (open loop): records an activity into a random
pairing of the given list every 1/RATE seconds, from a pool of connections, for DURATION seconds. A write's latency
counts from the moment it was due, so a slow service shows as latency, not as a lower rate. Prints
"WRITES <rate reached> <p50 ms> <p99 ms> <failed>" for run.sh. With SETTLE, it first writes at the same rate for
SETTLE seconds more, unmeasured (run.sh's settling of each mix of reads and writes): the rate and latencies are
those of the DURATION seconds after, the failures those of the whole run.

    writer.py BASE_URL TOKEN PAIRINGS_FILE RATE DURATION [SETTLE]
"""
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

base, token, pairings_file, rate, duration = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
settle = float(sys.argv[6]) if len(sys.argv) > 6 else 0.0
url = urllib.parse.urlsplit(base)
ids = [line.strip() for line in open(pairings_file) if line.strip()]
body = json.dumps({"track": "CHAIN_COLLAB", "kind": "DOCKING_MEETING", "heldOn": "2024-05-10", "title": "对接会",
                   "participants": 20}, ensure_ascii=False).encode()
headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
local = threading.local()
latencies, failed, lock = [], [0], threading.Lock()


def write(due):
    connection = getattr(local, "connection", None)
    if connection is None:
        connection = local.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        connection.request("POST", "/api/v1/pairings/%s/activities" % random.choice(ids), body, headers)
        response = connection.getresponse()
        response.read()
        ok = response.status == 201
    except OSError:
        local.connection = None
        ok = False
    elapsed = time.monotonic() - due
    with lock:
        if due >= measured_from:
            latencies.append(elapsed)
        failed[0] += 0 if ok else 1


start = time.monotonic()
measured_from = start + settle
count = int(rate * (settle + duration))
with ThreadPoolExecutor(max_workers=16) as pool:
    for n in range(count):
        due = start + n / rate
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        pool.submit(write, due)
took = time.monotonic() - measured_from
latencies.sort()


def percentile(p):
    return 1000 * latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] if latencies else 0


print("WRITES %.1f %.2f %.2f %d" % (len(latencies) / took, percentile(50), percentile(99), failed[0]))
