"""Load on the server, not on browsers: N sessions speaking Streamlit's own websocket protocol.

Each session does what a browser tab does (read from the installed streamlit package and its
frontend bundle): GET the page for the `_streamlit_xsrf` cookie, open `/_stcore/stream` with the
subprotocols ["streamlit", <xsrf token>], send a `BackMsg.rerun_script` (ClientState: query string,
page, widget states, the hashes of the cached messages it holds), read `ForwardMsg`s until
`script_finished`. Then it explores the way a person does: changes "Repositories" in the sidebar
(a random walk: x2, x0.5, +1, -1 ...), waits for the run to finish, thinks 1.5-4.5 s, again.
The widget states sent are the ones this client set (Repositories); the untouched keyed inputs
keep their values in Streamlit's session state, as in a browser.

Ramp on ONE server started with the production settings (deploy/entrypoint.sh): sessions are
added 10 -> 20 -> 50 -> 100 -> 200 and stay connected, so the memory per session is the RSS growth per
session. Per step: rerun latency median / p95 (send -> script_finished), errors (exceptions or
error boxes shown, failed runs, closed sockets, timeouts), the server's CPU (psutil on its pid) and
memory. Baseline, measured in the same run: one session alone (the ratios are against it).
From the steps: active users one replica (one process: Streamlit runs scripts under one
interpreter lock, so ~one core) holds at p95 < 1 s.

`--saturate`: sessions with no think time; reports reruns/second at saturation and CPU per rerun.

Bounded: at most 500 sessions, every wait has a timeout, the whole run a deadline; 127.0.0.1 only.
Usage:
  .venv/bin/python bench/protocol_load.py [--sessions 10,20,50,100,200] [--seconds 40] [--page compare]
  .venv/bin/python bench/protocol_load.py --saturate [--sessions 8] [--seconds 30]
  .venv/bin/python bench/protocol_load.py --url http://127.0.0.1:8501 --pid 1234   # a server you started
  (on a busy shared machine, --server-nice -10 as root gives the server about one core)
  .venv/bin/python bench/protocol_load.py --saturate --against /tmp/base --rounds 3   # ratios against a checkout
  .venv/bin/python bench/protocol_load.py --saturate --against 7085c45                # or against a commit

`--against DIR`: the same measurement on another checkout (e.g. `git worktree add --detach /tmp/base main`
plus a `.venv` link), alternating with this one round by round (A B, B A, ...: the machine's load drifts),
then the ratios of the medians. `--server-env KEY=VALUE` sets a variable for the servers started here
(both sides), e.g. a Streamlit option to try before committing it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

import psutil
import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import MINIMAL, ROOT, free_port, machine_busy_seconds, pct  # noqa: E402

MAX_SESSIONS = 500
RUN_TIMEOUT_S = 60  # one rerun answered later than this counts as an error
WIDGET_LABEL = "Repositories"
MINIMAL_LABEL = "Versions kept"  # bench/minimal/app.py's one input
P95_TARGET_S = 1.0


@dataclass
class Rerun:
    started: float
    seconds: float
    ok: bool


@dataclass
class Stats:
    reruns: list[Rerun] = field(default_factory=list)
    first_loads: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Session:
    """One browser tab's conversation with the server, without the browser."""

    input_label = WIDGET_LABEL  # the input a session changes (run() sets it per server)

    def __init__(self, base: str, page: str, rng: random.Random, stats: Stats, think: tuple[float, float] | None):
        self.base, self.page, self.rng, self.stats, self.think = base, page, rng, stats, think
        self.ws = None
        self.page_hash = ""
        self.query = ""
        self.widget_id = None
        self.value = 1
        self.cached: set[str] = set()
        self.finished: asyncio.Future | None = None
        self.run_errors: list[str] = []
        self.states: dict[str, tuple[str, object]] = {}  # widget id -> (WidgetState field, value)
        self.drawn: set[str] = set()
        self.label = Session.input_label
        self.max = 2000

    def _mirror(self, etype: str | None, w) -> None:
        """Keep every drawn input's value as the frontend's widget manager does: the value the
        server forces (set_value), else the one already held, else the widget's default.
        Buttons, uploads and page links hold no value until clicked."""
        kinds = {
            "number_input": "double_value",
            "slider": "double_array_value",
            "checkbox": "bool_value",
            "selectbox": "string_value",
            "multiselect": "string_array_value",
            "text_input": "string_value",
        }
        if etype not in kinds or not w.id:
            return
        self.drawn.add(w.id)
        if w.id in self.states and not w.set_value:
            return
        if etype == "selectbox":
            value = w.raw_value if w.set_value or not w.HasField("default") else w.options[w.default]
        elif etype == "multiselect":
            value = list(w.raw_values) if w.set_value else [w.options[i] for i in w.default]
        elif etype in ("slider",):
            value = list(w.value if w.set_value else w.default)
        else:
            value = w.value if w.set_value else w.default
        self.states[w.id] = (kinds[etype], value)

    async def connect(self) -> None:
        path = f"/{self.page}" if self.page else "/"
        page = await asyncio.to_thread(urllib.request.urlopen, self.base + path, timeout=30)
        page.read()
        # the frontend's health ping receives the XSRF cookie its websocket echoes in the subprotocols
        resp = await asyncio.to_thread(urllib.request.urlopen, self.base + "/_stcore/health", timeout=30)
        cookie = SimpleCookie(resp.headers.get("Set-Cookie", ""))
        resp.read()
        xsrf = cookie["_streamlit_xsrf"].value if "_streamlit_xsrf" in cookie else "PLACEHOLDER_AUTH_TOKEN"
        headers = {"Origin": self.base}
        if "_streamlit_xsrf" in cookie:
            headers["Cookie"] = f"_streamlit_xsrf={xsrf}"
        self.ws = await websockets.connect(
            self.base.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=["streamlit", xsrf],
            additional_headers=headers,
            max_size=None,
            open_timeout=30,
            ping_interval=None,
            compression=None,
        )
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._handle(msg)
        except websockets.ConnectionClosed:
            pass
        finally:
            if self.finished and not self.finished.done():
                self.finished.set_result("connection closed")

    def _handle(self, msg: ForwardMsg) -> None:
        if msg.metadata.cacheable:  # the browser keeps these and reports their hashes on the next rerun
            self.cached.add(msg.hash)
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.page_hash = self.page_hash or msg.new_session.page_script_hash
        elif kind == "navigation" and msg.navigation.page_script_hash:
            # the page actually run: new_session names the main script's hash under a pages/ app, so
            # sending that back made every rerun after the first load run the Overview
            self.page_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string  # the browser's URL follows the app's link
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            el = msg.delta.new_element
            etype = el.WhichOneof("type")
            self._mirror(etype, getattr(el, etype) if etype else None)
            if etype == "number_input" and el.number_input.label.startswith(self.label):
                self.widget_id = el.number_input.id
                if el.number_input.has_max:
                    self.max = int(el.number_input.max)
                if self.finished is None:  # first run: start from the value on screen
                    self.value = int(el.number_input.default)
            elif etype == "exception":
                self.run_errors.append(f"exception shown: {el.exception.type}")
            elif etype == "alert" and el.alert.format == Alert.ERROR:
                self.run_errors.append(f"error box: {el.alert.body[:80]}")
        elif kind == "script_finished":
            if msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                # the frontend forgets the state of widgets the run did not draw
                self.states = {k: v for k, v in self.states.items() if k in self.drawn}
            self.drawn = set()
            if self.finished and not self.finished.done():
                status = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                self.finished.set_result(None if status == "FINISHED_SUCCESSFULLY" else status)

    async def rerun(self, change: bool) -> tuple[float, str | None]:
        back = BackMsg()
        cs = back.rerun_script
        cs.query_string = self.query
        cs.page_script_hash = self.page_hash
        if not self.page_hash:
            cs.page_name = self.page
        if change:
            if self.widget_id is None:
                return 0.0, f"no '{self.label}' input on the page"
            self.value = self._explore(self.value)
            self.states[self.widget_id] = ("double_value", float(self.value))
        for wid, (kind, value) in self.states.items():  # every input's value, as the browser sends
            w = cs.widget_states.widgets.add()
            w.id = wid
            if kind == "double_array_value":
                w.double_array_value.data.extend(value)
            elif kind == "string_array_value":
                w.string_array_value.data.extend(value)
            else:
                setattr(w, kind, value)
        cs.cached_message_hashes.extend(sorted(self.cached))
        cs.context_info.timezone = "UTC"
        cs.context_info.locale = "en-US"
        cs.context_info.url = self.base + (f"/{self.page}" if self.page else "/")
        self.run_errors = []
        self.finished = asyncio.get_running_loop().create_future()
        t0 = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        try:
            problem = await asyncio.wait_for(self.finished, RUN_TIMEOUT_S)
        except TimeoutError:
            problem = f"no answer in {RUN_TIMEOUT_S} s"
        seconds = time.perf_counter() - t0
        if self.run_errors:
            problem = "; ".join(([problem] if problem else []) + self.run_errors)
        return seconds, problem

    def _explore(self, v: int) -> int:
        """A person trying sizes: doubling, halving, nudging; within 1..2,000."""
        step = self.rng.choice(
            [lambda x: x * 2, lambda x: x // 2, lambda x: x + 1, lambda x: x - 1, lambda x: x + 10, lambda x: x * 5]
        )
        nv = max(1, min(self.max, step(v)))
        return nv if nv != v else (v + 1 if v < self.max else v - 1)

    async def explore(self, stop_at: float) -> None:
        """Rerun with new values until stop_at (monotonic), thinking between runs."""
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            seconds, problem = await self.rerun(change=True)
            self.stats.reruns.append(Rerun(started, seconds, problem is None))
            if problem:
                self.stats.errors.append(problem)
                if self.ws.state.name != "OPEN":
                    return
            if self.think:
                pause = self.rng.uniform(*self.think)
                await asyncio.sleep(max(0.0, min(pause, stop_at - time.perf_counter())))

    async def close(self) -> None:
        if self.ws:
            await self.ws.close()
            self.reader.cancel()


class ServerProcess:
    """The app under the production settings (deploy/entrypoint.sh) on a free 127.0.0.1 port."""

    def __init__(self, root: Path = ROOT, extra_env: dict | None = None, script: str | None = None):
        """`script`: another app file run with the same settings (the minimal page), not app.py."""
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            **(extra_env or {}),
            "PYTHON": sys.executable,
            "STREAMLIT_SERVER_ADDRESS": "127.0.0.1",
            "STREAMLIT_SERVER_PORT": str(port),
        }
        if script:  # deploy/streamlit.env's settings as entrypoint.sh exports them (the environment wins)
            for line in (root / "deploy" / "streamlit.env").read_text().splitlines():
                k, eq, v = line.partition("=")
                if eq and not line.startswith("#") and k.strip() not in os.environ:
                    env[k.strip()] = v
            env.update({"STREAMLIT_SERVER_ADDRESS": "127.0.0.1", "STREAMLIT_SERVER_PORT": str(port)})
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script]
            if script
            else ["sh", str(root / "deploy" / "entrypoint.sh")],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.pid = self.proc.pid  # sh execs python: same pid

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            try:
                if urllib.request.urlopen(self.url + "/_stcore/health", timeout=1).status == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"server on {self.url} did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def cpu_seconds(p: psutil.Process) -> float:
    t = p.cpu_times()
    return t.user + t.system


