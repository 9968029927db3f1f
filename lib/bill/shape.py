"""What a bill format is to the reader: which documented column holds each figure it needs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .mapping import Found

# The figures the reader takes from every format, by name; a format names its column for each.
FIELDS = (
    "provider",
    "service",
    "usage",
    "description",
    "region",
    "quantity",
    "unit",
    "cost",
    "currency",
    "start",
    "end",
    "resource",
    "line_type",
    "price",
)


@dataclass(frozen=True)
class Shape:
    """One documented format: its name, the columns that identify it, the column for each figure
    (first present wins), the line types it compares, and how a line is classified."""

    key: str  # "focus", "cur2", "cur", "github", "github_old"
    name: str  # how messages name it (a vendor's name: not translated)
    identify: tuple[str, ...]  # all of these in the header: it is this format
    columns: dict[str, tuple[str, ...]]
    classify: Callable[[dict[str, str]], Found | None]
    provider: str = ""  # aws, github; "" when a column says (FOCUS's ProviderName)
    usage_line_types: frozenset[str] = frozenset()  # empty: every line; else only these (Usage, ...)
    cost_from_price: bool = False  # cost = quantity x price (GitHub's old report has no amount column)

    def matches(self, header: Sequence[str]) -> bool:
        return all(c in header for c in self.identify)

    def wanted(self, header: Sequence[str]) -> list[str]:
        return [c for cols in self.columns.values() for c in cols if c in header]
