"""A real Streamlit server and a real Chromium for the browser tests.

The server runs `streamlit run app.py` on a free localhost port; Chromium is Debian's package
driven by Playwright. Without Chromium the tests skip with the reason (fail under REQUIRE_TOOLS=1).
"""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import need, stop

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every run of the app's script ends with Streamlit's root element stApp going from "running" (or
# "rerunRequested") to "notRunning" in its data-test-script-state attribute (Streamlit's own e2e tests wait on
# it). This script, run in every document before the app's own, counts those ends in window.__stRuns, so a
# test can wait for THE run its action started to finish, not for a quiet moment that may come too early
# (the old wait: the status widget is absent, which it also is before a run has begun) or too late.
RUN_COUNTER = """(() => {
  window.__stRuns = 0;
  new MutationObserver(records => {
    for (const r of records) {
      if (r.target.getAttribute('data-test-script-state') === 'notRunning' && r.oldValue !== 'notRunning') {
        window.__stRuns++;
      }
    }
  }).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                        attributeFilter: ['data-test-script-state']});
})();"""
# More than `after` runs are over, none is running, the app is connected, no element is still a skeleton, and
# the browser has painted twice since. A run's end is not its drawing: Streamlit loads most widgets' code
# lazily and shows a grey stSkeleton until it arrives, seconds later on a loaded machine (seen: 37 skeletons
# on /measure after its first run ended, the file uploader among them). React then commits a widget's value
# in an effect after its first paint: two frames, not a pause, let that settle. Elements of the page before
# (a page switch) stay on screen, marked data-stale, until the client has taken the new run's end: the
# share-link test read the Overview's chart on the reader's Recommendation page once the pages got fast.
SETTLED = """(after) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || window.__stRuns <= after || app.getAttribute('data-test-script-state') !== 'notRunning'
      || app.getAttribute('data-test-connection-state') !== 'CONNECTED'
      || document.querySelector('[data-testid="stSkeleton"]')
      || document.querySelector('[data-testid="stElementContainer"][data-stale="true"]')) return false;
  return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(
    window.__stRuns > after && app.getAttribute('data-test-script-state') === 'notRunning'))));
}"""
WAIT_STATE = """() => { const app = document.querySelector('[data-testid="stApp"]');
  return {runs: window.__stRuns, script: app && app.getAttribute('data-test-script-state'),
          connection: app && app.getAttribute('data-test-connection-state'),
          skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
          stale: document.querySelectorAll('[data-testid="stElementContainer"][data-stale="true"]').length,
          url: location.href}; }"""
WAIT_MS = int(
    os.environ.get("RDD_WAIT_MS", "120000")
)  # an upper bound only: under load a run may take this long; no test waits it out when green

# Streamlit's frontend first probes /<page>/_stcore/... on a deep link, then the root: those 404s are expected.
EXPECTED_404 = ("/_stcore/health", "/_stcore/host-config")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(app: str = "app.py", port: int | None = None, cwd: Path = ROOT):
    port = port or free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # the server's log goes to a file, not a pipe: nobody reads a pipe while the tests run, and a server
    # that has logged 64 KB into a full pipe blocks in its next write, in the middle of a run (seen: the
    # share-link test waited its 120 s for a rerun that never ended)
    log = tempfile.NamedTemporaryFile(prefix=f"streamlit-{port}-", suffix=".log", delete=False)  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            app,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=cwd,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    proc.log = Path(log.name)  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).status == 200:
                return proc, url
        except OSError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.kill()
    raise RuntimeError(f"streamlit did not start: {proc.log.read_text(errors='replace')[-2000:]}")


@contextlib.contextmanager
def running_server(app: str = "app.py"):
    """A `streamlit run` server for the length of a with-block, stopped however the block ends."""
    proc, url = start_server(app)
    try:
        yield url
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def server():
    with running_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    exe = need("chromium", "chromium-browser", "google-chrome")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


