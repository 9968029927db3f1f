"""Evaluate registries for one workload (with components and flags) or for many at once.

Both paths call the same registry modules. The vectorised path groups workloads by their
categorical fields (region, plans, modes), so inside a group every `if` in a registry module
sees one plain value and every numeric field is a numpy array.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType, SimpleNamespace
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..core.errors import InputError
from ..core.i18n import N_, _
from ..inputs import regions
from ..inputs.pricebook import PriceBook
from ..inputs.workload import NUMERIC, PRICED_CHOICES, SPECS, PricingInputs, Workload, priced_choices, requires_endpoint
from . import labels, registries
from .components import Component, Flag, Joined, Label, Prices, Shown, quantities, say


@dataclass(frozen=True)
class RegistryEstimate:
    id: str
    components: list[Component]
    flags: list[Flag] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The registry's name in the reader's language (made when read, not when priced)."""
        return registries.name(self.id)

    @property
    def monthly_cost(self) -> float:
        return float(sum(c.monthly_cost for c in self.components))

    def by_category(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for c in self.components:
            out[c.category] = out.get(c.category, 0.0) + c.monthly_cost
        return out

    def component(self, name_start: str) -> Component:
        """The line whose English name (its stable key, the same in every language) starts so."""
        for c in self.components:
            if c.key.startswith(name_start):
                return c
        raise KeyError(f"{self.id} has no component starting {name_start!r}")


@dataclass(frozen=True)
class Estimate:
    workload: Workload
    registries: list[RegistryEstimate]
    price_book_version: str
    # every price-book entry the pricing looked up (lines, flags, allowances), by choice: the
    # deck's sources list these, so they are recorded where the prices are resolved
    prices_used: Mapping[str, Mapping[str | None, float]] = field(default_factory=dict)

    def __getitem__(self, registry_id: str) -> RegistryEstimate:
        for r in self.registries:
            if r.id == registry_id:
                return r
        raise KeyError(registry_id)

    def totals(self) -> dict[str, float]:
        return {r.id: r.monthly_cost for r in self.registries}

    def ranked(self) -> list[RegistryEstimate]:
        """Cheapest first; a tie in the document's order (registries.IDS), as the decision breaks ties: by
        id's letters, three registries at $0.00 put Docker Hub above the ECR the page recommended."""
        return sorted(self.registries, key=lambda r: (r.monthly_cost, _ORDER.get(r.id, len(_ORDER))))


_ORDER = {rid: i for i, rid in enumerate(registries.IDS)}


def batch(choices: Mapping[str, Any], numbers: Mapping[str, np.ndarray]) -> PricingInputs[np.ndarray]:
    """Workloads that share every choice (PRICED_CHOICES), their numbers (NUMERIC) as arrays: what the
    registries' lines read (lib.inputs.workload.PricingInputs; a test checks every member is here)."""
    return SimpleNamespace(**choices, **numbers)


def check_region(region: str, book: PriceBook) -> None:
    if region not in book.regions:
        raise InputError(
            _("region: '{region}' is not in the price book (has: {regions})").format(
                region=region, regions=", ".join(book.regions)
            )
        )


def estimate(
    w: Workload, book: PriceBook, ids: Iterable[str] = registries.IDS, month_hours: float | None = None
) -> Estimate:
    """`month_hours`: price one actual month (months.hours_in(year, month)); None: the book's average month."""
    check_region(w.region, book)
    q = quantities(w)
    p = Prices(book, w.region, month_hours, record=True)
    out = []
    for rid in ids:
        mod = registries.BY_ID[rid]
        comps = []
        for line in mod.lines(w, q, p):
            c = p.component(line)  # resolved (and recorded) even when hidden: the sources list every tier
            if not (line.hide_if_zero and c.quantity == 0):
                comps.append(c)
        out.append(RegistryEstimate(rid, comps, mod.flags(w, q, p) + stand_in_flags(comps, book, w.region)))
    used = p.used or {}
    return Estimate(w, out, book.version, MappingProxyType({k: MappingProxyType(v) for k, v in used.items()}))


def stand_in_flags(comps: Iterable[Component], book: PriceBook, region: str) -> list[Flag]:
    """One warning naming every figure of these components that no source gave for `region`
    (the price book's `regional: {region: {stand_in: ...}}`) and whose figure stands in for it:
    the page, the deck and the JSON show it with the registry's other flags."""
    used: list[Label] = []
    for c in comps:
        p = book.prices.get(c.price_key or "")
        other = p.stand_in(region) if p is not None and c.quantity else None
        if p is not None and other:
            item = say(
                N_("{price} ({region}'s figure)"),
                price=Shown(labels.price_name, p.key),
                region=Shown(regions.name, other),
            )
            if item not in used:
                used.append(item)
    if not used:
        return []
    return [
        Flag(
            "stand_in_price",
            "warning",
            say(
                N_(
                    "Not priced in {region} by any source read: these lines use another region's figure as a "
                    "stand-in: {prices}."
                ),
                region=Shown(regions.name, region),
                prices=Joined("; ", tuple(used)),
            ),
        )
    ]


def workloads_frame(workloads: pd.DataFrame | Iterable[Workload | dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame with one column per workload field, from Workloads or dicts of fields."""
    if isinstance(workloads, pd.DataFrame):
        df = workloads
    else:
        df = pd.DataFrame([w.to_dict() if not isinstance(w, dict) else w for w in workloads])
    missing = [k for k in SPECS if k not in df.columns]
    for k in missing:
        df = df.assign(**{k: SPECS[k].default})
    return df


def estimate_many(
    workloads: pd.DataFrame | Iterable[Workload | dict[str, Any]],
    book: PriceBook,
    ids: Iterable[str] = registries.IDS,
    components: bool = False,
) -> pd.DataFrame:
    """Monthly totals for many workloads: one row per workload, one column per registry.

    With components=True, also one column per (registry, component) named "id:component", by the
    component's English name (its key): the columns are the same in every language.
    Workloads are assumed valid (sweeps build them from a validated base).
    """
    df = workloads_frame(workloads)
    n = len(df)
    totals = {rid: np.zeros(n) for rid in ids}
    parts: dict[str, np.ndarray] = {}
    numeric = {k: df[k].to_numpy(dtype=float) for k in NUMERIC}
    df = df.assign(private_endpoint_required=df["required_features"].map(requires_endpoint))
    for key, idx in df.groupby(list(PRICED_CHOICES), sort=False).indices.items():
        cats = dict(zip(PRICED_CHOICES, key, strict=True))
        check_region(cats["region"], book)
        w = batch(cats, {k: v[idx] for k, v in numeric.items()})
        q = quantities(w)
        p = Prices(book, cats["region"])
        for rid in ids:
            for line in registries.BY_ID[rid].lines(w, q, p):
                cost = np.broadcast_to(np.asarray(p.cost(line), dtype=float), idx.shape)
                totals[rid][idx] += cost
                if components:
                    parts.setdefault(f"{rid}:{line.key}", np.zeros(n))[idx] += cost
    out = pd.DataFrame(totals, index=df.index)
    if components:
        out = pd.concat([out, pd.DataFrame(parts, index=df.index)], axis=1)
    return out


class Varying:
    """w's fields laid out once for pricing many values of some numeric fields: numpy arrays in,
    a (values x registries) array of monthly totals out, no pandas on the way. The break-even
    bisection prices a few midpoints per step for some 30 steps; a DataFrame and w.to_dict()
    per step were most of its time."""

    def __init__(self, w: Workload, book: PriceBook, ids: tuple[str, ...] = registries.IDS):
        base = w.to_dict()
        self.cats = priced_choices(base)
        check_region(self.cats["region"], book)
        self.base = {k: float(base[k]) for k in NUMERIC}
        self.prices = Prices(book, self.cats["region"])
        self.ids = tuple(ids)

    def totals(self, varying: Mapping[str, npt.ArrayLike]) -> np.ndarray:
        """Monthly totals, one row per value, one column per registry (in self.ids' order)."""
        if not set(varying) <= set(NUMERIC):
            raise ValueError(f"only numeric fields vary here, not {sorted(set(varying) - set(NUMERIC))}")
        values = {k: np.asarray(v, dtype=float) for k, v in varying.items()}
        n = len(next(iter(values.values())))
        numeric = {k: values[k] if k in values else np.full(n, self.base[k]) for k in NUMERIC}
        ns = batch(self.cats, numeric)
        q = quantities(ns)
        out = np.zeros((len(self.ids), n))
        for j, rid in enumerate(self.ids):
            for line in registries.BY_ID[rid].lines(ns, q, self.prices):
                out[j] += self.prices.cost(line)  # a number or an array of n: numpy broadcasts (broadcast_to cost more)
        return out.T


def estimate_varying(
    w: Workload, varying: Mapping[str, npt.ArrayLike], book: PriceBook, ids: Iterable[str] = registries.IDS
) -> pd.DataFrame:
    """estimate_many for the workloads equal to w except for some numeric fields, one row per value.

    The same registry code on the same arrays, added in the same order, so the totals are the
    same to the last bit; what it skips is building a DataFrame of n copies of w and grouping it
    by its categorical fields (they are all w's here). The break-even search prices ~60 small
    sweeps per rerun, and that DataFrame and groupby were 3/4 of the Break-even page's time."""
    if not set(varying) <= set(NUMERIC):
        raise ValueError(f"only numeric fields vary here, not {sorted(set(varying) - set(NUMERIC))}")
    return pd.DataFrame(Varying(w, book, tuple(ids)).totals(varying), columns=list(ids))
