"""One line with the current recommendation, linking to the Recommendation page."""

import streamlit as st

from lib import decision, labels
from lib.i18n import _
from lib.pricebook import PriceBook
from lib.setups import Setup
from lib.workload import Workload

from . import share


def show(
    w: Workload,
    book: PriceBook,
    costs: dict[str, float] | None = None,
    cheaper: dict[str, Setup | None] | None = None,
) -> None:
    """`cheaper`: setups.cheaper_setups() when the page has them. One sentence: the registry, the
    setup it is recommended in and that setup's cost, and when another registry meeting every hard
    requirement costs less, which one, its cost and what the difference buys."""
    r = decision.recommend(w, book, costs=costs, cheaper=cheaper)
    cols = st.columns([5, 1])
    cols[0].success(decision.headline(r).replace("$", "\\$") + " " + labels.plain(r.summary).replace("$", "\\$"))
    cols[1].page_link(
        "pages/recommendation.py", label=_("Why?"), icon=":material/explore:", query_params=share.current_query()
    )
