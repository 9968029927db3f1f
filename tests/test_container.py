"""The image, built and run the way the pod runs it (issue 30): read-only root, user 10001, /tmp and
the home folder as scratch space, tini as PID 1, and a PNG exported inside it.

Built without a daemon (`buildah bud --isolation chroot`, vfs storage) and run with podman. A build
copies Chromium and the Python packages into vfs layers (many minutes; not timed here: it was not run
on this shared machine), so this runs only with RDD_CONTAINER_TEST=1 and skips with the reason otherwise, and where
buildah/podman or the base image are missing (Docker Hub is unreachable here: the base is made locally,
see BASE_RECIPE).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IMAGE = "localhost/registry-dashboard:container-test"
BASE = "docker.io/library/python:3.11-slim"
BASE_RECIPE = (
    "mmdebstrap --variant=apt --include=python3,python3-pip,python-is-python3,ca-certificates bookworm - "
    f"| podman import --change 'ENV PIP_BREAK_SYSTEM_PACKAGES=1' - {BASE}"
)

pytestmark = pytest.mark.skipif(
    os.environ.get("RDD_CONTAINER_TEST") != "1",
    reason="builds the image with buildah on vfs (many minutes): set RDD_CONTAINER_TEST=1 to run it",
)


PODMAN = ("podman", "--storage-driver", "vfs")  # the storage buildah built into


def run(*cmd: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(cmd), capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def image():
    for tool in ("buildah", "podman"):
        if not shutil.which(tool):
            pytest.skip(f"needs {tool} (Debian: apt-get install buildah podman)")
    if run(*PODMAN, "image", "exists", BASE).returncode != 0:
        pytest.skip(f"no base image {BASE} (Docker Hub is unreachable here); make one: {BASE_RECIPE}")
    r = run("buildah", "bud", "--isolation", "chroot", "--storage-driver", "vfs", "-t", IMAGE, str(ROOT), timeout=3600)
    assert r.returncode == 0, r.stderr[-3000:]
    yield IMAGE


def test_the_image_runs_read_only_as_its_user_under_tini_and_exports_a_png(image):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = run(
        *PODMAN, "run", "-d", "--read-only", "--tmpfs", "/tmp", "--tmpfs",
        "/home/app", "--user", "10001", "--cap-drop", "ALL", "-p", f"127.0.0.1:{port}:8501", image,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    cid = r.stdout.strip()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail("the container's app never answered /_stcore/health: " + run(*PODMAN, "logs", cid).stderr)
        assert run(*PODMAN, "exec", cid, "cat", "/proc/1/comm").stdout.strip() == "tini"
        assert run(*PODMAN, "exec", cid, "id", "-u").stdout.strip() == "10001"
        png = subprocess.run(
            [*PODMAN, "exec", cid, "python", "-c",
             "import sys, plotly.graph_objects as go; from lib import export; "
             "sys.stdout.buffer.write(export.image(go.Figure(go.Bar(y=[1, 2])), 'png', 320, 200))"],
            capture_output=True, timeout=180,
        )  # fmt: skip
        assert png.returncode == 0, png.stderr[-2000:]
        assert png.stdout[:8] == b"\x89PNG\r\n\x1a\n"
        assert run(*PODMAN, "exec", cid, "python", "deploy/healthcheck.py").returncode == 0
    finally:
        run(*PODMAN, "rm", "-f", cid, timeout=60)
