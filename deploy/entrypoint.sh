#!/bin/sh
# Start the app with the production settings of deploy/streamlit.env; variables already set in the
# environment win. `entrypoint.sh config` prints the settings Streamlit resolved instead (for checks).
set -eu
cd "$(dirname "$0")/.."
while IFS='=' read -r key value; do
  case "$key" in ''|\#*) continue ;; esac
  # export only when unset: docker run -e / a Kubernetes ConfigMap override the file
  eval "[ -n \"\${$key+set}\" ]" || export "$key=$value"
done < deploy/streamlit.env
PYTHON="${PYTHON:-python}"
if [ "${1:-}" = config ]; then
  exec "$PYTHON" -m streamlit config show
fi
exec "$PYTHON" -m streamlit run app.py "$@"