def rss_mb(p: psutil.Process) -> float:
    return p.memory_info().rss / 2**20


def fmt_ms(v: float) -> str:
    return f"{v * 1000:7.0f} ms"


async def open_sessions(base, page, n, stats, think, seed, spread_s, deadline):
    """Connect n sessions, spread over spread_s (people do not all arrive in the same millisecond)."""

    async def one(i):
        await asyncio.sleep(spread_s * i / max(1, n))
        s = Session(base, page, random.Random(seed + i), stats, think)
        try:
            await s.connect()
            seconds, problem = await s.rerun(change=False)  # the page load
            stats.first_loads.append(seconds)
            if problem:
                stats.errors.append(f"first load: {problem}")
        except Exception as e:  # a refused connection is a result of the run, not a crash of the bench
            stats.errors.append(f"connect: {type(e).__name__}: {e}")
            return None
        return s

    tasks = [asyncio.create_task(one(i)) for i in range(n)]
    done = await asyncio.wait_for(asyncio.gather(*tasks), max(1.0, deadline - time.perf_counter()))
    return [s for s in done if s is not None]


async def measure(sessions, stats, proc, seconds, label, baseline_median=None):
    """All sessions explore for `seconds`; returns the step's figures."""
    first = len(stats.reruns)
    errors0 = len(stats.errors)
    me = psutil.Process()
    t0, cpu0, own0, busy0 = time.perf_counter(), cpu_seconds(proc), cpu_seconds(me), machine_busy_seconds()
    await asyncio.gather(*(s.explore(t0 + seconds) for s in sessions))
    wall = time.perf_counter() - t0
    busy = (machine_busy_seconds() - busy0) / wall
    cpu = cpu_seconds(proc) - cpu0
    own = cpu_seconds(me) - own0
    runs = stats.reruns[first:]
    ok = [r.seconds for r in runs if r.ok]
    row = {
        "label": label,
        "sessions": len(sessions),
        "reruns": len(runs),
        "errors": len(stats.errors) - errors0,
        "reruns_per_s": len(runs) / wall,
        "median_s": statistics.median(ok) if ok else float("nan"),
        "p95_s": pct(ok, 95) if ok else float("nan"),
        "server_cpu_cores": cpu / wall,
        "cpu_per_rerun_ms": 1000 * cpu / max(1, len(runs)),
        "rss_mb": rss_mb(proc),
        "bench_cpu_cores": own / wall,
        "machine_busy_cores": busy,
    }
    ratio = f"  ({row['median_s'] / baseline_median:4.1f}x alone)" if baseline_median else ""
    print(
        f"{label:>14} {row['sessions']:4d} sessions  {row['reruns']:5d} reruns {row['reruns_per_s']:5.1f}/s  "
        f"median {fmt_ms(row['median_s'])}  p95 {fmt_ms(row['p95_s'])}{ratio}  errors {row['errors']:3d}  "
        f"server {row['server_cpu_cores']:4.2f} cores, {row['cpu_per_rerun_ms']:4.0f} ms CPU/rerun, "
        f"RSS {row['rss_mb']:5.0f} MB  (this bench {row['bench_cpu_cores']:4.2f} cores; machine busy "
        f"{busy:4.2f} of {psutil.cpu_count()} cores)",
        flush=True,
    )
    return row


