"""The rules every figure a reader found passes before a book is built from it: finite, positive,
dated no later than today and close to the current book's figure."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Protocol

from ...core.i18n import _
from .. import pricebook
from ..price_lists import PriceListError

MAX_CHANGE = 3.0  # a list price that triples or falls to a third is more likely a wrong file than a new price


class Reading(Protocol):
    """One price as a reader found it: a price list's Found, a pricing page's or a sourced file's Figure."""

    @property
    def value(self) -> float: ...
    @property
    def as_of(self) -> str: ...
    @property
    def detail(self) -> str: ...  # the file and the entry it was read in


def _current(old: pricebook.PriceBook, key: str, sub: str) -> float | None:
    """The current book's figure that `sub` (a region, or a `by:` entry's choice) would replace;
    None for a region the book does not have yet (a new region's figure changes nothing)."""
    p = old.prices.get(key)
    if p is None:
        return None
    if p.by is not None:
        was = p.value.get(sub) if isinstance(p.value, dict) else None
        return float(was) if isinstance(was, (int, float)) else None
    return p.resolve(sub) if sub in old.regions else None


def check_plausible(
    old: pricebook.PriceBook, found: Mapping[str, Mapping[str, Reading]], today: str, accept_changes: bool = False
) -> None:
    """The rules every reader's figures pass before a book is built from them: each is finite and
    positive, dated no later than today, and (unless accept_changes) within MAX_CHANGE of the
    current book's figure; else PriceListError naming the entry and where it was read."""
    for key in sorted(found):
        for sub, f in sorted(found[key].items()):
            _check_figure(old, key, sub, f, today, accept_changes)


def _check_figure(old: pricebook.PriceBook, key: str, sub: str, f: Reading, today: str, accept_changes: bool) -> None:
    """One figure (entry `key`, region or choice `sub`) against the rules of check_plausible."""
    name = key + (f" [{sub}]" if sub else "")
    was = _current(old, key, sub)
    # a price of 0 stays allowed where the book already says 0 (a free allowance read as a price)
    if (not math.isfinite(f.value) or f.value <= 0) and not (f.value == 0 and was == 0):
        raise PriceListError(
            _("{name}: {value} is not a price ({detail}); the current book stays").format(
                name=name, value=f.value, detail=f.detail
            )
        )
    if f.as_of > today:
        raise PriceListError(
            _("{name} ({detail}): dated {date}, after today ({today}); the current book stays").format(
                name=name, detail=f.detail, date=f.as_of, today=today
            )
        )
    if was is None or accept_changes or was <= 0 or f.value <= 0:
        return  # nothing to compare with (a new region, a free figure), or the change was accepted
    ratio = f.value / was
    if ratio > MAX_CHANGE or ratio < 1 / MAX_CHANGE:
        raise PriceListError(
            _(
                "{name}: {old:g} -> {new:g} is a {ratio:.1f}x change ({detail}); check the file, "
                "or run again with --accept-changes"
            ).format(name=name, old=was, new=f.value, ratio=ratio if ratio > 1 else 1 / ratio, detail=f.detail)
        )
