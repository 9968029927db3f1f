"""What every page starts with: page config, navigation links, the shared sidebar inputs.

Pages are Streamlit's `pages/` folder (app.py is the Overview). Its built-in navigation is
hidden (.streamlit/config.toml) because it drops the query string; these links keep it.
"""
from __future__ import annotations

import streamlit as st

from . import workload_inputs

PAGES = [  # (script, label, icon)
    ("app.py", "Overview", "📊"),
    ("pages/recommendation.py", "Recommendation", "🧭"),
]


def navigation(current: str) -> None:
    cols = st.columns(len(PAGES) + 2)
    for col, (script, label, icon) in zip(cols, PAGES):
        col.page_link(script, label=label, icon=icon, disabled=label == current)


def start(title: str, open_section: str | None = None):
    """Set up a page and return the workload the sidebar describes."""
    st.set_page_config(page_title=f"{title} · Registry Decision Dashboard", page_icon="📦", layout="wide")
    navigation(title)
    return workload_inputs.render(open_section=open_section)
