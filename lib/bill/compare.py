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
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..core.i18n import _
from ..inputs.pricebook import PriceBook
from ..inputs.workload import SPECS, Workload
from ..pricing import engine, labels
from ..pricing.components import Component
from .mapping import COMPARED, SHARE_GROUP, Kind
from .reader import Bill, Group

REGISTRY_OF = {"aws": "ecr", "github": "ghcr", "azure": "acr", "gcp": "gar"}
UNIT_OF: dict[Kind, str] = {
    "storage": "GB-month",
    "plan": "day",
    "internet_out": "GB",
    "inter_region": "GB",
    "regional": "GB",
    "nat_hours": "hour",
    "nat_gb": "GB",
    "endpoint_hours": "hour",
    "endpoint_gb": "GB",
    "registry_other": "",
}
TIMED: tuple[Kind, ...] = ("nat_hours", "endpoint_hours", "plan")  # billed by the hour or day: a month's length shows
CENT = labels.SAME_MONEY  # half a cent: the same amount once shown
TOLERANCE = 0.01  # 1 %: a quantity or price this close is the same one, rounded by the export
MONTH_HOURS = (28 * 24, 31 * 24)  # a period in this range is one month: traffic is compared as it is


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


def model_kind(c: Component) -> Kind | None:
    k = c.key
    if k.startswith("NAT gateway hours"):
        return "nat_hours"
    if k.startswith("NAT data processed"):
        return "nat_gb"
    if k.startswith("Interface endpoints"):
        return "endpoint_hours"
    if k.startswith("Endpoint data processed"):
        return "endpoint_gb"
    if k.startswith(("Cross-region transfer", "Replication transfer")):
        return "inter_region"
    if k.startswith(("Internet egress", "Transfer", "Authenticated internet")):
        return "internet_out"
    if k.startswith(("Same-region transfer", "Image layers through", "Pulls to AWS", "Anonymous internet")):
        return None  # free lines: nothing on a bill to hold them against
    if c.category == "storage":
        return "storage"
    if c.category == "plan":
        return "plan"
    if c.category == "scanning":
        return "registry_other"
    return None


def _model_quantity(c: Component, book: PriceBook) -> float:
    if c.unit == "GB-day":
        return c.quantity / book.days_per_month
    if c.unit == "day" or c.unit == "month":
        return c.quantity if c.unit == "day" else c.quantity * book.days_per_month
    return c.quantity


def _bill_quantity(g: Group, hours: float) -> float | None:
    """The group's quantity in its component's unit; None when its unit cannot be converted."""
    want = UNIT_OF[g.kind]
    if not want or g.unit == want:
        return g.quantity
    if want == "GB-month":
        return {"GB-hour": g.quantity / hours, "GB-day": g.quantity / (hours / 24)}.get(g.unit)
    if want == "hour" and g.unit == "day":
        return g.quantity * 24
    if want == "day" and g.unit == "hour":
        return g.quantity / 24
    if want == "day" and g.unit in ("GB-month",):
        return None
    return None


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
    est = engine.estimate(w, book, [registry])[registry]
    model: dict[Kind, list[float]] = {}
    for c in est.components:
        kind = model_kind(c)
        if kind is None:
            continue
        m = model.setdefault(kind, [0.0, 0.0])
        m[0] += _model_quantity(c, book)
        m[1] += c.monthly_cost
    mine = [g for g in bill.groups if g.provider == who]
    rows = []
    for kind in COMPARED:
        groups = [g for g in mine if g.kind == kind]
        if not groups and kind not in model:
            continue
        q_model, c_model = model.get(kind, [0.0, 0.0])
        share_key = SHARE_GROUP.get(kind)
        share = shares.get(share_key) if share_key else None
        q_bill = c_bill = q_all = c_all = free = 0.0
        shared = unknown_unit = False
        for g in groups:
            q = _bill_quantity(g, hours)
            if q is None:
                unknown_unit = True
                q = 0.0
            f = q / g.quantity * g.free_quantity if g.quantity else 0.0
            q_all, c_all, free = q_all + q, c_all + g.cost, free + f
            part = 1.0 if not g.shared else (share if share is not None else 0.0)
            shared = shared or g.shared
            q_bill, c_bill = q_bill + q * part, c_bill + g.cost * part
        if not groups and q_model == 0 and c_model == 0:
            continue  # a zero line of the model (no internet pulls) with nothing on the bill: nothing to hold
        row_share = share if shared else None
        causes = _causes(kind, q_model, c_model, q_bill, c_bill, free, shared, row_share, hours, book, unknown_unit)
        usages = tuple(dict.fromkeys(g.usage for g in groups))[:4]
        rows.append(
            Row(
                kind,
                UNIT_OF[kind],
                q_model,
                c_model,
                q_bill,
                c_bill,
                q_all,
                c_all,
                free,
                shared,
                row_share,
                causes,
                usages,
            )
        )
    related = tuple(g for g in mine if g.kind == "related")
    implied, notes = _implied(who, rows, bill, w, book, shares)
    return Comparison(who, registry, tuple(rows), related, bill.hours, book.hours_per_month, implied, notes)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b)) + 1e-9


