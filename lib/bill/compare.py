"""The model against the bill, component by component, and the inputs the bill measures.

The model is the estimate of the current scenario, by the same engine every page uses, for the
registry the bill is from (AWS: Amazon ECR; GitHub: GitHub Container Registry; Azure: ACR; Google
Cloud: Artifact Registry). Both sides are put in one unit per component (GB-month, GB, hour, day),
and each difference is given the causes it can be traced to, as keys the pages and the CLI word:

- month_length: an hourly or daily line over a period of another length than the book's 730 hours;
- shared / shared_unset: a NAT gateway, endpoint or EC2 transfer that carries other traffic, counted
  at the share the user set (or not at all until one is set);
- free_tier: part of the quantity was billed at zero;
- price_missing / price: the bill's unit price is not the price book's (a price the book lacks);
- quantity: the bill measured another quantity than the scenario says (apply the measured inputs);
- not_modelled: the bill has a line the model has no component for;
- unit: the export's unit is not one this comparison reads.

Modules: comparison (the result types), units (both sides in one unit), causes, implied (the inputs
the bill measures).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..inputs.pricebook import PriceBook
from ..inputs.workload import Workload
from ..pricing import engine
from ..pricing.engine import RegistryEstimate
from .causes import causes as _causes
from .comparison import Comparison, Row
from .implied import implied as _implied
from .mapping import COMPARED, SHARE_GROUP, Kind
from .reader import Bill, Group
from .units import UNIT_OF, bill_quantity, model_kind, model_quantity

__all__ = ["UNIT_OF", "Comparison", "compare"]  # ui/bill_upload.py imports Comparison from here

REGISTRY_OF = {"aws": "ecr", "github": "ghcr", "azure": "acr", "gcp": "gar"}


def compare(
    bill: Bill,
    w: Workload,
    book: PriceBook,
    shares: Mapping[str, float | None] | None = None,
    provider: str | None = None,
) -> Comparison:
    """The model of `w` against the bill's lines from `provider` (default: the costliest provider)."""
    shares = shares or {}
    providers = bill.providers
    who = provider or (providers[0] if providers else "aws")
    registry = REGISTRY_OF.get(who, "ecr")
    hours = bill.hours or book.hours_per_month
    model = _model_by_kind(engine.estimate(w, book, [registry])[registry], book)
    mine = [g for g in bill.groups if g.provider == who]
    rows = [
        row
        for kind in COMPARED
        if (row := _row(kind, [g for g in mine if g.kind == kind], model, hours, shares, book)) is not None
    ]
    related = tuple(g for g in mine if g.kind == "related")
    implied, notes = _implied(who, rows, bill, w, book, shares)
    return Comparison(who, registry, tuple(rows), related, bill.hours, book.hours_per_month, implied, notes)


def _row(
    kind: Kind,
    groups: list[Group],
    model: Mapping[Kind, tuple[float, float]],
    hours: float,
    shares: Mapping[str, float | None],
    book: PriceBook,
) -> Row | None:
    """The row of one kind: the model's side, the bill's (`groups`) and the causes of the difference; None
    when neither side has anything to hold against the other."""
    if not groups and kind not in model:
        return None
    q_model, c_model = model.get(kind, (0.0, 0.0))
    if not groups and q_model == 0 and c_model == 0:
        return None  # a zero line of the model (no internet pulls) with nothing on the bill: nothing to hold
    share_key = SHARE_GROUP.get(kind)
    share = shares.get(share_key) if share_key else None
    b = _bill_side(groups, hours, share)
    row_share = share if b.shared else None
    causes = _causes(
        kind, q_model, c_model, b.quantity, b.cost, b.free, b.shared, row_share, hours, book, b.unknown_unit
    )
    usages = tuple(dict.fromkeys(g.usage for g in groups))[:4]
    return Row(
        kind,
        UNIT_OF[kind],
        q_model,
        c_model,
        b.quantity,
        b.cost,
        b.total_quantity,
        b.total_cost,
        b.free,
        b.shared,
        row_share,
        causes,
        usages,
    )


def _model_by_kind(est: RegistryEstimate, book: PriceBook) -> dict[Kind, tuple[float, float]]:
    """The estimate's components summed by the kind of bill line they compare with: (quantity, cost)."""
    model: dict[Kind, tuple[float, float]] = {}
    for c in est.components:
        kind = model_kind(c)
        if kind is not None:
            q, cost = model.get(kind, (0.0, 0.0))
            model[kind] = (q + model_quantity(c, book), cost + c.monthly_cost)
    return model


@dataclass(frozen=True)
class _BillSide:
    quantity: float  # the part this scenario's registry is charged (a shared line at its share)
    cost: float
    total_quantity: float  # the whole of the bill's lines
    total_cost: float
    free: float  # the quantity billed at zero
    shared: bool
    unknown_unit: bool


def _bill_side(groups: list[Group], hours: float, share: float | None) -> _BillSide:
    """The bill's lines of one kind in the comparison's unit; a shared line counts at the share set (none
    until one is)."""
    q_bill = c_bill = q_all = c_all = free = 0.0
    shared = unknown_unit = False
    for g in groups:
        q = bill_quantity(g, hours)
        if q is None:
            unknown_unit = True
            q = 0.0
        f = q / g.quantity * g.free_quantity if g.quantity else 0.0
        q_all, c_all, free = q_all + q, c_all + g.cost, free + f
        part = 1.0 if not g.shared else (share if share is not None else 0.0)
        shared = shared or g.shared
        q_bill, c_bill = q_bill + q * part, c_bill + g.cost * part
    return _BillSide(q_bill, c_bill, q_all, c_all, free, shared, unknown_unit)
