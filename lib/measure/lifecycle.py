"""What a lifecycle rule keeping fewer versions would save, priced by the engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..inputs.workload import Workload

if TYPE_CHECKING:
    from ..inputs.pricebook import PriceBook


@dataclass(frozen=True)
class Saving:
    registry: str
    keep: int
    kept: int
    gb: float  # stored GB-month saved (every storage component, replicas included)
    dollars: float  # monthly total saved


def lifecycle_saving(w: Workload, keep: int, book: PriceBook, registry: str = "ecr") -> Saving:
    """Keeping `keep` versions instead of w.versions_kept, priced by the engine (no second formula)."""
    from ..pricing import engine  # here: `python -m lib measure` starts without the engine (tests/test_measure_real.py)

    keep = int(keep)
    now = engine.estimate(w, book, ids=(registry,))[registry]
    later = engine.estimate(w.replace(versions_kept=keep), book, ids=(registry,))[registry]

    def stored(e: engine.RegistryEstimate) -> float:
        return sum(c.quantity for c in e.components if c.category == "storage" and c.unit == "GB-month")

    return Saving(now.name, keep, w.versions_kept, stored(now) - stored(later), now.monthly_cost - later.monthly_cost)
