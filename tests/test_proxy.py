"""deploy/nginx/registry-dashboard.conf run by Debian's nginx in front of two stand-in replicas
(issue 30, finding 6): security headers, Secure cookie, Host check, metrics hidden, request limits,
no versions. The failover browser test runs the same file with the real app."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import need, stop

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "deploy" / "nginx" / "registry-dashboard.conf"
HOST = "registry-dashboard.example.com"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Replica(BaseHTTPRequestHandler):
    """Stands in for a Streamlit replica: answers everything, names its server like Tornado does."""

    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        Replica.seen.append(self.path)
        body = b"ok"
        self.send_response(200)
        self.send_header("Server", "TornadoServer/6.4.2")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a: object) -> None:
        pass


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    nginx = need("nginx")
    work = tmp_path_factory.mktemp("nginx")
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), Replica) for _ in range(2)]
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    site = CONF.read_text()
    lines = re.findall(r"^\s*server 127\.0\.0\.1:\d+ .*;$", site, flags=re.M)
    assert len(lines) == 2
    for line, s in zip(lines, servers, strict=True):
        site = site.replace(line, re.sub(r"127\.0\.0\.1:\d+", f"127.0.0.1:{s.server_address[1]}", line), 1)
    listen = free_port()
    site, n = re.subn(r"^(\s*)listen \d+;", rf"\g<1>listen 127.0.0.1:{listen};", site, flags=re.M)
    assert n == 1
    (work / "site.conf").write_text(site)
    temp = "\n".join(f"  {k}_temp_path {work}/{k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;" if os.geteuid() == 0 else ""
    conf = work / "nginx.conf"
    conf.write_text(
        f"{user}\nworker_processes 1;\ndaemon off;\npid {work}/nginx.pid;\nerror_log {work}/error.log warn;\n"
        f"events {{ worker_connections 256; }}\nhttp {{\n{temp}\n  access_log off;\n  include {work}/site.conf;\n}}\n"
    )
    check = subprocess.run([nginx, "-t", "-c", str(conf)], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([nginx, "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", listen), 0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield listen
    finally:
        stop(proc)
        for s in servers:
            s.shutdown()


def get(port: int, path: str = "/", host: str = HOST) -> tuple[int, dict[str, str], bytes]:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.request("GET", path, headers={"Host": host})
    r = c.getresponse()
    body = r.read()
    headers = {k.lower(): v for k, v in r.getheaders()}
    c.close()
    return r.status, headers, body


def test_security_headers_and_a_secure_http_only_route_cookie(proxy):
    status, h, _ = get(proxy)
    assert status == 200
    assert "frame-ancestors 'self'" in h["content-security-policy"]
    assert h["x-frame-options"] == "SAMEORIGIN"
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "same-origin"
    cookie = [p.strip() for p in h["set-cookie"].split(";")]
    assert cookie[0].startswith("registry_dashboard_route=") and {"Secure", "HttpOnly", "SameSite=Lax"} <= set(cookie)


def test_no_versions_are_shown(proxy):
    _, h, _ = get(proxy)
    assert h["server"] == "nginx", "nginx's version and the app server's name stay hidden"
    status, h, body = get(proxy, "/_stcore/metrics")
    assert status == 404 and h["server"] == "nginx" and b"nginx/" not in body


def test_metrics_are_not_public_at_the_root_or_under_a_path(proxy):
    Replica.seen.clear()
    for path in ("/_stcore/metrics", "/registry/_stcore/metrics"):
        status, h, _ = get(proxy, path)
        assert status == 404, path
        assert h["x-content-type-options"] == "nosniff"  # "always": on errors too
    assert Replica.seen == []
    assert get(proxy, "/_stcore/health")[0] == 200


def test_another_host_name_is_refused(proxy):
    """DNS rebinding: a page on evil.example whose name now points at this server sends Host: evil.example."""
    Replica.seen.clear()
    assert get(proxy, "/", host="evil.example")[0] == 421
    assert get(proxy, "/", host=f"{HOST}.evil.example")[0] == 421
    assert Replica.seen == []


def test_a_burst_from_one_address_is_limited(proxy):
    """30 requests/s with a burst of 120 (a Streamlit page load is ~40 requests): 250 back-to-back
    requests over one connection get 429s."""
    c = http.client.HTTPConnection("127.0.0.1", proxy, timeout=5)
    statuses = []
    for _ in range(250):
        c.request("GET", "/", headers={"Host": HOST})
        r = c.getresponse()
        r.read()
        statuses.append(r.status)
    c.close()
    assert statuses[:100].count(200) == 100, "a few page loads pass"
    assert statuses.count(429) >= 50, statuses


def test_the_apps_static_files_are_not_rate_limited(proxy):
    """A first page load fetches dozens of the ~300 script chunks: a limit there breaks the page."""
    c = http.client.HTTPConnection("127.0.0.1", proxy, timeout=5)
    statuses = []
    for i in range(250):
        c.request("GET", f"/static/js/chunk{i}.js", headers={"Host": HOST})
        r = c.getresponse()
        r.read()
        statuses.append(r.status)
    c.close()
    assert statuses == [200] * 250
