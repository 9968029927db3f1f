"""Sweep one input across its range and find where registries change places.

Uses the vectorised engine: a sweep of 400 points x 8 registries is one call. Break-even
points are found where the cost difference of two registries changes sign between grid
points, then refined by bisection (to the whole unit for whole-number inputs).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..core.i18n import _
from ..core.numbers import KOREAN_COUNTER
from ..inputs.pricebook import PriceBook
from ..inputs.workload import NUMERIC, SPECS, SWEEPS, Workload
from ..pricing import engine, labels, registries

# (low, high, log axis) and the values' unit words for each input the page can sweep: views of the
# fields' own specs (workload.Sweep), kept under these names for the pages and the deck
RANGES = {k: (sw.lo, sw.hi, sw.log) for k, sw in SWEEPS.items()}
UNITS = {k: sw.unit_id for k, sw in SWEEPS.items()}  # English message ids: translate where shown


# registries a and b, the low and high x, the sign of cost a - cost b at low, the cheaper above and below
Bracket = tuple[str, str, float, float, float, str, str]
# registry id -> the setup it is priced in (Analysis.shown_changes(): each registry in its best setup,
# so the recommended one's line passes through the recommendation's figure); absent: as described
Setups = Mapping[str, Mapping[str, Any]]


def unit(field: str) -> str:
    """A swept input's unit in the current language (the table holds the English)."""
    return _(UNITS[field])


def with_unit(field: str, n: str) -> str:
    """A swept value with its unit: "42 pulls a month"; in Korean a count a month reads "월 42회", not
    "42회/월" (issue 28), so that unit is a phrase of its own."""
    if UNITS[field] == "pulls a month":
        return _("{n} pulls a month").format(n=n)
    if UNITS[field] == "versions":
        return _("{n} versions").format(n=n)  # "버전 12개", not "12버전"
    u = unit(field)
    if KOREAN_COUNTER.fullmatch(u):  # a Korean counter attaches to its number ("10명"); "1,200 MB" keeps its space
        return f"{n}{u}"
    return _("{n} {unit}").format(n=n, unit=u)


@dataclass(frozen=True)
class BreakEven:
    x: float
    cheaper_above: str
    cheaper_below: str
    cost: float

    def sentence(self, field: str) -> str:
        names = {rid: registries.name(rid) for rid in registries.IDS}  # in the language of the run
        x = f"{self.x:.0%}" if field == "cross_region_share" else f"{self.x:,.0f}"
        return _("{above} becomes cheaper than {below} above {x} (about {cost}/month at that point).").format(
            above=names[self.cheaper_above],
            below=names[self.cheaper_below],
            x=with_unit(field, x),  # Korean: "월 42회"
            cost=labels.money(self.cost),
        )  # the display currency: dollars, or won at the reader's rate


def is_integer(field: str) -> bool:
    return SPECS[field].kind == "int"


def bounds(w: Workload, field: str) -> tuple[float, float]:
    lo, hi, _log = RANGES[field]
    if field == "cross_region_share":
        hi = 1.0 - w.internet_share
    return float(lo), float(hi)


def grid(w: Workload, field: str, n: int = 400) -> np.ndarray:
    lo, hi = bounds(w, field)
    xs = np.geomspace(lo, hi, n) if RANGES[field][2] else np.linspace(lo, hi, n)
    if is_integer(field):
        xs = np.unique(np.round(xs))
    return xs


def frame(w: Workload, field: str, xs: npt.ArrayLike) -> pd.DataFrame:
    """Workloads equal to w except for `field` = each x (the pull mix kept summing to 1)."""
    xs = np.asarray(xs, dtype=float)
    df = pd.DataFrame([w.to_dict()] * len(xs))
    df[field] = xs
    if field == "cross_region_share":
        df["same_region_share"] = 1.0 - w.internet_share - xs
    return df


def varying(w: Workload, field: str, xs: npt.ArrayLike) -> dict[str, np.ndarray]:
    """The numeric fields that change when `field` takes the values xs (the pull mix kept summing to 1)."""
    xs = np.asarray(xs, dtype=float)
    out = {field: xs}
    if field == "cross_region_share":  # as frame() does
        out["same_region_share"] = 1.0 - w.internet_share - xs
    return out


def _by_setup(w: Workload, ids: tuple[str, ...], setups: Setups | None) -> list[tuple[Workload, tuple[str, ...]]]:
    """The registries grouped by the setup they are priced in, each group with its workload (the
    setup's changes are choices like the network path: the swept input moves the same way in each)."""
    groups: dict[tuple[tuple[str, Any], ...], list[str]] = {}
    for rid in ids:
        groups.setdefault(tuple(sorted((setups or {}).get(rid, {}).items())), []).append(rid)
    return [(w.replace(**dict(k)) if k else w, tuple(g)) for k, g in groups.items()]


