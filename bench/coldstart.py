"""Cold start: process start to the first chart painted in the browser, app against the minimal page.

The browser is started first and not counted. Target: at most 1.5x the minimal page.
Usage: python bench/coldstart.py [--repeat 3]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import CHROMIUM_ARGS, MINIMAL, Server, chromium  # noqa: E402


def once(browser, app: str, path: str) -> float:
    server = Server(app, timed=False)
    try:
        t0 = server.started
        server.wait_healthy()
        page = browser.new_page()
        page.goto(server.url + path)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
        elapsed = time.perf_counter() - t0
        page.close()
        return elapsed
    finally:
        server.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        app, minimal = [], []
        for _ in range(args.repeat):  # interleaved, so both see the same machine load
            app.append(once(browser, "app.py", "/"))
            minimal.append(once(browser, MINIMAL, "/?charts=1"))
        browser.close()
    a, m = statistics.median(app), statistics.median(minimal)
    print(f"app     first chart painted {a:6.2f} s   (runs: {', '.join(f'{x:.2f}' for x in app)})")
    print(f"minimal first chart painted {m:6.2f} s   (runs: {', '.join(f'{x:.2f}' for x in minimal)})")
    print(f"ratio {a / m:.2f}x   target <= 1.5x")


if __name__ == "__main__":
    main()
