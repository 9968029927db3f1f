"""One line with the current recommendation, linking to the Recommendation page."""

import streamlit as st

from lib import decision, labels
from lib.i18n import _

from . import share


def show(w, book, costs: dict | None = None, cheaper: dict | None = None, r=None) -> None:
    """`cheaper`: setups.cheaper_setups() when the page has them. One sentence: the registry, the
    setup it is recommended in and that setup's cost, and when another registry meeting every hard
    requirement costs less, which one, its cost and what the difference buys. `r`: the recommendation,
    when the page has it (lib/scenario_cache)."""
    r = r if r is not None else decision.recommend(w, book, costs=costs, cheaper=cheaper)
    cols = st.columns([5, 1])
    cols[0].success(decision.headline(r).replace("$", "\\$") + " " + labels.plain(r.summary).replace("$", "\\$"))
    cols[1].page_link(
        "pages/recommendation.py", label=_("Why?"), icon=":material/explore:", query_params=share.current_query()
    )
