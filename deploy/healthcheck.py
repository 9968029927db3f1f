"""The container's HEALTHCHECK and the pod's liveness probe: exit 0 when Streamlit answers on
/_stcore/health and picture exports work, else 1.

Exports: lib/exports/export.py restarts its renderer when Chromium dies and notes in a file per port
(lib.exports.export.status_path) when pictures still fail after that; /_stcore/health stays 200 then, so
this is what lets Kubernetes restart such a pod.

Reads the port and base path as deploy/entrypoint.sh sets them (the environment wins over
deploy/streamlit.env), so a server under a path (`STREAMLIT_SERVER_BASE_URL_PATH=registry`)
is checked at /registry/_stcore/health. Standard library only: the slim image has no curl.
"""

import json
import os
import sys
import tempfile
import urllib.request
from pathlib import Path

ENV_FILE = Path(__file__).resolve().parent / "streamlit.env"


def settings() -> dict[str, str]:
    values = {}
    for line in ENV_FILE.read_text().splitlines():
        if line.strip() and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
    values.update({k: v for k, v in os.environ.items() if k.startswith("STREAMLIT_")})
    return values


def health_url(values: dict[str, str]) -> str:
    base = values.get("STREAMLIT_SERVER_BASE_URL_PATH", "").strip("/")
    port = values.get("STREAMLIT_SERVER_PORT", "8501")
    return f"http://127.0.0.1:{port}/{base + '/' if base else ''}_stcore/health"


def renderer_broken(values: dict[str, str]) -> str | None:
    """Why picture exports fail (as lib/exports/export.py noted it), or None. The same file name as
    lib.exports.export.status_path: this script runs without the app's packages."""
    port = values.get("STREAMLIT_SERVER_PORT", "8501")
    path = os.path.join(tempfile.gettempdir(), f"registry-dashboard-renderer-{port}.json")
    try:
        with open(path, encoding="utf-8") as f:
            state = json.load(f)
    except (OSError, ValueError):
        return None  # no export tried yet (or the file is unreadable): HTTP health decides
    return None if state.get("ok", True) else str(state.get("why") or "picture exports fail")


def main() -> int:
    values = settings()
    url = health_url(values)
    try:
        with urllib.request.urlopen(url, timeout=4) as r:
            if r.status != 200:
                return 1
    except OSError as e:
        print(f"unhealthy: {url}: {e}", file=sys.stderr)
        return 1
    why = renderer_broken(values)
    if why:
        print(f"unhealthy: picture exports fail after a renderer restart: {why}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
