"""What measuring returns: each value with where it came from and how, and the words for them."""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TypeVar

from ..core.i18n import _, ngettext
from ..inputs.workload import DEFAULT, SPECS, Workload, from_dict
from .inventory import Inventory
from .limits import FIELD_WORDS, FORMAT_WORDS

_Number = TypeVar("_Number", int, float)


@dataclass(frozen=True)
class Measured:
    field: str
    value: float
    source: str  # which inputs, in words
    how: str  # how it was worked out, in words


@dataclass(frozen=True)
class Result:
    measured: tuple[Measured, ...]
    not_measured: tuple[tuple[str, str], ...]  # (field, why)
    notes: tuple[str, ...]
    files: tuple[tuple[str, str], ...]  # (file, format in words)
    stats: dict[str, int] = field(default_factory=dict)
    partial: tuple[str, ...] = ()  # listings with more pages than were read: what to run to get the rest

    def values(self) -> dict[str, float]:
        return {m.field: m.value for m in self.measured}

    def workload(self, base: Workload = DEFAULT) -> Workload:
        return from_dict({**base.to_dict(), **self.values()})

    def description(self) -> str:
        fmts = sorted({f for _, f in self.files})
        n = len(self.files)
        return ngettext(
            "Measured from {n} file ({formats}) by python -m lib measure",
            "Measured from {n} files ({formats}) by python -m lib measure",
            n,
        ).format(n=n, formats=", ".join(fmts))


def format_value(name: str, v: float) -> str:
    if name == "image_size_mb":
        return f"{v:,.2f} MB"
    if name == "shared_layer_fraction":
        return f"{v:.1%}"
    if name == "pushes_per_month":
        return f"{v:,.1f}"
    if name == "pulls_per_month":
        return f"{v:,.0f}"
    if name.endswith("_share"):
        return f"{v:.1%}"
    return f"{v:,}"


def format_words(fmt: str) -> str:
    """An inventory format in the reader's words ("image manifests")."""
    return _(FORMAT_WORDS[fmt])


def field_words(name: str) -> str:
    """A measured field in the reader's words ("Shared layers"): what the upload page's table shows."""
    return _(FIELD_WORDS[name])


def half_up(x: float) -> int:
    """Rounding as people do it (2.5 -> 3), not Python's round-half-to-even."""
    return int(math.floor(x + 0.5))


def sources_words(inv: Inventory, fmts: AbstractSet[str | None]) -> str:
    files = [f for f, k in inv.files.items() if k in fmts or (k == "mixed")]
    words = ", ".join(format_words(f) for f in sorted(f for f in fmts if f is not None) if f in FORMAT_WORDS)
    if not files:
        return words
    return (
        f"{words} ({files[0].replace(':', '/').rsplit('/', 1)[-1]})"
        if len(files) == 1
        else _("{formats} ({n:,} files)").format(formats=words, n=len(files))
    )


def clamp(name: str, value: _Number, notes: list[str]) -> _Number:
    s = SPECS[name]
    if s.min is not None and value < s.min:
        notes.append(
            _("{field}: measured {value:g}, below the smallest value the calculator takes; {used:g} is used").format(
                field=field_words(name), value=value, used=s.min
            )
        )
        return type(value)(s.min)
    if s.max is not None and value > s.max:
        notes.append(
            _("{field}: measured {value:g}, above the largest value the calculator takes; {used:g} is used").format(
                field=field_words(name), value=value, used=s.max
            )
        )
        return type(value)(s.max)
    return value
