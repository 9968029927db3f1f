"""One scenario's result, computed once per run and handed to every consumer.

The deck, the ADR, the JSON export, the command line and the Export page all need the same
estimate, each registry's cheaper setup and the recommendation; each used to price the workload
again (and the recommendation priced every registry's setups once more). `analyse()` does it
once; the exporters take the result instead of recomputing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from . import decision, engine, setups
from .pricebook import PriceBook
from .workload import Workload


@dataclass(frozen=True, eq=False)
class Analysis:
    """A workload's estimate, cheaper setups and recommendation, for one price book."""

    workload: Workload
    book: PriceBook
    estimate: engine.Estimate
    cheaper: Mapping[str, setups.Setup | None]
    recommendation: decision.Recommendation
    setup: Mapping[str, Any]  # the changes the recommendation advises ({} when as described)
    recommended: engine.RegistryEstimate  # the recommended registry priced in that setup
    # every registry priced in that setup (None when as described): the deck quotes its prices,
    # so their sources come from this estimate's record instead of pricing it again
    setup_estimate: engine.Estimate | None = None

    @property
    def cost(self) -> float:
        """The recommended registry's monthly cost in the recommended setup (the answer)."""
        return float(self.recommendation.recommended_cost)

    def totals(self) -> dict[str, float]:
        return self.estimate.totals()

    @property
    def estimates(self) -> tuple[engine.Estimate, ...]:
        """The estimates the exports quote: as described, then in the recommended setup."""
        return (self.estimate,) if self.setup_estimate is None else (self.estimate, self.setup_estimate)


def analyse(w: Workload, book: PriceBook, e: engine.Estimate | None = None) -> Analysis:
    """Price w once, search every registry's cheaper setup once, recommend from those.

    `e`: w's estimate when the caller has it already. The recommendation gets the same costs
    and setups it would compute itself (decision.recommend without them), so nothing changes."""
    e = e if e is not None else engine.estimate(w, book)
    cheaper = setups.cheaper_setups(w, book, e)
    r = decision.recommend(w, book, costs=e.totals(), cheaper=cheaper, estimate=e)
    # the recommended setup's own lines and flags (the deck's risk is the one of what is recommended)
    setup = dict(r.recommended_setup or {})
    in_setup = engine.estimate(w.replace(**setup), book) if setup else None
    rec = in_setup[r.recommended] if in_setup is not None else e[r.recommended]
    return Analysis(w, book, e, MappingProxyType(dict(cheaper)), r, MappingProxyType(setup), rec, in_setup)
