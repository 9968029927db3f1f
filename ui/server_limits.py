"""What one client may take from the server it shares with everyone (issue 30): Streamlit's own
server keeps no per-session bounds, so these are installed into it once, from the first thing every
run does (ui/language.start_run: a deep link's first run skips app.py).

- Uploads: every file a session uploads is held in the process's memory until the session ends
  (and ~2 minutes after a disconnect). A session may hold at most SESSION_UPLOAD_MB, the process
  PROCESS_UPLOAD_MB; past that the upload endpoint answers 413 before storing anything. The
  browser's own caps (the scenario uploader's 1 MB) are not the server's: any client can PUT.
- Reruns: a browser sends one `rerun_script` per widget change; a client sending one every 10 ms
  kept a core busy restarting its script. A session's reruns start at most one per RERUN_INTERVAL_S;
  requests in between are coalesced, the newest state wins (what a person typed last is what runs).
- A widget value a client sent that its widget cannot read (NaN for a whole number) is dropped at
  the start of the run (drop_unreadable_state), instead of failing that session's every later run.
- `clear_cache` from a client clears that client's session only: the caches are shared by everyone
  (Streamlit's handler clears them for all sessions).

Plain monkeypatches of four methods, each guarded so a Streamlit upgrade that renames them fails
loudly in tests/test_flood.py rather than silently dropping the bound.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

from streamlit.runtime.app_session import AppSession
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.state.session_state import SessionState
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

MB = 1 << 20
SESSION_UPLOAD_MB = 110  # "Measure my registry" takes up to 100 MB in all; the form adds a little
PROCESS_UPLOAD_MB = 400  # of a 1 GiB pod (deploy/k8s): room for the process, Chromium and measuring
RERUN_INTERVAL_S = 0.5  # a person changes an input every few seconds; a held key repeats ~30 times a second

_installed = threading.Lock()
_done = False


class UploadRefused(Exception):
    """Raised inside the upload endpoint; answered 413 there (Starlette's HTTPException)."""


def _refuse(detail: str) -> Exception:
    try:
        from starlette.exceptions import HTTPException

        return HTTPException(status_code=413, detail=detail)
    except ImportError:  # the Tornado server of older Streamlit versions: a plain error (500), still refused
        return UploadRefused(detail)


def _add_file(original: Any) -> Any:
    def add_file(self: MemoryUploadedFileManager, session_id: str, file: UploadedFileRec) -> None:
        with self._lock:
            held = self.file_storage.get(session_id, {})
            old = held.get(file.file_id)
            session = sum(len(f.data) for f in held.values()) - (len(old.data) if old else 0)
            process = self._total_bytes - (len(old.data) if old else 0)
        if session + len(file.data) > SESSION_UPLOAD_MB * MB:
            raise _refuse(f"This session already holds {session // MB} MB of uploads (at most {SESSION_UPLOAD_MB} MB)")
        if process + len(file.data) > PROCESS_UPLOAD_MB * MB:
            raise _refuse("The server holds too many uploads right now; try again in a few minutes")
        original(self, session_id, file)

    add_file.__wrapped__ = original  # type: ignore[attr-defined]
    return add_file


class _Throttle:
    """Per session: when its last rerun started, the newest request waiting, the timer that runs it."""

    __slots__ = ("last", "pending", "timer")

    def __init__(self) -> None:
        self.last = 0.0
        self.pending: Any = None
        self.timer: asyncio.TimerHandle | None = None


def _rerun(original: Any) -> Any:
    def handle_rerun(self: AppSession, client_state: Any = None) -> None:
        t: _Throttle | None = getattr(self, "_rdd_throttle", None)
        if t is None:
            t = _Throttle()
            self._rdd_throttle = t  # type: ignore[attr-defined]
        now = time.monotonic()
        if t.timer is None and now - t.last >= RERUN_INTERVAL_S:
            t.last = now
            original(self, client_state)
            return
        t.pending = client_state  # coalesced: the newest state wins
        if t.timer is None:

            def flush() -> None:
                assert t is not None
                t.timer = None
                t.last = time.monotonic()
                state, t.pending = t.pending, None
                original(self, state)

            t.timer = asyncio.get_running_loop().call_later(max(0.0, t.last + RERUN_INTERVAL_S - now), flush)

    handle_rerun.__wrapped__ = original  # type: ignore[attr-defined]
    return handle_rerun


def _clear_own_session(self: AppSession) -> None:
    self._session_state.clear()


def _drop_unreadable(state: Any) -> list[str]:
    """Values the browser sent (SessionState._new_widget_state) that their widget cannot read."""
    sent = state._new_widget_state
    dropped = []
    for wid in list(sent.states):
        try:
            sent[wid]
        except KeyError:
            continue  # no metadata yet (the widget is not drawn yet): read when it is
        except Exception:  # noqa: BLE001 - whatever the widget's deserializer raises
            dropped.append(wid)
            sent.states.pop(wid, None)
    return dropped


def drop_unreadable_state() -> list[str]:
    """First in every run: a widget value the browser sent that its widget cannot read (NaN for a
    whole number, a number for a choice) is dropped: the input keeps its last good value, or starts
    from its default, instead of the run failing. Returns the widget ids dropped."""
    from streamlit.runtime.state.session_state_proxy import get_session_state

    return _drop_unreadable(get_session_state()._state)


def _compact(original: Any) -> Any:
    # Streamlit copies every widget value into its old state at the start of the next run, reading
    # each: one unreadable value failed that session's every later run, before the script started
    def compact_state(self: Any) -> None:
        _drop_unreadable(self)
        original(self)

    compact_state.__wrapped__ = original  # type: ignore[attr-defined]
    return compact_state


def install() -> None:
    """Idempotent: app.py calls it on every run; the first one patches."""
    global _done
    if _done:
        return
    with _installed:
        if _done:
            return
        MemoryUploadedFileManager.add_file = _add_file(MemoryUploadedFileManager.add_file)  # type: ignore[method-assign]
        AppSession._handle_rerun_script_request = _rerun(AppSession._handle_rerun_script_request)  # type: ignore[method-assign]
        AppSession._handle_clear_cache_request = _clear_own_session  # type: ignore[method-assign]
        SessionState._compact_state = _compact(SessionState._compact_state)  # type: ignore[method-assign]
        _done = True
