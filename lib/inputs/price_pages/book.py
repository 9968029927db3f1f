"""The new book's document from the figures read: new regions priced from them, a figure no file gives
standing in for the region data/region_map.yaml names, recorded as such."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..pricebook import Price, PriceBook
from ..regions import RegionMatch
from .figures import ChoiceFigures, Figure, Figures
from .rules import AWS_REQUIRED, CHOICE_ROUNDING, PAGE_RULES, REGIONAL_ONLY, SOURCED_CHOICES, SOURCED_RULES


@dataclass(frozen=True)
class Built:
    doc: dict[str, Any]
    added: tuple[str, ...]
    left_out: tuple[tuple[str, str], ...]  # (region, why)
    stand_ins: tuple[tuple[str, str, str], ...]  # (region, key, the region whose figure stands in)
    changed_old: tuple[tuple[str, str], ...]  # (key, old region) whose figure the files changed


def _record(fig: Figure) -> dict[str, str]:
    return {"source": fig.source, "as_of": fig.as_of}


@dataclass
class _Made:
    """What building the book records besides the prices: stand-ins used and old figures the files changed."""

    stand_ins: list[tuple[str, str, str]] = field(default_factory=list)
    changed_old: list[tuple[str, str]] = field(default_factory=list)


def build(
    old_doc: dict[str, Any],
    old: PriceBook,
    figures: Figures,
    choices: ChoiceFigures,
    offered: list[str],
    region_map: Mapping[str, RegionMatch],
    version: str,
) -> Built:
    """The new book's document: new regions priced from the figures, stand-ins recorded as such."""
    added, left_out = _new_regions(old, figures, offered, region_map)
    final = list(old.regions) + added
    regional_keys = (
        {r.key for r in PAGE_RULES} | set(SOURCED_RULES) | set(SOURCED_CHOICES) | set(REGIONAL_ONLY) | set(figures)
    )
    made = _Made()
    prices: dict[str, Any] = {}
    for k, entry in old_doc["prices"].items():
        p = old.prices[k]
        if not (k in regional_keys or (p.by is None and isinstance(p.value, dict))):
            prices[k] = entry
            continue
        regional = {r: dict(x) for r, x in (entry.get("regional") or {}).items()}
        new = dict(entry)
        if p.by is None:
            new["value"] = _regional_value(k, p, old, figures, final, region_map, regional, made)
        else:
            # `by:` entries (per tier, per plan) are read in the book's first region
            _choice_sources(k, p, choices, added, next(iter(old.regions)), regional, made)
        if regional:
            new.pop("regional", None)
            new["regional"] = {r: regional[r] for r in final if r in regional}  # in the book's region order
        prices[k] = new
    doc = dict(old_doc)
    doc["version"] = version
    doc["regions"] = {**old.regions, **{r: region_map[r].name for r in added}}
    doc["prices"] = prices
    return Built(doc, tuple(added), tuple(left_out), tuple(made.stand_ins), tuple(made.changed_old))


def _new_regions(
    old: PriceBook, figures: Figures, offered: list[str], region_map: Mapping[str, RegionMatch]
) -> tuple[list[str], list[tuple[str, str]]]:
    """The offered regions the files price (a stand-in of the book for what they do not), the others with why."""
    left_out: list[tuple[str, str]] = []
    added: list[str] = []
    for r in offered:
        if r in old.regions:
            continue
        m = region_map.get(r)
        gaps = [k for k in AWS_REQUIRED if r not in figures.get(k, {})]
        if m is None or not m.stand_in or m.stand_in not in old.regions:
            left_out.append((r, "no stand-in region of the current book in data/region_map.yaml"))
        elif gaps:
            left_out.append((r, "no figure in the files for " + ", ".join(gaps)))
        else:
            added.append(r)
    return added, left_out


def _regional_value(
    k: str,
    p: Price,
    old: PriceBook,
    figures: Figures,
    final: list[str],
    region_map: Mapping[str, RegionMatch],
    regional: dict[str, dict[str, str]],
    made: _Made,
) -> float | dict[str, float]:
    """A price per region: the file's figure where it has one (an old region's only where it changed), the
    book's own for an old region, the stand-in region's for a new one; one number when all are equal."""
    values: dict[str, float] = {}
    for r in final:
        fig = figures.get(k, {}).get(r)
        if r in old.regions:
            values[r] = p.resolve(r)
            if fig is not None and abs(fig.value - values[r]) > 1e-12:
                values[r] = round(fig.value, 10)
                regional[r] = _record(fig)
                made.changed_old.append((k, r))
        elif fig is not None:
            values[r] = round(fig.value, 10)
            regional[r] = _record(fig)
        else:
            other = region_map[r].stand_in
            assert other is not None  # checked in _new_regions
            values[r] = p.resolve(other)
            regional[r] = {"source": _own_source(p, other), "as_of": p.as_of_in(other), "stand_in": other}
            made.stand_ins.append((r, k, other))
    same = len({round(v, 12) for v in values.values()}) == 1
    return next(iter(values.values())) if same and not isinstance(p.value, dict) else values


def _choice_sources(
    k: str,
    p: Price,
    choices: ChoiceFigures,
    added: list[str],
    reference: str,
    regional: dict[str, dict[str, str]],
    made: _Made,
) -> None:
    """A per-choice price (one figure everywhere): each new region's source is its file where the file's
    figures match the book's, else the reference region's, recorded as a stand-in."""
    assert isinstance(p.value, dict)  # parse() refuses a keyed price without a map
    for r in added:
        found = choices.get(k, {}).get(r)
        close = found is not None and all(
            c in found and abs(found[c].value - float(v)) <= CHOICE_ROUNDING for c, v in p.value.items()
        )
        if close and found is not None:
            regional[r] = _record(next(iter(found.values())))
        else:  # the figure priced everywhere is the reference region's
            regional[r] = {"source": _own_source(p, reference), "as_of": p.as_of_in(reference), "stand_in": reference}
            made.stand_ins.append((r, k, reference))


def _own_source(p: Price, region: str) -> str:
    """The source as the book writes it for `region`'s figure ("secondary: " kept)."""
    r = p.regional.get(region)
    return str(r.source) if r else str(p.source)
