#!/usr/bin/env python3
# Time to a usable console dashboard, in a real headless Chromium (Debian's chromium + chromium-driver), driven
# over chromedriver's W3C HTTP API (no Selenium needed). Signs in through the form, opens the programme dashboard
# and prints, per run, the seconds from the sign-in click to (a) the six figures and three charts drawn and
# (b) every pair-year's workflow state counted. Start the service first, e.g. with SYN-2000 loaded:
#   TANDEM_ADMIN_INITIAL_PASSWORD=... java -Dtandem.generate.pairings=2000 -Dtandem.generate.years=2 \
#     -Dtandem.data-dir=/tmp/bench-data -jar target/quarkus-app/quarkus-run.jar
#   (then run the assessment of SYN-2000 2023 once, so the ranking has 2,000 rows)
#   RUNS=3 python3 src/test/bench/console_dashboard.py http://localhost:8080 admin PASSWORD SYN-2000 2023
import json, subprocess, sys, time, urllib.request, tempfile, os
BASE = sys.argv[1]; USER = sys.argv[2]; PASSWORD = sys.argv[3]; PROGRAM = sys.argv[4]; YEAR = sys.argv[5]
port = 9517
drv = subprocess.Popen(['/usr/bin/chromedriver', f'--port={port}'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(1.5)
def call(method, path, body=None):
    req = urllib.request.Request(f'http://127.0.0.1:{port}{path}', method=method,
        data=None if body is None else json.dumps(body).encode(), headers={'Content-Type': 'application/json'})
    return json.loads(urllib.request.urlopen(req, timeout=300).read())['value']
profile = tempfile.mkdtemp(prefix='console-bench-chromium-')
args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--window-size=1366,900', f'--user-data-dir={profile}']
s = call('POST', '/session', {'capabilities': {'alwaysMatch': {'goog:chromeOptions': {'binary': '/usr/bin/chromium', 'args': args}}}})
sid = s['sessionId']
def js(script, *a): return call('POST', f'/session/{sid}/execute/sync', {'script': script, 'args': list(a)})
try:
    for run in range(int(os.environ.get('RUNS', '3'))):
        call('POST', f'/session/{sid}/url', {'url': BASE + '/'})
        js("sessionStorage.clear()")
        # sign in through the form
        t0 = time.time()
        call('POST', f'/session/{sid}/url', {'url': f'{BASE}/?run={run}#/dashboard?program={PROGRAM}&year={YEAR}'})
        while not js("return !!document.querySelector('#signin')"): time.sleep(0.05)
        js("""const f = document.querySelector('#signin'); f.username.value = arguments[0]; f.password.value = arguments[1];
              f.requestSubmit();""", USER, PASSWORD)
        t1 = time.time()
        while not js("return !!document.querySelector(\"[data-page='dashboard'][data-ready='true']\") && document.querySelectorAll('#main canvas').length >= 3"): time.sleep(0.05)
        t2 = time.time()
        while not js("return document.querySelectorAll(\"[data-figure^='workflow-']\").length === 4"): time.sleep(0.1)
        t3 = time.time()
        figs = js("return Object.fromEntries([...document.querySelectorAll('[data-figure]')].map(e => [e.dataset.figure, e.dataset.value]))")
        print(json.dumps({'run': run + 1, 'sign_in_clicked_to_figures_and_charts_s': round(t2 - t1, 2),
                          'sign_in_clicked_to_workflow_states_s': round(t3 - t1, 2), 'figures': figs}), flush=True)
        if run == 0:
            shot = call('GET', f'/session/{sid}/screenshot')
            import base64; open(os.environ.get('SCREENSHOT', 'dashboard.png'), 'wb').write(base64.b64decode(shot))
finally:
    call('DELETE', f'/session/{sid}')
    drv.terminate()
