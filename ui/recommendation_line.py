"""One line with the current recommendation, linking to the Recommendation page."""

import streamlit as st

from lib.core.i18n import _
from lib.decide import decision
from lib.pricing import labels

from . import share


def show(r: decision.Recommendation) -> None:
    """The page's recommendation (made once per rerun) in one sentence: the registry, the setup it
    is recommended in and that setup's cost, and when another registry meeting every hard
    requirement costs less, which one, its cost and what the difference buys."""
    cols = st.columns([5, 1])
    cols[0].success(decision.headline(r).replace("$", "\\$") + " " + labels.plain(r.summary).replace("$", "\\$"))
    cols[1].page_link(
        "pages/recommendation.py", label=_("Why?"), icon=":material/explore:", query_params=share.current_query()
    )
