"""Total cost of ownership over a horizon: one-time setup, then monthly costs that grow."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from . import engine, registries
from .pricebook import PriceBook

ONETIME_PATH = Path(__file__).resolve().parent.parent / "data" / "onetime.yaml"


@lru_cache(maxsize=2)
def onetime(path: str | Path = ONETIME_PATH) -> dict:
    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    missing = [r for r in registries.IDS if r not in doc.get("setup_hours", {})]
    if missing:
        raise ValueError(f"{path}: setup_hours has no entry for {', '.join(missing)}")
    return doc


def setup_costs(w) -> dict[str, float]:
    hours = onetime()["setup_hours"]
    return {rid: hours[rid]["hours"] * w.engineer_hourly_rate for rid in registries.IDS}


def monthly_workloads(w, months: int, growth: float) -> pd.DataFrame:
    """Month m (0-based): pulls and versions kept grown by (1 + growth) ** m."""
    factor = (1.0 + growth) ** np.arange(months)
    df = pd.DataFrame([w.to_dict()] * months)
    df["pulls_per_month"] = np.minimum(w.pulls_per_month * factor, 1e12)
    df["versions_kept"] = np.minimum(np.ceil(w.versions_kept * factor - 1e-9), 1000)
    return df


def cost_over_time(w, book: PriceBook, months: int | None = None, growth: float | None = None) -> pd.DataFrame:
    """Columns per registry: cumulative cost at the end of each month (setup included at month 0)."""
    months = months or w.horizon_months
    growth = w.monthly_growth if growth is None else growth
    monthly = engine.estimate_many(monthly_workloads(w, months, growth), book)
    setup = setup_costs(w)
    cumulative = monthly.cumsum() + pd.Series(setup)
    cumulative.index = pd.RangeIndex(1, months + 1, name="month")
    monthly.index = cumulative.index
    return cumulative, monthly
