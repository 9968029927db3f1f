"""What "Today's bill against the model" needs once a bill was applied: the bill read (its sums, never
the files), the registry's lines held against the scenario being exported, and the shares the user
typed. A typed, frozen value the deck and the ADR take; neither reads session state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..inputs.pricebook import PriceBook
from ..inputs.workload import Workload
from .compare import compare
from .comparison import Comparison
from .reader import Bill, shared_groups


@dataclass(frozen=True)
class Section:
    bill: Bill
    comparison: Comparison
    shares: tuple[tuple[str, float | None], ...]  # the bill's shared groups, in its order; None: not set

    def share_map(self) -> dict[str, float | None]:
        return dict(self.shares)


def section(
    b: Bill, w: Workload, book: PriceBook, shares: Mapping[str, float | None], provider: str | None = None
) -> Section:
    """The bill against the scenario `w` (the one exported), compared afresh: after "Apply", the model
    already uses what the bill measures, so what is left is what the model cannot know (the month's
    length, prices, shares)."""
    c = compare(b, w, book, dict(shares), provider)
    return Section(b, c, tuple((g, shares.get(g)) for g in shared_groups(b)))