def _causes(
    kind: Kind,
    q_model: float,
    c_model: float,
    q_bill: float,
    c_bill: float,
    free: float,
    shared: bool,
    share: float | None,
    hours: float,
    book: PriceBook,
    unknown_unit: bool,
) -> tuple[str, ...]:
    out: list[str] = []
    if shared and share is None:
        return ("shared_unset",)
    if abs(c_bill - c_model) < CENT and _close(q_bill, q_model):
        return ()
    if unknown_unit:
        out.append("unit")
    if q_model == 0 and c_model == 0 and (q_bill or c_bill):
        out.append("not_modelled")
        return tuple(out)
    if shared and share is not None and share < 1:
        out.append("shared")
    if kind in TIMED and not _close(hours, book.hours_per_month):
        expected = q_model * hours / book.hours_per_month
        if _close(q_bill, expected):
            out.append("month_length")
        elif not _close(q_bill, q_model):
            out.append("quantity")
    elif not _close(q_bill, q_model) and not (free and _close(q_bill - free, q_model)):
        out.append("quantity")
    if free > 0:
        out.append("free_tier")
    paid = q_bill - free
    if q_model and paid > 0:
        p_model, p_bill = c_model / q_model, c_bill / paid
        if p_model == 0 and p_bill > 0:
            out.append("price_missing")
        elif p_model and not _close(p_bill, p_model) and "free_tier" not in out:
            out.append("price")
    elif q_model and c_model == 0 and c_bill > 0:
        out.append("price_missing")
    return tuple(dict.fromkeys(out))


