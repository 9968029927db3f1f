"""Helpers for AppTest-based page tests."""
import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "app.py"


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
