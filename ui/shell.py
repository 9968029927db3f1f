"""What every page starts with: page config, the shared link, navigation and sidebar inputs.

Pages are Streamlit's `pages/` folder (app.py is the Overview). Its built-in navigation is
hidden (.streamlit/config.toml) because it drops the query string; these links keep it.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from . import chart, share, workload_inputs
from .resources import price_book

FAVICON = Path(__file__).with_name("favicon.png")  # a file: a Material icon would load from Google's servers
PAGES = [  # (script, label, icon): Material icons render without an emoji font
    ("app.py", "Overview", ":material/bar_chart:"),
    ("pages/recommendation.py", "Recommendation", ":material/explore:"),
    ("pages/compare.py", "Compare", ":material/compare_arrows:"),
    ("pages/break_even.py", "Break-even", ":material/show_chart:"),
    ("pages/cost_over_time.py", "Over time", ":material/schedule:"),
    ("pages/network_path.py", "Network path", ":material/lan:"),
    ("pages/features.py", "Features", ":material/checklist:"),
    ("pages/migration.py", "Migration", ":material/move_up:"),
    ("pages/measure.py", "Measure my registry", ":material/straighten:"),
    ("pages/export.py", "Export", ":material/ios_share:"),
    ("pages/about.py", "About", ":material/info:"),
]


def start(title: str, open_section: str | None = None):
    """Set up a page; return (workload, price book)."""
    st.set_page_config(page_title=f"{title} · Registry Decision Dashboard", page_icon=str(FAVICON), layout="wide")
    book = price_book()
    share.apply_incoming()  # before any widget: a new link sets the widgets
    nav, files, top = st.sidebar.container(), st.sidebar.container(), st.container()
    w = workload_inputs.render(title, open_section=open_section)
    q = share.publish(w, book)
    with nav:
        for script, label, icon in PAGES:
            st.page_link(script, label=label, icon=icon, disabled=label == title, query_params=q)
        st.divider()
    with files:
        share.scenario_files(w, book)
        st.divider()
    with top:
        _, right = st.columns([3, 1])
        with right:
            share.copy_link()
        share.notices(w, book)
        chart.style_sheet()
    return w, book
