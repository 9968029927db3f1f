"""The timeline slide: cost over the months, with the one-time costs of a move."""

from __future__ import annotations

from ...core.i18n import _
from ...presentation import wording
from ...pricing.labels import percent
from .frame import _Deck
from .layout import _slide
from .pptx_charts import lacking, lacking_key, timeline_chart


def timeline_slide(deck: _Deck) -> None:
    """Cumulative cost over the horizon, one-time setup included."""
    w = deck.w
    s = _slide(
        deck.prs,
        _("Cost over {n} months, one-time setup included").format(n=w.horizon_months),
        (  # "grow 0 % a month" reads as a defect (issue 28): the chart's own words when nothing grows
            _("Cumulative cost; pulls and versions grow {rate} a month").format(
                rate=percent(w.monthly_growth, 1 if w.monthly_growth * 100 % 1 else 0)
            )
            if w.monthly_growth
            else _("Cumulative cost; no growth")
        )
        + " · "
        + " · ".join([wording.drivers(w), *lacking_key(lacking(deck.a))]),
    )
    timeline_chart(s, w, deck.book, deck.a)
    deck.footer(s)
