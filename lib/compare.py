"""Two scenarios (or one scenario under two price books), side by side per registry."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from . import engine, registries
from .analysis import Analysis
from .pricebook import PriceBook
from .workload import Workload


def side_by_side(
    a: Workload, b: Workload, book_a: PriceBook, book_b: PriceBook | None = None, labels: tuple[str, str] = ("A", "B")
) -> pd.DataFrame:
    """One row per registry: monthly cost under A and B, the difference and the change in %."""
    return table(engine.estimate(a, book_a).totals(), engine.estimate(b, book_b or book_a).totals(), labels)


def analyses_side_by_side(a: Analysis, b: Analysis) -> pd.DataFrame:
    """side_by_side() of the figures each analysis shows: every registry in its own cheapest setup
    under A and under B (or as set up now, the view), so the recommendation's figure is A's."""
    return table(a.shown.totals(), b.shown.totals())


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
