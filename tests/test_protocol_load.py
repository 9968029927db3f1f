"""The load benchmark's client really drives the app: a rerun it sends with a new "Repositories"
value is the app's new scenario (the link the app publishes follows it), with no error.

bench/protocol_load.py is not a test; this keeps its protocol client honest, so that its figures
(issue 14's sizing, issue 17's before/after) measure real reruns and not rejected messages.
"""

import asyncio
import concurrent.futures
import random
import sys
from pathlib import Path
from urllib.parse import parse_qs

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import protocol_load as pl  # noqa: E402


def test_a_protocol_session_changes_the_scenario_like_a_browser():
    async def scenario():
        server = pl.ServerProcess()
        try:
            server.wait_healthy()
            stats = pl.Stats()
            s = pl.Session(server.url, "", random.Random(3), stats, None)
            await s.connect()
            seconds, problem = await s.rerun(change=False)  # the page load
            assert problem is None and s.widget_id, problem
            assert "repositories" not in s.query  # the default scenario: 1 repository
            # every input the page drew is held and sent back, as the frontend does (sliders, number
            # inputs, selects, the toggle...), not only the one changed
            assert len(s.states) >= 10
            seen = []
            for _ in range(3):
                seconds, problem = await s.rerun(change=True)
                assert problem is None, problem
                seen.append(s.value)
                # the app published the value this client sent: the rerun used it
                assert parse_qs(s.query)["repositories"] == [str(s.value)]
            assert len(set(seen)) >= 2
            await s.close()
        finally:
            server.stop()

    # in a thread of its own: the browser tests' Playwright (sync API) keeps an event loop running in
    # this thread for the whole session, and asyncio.run() refuses to start inside a running loop
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, asyncio.wait_for(scenario(), 120)).result()
