"""Load: N concurrent browser sessions (default 20), each making 10 slider changes and one page
switch, against one real server on 127.0.0.1. Reports errors, interaction latency and the
server's memory growth per extra session. Bounded: every wait has a timeout, the whole run a deadline.
Targets: zero errors, p95 interaction under 2 s, under 15 MB per extra session.
Usage: python bench/load.py [--sessions 20] [--changes 10]
"""

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import CHART_SIG, CHROMIUM_ARGS, Server, chromium, machine_busy_seconds, summary  # noqa: E402

EXPECTED_404 = ("/_stcore/health", "/_stcore/host-config")
DEADLINE_S = 900


async def session(browser, url, changes, latencies, errors, ready, release):
    ctx = await browser.new_context(viewport={"width": 1300, "height": 900})
    page = await ctx.new_page()

    def on_console(msg):
        where = (msg.location or {}).get("url", "")
        if msg.type == "error" and not ("404" in msg.text and where.endswith(EXPECTED_404)):
            errors.append(f"console: {msg.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    try:
        await page.goto(url + "/")
        await page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
        # "Versions kept" is a typed number input, stepped with the arrow keys
        thumb = (
            page.get_by_test_id("stSidebar")
            .get_by_test_id("stNumberInput")
            .filter(has_text="Versions kept")
            .locator("input")
            .first
        )
        await thumb.focus()
        for i in range(changes):
            sig = await page.evaluate(CHART_SIG)
            t0 = time.perf_counter()
            await thumb.press("ArrowUp" if i % 2 == 0 else "ArrowDown")
            await page.wait_for_function(f"(old) => ({CHART_SIG})() !== old", arg=sig, timeout=60_000, polling=50)
            latencies.append(time.perf_counter() - t0)
            # let the run finish before the next key, as a person watching the chart does: a key that
            # arrives after the chart is drawn but before the run ends can be dropped by Streamlit
            # (seen with the minimal page too, once its runs were slowed down)
            await page.wait_for_function(
                "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000, polling=50
            )
        t0 = time.perf_counter()
        await page.get_by_test_id("stSidebar").get_by_role("link", name="Break-even").click()
        await page.wait_for_selector("h1:has-text('Sensitivity')", timeout=60_000)
        await page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        latencies.append(time.perf_counter() - t0)
        if await page.get_by_test_id("stException").count():
            errors.append("an exception element is shown")
    except Exception as e:  # a timeout or a broken page is an error of the run, not a crash of the bench
        errors.append(f"{type(e).__name__}: {str(e).splitlines()[0]}")
    ready.set()
    await release.wait()  # stay connected until memory is measured
    await ctx.close()


async def run(args):
    from playwright.async_api import async_playwright

    server = Server("app.py")  # timed: logs each script run's server-side duration
    server.wait_healthy()
    latencies, errors = [], []
    try:
        async with async_playwright() as p:
            # 20 pages in one browser: keep Chromium from throttling the ones that are not in front
            browser = await p.chromium.launch(
                executable_path=chromium(),
                args=CHROMIUM_ARGS
                + [
                    "--disable-background-timer-throttling",
                    "--disable-renderer-backgrounding",
                    "--disable-backgrounding-occluded-windows",
                ],
            )
            # one warm session: imports, caches; its memory is the baseline
            warm_ready, warm_release = asyncio.Event(), asyncio.Event()
            warm = asyncio.create_task(session(browser, server.url, 2, [], errors, warm_ready, warm_release))
            await warm_ready.wait()
            base = server.rss_mb()
            release = asyncio.Event()
            readies = [asyncio.Event() for _ in range(args.sessions)]
            t0, cpu0, busy0 = time.perf_counter(), server.cpu_seconds(), machine_busy_seconds()
            runs0 = len(server.runs())
            tasks = [
                asyncio.create_task(session(browser, server.url, args.changes, latencies, errors, r, release))
                for r in readies
            ]
            await asyncio.wait_for(asyncio.gather(*(r.wait() for r in readies)), DEADLINE_S)
            wall = time.perf_counter() - t0
            server_cpu, busy = server.cpu_seconds() - cpu0, machine_busy_seconds() - busy0
            runs = server.runs()[runs0:]
            loaded = server.rss_mb()
            release.set()
            warm_release.set()
            await asyncio.gather(*tasks, warm)
            await browser.close()
    finally:
        server.stop()
    print(
        f"sessions: {args.sessions} concurrent (+1 warm-up), "
        f"{args.changes} slider changes + 1 page switch each, {wall:.1f} s"
    )
    print(f"errors: {len(errors)}" + "".join(f"\n  {e}" for e in errors[:10]))
    if latencies:
        print(f"interactions: {summary(latencies)}   target p95 < 2 s  (max {max(latencies):.2f} s)")
    print(f"server-side script runs under load: {summary(runs)}")
    cores = os.cpu_count()
    print(
        f"cpu: server {server_cpu:.1f} s ({server_cpu / wall:.0%} of one core); whole machine {busy:.1f} s "
        f"of {wall * cores:.0f} s available on {cores} cores ({busy / (wall * cores):.0%}): "
        "the browser pages take the rest"
    )
    per = (loaded - base) / args.sessions
    print(
        f"server memory: {base:.0f} MB with 1 session, {loaded:.0f} MB with {args.sessions + 1}: "
        f"{per:.1f} MB per extra session   target < 15 MB"
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--changes", type=int, default=10)
    asyncio.run(run(ap.parse_args()))


if __name__ == "__main__":
    main()
