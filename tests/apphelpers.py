"""Helpers for AppTest-based page tests."""

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest, app_test

APP = Path(__file__).resolve().parent.parent / "app.py"


class _AfterFirstRequest(PagesManager):
    """A server's state after its first run of app.py: runs go through the router (app.py).

    AppTest resets Streamlit's class flag PagesManager.uses_pages_directory before every run, and with
    a `pages/` folder it would run the page file directly each time, as a live server does only on its
    first request (ui/shell.py page() draws the frame then; tests/test_app_navigation.py covers it).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if ROUTER_FIRST:
            PagesManager.uses_pages_directory = False


ROUTER_FIRST = True  # tests of the direct run set it False for their duration
app_test.PagesManager = _AfterFirstRequest


def open_app(query_params: dict | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    for k, v in (query_params or {}).items():
        at.query_params[k] = v
    if page:
        at.switch_page(page)
    return at.run()


def array(v):
    if isinstance(v, dict) and "bdata" in v:  # plotly 7 packs number arrays as typed base64
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"])).tolist()
    return list(v)


def figure(at: AppTest, i: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def bar_value(fig: dict, trace_name: str, x: str) -> float:
    for tr in fig["data"]:
        if tr.get("name") == trace_name:
            xs, ys = array(tr["x"]), array(tr["y"])
            return float(ys[xs.index(x)])
    raise KeyError(f"no trace {trace_name!r}")