def sweep(
    w: Workload,
    field: str,
    book: PriceBook,
    xs: npt.ArrayLike | None = None,
    ids: tuple[str, ...] = registries.IDS,
    setups: Setups | None = None,
) -> pd.DataFrame:
    """Monthly cost per registry (columns) for each value of the field (index); `setups`: each
    registry's setup (its setup chosen for today's values, held across the range)."""
    xs = grid(w, field) if xs is None else np.asarray(xs, dtype=float)
    parts = []
    for wg, group in _by_setup(w, ids, setups):
        if field in NUMERIC:  # every sweepable field today: no DataFrame of workloads to build and group
            parts.append(engine.estimate_varying(wg, varying(wg, field, xs), book, group))
        else:
            parts.append(engine.estimate_many(frame(wg, field, xs), book, group))
    out = parts[0] if len(parts) == 1 else pd.concat([p.reset_index(drop=True) for p in parts], axis=1)[list(ids)]
    out.index = pd.Index(xs, name=field)
    return out


class _Pricer:
    """engine.Varying for registries each in its own setup: one Varying per setup, the columns put
    back in `ids` order."""

    def __init__(self, w: Workload, book: PriceBook, ids: tuple[str, ...], setups: Setups | None) -> None:
        self.ids = ids
        self.parts = [
            (engine.Varying(wg, book, group), [ids.index(r) for r in group]) for wg, group in _by_setup(w, ids, setups)
        ]

    def totals(self, vary: Mapping[str, npt.ArrayLike]) -> np.ndarray:
        out: np.ndarray | None = None
        for pricer, cols in self.parts:
            t = pricer.totals(vary)
            if out is None:
                out = np.empty((t.shape[0], len(self.ids)))
            out[:, cols] = t
        assert out is not None  # one part at least: ids is never empty
        return out


def _refine_all(
    w: Workload, field: str, book: PriceBook, brackets: list[Bracket], setups: Setups | None = None
) -> tuple[np.ndarray, _Pricer]:
    """Bisection for every bracket (a, b, lo, hi, sign of cost_a - cost_b at lo) at once: each
    step prices all the brackets' midpoints in one call instead of one sweep per bracket per
    step. The calls go to engine.Varying, w laid out once as arrays: no DataFrame or w.to_dict()
    per step (they were most of a step's time). Each bracket takes the same steps, and ends at
    the same point, as bisecting it alone. Returns the points and the pricer, for their costs."""
    integer = is_integer(field)
    lo = np.array([br[2] for br in brackets], dtype=float)
    hi = np.array([br[3] for br in brackets], dtype=float)
    sign_lo = np.array([br[4] for br in brackets], dtype=float)
    ids = tuple(r for r in registries.IDS if any(r in br[:2] for br in brackets))
    pricer = _Pricer(w, book, ids, setups)
    col_a = np.array([ids.index(br[0]) for br in brackets])
    col_b = np.array([ids.index(br[1]) for br in brackets])
    for _step in range(60):
        active = np.flatnonzero((hi - lo) > (1.0 if integer else np.maximum(1e-9, 1e-9 * np.abs(hi))))
        if not len(active):
            break
        mid = np.floor((lo[active] + hi[active]) / 2) if integer else (lo[active] + hi[active]) / 2
        if integer:
            mid = np.where(mid <= lo[active], lo[active] + 1, mid)
        t = pricer.totals(varying(w, field, mid))
        rows = np.arange(len(active))
        d = t[rows, col_a[active]] - t[rows, col_b[active]]
        same = np.sign(d) == sign_lo[active]
        lo[active] = np.where(same, mid, lo[active])
        hi[active] = np.where(same, hi[active], mid)
    return hi, pricer


def break_evens(
    w: Workload,
    field: str,
    book: PriceBook,
    ids: tuple[str, ...] = registries.IDS,
    table: pd.DataFrame | None = None,
    tol: float = 1e-9,
    setups: Setups | None = None,
) -> list[BreakEven]:
    """Every point in the range where two registries swap places, in order of x; `setups` as in
    sweep() (the same for `table` and the refinement)."""
    table = sweep(w, field, book, ids=ids, setups=setups) if table is None else table
    xs = table.index.to_numpy(dtype=float)
    costs = {rid: table[rid].to_numpy() for rid in ids}  # column look-ups once, not once per pair
    brackets: list[Bracket] = []
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            d = costs[a] - costs[b]
            s = np.where(np.abs(d) <= tol * np.maximum(1.0, np.abs(costs[a])), 0, np.sign(d))
            nz = np.flatnonzero(s)
            # consecutive non-zero signs that differ: a crossing between those two grid points
            for c in np.flatnonzero(s[nz[:-1]] != s[nz[1:]]):
                j, k = nz[c], nz[c + 1]
                above, below = (a, b) if s[k] < 0 else (b, a)
                brackets.append((a, b, xs[j], xs[k], s[j], above, below))
    if not brackets:
        return []
    x, pricer = _refine_all(w, field, book, brackets, setups)
    at = pricer.totals(varying(w, field, x))  # the brackets' registries at their points
    found = [
        BreakEven(float(x[n]), br[5], br[6], float(at[n, pricer.ids.index(br[5])])) for n, br in enumerate(brackets)
    ]
    return sorted(found, key=lambda be: (be.x, be.cheaper_above, be.cheaper_below))
