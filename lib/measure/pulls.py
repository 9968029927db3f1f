"""Pulls a month and where they come from, worked out from the pull inputs read."""

from __future__ import annotations

from datetime import UTC, datetime

from ..core.i18n import _, ngettext
from .cloudtrail import region_of
from .inventory import Inventory, PullSeries
from .limits import DAYS_PER_MONTH, MIN_PULL_SPAN_DAYS
from .result import Measured, clamp, sources_words

DAY = 86_400


def _date(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).date().isoformat()


def measure_pulls(
    inv: Inventory, measured: list[Measured], not_measured: list[tuple[str, str]], notes: list[str]
) -> None:
    usable: list[PullSeries] = []
    for s in inv.pulls:
        if (s.last - s.first) / DAY < MIN_PULL_SPAN_DAYS:
            notes.append(
                _("{file}: its pulls cover {hours:,.0f} hours: too short to tell a monthly rate; not counted").format(
                    file=s.file, hours=(s.last - s.first) / 3600
                )
            )
        else:
            usable.append(s)
    counted = {k: inv.trail.get(k, 0) for k in ("endpoint", "private", "public")}
    trail_pulls = sum(counted.values())
    if usable:
        rate = sum(s.pulls / ((s.last - s.first) / DAY) * DAYS_PER_MONTH for s in usable)
        if len(usable) == 1:
            s = usable[0]
            how = _("{pulls:,.0f} pulls over {days:,.1f} days ({first} to {last}), per 30 days").format(
                pulls=s.pulls, days=(s.last - s.first) / DAY, first=_date(s.first), last=_date(s.last - 1)
            )
        else:
            how = _("{n:,} series, each per 30 days over its own span, added up ({pulls:,.0f} pulls in all)").format(
                n=len(usable), pulls=sum(s.pulls for s in usable)
            )
        measured.append(
            Measured(
                "pulls_per_month",
                clamp("pulls_per_month", round(rate, 1), notes),
                sources_words(inv, {s.fmt for s in usable}),
                how,
            )
        )
        if trail_pulls:
            notes.append(_("Pulls a month: from CloudWatch's count; CloudTrail's events give where they come from"))
    elif trail_pulls and inv.trail_times:
        span = max(inv.trail_times) - min(inv.trail_times)
        if span / DAY < MIN_PULL_SPAN_DAYS:
            not_measured.append(
                (
                    "pulls_per_month",
                    _("the CloudTrail events cover {hours:,.0f} hours: too short to tell a monthly rate").format(
                        hours=span / 3600
                    ),
                )
            )
        else:
            measured.append(
                Measured(
                    "pulls_per_month",
                    clamp("pulls_per_month", round(trail_pulls / (span / DAY) * DAYS_PER_MONTH, 1), notes),
                    sources_words(inv, {"cloudtrail"}),
                    _(
                        "{pulls:,} image pulls (BatchGetImage) over {days:,.1f} days ({first} to {last}), per 30 days"
                    ).format(
                        pulls=trail_pulls,
                        days=span / DAY,
                        first=_date(min(inv.trail_times)),
                        last=_date(max(inv.trail_times)),
                    ),
                )
            )
    else:
        not_measured.append(("pulls_per_month", _("no pull counts in these files")))
    if inv.trail_files:
        _where(inv, counted, trail_pulls, measured, not_measured, notes)


def _where(
    inv: Inventory,
    counted: dict[str, int],
    total: int,
    measured: list[Measured],
    not_measured: list[tuple[str, str]],
    notes: list[str],
) -> None:
    """The pull mix: same region (VPC endpoint, private address, an address of the registry's region),
    another AWS region, or the internet."""
    if inv.trail.get("aws"):
        notes.append(
            _(
                "{n:,} BatchGetImage call(s) made by AWS services themselves (replication, scanning) are not pulls"
            ).format(n=inv.trail["aws"])
        )
    if not total:
        for name in ("same_region_share", "cross_region_share", "internet_share"):
            not_measured.append((name, _("no image pulls (BatchGetImage) in the CloudTrail events")))
        return
    if counted["public"] and not inv.ip_ranges:
        why = ngettext(
            "{n:,} pull came from a public address: add AWS's ip-ranges.json "
            "(https://ip-ranges.amazonaws.com/ip-ranges.json) to tell the region's NAT gateways, other regions "
            "and the internet apart",
            "{n:,} pulls came from public addresses: add AWS's ip-ranges.json "
            "(https://ip-ranges.amazonaws.com/ip-ranges.json) to tell the region's NAT gateways, other regions "
            "and the internet apart",
            counted["public"],
        ).format(n=counted["public"])
        for name in ("same_region_share", "cross_region_share", "internet_share"):
            not_measured.append((name, why))
        return
    nat = cross = internet = 0
    for key, n in inv.trail_ips.items():
        address, _sep, home = key.partition(" ")
        region = region_of(inv, address)
        if region is not None and region == home:
            nat += n
        elif region is not None and region != "GLOBAL":
            cross += n
        else:
            internet += n
    same = counted["endpoint"] + counted["private"] + nat
    same_s, cross_s = round(same / total, 4), round(cross / total, 4)
    cross_s = min(cross_s, round(1.0 - same_s, 4))  # two halves rounded up must not pass 1
    internet_s = max(round(1.0 - same_s - cross_s, 4), 0.0)  # the three sum to 1, as the calculator needs
    src = sources_words(inv, {"cloudtrail", "ipranges"} if inv.ip_ranges else {"cloudtrail"})
    measured.append(
        Measured(
            "same_region_share",
            same_s,
            src,
            _(
                "{same:,} of {total:,} pulls: {endpoint:,} through a VPC endpoint, {private:,} from private "
                "addresses, {nat:,} from the region's own public addresses (NAT gateways)"
            ).format(same=same, total=total, endpoint=counted["endpoint"], private=counted["private"], nat=nat),
        )
    )
    measured.append(
        Measured(
            "cross_region_share",
            cross_s,
            src,
            _("{n:,} of {total:,} pulls from addresses of other AWS regions").format(n=cross, total=total),
        )
    )
    measured.append(
        Measured(
            "internet_share",
            internet_s,
            src,
            _("{n:,} of {total:,} pulls from addresses outside AWS").format(n=internet, total=total),
        )
    )
