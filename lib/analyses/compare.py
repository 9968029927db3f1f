"""Two scenarios (or one scenario under two price books), side by side per registry."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..core.i18n import _
from ..inputs.pricebook import PriceBook
from ..inputs.workload import Workload
from ..pricing import engine, registries
from .analysis import Analysis


def side_by_side(
    a: Workload, b: Workload, book_a: PriceBook, book_b: PriceBook | None = None, labels: tuple[str, str] = ("A", "B")
) -> pd.DataFrame:
    """One row per registry: monthly cost under A and B, the difference and the change in %."""
    return table(engine.estimate(a, book_a).totals(), engine.estimate(b, book_b or book_a).totals(), labels)


def analyses_side_by_side(a: Analysis, b: Analysis) -> pd.DataFrame:
    """side_by_side() of the figures each analysis shows: every registry in its own cheapest setup
    under A and under B (or as set up now, the view), so the recommendation's figure is A's."""
    return table(a.shown.totals(), b.shown.totals())


def marks(a: Analysis, b: Analysis) -> dict[str, list[str]]:
    """The words under a registry's name on the Compare chart: A's recommendation, A's cheapest
    registry that meets the requirements where it is another one, and B's recommendation where
    B moves it (each at the figures shown: its best setup, or as set up now)."""
    out: dict[str, list[str]] = {}
    ra, rb, cheapest = a.recommendation.recommended, b.recommendation.recommended, a.cheapest()
    out.setdefault(ra, []).append(_("recommended"))
    if cheapest and cheapest != ra:
        out.setdefault(cheapest, []).append(_("cheapest"))
    if rb != ra:
        out.setdefault(rb, []).append(_("recommended under B"))
    return out


def table(ta: Mapping[str, float], tb: Mapping[str, float], labels: tuple[str, str] = ("A", "B")) -> pd.DataFrame:
    """One row per registry from two sets of monthly totals."""
    rows = []
    for rid in registries.IDS:
        diff = tb[rid] - ta[rid]
        pct = diff / ta[rid] * 100 if ta[rid] else (0.0 if diff == 0 else float("inf"))
        rows.append(
            {
                "id": rid,
                "registry": registries.name(rid),
                labels[0]: ta[rid],
                labels[1]: tb[rid],
                "difference": diff,
                "change_pct": pct,
            }
        )
    return pd.DataFrame(rows)