def users_at_target(rows) -> tuple[float, str]:
    """Active users at p95 < 1 s: the largest step under target, interpolated to where p95 crosses 1 s."""
    under = [r for r in rows if r["p95_s"] < P95_TARGET_S and r["errors"] == 0]
    over = [r for r in rows if r not in under]
    if not under:
        return 0.0, "no step met p95 < 1 s"
    a = max(under, key=lambda r: r["sessions"])
    above = [r for r in over if r["sessions"] > a["sessions"]]
    if not above:
        return float(a["sessions"]), f"every step up to {a['sessions']} met it (more may fit)"
    b = min(above, key=lambda r: r["sessions"])
    # p95 grows steeply past saturation: interpolate on log(p95), honest enough between two measured steps
    import math

    la, lb = math.log(a["p95_s"]), math.log(b["p95_s"])
    frac = (math.log(P95_TARGET_S) - la) / (lb - la) if lb > la else 0.0
    n = a["sessions"] + frac * (b["sessions"] - a["sessions"])
    return n, f"p95 {a['p95_s']:.2f} s at {a['sessions']}, {b['p95_s']:.2f} s at {b['sessions']}"


async def run(args, root: Path = ROOT, script: str | None = None) -> dict:
    """One measurement on a server started from root (app.py, or `script`: the minimal page)."""
    Session.input_label = MINIMAL_LABEL if script else WIDGET_LABEL
    if script:
        args = argparse.Namespace(**{**vars(args), "page": ""})
    deadline = time.perf_counter() + args.deadline
    server = None
    if args.url:
        base, proc = args.url.rstrip("/"), psutil.Process(args.pid)
    else:
        server = ServerProcess(root, dict(kv.split("=", 1) for kv in args.server_env), script)
        server.wait_healthy()
        base, proc = server.url, psutil.Process(server.pid)
        if args.server_nice:
            # a shared machine: a higher priority gives the server about one core ("one replica on one
            # core"); the interpreter lock keeps it from taking more
            proc.nice(args.server_nice)
            # and this client, which stands for browsers on other machines: its waits must not be the figure
            psutil.Process().nice(args.server_nice)
    stats = Stats()
    sessions: list[Session] = []
    result: dict = {
        "root": str(root),
        "page": args.page or "overview",
        "mode": "saturate" if args.saturate else "ramp",
        "cpu_count": psutil.cpu_count(),
        "steps": [],
    }
    try:
        # warm-up and baseline: one session alone (imports, caches; its RSS is the memory baseline)
        alone = await open_sessions(base, args.page, 1, stats, (args.think_min, args.think_max), args.seed, 0, deadline)
        if not alone:
            raise RuntimeError(f"could not open a session: {stats.errors[-1:]}")
        sessions += alone
        base_row = await measure(alone, stats, proc, args.baseline_seconds, "alone")
        result["baseline"] = base_row
        rss0 = base_row["rss_mb"]
        if args.saturate:
            think = None
            for s in alone:
                s.think = None
            for n in args.sessions:
                add = n - len(sessions)
                if add > 0:
                    sessions += await open_sessions(
                        base, args.page, add, stats, think, args.seed + len(sessions), 0.5, deadline
                    )
                if time.perf_counter() + args.seconds > deadline:
                    print("deadline reached: stopping", flush=True)
                    break
                result["steps"].append(
                    await measure(sessions, stats, proc, args.seconds, "no think time", base_row["median_s"])
                )
            best = max(result["steps"], key=lambda r: r["reruns_per_s"])
            result["saturation_reruns_per_s"] = best["reruns_per_s"]
            result["saturation_cpu_per_rerun_ms"] = best["cpu_per_rerun_ms"]
            result["reruns_per_s_per_core"] = best["reruns_per_s"] / max(best["server_cpu_cores"], 1e-9)
            print(
                f"\nsaturation: {best['reruns_per_s']:.1f} reruns/s with {best['sessions']} sessions and no think "
                f"time; server {best['server_cpu_cores']:.2f} cores, {best['cpu_per_rerun_ms']:.0f} ms CPU per rerun; "
                f"alone: median {base_row['median_s'] * 1000:.0f} ms"
            )
            print(
                f"per full core: {result['reruns_per_s_per_core']:.1f} reruns/s (the rate over the cores the server "
                f"got; on a busy shared machine it gets less than one)"
            )
        else:
            for n in args.sessions:
                add = n - len(sessions)
                spread = min(args.seconds / 4, 0.05 * add)
                if add > 0:
                    sessions += await open_sessions(
                        base,
                        args.page,
                        add,
                        stats,
                        (args.think_min, args.think_max),
                        args.seed + len(sessions),
                        spread,
                        deadline,
                    )
                if time.perf_counter() + args.seconds > deadline:
                    print("deadline reached: stopping", flush=True)
                    break
                row = await measure(sessions, stats, proc, args.seconds, "exploring", base_row["median_s"])
                row["mb_per_session"] = (row["rss_mb"] - rss0) / max(1, len(sessions) - 1)
                result["steps"].append(row)
            n_users, why = users_at_target(result["steps"])
            cores = max((r["server_cpu_cores"] for r in result["steps"]), default=0)
            result["users_at_p95_1s"] = n_users
            per_session = [r["mb_per_session"] for r in result["steps"] if len(sessions) > 1]
            print(
                f"\nmemory: {rss0:.0f} MB with one session; "
                + ", ".join(f"{r['mb_per_session']:.2f} MB/session at {r['sessions']}" for r in result["steps"])
            )
            print(
                f"first page loads: median {fmt_ms(statistics.median(stats.first_loads))}, "
                f"p95 {fmt_ms(pct(stats.first_loads, 95))} (n={len(stats.first_loads)})"
            )
            print(
                f"sizing: one replica (one process, at most ~1 core: the interpreter lock; it used up to "
                f"{cores:.2f} cores here) holds ~{n_users:.0f} active users at p95 < {P95_TARGET_S:g} s ({why})"
            )
            if cores and 0 < n_users and cores < 0.95:
                result["users_per_core_estimate"] = n_users / cores
                print(
                    f"the server never got more than {cores:.2f} cores here (machine busy): per full core that is "
                    f"~{n_users / cores:.0f} users (an estimate: rerun on a quiet machine to measure it)"
                )
            if per_session:
                result["mb_per_session"] = per_session[-1]
        if stats.errors:
            print(f"errors ({len(stats.errors)}), first: {stats.errors[:3]}")
    finally:
        await asyncio.gather(*(s.close() for s in sessions), return_exceptions=True)
        if server:
            server.stop()
    result["errors"] = len(stats.errors)
    return result


