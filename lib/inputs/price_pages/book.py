"""The new book's document from the figures read: new regions priced from them, a figure no file gives
standing in for the region data/region_map.yaml names, recorded as such."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

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


def build(
    old_doc: dict[str, Any],
    old: Any,  # pricebook.PriceBook (not imported: pricebook imports nothing from here)
    figures: Figures,
    choices: ChoiceFigures,
    offered: list[str],
    region_map: Mapping[str, RegionMatch],
    version: str,
) -> Built:
    """The new book's document: new regions priced from the figures, stand-ins recorded as such."""
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
    final = list(old.regions) + added
    regional_keys = (
        {r.key for r in PAGE_RULES} | set(SOURCED_RULES) | set(SOURCED_CHOICES) | set(REGIONAL_ONLY) | set(figures)
    )
    reference = next(iter(old.regions))  # where `by:` entries (per tier, per plan) are read
    stand_ins: list[tuple[str, str, str]] = []
    changed_old: list[tuple[str, str]] = []
    prices: dict[str, Any] = {}
    for k, entry in old_doc["prices"].items():
        p = old.prices[k]
        if not (k in regional_keys or (p.by is None and isinstance(p.value, dict))):
            prices[k] = entry
            continue
        regional = {r: dict(x) for r, x in (entry.get("regional") or {}).items()}
        new = dict(entry)
        if p.by is None:
            values: dict[str, float] = {}
            for r in final:
                fig = figures.get(k, {}).get(r)
                if r in old.regions:
                    values[r] = p.resolve(r)
                    if fig is not None and abs(fig.value - values[r]) > 1e-12:
                        values[r] = round(fig.value, 10)
                        regional[r] = _record(fig)
                        changed_old.append((k, r))
                elif fig is not None:
                    values[r] = round(fig.value, 10)
                    regional[r] = _record(fig)
                else:
                    other = region_map[r].stand_in
                    assert other is not None  # checked above
                    values[r] = p.resolve(other)
                    regional[r] = {"source": _own_source(p, other), "as_of": p.as_of_in(other), "stand_in": other}
                    stand_ins.append((r, k, other))
            same = len({round(v, 12) for v in values.values()}) == 1
            new["value"] = next(iter(values.values())) if same and not isinstance(p.value, dict) else values
        else:
            for r in added:
                found = choices.get(k, {}).get(r)
                close = found is not None and all(
                    c in found and abs(found[c].value - float(v)) <= CHOICE_ROUNDING for c, v in p.value.items()
                )
                if close and found is not None:
                    regional[r] = _record(next(iter(found.values())))
                else:  # the figure priced everywhere is the reference region's
                    regional[r] = {
                        "source": _own_source(p, reference),
                        "as_of": p.as_of_in(reference),
                        "stand_in": reference,
                    }
                    stand_ins.append((r, k, reference))
        if regional:
            new.pop("regional", None)
            new["regional"] = {r: regional[r] for r in final if r in regional}  # in the book's region order
        prices[k] = new
    doc = dict(old_doc)
    doc["version"] = version
    doc["regions"] = {**old.regions, **{r: region_map[r].name for r in added}}
    doc["prices"] = prices
    return Built(doc, tuple(added), tuple(left_out), tuple(stand_ins), tuple(changed_old))


def _own_source(p: Any, region: str) -> str:
    """The source as the book writes it for `region`'s figure ("secondary: " kept)."""
    r = p.regional.get(region)
    return str(r.source) if r else str(p.source)
