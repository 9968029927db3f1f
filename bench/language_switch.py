"""Switching language (issue 18): click English / 한국어 -> the page's title in the new language, and
-> the run over (every element redrawn), in a real browser against a real server. Baseline:
keypress -> chart on the same page of the same server, in the same run (bench/interaction.py's
measure), so the ratio says what a language switch costs against the interaction people do most.
Also counts the script runs per switch (the issue asks for one).

Usage: python bench/language_switch.py [--switches 20] [--page /]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import CHROMIUM_ARGS, Server, chromium, summary  # noqa: E402
from interaction import drive  # noqa: E402

TITLES = {
    "/": ("Container registry cost", "컨테이너 레지스트리 비용"),
    "/compare": ("Compare two scenarios", "두 시나리오 비교"),
    "/break_even": ("Sensitivity and break-even", "민감도와 손익분기점"),
}
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def switch(page, server, label, title):
    """Click `label`; return (seconds until the title is in the new language, seconds until the run
    is over and the page idle, script runs it took)."""
    before = len(server.runs())
    t0 = time.perf_counter()
    page.get_by_test_id("stSidebar").get_by_role("radio", name=label, exact=True).click()
    page.wait_for_function(
        "(t) => { const h = document.querySelector('h1'); return h && h.innerText === t; }",
        arg=title,
        timeout=30_000,
        polling="raf",
    )
    to_title = time.perf_counter() - t0
    deadline = time.time() + 10
    while len(server.runs()) == before and time.time() < deadline:
        time.sleep(0.01)
    page.wait_for_function(IDLE, timeout=30_000, polling="raf")
    to_idle = time.perf_counter() - t0
    time.sleep(0.3)  # a second run, if the switch caused one, would have started by now
    page.wait_for_function(IDLE, timeout=30_000)
    return to_title, to_idle, len(server.runs()) - before


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--switches", type=int, default=20)
    ap.add_argument("--page", choices=sorted(TITLES), default="/")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    app = Server("app.py")
    app.wait_healthy()
    en, ko = TITLES[args.page]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            drive(page, app, app.url + args.page, 3)  # warm imports and caches
            switch(page, app, "한국어", ko)
            switch(page, app, "English", en)
            times, idle, runs = [], [], []
            _, keypress, _ = drive(page, app, app.url + args.page, args.switches)
            for i in range(args.switches):
                took, done, n = switch(page, app, *(("한국어", ko) if i % 2 == 0 else ("English", en)))
                times.append(took)
                idle.append(done)
                runs.append(n)
            browser.close()
    finally:
        app.stop()
    print(f"page {args.page}")
    print(f"language switch -> title in the new language  {summary(times)}")
    print(f"language switch -> run over, page idle      {summary(idle)}")
    print(f"keypress -> chart (same page and server)    {summary(keypress)}")
    print(
        f"ratio of medians {statistics.median(times) / statistics.median(keypress):.2f}x; "
        f"script runs per switch: {sorted(set(runs))} (median {statistics.median(runs):g})"
    )


if __name__ == "__main__":
    main()
