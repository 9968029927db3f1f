"""Chromium's CPU per page load (issues 23 and 29): what a page costs the browser, not the server.

A tab that has loaded the app before (as the browser tests' pool keeps them, and as a reader's tab is)
loads each page anew; the CPU of every Chromium process (renderer, GPU/compositor, browser) is summed
over the load, from `goto` to the run over and the page drawn. Baseline, in the same run: the minimal page
(bench/minimal/app.py); with `--against REF` (a folder or a commit, as bench/protocol_load.py takes it)
the same pages of that checkout too. Loads are interleaved, the order turned each round: the machine's
load drifts. Printed as medians and ratios.
Usage: python bench/browser_load.py [--rounds 4] [--pages /,/compare,/about] [--width 1440] [--against e3e5927]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import CHROMIUM_ARGS, app_servers, chromium  # noqa: E402

DRAWN = """() => { const app = document.querySelector('[data-testid="stApp"]');
  return !!app && !!document.querySelector('[data-testid="stMain"] h1, .js-plotly-plot')
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && !document.querySelector('[data-testid="stSkeleton"]'); }"""


def _chromium_cpu() -> float:
    """User + system CPU of every Chromium process under this one (Playwright's driver starts them)."""
    total = 0.0
    for p in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):
            if "chrom" in p.name():
                t = p.cpu_times()
                total += t.user + t.system
    return total


def load(tab, url: str) -> tuple[float, float]:
    """(Chromium CPU s, wall s) of one load of `url` in `tab`, to the page drawn and its run over."""
    tab.goto("about:blank")
    cpu, wall = _chromium_cpu(), time.perf_counter()
    tab.goto(url)
    tab.wait_for_function(DRAWN, timeout=120_000, polling=50)
    tab.wait_for_timeout(300)  # a run that ends drawn can be followed by the rerun a first request asks for
    tab.wait_for_function(DRAWN, timeout=120_000, polling=50)
    return _chromium_cpu() - cpu, time.perf_counter() - wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--pages", default="/,/compare,/about")
    ap.add_argument("--width", type=int, default=1440)
    ap.add_argument("--against", help="another checkout (a folder or a commit): its app measured in the same run")
    args = ap.parse_args()
    if not 1 <= args.rounds <= 20:
        ap.error("--rounds: 1 to 20")
    pages = [p if p.startswith("/") else "/" + p for p in args.pages.split(",") if p]
    from playwright.sync_api import sync_playwright

    with contextlib.ExitStack() as stack:
        servers = app_servers(stack, args.against)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": args.width, "height": 900})
            tabs = {side: context.new_page() for side in servers}
            for side, tab in tabs.items():  # the app's code loaded once in each tab, as a returning reader's
                load(tab, servers[side].url + "/")
            got: dict[str, list[tuple[float, float]]] = {side: [] for side in servers}
            for i in range(args.rounds):
                for path in pages:
                    for side in list(servers) if i % 2 == 0 else list(servers)[::-1]:
                        got[side].append(load(tabs[side], servers[side].url + ("/" if side == "minimal" else path)))
            browser.close()
    med = {side: (statistics.median(c for c, _ in v), statistics.median(w for _, w in v)) for side, v in got.items()}
    print(f"Chromium CPU per page load, {args.width} px, pages {','.join(pages)}, {args.rounds} rounds (median)")
    for side, (cpu, wall) in med.items():
        ratios = f"  {cpu / med['minimal'][0]:.2f}x the minimal page"
        if side == "app" and "baseline" in med:
            ratios += f", {cpu / med['baseline'][0]:.2f}x the baseline ({args.against})"
        print(f"  {side:<9} CPU {cpu:5.2f} s  wall {wall:5.2f} s{ratios}")


if __name__ == "__main__":
    main()
