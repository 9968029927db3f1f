"""Run `streamlit run` with each script run's server-side duration appended to a file.

Bench-only: wraps ScriptRunner._run_script, so the app's code is untouched. Each line of
$RERUN_LOG is "<seconds> <page script> <query string> cpu=<seconds>": the run's wall time and the CPU
time of the thread that ran it (the script's own work, without what the event loop does to send it).
Usage: RERUN_LOG=/tmp/r.log python bench/timed_server.py APP [streamlit args]
"""

import os
import sys
import time

from streamlit.runtime.scriptrunner import script_runner
from streamlit.web import cli

_original = script_runner.ScriptRunner._run_script
LOG = os.environ.get("RERUN_LOG", "/tmp/rerun.log")


def _timed(self, rerun_data):
    t0, cpu0 = time.perf_counter(), time.thread_time()
    try:
        return _original(self, rerun_data)
    finally:
        with open(LOG, "a") as f:
            f.write(
                f"{time.perf_counter() - t0:.6f} {rerun_data.page_script_hash or '-'} {rerun_data.query_string!r} "
                f"cpu={time.thread_time() - cpu0:.6f}\n"
            )


script_runner.ScriptRunner._run_script = _timed

if __name__ == "__main__":
    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    sys.exit(cli.main())
