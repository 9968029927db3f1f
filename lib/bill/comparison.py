"""What the comparison of the model with a bill holds: a row per component, the inputs the bill
implies, and the whole (compare.compare builds it; words, report and section show it)."""

from __future__ import annotations

from dataclasses import dataclass

from .mapping import Kind
from .reader import Group


@dataclass(frozen=True)
class Row:
    kind: Kind
    unit: str
    model_quantity: float
    model_cost: float
    bill_quantity: float  # attributed to the registry (shared lines at their share)
    bill_cost: float
    bill_total_quantity: float  # before shares
    bill_total_cost: float
    free_quantity: float
    shared: bool
    share: float | None  # None: a shared line with no share set (its cost is not attributed)
    causes: tuple[str, ...]
    usages: tuple[str, ...]  # the usage types / SKUs / descriptions summed here (first few)

    @property
    def model_price(self) -> float:
        return self.model_cost / self.model_quantity if self.model_quantity else 0.0

    @property
    def bill_price(self) -> float:
        q = self.bill_total_quantity - self.free_quantity
        return self.bill_total_cost / q if q > 0 else 0.0

    @property
    def difference(self) -> float:
        return self.bill_cost - self.model_cost


@dataclass(frozen=True)
class Implied:
    field: str
    value: object
    how: str  # words: where the value comes from


@dataclass(frozen=True)
class Comparison:
    provider: str
    registry: str
    rows: tuple[Row, ...]
    related: tuple[Group, ...]
    period_hours: float | None
    book_hours: float
    implied: tuple[Implied, ...]
    notes: tuple[str, ...]

    @property
    def model_total(self) -> float:
        return sum(r.model_cost for r in self.rows)

    @property
    def bill_total(self) -> float:
        return sum(r.bill_cost for r in self.rows)

    @property
    def unattributed(self) -> float:
        """Shared lines' cost not counted against the model (the part beyond the share)."""
        return sum(r.bill_total_cost - r.bill_cost for r in self.rows if r.shared)

    def values(self) -> dict[str, object]:
        return {i.field: i.value for i in self.implied}
