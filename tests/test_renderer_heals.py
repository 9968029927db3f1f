"""The picture renderer heals (issue 30, finding 7): a Chromium killed under kaleido (as an OOM kill
would) is replaced on the next export, and the health check the pod's liveness probe runs fails while
exports fail even after that, so Kubernetes restarts the pod (/_stcore/health alone stays 200)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import plotly.graph_objects as go
import psutil
import pytest

from lib.exports import export
from tests.conftest import need

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def own_status(monkeypatch):
    """A status file of this test's own (the port names it), in a temporary folder of its own. A short
    one under the system's, not pytest's tmp_path: Chromium puts its singleton socket under TMPDIR, and a
    socket path over 107 bytes cannot be bound, so a Chromium started under an xdist worker's long
    tmp_path (/tmp/pytest-of-root/pytest-N/popen-gw1/test_a_renderer_that_.../.org.chromium.Chromium.XXXXXX/
    SingletonSocket) exits at once: every renderer test failed in full runs and passed alone."""
    short = tempfile.mkdtemp(prefix="rdd-")
    monkeypatch.setenv("STREAMLIT_SERVER_PORT", f"test{os.getpid()}")
    monkeypatch.setenv("TMPDIR", short)
    monkeypatch.setattr("tempfile.tempdir", None)  # gettempdir() reads TMPDIR again
    monkeypatch.setattr(export, "_last_status", None)
    yield export.status_path()
    shutil.rmtree(short, ignore_errors=True)


def test_a_killed_renderer_is_started_again_on_the_next_export(own_status):
    need("chromium")
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    first = export.image(fig, "png", width=320, height=200)
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    # kaleido's Chromium (started for the export above), killed by pid; only kaleido's: a worker that
    # ran browser tests also has Playwright's Chromium under its node driver, which must live on
    browsers = kaleido_browsers()
    assert browsers, "kaleido runs a Chromium"
    for p in browsers:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(browsers, timeout=10)
    # before: "could not render the PNG picture: Executor is closed." on this and every later export
    again = export.image(fig, "png", width=320, height=200)
    assert again[:8] == b"\x89PNG\r\n\x1a\n"
    assert '"ok": true' in own_status.read_text()


def kaleido_browsers() -> list[psutil.Process]:
    """The Chromium processes under kaleido's launcher (choreographer's wrapper), not Playwright's."""
    found: list[psutil.Process] = []
    for p in psutil.Process().children(recursive=True):
        try:
            launched_by_kaleido = any("choreographer" in " ".join(a.cmdline()) for a in [p, *p.parents()])
            if launched_by_kaleido and "chrom" in p.name().lower():
                found.append(p)
        except psutil.NoSuchProcess:
            pass
    return found


class Unstartable:
    """A Kaleido whose Chromium never starts: entering it fails, as a launch refused by the OS would."""

    def __init__(self, *a: object, **k: object) -> None:
        pass

    async def __aenter__(self) -> None:
        raise OSError("chromium could not be started")

    async def __aexit__(self, *a: object) -> None:
        pass


class Silent(Unstartable):
    """A Kaleido whose Chromium starts and never answers."""

    async def __aenter__(self) -> None:
        import asyncio

        await asyncio.sleep(3600)


def test_a_renderer_that_cannot_start_fails_the_export_at_once_and_the_next_one_heals(own_status, monkeypatch):
    """kaleido's sync server waits on its task queue with no limit; its thread dying in the launch
    left the export (and once the whole CI run) waiting forever. Now the export fails in seconds with
    the reason, and the next export, with a Chromium that starts, draws the picture."""
    need("chromium")
    import time

    import kaleido

    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    export._restart_server()  # a server of this test's own, opened below with the broken launch
    launcher = kaleido._sync_server.Kaleido
    monkeypatch.setattr(kaleido._sync_server, "Kaleido", Unstartable)
    started = time.monotonic()
    with pytest.raises(export.ImageExportError, match="stopped before answering"):
        export.image(fig, "png", width=320, height=200)
    assert time.monotonic() - started < 15  # two tries at most, each ended as soon as its thread died
    assert '"ok": false' in own_status.read_text()
    monkeypatch.setattr(kaleido._sync_server, "Kaleido", launcher)  # the launch works again
    assert export.image(fig, "png", width=320, height=200)[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_renderer_that_never_answers_fails_the_export_at_the_limit(own_status, monkeypatch):
    need("chromium")
    import time

    import kaleido

    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    export._restart_server()
    launcher = kaleido._sync_server.Kaleido
    monkeypatch.setattr(kaleido._sync_server, "Kaleido", Silent)
    monkeypatch.setattr(export, "RENDER_TIMEOUT_S", 1.0)
    started = time.monotonic()
    with pytest.raises(export.ImageExportError, match="did not answer within 1 s"):
        export.image(fig, "png", width=320, height=200)
    assert time.monotonic() - started < 5  # one wait, not one per try
    monkeypatch.setattr(kaleido._sync_server, "Kaleido", launcher)
    monkeypatch.setattr(export, "RENDER_TIMEOUT_S", 90.0)
    assert export.image(fig, "png", width=320, height=200)[:8] == b"\x89PNG\r\n\x1a\n"


class Healthy(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200 if self.path == "/_stcore/health" else 404)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *a: object) -> None:
        pass


def test_the_health_check_fails_while_exports_fail_after_a_restart(monkeypatch, tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Healthy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = str(server.server_address[1])
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")},
        "STREAMLIT_SERVER_PORT": port,
        "TMPDIR": str(tmp_path),
    }
    monkeypatch.setenv("STREAMLIT_SERVER_PORT", port)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setattr(export, "_last_status", None)

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "deploy" / "healthcheck.py")],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )

    try:
        assert check().returncode == 0  # no export tried yet: HTTP health decides
        export.renderer_status(False, "Executor is closed.")
        r = check()
        assert r.returncode == 1 and "picture exports fail" in r.stderr and "Executor is closed" in r.stderr
        export.renderer_status(True)
        assert check().returncode == 0
    finally:
        server.shutdown()
    # and the HTTP part still counts: nothing listening is unhealthy
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        env["STREAMLIT_SERVER_PORT"] = str(s.getsockname()[1])
    assert check().returncode == 1
