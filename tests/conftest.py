import os
import shutil
import subprocess

import pytest

from lib.inputs import pricebook


@pytest.fixture(scope="session")
def book():
    return pricebook.load()


# The exports' reviewer (issue 12): an EKS team in private subnets behind one NAT gateway, GitHub
# Actions, long-term production; the deck, won, analysis and Korean export tests all price it.
EKS_TEAM = {
    "runs_on": "aws",
    "ci": "github_actions",
    "lifetime": "production",
    "network": "nat",
    "repositories": 40,
    "image_size_mb": 1200,
    "versions_kept": 30,
    "pulls_per_month": 50_000,
}

REQUIRE_TOOLS = os.environ.get("REQUIRE_TOOLS") == "1"


def need(*commands: str) -> str:
    """The first of these commands on PATH; otherwise skip with the reason, or fail under
    REQUIRE_TOOLS=1 (CI installs them, so there a missing tool is a broken install step)."""
    for c in commands:
        path = shutil.which(c)
        if path:
            return path
    msg = f"needs {' or '.join(commands)} (Debian: apt-get install {commands[0]})"
    if REQUIRE_TOOLS:
        pytest.fail(msg + "; REQUIRE_TOOLS=1 makes a missing tool a failure")
    pytest.skip(msg)


def pytest_terminal_summary(terminalreporter):
    """CI's output says how many browser tests ran, so a run that skipped them is visible."""
    counts = {}
    for outcome in ("passed", "failed", "skipped", "error"):
        counts[outcome] = sum(
            1 for r in terminalreporter.stats.get(outcome, []) if getattr(r, "nodeid", "").startswith("tests/browser/")
        )
    if any(counts.values()):
        terminalreporter.write_line("browser tests: " + ", ".join(f"{n} {k}" for k, n in counts.items() if n))


def stop(proc: subprocess.Popen) -> None:
    """End a server the tests started: politely, then for sure (every test server goes this way)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