def _implied(
    who: str, rows: list[Row], bill: Bill, w: Workload, book: PriceBook, shares: Mapping[str, float | None]
) -> tuple[tuple[Implied, ...], tuple[str, ...]]:
    """The scenario inputs this bill measures, holding the inventory's inputs (repositories, image
    size, shared layers, cache) as the scenario has them."""
    by = {r.kind: r for r in rows}
    out: list[Implied] = []
    notes: list[str] = []
    hours = bill.hours or book.hours_per_month
    month = 1.0 if MONTH_HOURS[0] <= hours <= MONTH_HOURS[1] else book.hours_per_month / hours
    if month != 1.0:
        notes.append(
            _("The bill covers {days:,.1f} days: its traffic is scaled to a {hours:g}-hour month.").format(
                days=hours / 24, hours=book.hours_per_month
            )
        )

    def q(kind: Kind) -> float | None:
        r = by.get(kind)
        if r is None or (r.shared and r.share is None):
            return None
        return r.bill_quantity

    if who == "aws":
        regions: dict[str, float] = {}
        for g in bill.groups:
            if g.provider == "aws" and g.kind != "related" and g.region in book.regions:
                regions[g.region] = regions.get(g.region, 0.0) + g.cost
        if regions:
            region = max(sorted(regions), key=lambda r: regions[r])
            out.append(Implied("region", region, _("the region of the costliest registry lines")))
        if "nat_hours" in by:
            gateways = by["nat_hours"].bill_total_quantity / hours
            n = int(min(max(round(gateways), 1), SPECS["nat_gateways"].max or 6))
            out.append(Implied("network", "nat", _("NAT gateway lines on the bill")))
            out.append(
                Implied(
                    "nat_gateways",
                    n,
                    _("{hours:,.0f} NAT gateway hours over a {period:,.0f}-hour period").format(
                        hours=by["nat_hours"].bill_total_quantity, period=hours
                    ),
                )
            )
        elif "endpoint_hours" in by:
            azs = by["endpoint_hours"].bill_total_quantity / hours / 2
            n = int(min(max(round(azs), 1), SPECS["availability_zones"].max or 6))
            out.append(Implied("network", "endpoints", _("interface endpoint lines on the bill")))
            out.append(
                Implied(
                    "availability_zones",
                    n,
                    _("{hours:,.0f} endpoint hours: ecr.api and ecr.dkr in {n} zones").format(
                        hours=by["endpoint_hours"].bill_total_quantity, n=n
                    ),
                )
            )
    stored = q("storage")
    if stored is not None and stored > 0:
        r_s = w.repositories * w.image_size_mb / 1000.0
        s = w.shared_layer_fraction
        if r_s > 0 and s < 1:
            v = int(min(max(round((stored / r_s - s) / (1 - s)), 1), SPECS["versions_kept"].max or 1000))
            out.append(
                Implied(
                    "versions_kept",
                    v,
                    _("{gb:,.1f} GB stored, at {repos:,} repositories of {mb:,.0f} MB images").format(
                        gb=stored, repos=w.repositories, mb=w.image_size_mb
                    ),
                )
            )
    per_pull = w.image_size_mb * (1 - w.layer_cache_hit) / 1000.0  # GB a pull moves
    internet = (q("internet_out") or 0.0) * month
    cross = (q("inter_region") or 0.0) * month
    same: float | None = None
    if who == "aws" and "nat_gb" in by and "endpoint_hours" not in by:
        vpc = q("nat_gb")
        if vpc is None:
            notes.append(_("The NAT gateway is shared and no share is set: pulls are not measured from it."))
        else:
            same = max(vpc * month - cross, 0.0)
    elif who == "aws" and "endpoint_gb" in by:
        ep = q("endpoint_gb")
        if ep is not None:
            per = book.get("aws.ecr_endpoint_gb_per_pull", w.region)
            same = ep * month / per * per_pull if per else None
    elif who == "github" and q("internet_out") is not None:
        total = internet
        if per_pull > 0 and total > 0:
            out.append(
                Implied(
                    "pulls_per_month",
                    round(total / per_pull, 1),
                    _("{gb:,.1f} GB of Packages data transfer").format(gb=total),
                )
            )
        return tuple(out), tuple(notes)
    if same is None:
        if who == "aws":
            notes.append(_("Same-region pulls are free and not on the bill: pulls are not measured."))
        return tuple(out), tuple(notes)
    pulled = same + cross + internet
    if pulled > 0 and per_pull > 0:
        c_share, i_share = round(cross / pulled, 4), round(internet / pulled, 4)
        out += [
            Implied(
                "pulls_per_month",
                round(pulled / per_pull, 1),
                _(
                    "{gb:,.1f} GB pulled ({same:,.1f} in the region, {cross:,.1f} from other regions, "
                    "{out:,.1f} to the internet) at {mb:,.0f} MB a pull"
                ).format(gb=pulled, same=same, cross=cross, out=internet, mb=per_pull * 1000),
            ),
            Implied("same_region_share", round(1 - c_share - i_share, 4), _("same-region GB / GB pulled")),
            Implied("cross_region_share", c_share, _("inter-region GB / GB pulled")),
            Implied("internet_share", i_share, _("internet GB / GB pulled")),
        ]
    return tuple(out), tuple(notes)
