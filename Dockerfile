# The Registry Decision Dashboard for a team: `make image`, then
#   docker run --rm -p 8501:8501 registry-dashboard:1.0.0
# Settings: deploy/streamlit.env (production: error details hidden, XSRF on, no file watcher,
# 100 MB uploads for inventories), each overridable with `docker run -e STREAMLIT_...`.
FROM python:3.11-slim

# Debian's Chromium: kaleido drives it for the PNG/SVG chart exports and the deck's pictures;
# Noto CJK: Hangul in Korean chart pictures (without it, boxes); tini: PID 1 reaps the processes a
# killed Chromium leaves behind (Python as PID 1 would keep them as zombies) and passes signals on.
# Versions come from the Debian release the base image pins; a rebuild picks up security fixes.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-noto-cjk tini \
 && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# Dependencies first: the layer is reused while only the code changes.
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# The Korean catalogue compiled once here (the app would otherwise compile it in memory at start);
# a non-root user that owns nothing it could rewrite in the app; HOME for Streamlit's and Chromium's caches.
RUN pybabel -q compile -d locales -D messages \
 && useradd --create-home --uid 10001 --user-group app
USER 10001

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "deploy/healthcheck.py"]
ENTRYPOINT ["/usr/bin/tini", "--", "sh", "deploy/entrypoint.sh"]
