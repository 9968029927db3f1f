"""The scenario inputs a bill measures: region, network, gateways or zones, versions kept, pulls and
where they go."""

from __future__ import annotations

from collections.abc import Mapping

from ..core.i18n import _
from ..inputs.pricebook import PriceBook
from ..inputs.workload import SPECS, Workload
from .comparison import Implied, Row
from .mapping import Kind
from .reader import Bill

MONTH_HOURS = (28 * 24, 31 * 24)  # a period in this range is one month: traffic is compared as it is


def implied(
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
    if who == "aws":
        out += _aws_network(by, bill, book, hours)
    out += _versions_kept(_quantity(by, "storage"), w)
    per_pull = w.image_size_mb * (1 - w.layer_cache_hit) / 1000.0  # GB a pull moves
    internet = (_quantity(by, "internet_out") or 0.0) * month
    cross = (_quantity(by, "inter_region") or 0.0) * month
    if who == "github":
        if _quantity(by, "internet_out") is not None and per_pull > 0 and internet > 0:
            out.append(
                Implied(
                    "pulls_per_month",
                    round(internet / per_pull, 1),
                    _("{gb:,.1f} GB of Packages data transfer").format(gb=internet),
                )
            )
        return tuple(out), tuple(notes)
    same = _same_region_gb(who, by, w, book, month, cross, per_pull, notes)
    if same is None:
        if who == "aws":
            notes.append(_("Same-region pulls are free and not on the bill: pulls are not measured."))
        return tuple(out), tuple(notes)
    out += _pull_mix(same, cross, internet, per_pull)
    return tuple(out), tuple(notes)


def _quantity(by: Mapping[Kind, Row], kind: Kind) -> float | None:
    """The bill's quantity of a kind of line; None without the line, or for a shared one with no share set."""
    r = by.get(kind)
    if r is None or (r.shared and r.share is None):
        return None
    return r.bill_quantity


def _aws_network(by: Mapping[Kind, Row], bill: Bill, book: PriceBook, hours: float) -> list[Implied]:
    """The region of the costliest registry lines, and the network path its NAT or endpoint hours show."""
    out: list[Implied] = []
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
    return out


def _versions_kept(stored: float | None, w: Workload) -> list[Implied]:
    """The versions kept that the GB stored show, at the scenario's repositories, image size and shared layers."""
    if stored is None or stored <= 0:
        return []
    r_s = w.repositories * w.image_size_mb / 1000.0
    s = w.shared_layer_fraction
    if r_s <= 0 or s >= 1:
        return []
    v = int(min(max(round((stored / r_s - s) / (1 - s)), 1), SPECS["versions_kept"].max or 1000))
    return [
        Implied(
            "versions_kept",
            v,
            _("{gb:,.1f} GB stored, at {repos:,} repositories of {mb:,.0f} MB images").format(
                gb=stored, repos=w.repositories, mb=w.image_size_mb
            ),
        )
    ]


def _same_region_gb(
    who: str,
    by: Mapping[Kind, Row],
    w: Workload,
    book: PriceBook,
    month: float,
    cross: float,
    per_pull: float,
    notes: list[str],
) -> float | None:
    """GB pulled inside the region a month, where the bill shows it (AWS: through the NAT gateway, less
    what left the region; or through the endpoints); None where it does not."""
    if who != "aws":
        return None
    if "nat_gb" in by and "endpoint_hours" not in by:
        vpc = _quantity(by, "nat_gb")
        if vpc is None:
            notes.append(_("The NAT gateway is shared and no share is set: pulls are not measured from it."))
            return None
        return max(vpc * month - cross, 0.0)
    if "endpoint_gb" in by:
        ep = _quantity(by, "endpoint_gb")
        if ep is None:
            return None
        per = book.get("aws.ecr_endpoint_gb_per_pull", w.region)
        return ep * month / per * per_pull if per else None
    return None


def _pull_mix(same: float, cross: float, internet: float, per_pull: float) -> list[Implied]:
    """Pulls a month and where they go, from the GB pulled in the region, across regions and to the internet."""
    pulled = same + cross + internet
    if pulled <= 0 or per_pull <= 0:
        return []
    c_share, i_share = round(cross / pulled, 4), round(internet / pulled, 4)
    return [
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
