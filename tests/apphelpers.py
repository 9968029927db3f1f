"""Helpers for AppTest-based page tests."""

import base64
import json
import re
from pathlib import Path

import numpy as np
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest, app_test

from lib.inputs.workload import SPECS

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


# ---- code names a person must never read (the AppTest and the browser scans share these) -------------

SNAKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")  # field names: pulls_per_month
# field names as the old pages spelt them ("image size mb"), where the label does not start so
SPACED = [n.replace("_", " ") for n in SPECS if "_" in n and not SPECS[n].label.lower().startswith(n.replace("_", " "))]
RAW = re.compile(r"\bnat\b|\bgithub actions\b|\bon prem\b|\bmulti cloud\b|\bstrength \d of 3\b|recommended_for")
NO_FILES = (
    "data/",
    "prices.yaml",
    "onetime.yaml",
    "features.yaml",
    "registry-comparison.md",
    "cost-model.md",
    "../shared",
    "source document",
)


def code_names(text: str) -> list[str]:
    """What in `text` is the code's name for a thing rather than its name in words."""
    found = SNAKE.findall(text) + [s for s in SPACED if s in text.lower()] + RAW.findall(text)
    return found + [f for f in NO_FILES if f in text]


# Issue 11's team as a link gives it: EKS behind one NAT gateway, 40 x 1.2 GB, 30 versions kept,
# 50,000 pulls a month, 90 % in the region and 10 % from another ($2,996.85 for ECR as set up)
EKS_LINK = {
    "network": "nat",
    "repositories": "40",
    "image_size_mb": "1200",
    "versions_kept": "30",
    "pulls_per_month": "50000",
    "same_region_share": "0.9",
    "cross_region_share": "0.1",
    "internet_share": "0",
}