def _figures(r: dict) -> dict[str, float]:
    """The figures worth a ratio, from one run."""
    out = {"alone median ms": r["baseline"]["median_s"] * 1000}
    if r["mode"] == "saturate":
        out["reruns/s at saturation"] = r["saturation_reruns_per_s"]
        out["CPU ms per rerun"] = r["saturation_cpu_per_rerun_ms"]
    for row in r["steps"]:
        if r["mode"] == "ramp":
            out[f"p95 ms at {row['sessions']}"] = row["p95_s"] * 1000
            out[f"CPU ms per rerun at {row['sessions']}"] = row["cpu_per_rerun_ms"]
        else:
            out[f"p95 ms at {row['sessions']} (no think time)"] = row["p95_s"] * 1000
    if "mb_per_session" in r:
        out["MB per session"] = r["mb_per_session"]
    if "users_at_p95_1s" in r:
        out["users at p95 < 1 s"] = r["users_at_p95_1s"]
    out["errors"] = r["errors"]
    return out


def compare(args) -> dict:
    """This checkout against args.against, alternating (A B, B A, ...), medians and their ratio."""
    runs: dict[str, list[dict]] = {"this": [], "baseline": []}
    roots = {"this": ROOT, "baseline": args.against.resolve()}
    sides = ["this", "baseline"]
    if args.minimal:  # the minimal page in the same rounds: the app's figures as ratios against it too
        runs["minimal"], roots["minimal"] = [], ROOT
        sides.append("minimal")
    for i in range(args.rounds):
        for side in sides if i % 2 == 0 else sides[::-1]:
            print(f"\n--- round {i + 1}/{args.rounds}: {side} ({roots[side]})", flush=True)
            script = MINIMAL if side == "minimal" else None
            runs[side].append(_figures(asyncio.run(run(args, roots[side], script))))
    print(
        f"\n{'figure':<34} {'this':>10} {'baseline':>10} {'ratio':>7}   (medians of {args.rounds} alternating rounds)"
    )
    table = {}
    for k in runs["this"][0]:
        a = statistics.median(f[k] for f in runs["this"] if k in f)
        b = statistics.median(f[k] for f in runs["baseline"] if k in f)
        table[k] = {"this": a, "baseline": b, "ratio": a / b if b else None}
        ratio = f"{a / b:6.2f}x" if b else "     -"
        print(f"{k:<34} {a:10.2f} {b:10.2f} {ratio}")
    if args.minimal:
        print(f"\n{'against the minimal page':<34} {'this':>10} {'baseline':>10} {'minimal':>10}")
        for k in ("CPU ms per rerun", "alone median ms", "reruns/s at saturation"):
            if all(k in runs[side][0] for side in sides):
                m = statistics.median(f[k] for f in runs["minimal"])
                a, b = (table[k][x] for x in ("this", "baseline"))
                table[k]["minimal"] = m
                print(f"{k:<34} {a / m:9.2f}x {b / m:9.2f}x {m:10.2f}")
    return {"rounds": runs, "summary": table}


