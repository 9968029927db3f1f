"""The container's HEALTHCHECK: exit 0 when Streamlit answers on /_stcore/health, else 1.

Reads the port and base path as deploy/entrypoint.sh sets them (the environment wins over
deploy/streamlit.env), so a server under a path (`STREAMLIT_SERVER_BASE_URL_PATH=registry`)
is checked at /registry/_stcore/health. Standard library only: the slim image has no curl.
"""

import os
import sys
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


def main() -> int:
    url = health_url(settings())
    try:
        with urllib.request.urlopen(url, timeout=4) as r:
            return 0 if r.status == 200 else 1
    except OSError as e:
        print(f"unhealthy: {url}: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
