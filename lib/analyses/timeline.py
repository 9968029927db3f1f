"""Total cost of ownership over a horizon: one-time setup, then monthly costs that grow."""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

import numpy as np
import pandas as pd
import yaml

from ..core.errors import DataFileError
from ..core.frozen import freeze
from ..core.i18n import _
from ..inputs.pricebook import PriceBook
from ..inputs.workload import Workload
from ..pricing import engine, registries

ONETIME_PATH = Path(__file__).resolve().parent.parent.parent / "data" / "onetime.yaml"


MIGRATION_NUMBERS = ("base_hours", "per_extra_repository_hours", "copy_mb_per_second")


def _hours(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0


def parse_onetime(doc: object, path: str | Path = "onetime.yaml") -> dict[str, Any]:
    """Check the one-time efforts document; a problem names the file and the entry."""

    def fail(entry: str, problem: str) -> NoReturn:
        raise DataFileError(f"{path}: {entry}: {problem}")

    if not isinstance(doc, dict):
        raise DataFileError(f"{path}: " + _("must be a mapping with 'setup_hours' and 'migration'"))
    setup = doc.get("setup_hours")
    if not isinstance(setup, dict):
        fail("setup_hours", _("missing, or not a mapping of registry to {hours, note}"))
    missing = [r for r in registries.IDS if r not in setup]
    if missing:
        fail("setup_hours", _("has no entry for {registries}").format(registries=", ".join(missing)))
    for rid in registries.IDS:
        entry = setup[rid]
        if not isinstance(entry, dict) or not _hours(entry.get("hours")):
            fail(f"setup_hours.{rid}.hours", _("must be a number of engineer hours, 0 or more"))
    migration = doc.get("migration")
    if not isinstance(migration, dict):
        fail("migration", _("missing, or not a mapping"))
    for key in MIGRATION_NUMBERS:
        if not _hours(migration.get(key)):
            fail(f"migration.{key}", _("must be a number, 0 or more"))
    if migration["copy_mb_per_second"] <= 0:  # the copy time divides by it
        fail("migration.copy_mb_per_second", _("must be more than 0"))
    return doc


@lru_cache(maxsize=2)
def onetime(path: str | Path | None = None) -> Mapping[str, Any]:
    path = path or ONETIME_PATH
    try:
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise DataFileError(
            f"{path}: " + _("not readable as YAML ({detail})").format(detail=" ".join(str(e).split())[:200])
        ) from e
    # read-only (the cache hands every caller the same document); notes read in the language of the run
    frozen: Mapping[str, Any] = freeze(parse_onetime(doc, path), texts=True)
    return frozen


def setup_costs(w: Workload) -> dict[str, float]:
    hours = onetime()["setup_hours"]
    return {rid: hours[rid]["hours"] * w.engineer_hourly_rate for rid in registries.IDS}


def monthly_workloads(w: Workload, months: int, growth: float) -> pd.DataFrame:
    """Month m (0-based): pulls and versions kept grown by (1 + growth) ** m."""
    factor = (1.0 + growth) ** np.arange(months)
    df = pd.DataFrame([w.to_dict()] * months)
    df["pulls_per_month"] = np.minimum(w.pulls_per_month * factor, 1e12)
    df["versions_kept"] = np.minimum(np.ceil(w.versions_kept * factor - 1e-9), 1000)
    return df


def cost_over_time(
    w: Workload,
    book: PriceBook,
    months: int | None = None,
    growth: float | None = None,
    changes: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two frames, one column per registry and one row per month (1-based): the cumulative cost at
    the end of each month (setup included from month 1), and that month's own cost. `changes`:
    registry id -> the setup it is priced in (Analysis.shown_changes(): each in its best setup)."""
    months = months or w.horizon_months
    growth = w.monthly_growth if growth is None else growth
    monthly = engine.estimate_many(monthly_workloads(w, months, growth), book)
    for rid, ch in (changes or {}).items():
        if ch:  # that registry's months priced in its setup, growing the same way
            grown = monthly_workloads(w.replace(**ch), months, growth)
            monthly[rid] = engine.estimate_many(grown, book, (rid,))[rid].to_numpy()
    setup = setup_costs(w)
    cumulative = monthly.cumsum() + pd.Series(setup)
    cumulative.index = pd.RangeIndex(1, months + 1, name="month")
    monthly.index = cumulative.index
    return cumulative, monthly