@contextlib.contextmanager
def _checkout(against: str) -> Iterator[Path]:
    """A folder as given, or a commit of this repository unpacked into a temporary folder (git archive:
    no worktree, nothing in .git changes) with this checkout's .venv linked, removed afterwards."""
    if Path(against).is_dir():
        yield Path(against)
        return
    rev = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", against + "^{commit}"], cwd=ROOT, capture_output=True, text=True
    )
    if rev.returncode != 0:
        sys.exit(f"--against: {against} is neither a folder nor a commit of this repository")
    with tempfile.TemporaryDirectory(prefix="against-") as tmp:
        archive = subprocess.run(["git", "archive", rev.stdout.strip()], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        (Path(tmp) / ".venv").symlink_to((ROOT / ".venv").resolve())
        print(f"--against {against}: commit {rev.stdout.strip()[:10]} unpacked in {tmp}", flush=True)
        yield Path(tmp)


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sessions", default=None, help="comma-separated session counts (a ramp; sessions stay open)")
    ap.add_argument("--seconds", type=float, default=40, help="measuring time per step")
    ap.add_argument("--baseline-seconds", type=float, default=15, help="measuring time of the one-session baseline")
    ap.add_argument("--saturate", action="store_true", help="no think time: reruns/second at saturation")
    ap.add_argument("--page", default="", help="URL path of the page, e.g. compare (default: the Overview)")
    ap.add_argument("--think-min", type=float, default=1.5)
    ap.add_argument("--think-max", type=float, default=4.5)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--deadline", type=float, default=1200, help="the whole run stops by then (seconds)")
    ap.add_argument("--url", help="an already running server on 127.0.0.1 (then --pid is required)")
    ap.add_argument("--pid", type=int, help="the server's process id, for CPU and memory")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument(
        "--against",
        help="a baseline: a checkout's folder, or a commit of this repository (unpacked with git archive into a "
        "temporary folder, removed afterwards); measured alternately with this one",
    )
    ap.add_argument("--rounds", type=int, default=3, help="with --against: rounds of (this, baseline)")
    ap.add_argument(
        "--minimal",
        action="store_true",
        help="with --against: bench/minimal/app.py measured in the same rounds, the figures as ratios against it",
    )
    ap.add_argument(
        "--server-env",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an environment variable for the servers started here (repeatable)",
    )
    ap.add_argument(
        "--server-nice",
        type=int,
        default=0,
        help="scheduling priority of the server started here (e.g. -10, as root, on a busy shared machine)",
    )
    args = ap.parse_args(argv)
    default = "4,8" if args.saturate else "10,20,50,100,200"
    args.sessions = sorted(int(x) for x in (args.sessions or default).split(","))
    if not args.sessions or args.sessions[0] < 1 or args.sessions[-1] > MAX_SESSIONS:
        ap.error(f"--sessions: counts from 1 to {MAX_SESSIONS}")
    if args.url and (not args.url.startswith(("http://127.0.0.1:", "http://localhost:")) or not args.pid):
        ap.error("--url must be http://127.0.0.1:PORT (loopback only) and needs --pid")
    if not 0 < args.seconds <= 600:
        ap.error("--seconds: 0 to 600")

    def stopped(*_):  # a SIGTERM still stops the server this run started (the finally blocks run)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stopped)
    if any("=" not in kv for kv in args.server_env):
        ap.error("--server-env: KEY=VALUE")
    if args.against:
        with _checkout(args.against) as args.against:
            if args.url or not (args.against / "deploy" / "entrypoint.sh").exists() or not 1 <= args.rounds <= 10:
                ap.error("--against: a checkout or commit with deploy/entrypoint.sh, no --url, 1-10 rounds")
            result = compare(args)
    else:
        result = asyncio.run(run(args))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    main()
