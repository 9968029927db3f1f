"""One line with the current recommendation, linking to the Recommendation page."""
import streamlit as st

from lib import decision, labels
from lib.registries import NAMES

from . import share


def show(w, book, costs: dict | None = None) -> None:
    r = decision.recommend(w, book, costs=costs)
    cols = st.columns([5, 1])
    cols[0].success(f"**Recommended: {NAMES[r.recommended]}** (${r.costs[r.recommended]:,.2f}/month) — {labels.plain(r.summary)}")
    cols[1].page_link("pages/recommendation.py", label="Why?", icon=":material/explore:", query_params=share.current_query())