# Tabs kept open between tests, one pool per browser (so per xdist worker). A new context and tab for each
# test made Chromium start a renderer and compile Streamlit's JavaScript again for every page load: 5.4 s a
# load against 2.1 s in a tab that has loaded the app before (10 pages at 390 px: 54 s against 21 s, measured
# on this machine), and the browser tests are most of the suite's time (issue 23). A tab goes back to its pool
# emptied: its storage cleared and on about:blank, so its session on the server ends and the next test starts
# as a first visit. A test that needs its own browser settings (a locale) gets its own context.
_POOLS: dict[int, tuple[object, list]] = {}
DEFAULT_TIMEOUT_MS = 30_000  # Playwright's own default, put back on a reused tab (a test may have changed it)


def _pool(browser):
    if id(browser) not in _POOLS:
        # clipboard permissions: "Copy share link" writes the link there and the tests read it back
        context = browser.new_context(
            viewport={"width": 1500, "height": 1000},
            accept_downloads=True,
            permissions=["clipboard-read", "clipboard-write"],
        )
        context.add_init_script(RUN_COUNTER)
        _POOLS[id(browser)] = (context, [])
    return _POOLS[id(browser)]


class Page:
    """A browser tab on the app that records console errors and failed requests."""

    def __init__(self, browser, base, width: int = 1500, height: int = 1000, locale: str | None = None):
        self.base = base
        self.own_context = locale is not None
        if self.own_context:
            self.context = browser.new_context(
                viewport={"width": width, "height": height},
                accept_downloads=True,
                permissions=["clipboard-read", "clipboard-write"],
                locale=locale,
            )
            self.context.add_init_script(RUN_COUNTER)
            self.page = self._new_tab()
        else:
            self.context, idle = _pool(browser)
            self.page = idle.pop() if idle else self._new_tab()
            self.page.set_viewport_size({"width": width, "height": height})
            self.page.set_default_timeout(DEFAULT_TIMEOUT_MS)
            self.page.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
        self.page._rdd_owner = self  # the tab's listeners report to the test that holds it now
        self._idle = None if self.own_context else idle
        self.errors = []
        # runs the server started (new_session) and whether the newest one has ended (script_finished),
        # read off the websocket
        self.started = 0
        self.finished = 0
        self.last_ended = True
        self.watching = self.page  # runs are read off this page's socket (a test may swap in another page)

    def _new_tab(self):
        """A tab whose console, errors and websocket frames go to whichever Page holds it at the time."""
        page = self.context.new_page()

        def owner():
            return getattr(page, "_rdd_owner", None)

        def console(msg):
            if owner() is not None:
                owner()._console(msg)

        def page_error(e):
            if owner() is not None:
                owner().errors.append(f"page error: {e}")

        def websocket(ws):
            holder = owner()  # the frames of a socket opened for one test never count for the next
            if holder is not None:
                ws.on("framereceived", holder._frame)

        page.on("console", console)
        page.on("pageerror", page_error)
        page.on("websocket", websocket)
        return page

    def _frame(self, payload) -> None:
        """Follow the server's runs: each starts with a new_session message and ends with script_finished.
        The DOM's script-state attribute misses a run quick enough to start and end between two React
        renders (seen: a page switch to a scenario the shared cache already held, waited on for 120 s);
        the messages are never missed. A run replaced by a newer one may never send its end (Streamlit
        drops a replaced runner's events), so what counts is whether the NEWEST run has ended."""
        if not isinstance(payload, bytes | bytearray):
            return
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = ForwardMsg()
        try:
            msg.ParseFromString(bytes(payload))
        except Exception:  # noqa: BLE001 - not a ForwardMsg (another socket): not a run
            return
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.started += 1
            self.last_ended = False
        elif kind == "script_finished" and msg.script_finished not in (
            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
            ForwardMsg.FINISHED_EARLY_FOR_RERUN,  # st.rerun(): the run that follows is the one to wait for
        ):
            self.finished += 1
            self.last_ended = True

    def _console(self, msg):
        if msg.type != "error":
            return
        where = (msg.location or {}).get("url", "")
        if "404" in msg.text and where.endswith(EXPECTED_404):
            return
        self.errors.append(f"console: {msg.text} ({where})")

    def open(self, path="/", query=""):
        """Load a page and return once its first run is over (its sidebar inputs hold the link's values)."""
        self.page.goto(f"{self.base}{path}{'?' + query if query else ''}")
        self.loaded()
        return self

    def loaded(self):
        """A freshly loaded document's page is drawn: its title is there and its run is over. (A server's
        first request ends one run early, for the rerun through app.py: ui/shell.py; that run draws nothing.)"""
        self.page.wait_for_selector('[data-testid="stMain"] h1', timeout=WAIT_MS)
        # the newest run has ended, read off the websocket: a title on screen may be the first run's
        # while the rerun it asked for is still going (seen: a menu click then landed in that rerun,
        # and the reader's Recommendation page kept the Overview's content). A test that swapped in a
        # page of its own (another browser locale) has no socket watched: the drawn page decides there.
        self.wait(after=0, runs_seen=self.watching is self.page)

    def runs(self) -> int:
        """How many runs of the app's script the server has started for this tab. The round trip first
        delivers every websocket frame the browser received before it."""
        self.page.evaluate("1")
        return self.started

    def wait(self, after: int = 0, runs_seen: bool = False):
        """Until more than `after` runs have ended and none is running (after=0: the page's first run,
        counted in the document, whose counter starts again at each load; `runs_seen`: also follow the
        runs on the websocket from the start)."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            if after or runs_seen:
                # a run started after the action (a finish still on its way from before cannot pass for it),
                # and the newest run has ended
                deadline = time.monotonic() + WAIT_MS / 1000
                while not (self.started > after and self.last_ended) and time.monotonic() < deadline:
                    self.page.wait_for_timeout(20)  # delivers the frames that arrive meanwhile
                if not (self.started > after and self.last_ended):
                    raise PlaywrightTimeout(f"no run ended within {WAIT_MS} ms")
            # the browser has drawn it: connected, not running, no skeleton, two frames painted
            self.page.wait_for_function(SETTLED, arg=0, timeout=WAIT_MS, polling="raf")
        except PlaywrightTimeout as e:
            # say which condition never came (a run that never ended, a lost connection, a skeleton left)
            state = {**self.page.evaluate(WAIT_STATE), "runs started": self.started, "ended": self.finished}
            self.shot("timed-out")
            raise AssertionError(f"the page never settled after run {after}: {state}") from e

    @contextlib.contextmanager
    def rerun(self):
        """`with tab.rerun(): <an action that reruns the app>`: returns once THAT rerun is over.

        The count is read before the action, so a run that ends before Python looks is still seen,
        and a quiet moment before the rerun has started is not taken for its end."""
        before = self.runs()
        yield
        self.wait(after=before)

    def shot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def close(self):
        if self.own_context:
            self.context.close()
            return
        page, self.page._rdd_owner = self.page, None
        try:
            if page.url.startswith("http"):
                page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            page.goto("about:blank")
        except Exception:  # noqa: BLE001 - a tab left broken by its test is closed, not reused
            with contextlib.suppress(Exception):
                page.close()
            return
        self._idle.append(page)


@pytest.fixture
def tab(browser, server):
    t = Page(browser, server)
    yield t
    t.close()


def whole_deck(prs) -> bool:
    """A deck that arrived whole: it opens on the question and ends on the sources (the number of
    source slides follows the prices used, so the count is not fixed)."""
    texts = [" ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in prs.slides]
    return (
        len(texts) >= 7
        and "Which container registry should we use?" in texts[0]
        and "Assumptions and sources" in texts[-1]
    )
