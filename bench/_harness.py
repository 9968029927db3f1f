"""Shared pieces of the app benchmarks: real servers on localhost, Debian's Chromium, timing.

Every loop here is bounded in count and time and talks to 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = "bench/minimal/app.py"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A signature of the first chart: its title and every trace's y values. It changes when the chart shows a new value.
CHART_SIG = """() => { const gd = document.querySelector('.js-plotly-plot');
  if (!gd || !gd.data) return null;
  const ys = t => (t.y && t.y.bdata) ? t.y.bdata : Array.from(t.y || []);  // plotly 7 packs arrays as {dtype, bdata}
  return JSON.stringify([gd.layout && gd.layout.title && gd.layout.title.text, gd.data.map(ys)]); }"""


def chromium() -> str:
    for c in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(c):
            return shutil.which(c)
    sys.exit("these benchmarks need Chromium (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run` through bench/timed_server.py, which logs each script run's duration."""

    def __init__(self, app: str, timed: bool = True, root: Path = ROOT):
        """`root`: the checkout the app is run from (another commit's, for a comparison in one run)."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = Path(tempfile.mkstemp(prefix="rerun-", suffix=".log")[1])
        runner = (
            [sys.executable, str(ROOT / "bench" / "timed_server.py")]
            if timed
            else [sys.executable, "-m", "streamlit", "run"]
        )
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            runner
            + [
                app,
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=root,
            env={**os.environ, "RERUN_LOG": str(self.log)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait_healthy(self, timeout: float = 60) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            try:
                if urllib.request.urlopen(self.url + "/_stcore/health", timeout=1).status == 200:
                    return time.perf_counter()
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"server on {self.url} did not start")

    def runs(self) -> list[float]:
        return [float(line.split()[0]) for line in self.log.read_text().splitlines() if line.strip()]

    def run_cpu(self) -> list[float]:
        """The CPU time of each script run's thread (bench/timed_server.py), in the order of runs()."""
        lines = [line for line in self.log.read_text().splitlines() if line.strip()]
        return [float(line.rsplit(" cpu=", 1)[1]) if " cpu=" in line else float("nan") for line in lines]

    def rss_mb(self) -> float:
        """Resident memory of the server process (the python running streamlit)."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_seconds(self) -> float:
        """User + system CPU the server process has used so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.unlink(missing_ok=True)


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def summary(values) -> str:
    if not values:
        return "no samples"
    return f"median {statistics.median(values) * 1000:7.1f} ms  p95 {pct(values, 95) * 1000:7.1f} ms  (n={len(values)})"


def ratio(values, baseline) -> str:
    """The ratio of two medians, or why there is none (a side without samples)."""
    if not values or not baseline:
        return "   - (no samples)"
    return f"{statistics.median(values) / statistics.median(baseline):6.2f}x"


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine spent not idle, summed over cores."""
    parts = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(parts) - parts[3] - parts[4]) / os.sysconf("SC_CLK_TCK")


def app_servers(stack: contextlib.ExitStack, against: str | None) -> dict[str, Server]:
    """This checkout's app ("app"), `against`'s ("baseline": a folder, or a commit unpacked by git archive and
    removed after) and the minimal page ("minimal"), untimed, healthy, and stopped when `stack` closes."""
    roots = {"app": ROOT}
    if against:
        from protocol_load import _checkout  # protocol_load imports this module: here, not at its top

        roots["baseline"] = stack.enter_context(_checkout(against))
    servers = {side: Server("app.py", timed=False, root=root) for side, root in roots.items()}
    servers["minimal"] = Server(MINIMAL, timed=False)
    for server in servers.values():
        stack.callback(server.stop)
        server.wait_healthy()
    return servers
