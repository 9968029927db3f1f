"""Issue 30, item 9: the smaller ways a hostile or careless input hurt a session."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.app_session import AppSession

from lib import cli
from lib.core.i18n import quote
from tests.apphelpers import open_app
from tests.test_app_measure import FIX, PAGE, upload
from ui import server_limits
from ui.measure_upload import distinct_names


def test_combining_marks_cannot_pile_up_inside_a_quote():
    # hundreds of marks on one letter draw over the lines around it; two are kept (é, ệ need one or two)
    q = quote("a" + "\u0301" * 300)
    assert q.count("\u0301") == 2 and "\\u0301" in q
    assert quote("e\u0323\u0302") == "`e\u0323\u0302`"  # ệ written with two marks is left alone


def test_fields_lists_text_fields_with_their_pattern_not_true_false(capsys):
    cli.main(["fields"])
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "text matching [0-9]{12}" in rows["aws_account"] and "true/false" not in rows["aws_account"]
    assert "true/false" in rows["aws_only"]  # a real yes/no field keeps it


def test_two_uploads_with_one_name_are_two_files_read():
    assert distinct_names(["a.json", "a.json", "b.zip", "b.zip", "c", "c", "a.json"]) == [
        "a.json",
        "a (2).json",
        "b.zip",
        "b (2).zip",
        "c",
        "c (2)",
        "a (3).json",
    ]
    data = (FIX / "ecr" / "describe-images.json").read_bytes()
    at = upload(open_app(page=PAGE), ("describe-images.json", data), ("describe-images.json", data))
    assert not at.exception
    assert any(e.label.startswith("Files read (2)") for e in at.expander), [e.label for e in at.expander]


def test_clear_cache_from_a_client_clears_only_its_own_session():
    server_limits.install()
    calls = []

    @st.cache_data
    def shared(x: int) -> int:
        calls.append(x)
        return x

    shared(1)

    class Session:  # what the handler touches of an AppSession
        class _session_state:  # noqa: N801
            cleared = False

            @classmethod
            def clear(cls) -> None:
                cls.cleared = True

    AppSession._handle_clear_cache_request(Session())  # type: ignore[arg-type]
    assert Session._session_state.cleared
    shared(1)
    assert calls == [1], "the shared cache survived one client's clear_cache"


def test_downloads_are_built_a_few_at_a_time_per_process():
    """Issue 30, finding 2: 20 simultaneous deck downloads ran at once (16.7 s of CPU together)."""
    import threading
    import time

    from ui import language

    running, most = [0], [0]
    lock = threading.Lock()

    def slow_build() -> bytes:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return b"deck"

    builders = [language.deferred(slow_build) for _ in range(8)]
    threads = [threading.Thread(target=b) for b in builders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert most[0] == language.BUILDERS == 2
