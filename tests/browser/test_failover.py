"""Any replica can open any link: two replicas behind a real nginx, one stopped under a live page.

Real parts only: two `streamlit run` replicas started by the image's command (deploy/entrypoint.sh,
the production settings: XSRF on, error details hidden), Debian's nginx running deploy's own config
(deploy/nginx/registry-dashboard.conf, sticky by a cookie it sets) on 127.0.0.1, and Chromium.
Playwright opens a share link through the proxy and changes an input; the test stops the replica
that serves the page's websocket; the page reconnects through the proxy to the other replica and
shows the same scenario, with no error box.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.browser.conftest import ROOT, RUN_COUNTER, SETTLED, WAIT_MS, free_port
from tests.conftest import need, stop

CONF = ROOT / "deploy" / "nginx" / "registry-dashboard.conf"
COOKIE = "registry_dashboard_route"
LINK = "/?image_size_mb=800&pulls_per_month=5000&repositories=3"
# the first chart's title and every trace's values: the scenario as drawn
CHART_SIG = """() => { const gd = document.querySelector('.js-plotly-plot');
  if (!gd || !gd.data) return null;
  const ys = t => (t.y && t.y.bdata) ? t.y.bdata : Array.from(t.y || []);
  return JSON.stringify([gd.layout && gd.layout.title && gd.layout.title.text, gd.data.map(ys)]); }"""


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"{proc.args} exited: {proc.stdout.read().decode(errors='replace')[-2000:] if proc.stdout else ''}"
            )
        try:
            if urllib.request.urlopen(url, timeout=1).status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {timeout} s")


def nginx_config(site: str, ports: list[int], listen: int, work: Path) -> str:
    """deploy's site config with this test's replica ports and listen address, in a minimal nginx.conf."""
    servers = re.findall(r"^\s*server 127\.0\.0\.1:\d+ .*;$", site, flags=re.M)
    assert len(servers) == 2, "the deploy config lists two replicas"
    for line, port in zip(servers, ports, strict=False):
        site = site.replace(line, re.sub(r"127\.0\.0\.1:\d+", f"127.0.0.1:{port}", line), 1)
    site, n = re.subn(r"^(\s*)listen \d+;", rf"\g<1>listen 127.0.0.1:{listen};", site, flags=re.M)
    assert n == 1
    (work / "site.conf").write_text(site)
    temp = "\n".join(
        f"  {kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;" if os.geteuid() == 0 else ""  # workers read the temp folder this test made
    return f"""{user}
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 256; }}
http {{
{temp}
  log_format route '$request_method $uri $status key=$registry_dashboard_route upstream=$upstream_addr';
  access_log {work}/access.log route;
  include {work}/site.conf;
}}
"""


def upstreams(log: Path, key: str, path: str | None = None, skip: int = 0) -> list[str]:
    """The replica that answered each logged request of the browser whose route cookie is `key`
    (to `path`; after the first `skip` lines), in order. nginx lists a failed try first ("A, B"):
    the last address answered. A websocket is logged when it closes."""
    out = []
    for line in log.read_text().splitlines()[skip:]:
        parts = line.split()
        if len(parts) >= 5 and parts[3] == f"key={key}" and (path is None or parts[1] == path):
            out.append(line.split("upstream=", 1)[1].split(",")[-1].strip())
    return out


def test_a_page_survives_its_replica_stopping(tmp_path, browser):
    # Debian puts nginx in /usr/sbin, which a developer's PATH may lack
    nginx = (
        shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None) or need("nginx")
    )
    work = Path(tempfile.mkdtemp(prefix="failover-"))
    os.chmod(work, 0o755)
    ports = [free_port(), free_port()]
    listen = free_port()
    replicas = {}
    proxy = None
    try:
        for port in ports:  # the image's command with the production settings, on loopback
            env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
            env.update(PYTHON=sys.executable, STREAMLIT_SERVER_ADDRESS="127.0.0.1", STREAMLIT_SERVER_PORT=str(port))
            replicas[f"127.0.0.1:{port}"] = subprocess.Popen(
                ["sh", str(ROOT / "deploy" / "entrypoint.sh")],
                env=env,
                cwd="/",
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            )
        conf = work / "nginx.conf"
        conf.write_text(nginx_config(CONF.read_text(), ports, listen, work))
        check = subprocess.run([nginx, "-t", "-c", str(conf)], capture_output=True, text=True, timeout=30)
        assert check.returncode == 0, check.stderr
        proxy = subprocess.Popen([nginx, "-c", str(conf)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for port, proc in zip(ports, replicas.values(), strict=False):
            wait_http(f"http://127.0.0.1:{port}/_stcore/health", proc)
        base = f"http://127.0.0.1:{listen}"
        wait_http(base + "/_stcore/health", proxy, timeout=15)

        # the session's Chromium (conftest): a second sync_playwright in the same thread is refused
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        ctx.add_init_script(RUN_COUNTER)
        page = ctx.new_page()
        console = []
        page.on("pageerror", lambda e: console.append(f"page error: {e}"))

        def settled():  # no run in progress, at least one over, connected (conftest.SETTLED: event-based)
            page.wait_for_function(SETTLED, arg=0, timeout=WAIT_MS, polling="raf")

        page.goto(base + LINK)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        settled()
        key = next((c["value"] for c in ctx.cookies() if c["name"] == COOKIE), None)
        assert key, "nginx set its route cookie"
        repos = page.get_by_test_id("stSidebar").get_by_role("spinbutton", name="Repositories")
        assert repos.input_value() == "3", "the share link set the input"
        before = page.evaluate(CHART_SIG)
        repos.fill("37")
        repos.press("Enter")
        page.wait_for_function(
            f"(old) => {{ const s = ({CHART_SIG})(); return s !== null && s !== old; }}",
            arg=before,
            timeout=30_000,
            polling=100,
        )
        settled()
        page.wait_for_function(f"() => ({CHART_SIG})() !== null", timeout=30_000, polling=100)
        scenario = page.evaluate(CHART_SIG)
        assert "37 repositories of 800 MB images" in scenario, "the chart shows the link's scenario with the change"
        assert "repositories=37" in page.url, "the link follows the input"

        # sticky: every request of this browser so far (page, assets, health pings) went to one replica
        log = work / "access.log"
        served = set(upstreams(log, key))
        assert len(served) == 1, f"requests of one browser were spread over {served}"
        (victim,) = served
        survivor = next(a for a in replicas if a != victim)
        logged = len(log.read_text().splitlines())
        stop(replicas[victim])

        # the frontend notices the closed websocket, pings /_stcore/health and reconnects through nginx,
        # which skips the stopped replica
        deadline = time.time() + 45
        while time.time() < deadline and survivor not in upstreams(log, key, "/_stcore/health", logged):
            page.wait_for_timeout(250)
        assert survivor in upstreams(log, key, "/_stcore/health", logged), "no reconnect to the other replica"
        page.wait_for_function(f"(s) => ({CHART_SIG})() === s", arg=scenario, timeout=30_000, polling=200)
        settled()
        assert repos.input_value() == "37"
        assert page.evaluate(CHART_SIG) == scenario, "the other replica shows the same scenario"
        assert "repositories=37" in page.url
        assert page.get_by_test_id("stException").count() == 0, "an error box is shown"
        assert page.get_by_role("dialog").count() == 0, "a connection error dialog is shown"
        assert console == []

        artifacts = ROOT / "tests" / "artifacts"
        artifacts.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(artifacts / "failover-reconnected.png"))

        # and the session there is live and holds the whole scenario, not only the input on screen:
        # one more change gives the chart a fresh page draws from the link with that change
        repos.fill("38")
        repos.press("Enter")
        page.wait_for_function(
            f"(old) => {{ const s = ({CHART_SIG})(); return s !== null && s !== old; }}",
            arg=scenario,
            timeout=30_000,
            polling=100,
        )
        settled()
        page.wait_for_function(f"() => ({CHART_SIG})() !== null", timeout=30_000, polling=100)
        after = page.evaluate(CHART_SIG)
        assert "38 repositories of 800 MB images" in after
        fresh = ctx.new_page()
        fresh.goto(base + LINK.replace("repositories=3", "repositories=38"))
        fresh.wait_for_function(f"() => ({CHART_SIG})() !== null", timeout=60_000, polling=200)
        fresh.wait_for_function(SETTLED, arg=0, timeout=WAIT_MS, polling="raf")
        assert fresh.evaluate(CHART_SIG) == after, "the session after the failover lost part of the scenario"
        assert page.get_by_test_id("stException").count() == 0
        ctx.close()
        # the page's new websocket was the survivor's (nginx logs a websocket when it closes)
        deadline = time.time() + 10
        while time.time() < deadline and survivor not in upstreams(log, key, "/_stcore/stream", logged):
            time.sleep(0.2)
        assert survivor in upstreams(log, key, "/_stcore/stream", logged)
    finally:
        if proxy:
            stop(proxy)
        for proc in replicas.values():
            stop(proc)
        shutil.rmtree(work, ignore_errors=True)
