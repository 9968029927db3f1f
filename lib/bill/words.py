"""The comparison in words: component and cause names, and the CLI's report. The core (compare)
returns keys and numbers; the page and the command line read them here, in the reader's language.
Text from a bill file is made one-line and visible (no control characters) before it is shown."""

from __future__ import annotations

from typing import Any

from ..core.i18n import N_, _, _visible, ngettext
from ..pricing import labels, registries
from ..pricing.components import unit_text
from .comparison import Comparison, Row
from .reader import Bill

KIND_WORDS = {
    "storage": N_("Registry storage"),
    "plan": N_("Registry plan fee"),
    "internet_out": N_("Data transfer out to the internet"),
    "inter_region": N_("Data transfer to other regions"),
    "regional": N_("Data transfer between zones"),
    "nat_hours": N_("NAT gateway hours"),
    "nat_gb": N_("NAT gateway data processed"),
    "endpoint_hours": N_("Interface endpoint hours"),
    "endpoint_gb": N_("Interface endpoint data processed"),
    "registry_other": N_("Other registry charges"),
    "related": N_("Related, not compared"),
}
CAUSE_WORDS = {
    "month_length": N_("the month's length (billed by the hour or day; the model's month has 730 hours)"),
    "shared": N_("a shared line, counted at the share you set"),
    "shared_unset": N_("shared with other traffic: set its share to count it"),
    "free_tier": N_("a free tier or allowance billed at zero"),
    "price_missing": N_("a price the book lacks (the model prices it at zero)"),
    "price": N_("a unit price other than the price book's"),
    "quantity": N_("another quantity than the scenario's: apply the measured inputs"),
    "not_modelled": N_("a line the model has no component for"),
    "unit": N_("a unit this comparison does not read"),
}
SHARE_WORDS = {
    "nat": N_("NAT gateway"),
    "endpoints": N_("Interface endpoints"),
    "transfer": N_("EC2 data transfer"),
    "storage": N_("GitHub shared storage (Actions and Packages)"),
}


def kind(key: str) -> str:
    return _(KIND_WORDS[key])


def causes(row: Row) -> str:
    if not row.causes:
        return _("matches")
    return "; ".join(_(CAUSE_WORDS[c]) for c in row.causes)


def text(value: object, limit: int = 120) -> str:
    """Text from a bill file on one line, control characters shown as escapes, at most `limit` long."""
    s = " ".join(str(value).split())
    s = "".join(_visible(c) for c in s[: limit + 1])
    return s if len(s) <= limit else s[: limit - 1] + "…"


def files_line(bill: Bill) -> list[str]:
    out = []
    for f in bill.files:
        line = _("{file} ({format}): {rows:,} rows read, {kept:,} kept").format(
            file=text(f.name), format=f.format, rows=f.rows, kept=f.kept
        )
        if f.other_types:
            line += "; " + ngettext(
                "{n:,} tax, credit, refund or fee line ({cost}) not compared",
                "{n:,} tax, credit, refund or fee lines ({cost}) not compared",
                f.other_types,
            ).format(n=f.other_types, cost=labels.money(f.other_cost))
        out.append(line)
    return out


def period(bill: Bill) -> str:
    if bill.start is None or bill.end is None or bill.hours is None:
        return _("the period is not in the file: the model's 730-hour month is assumed")
    return _("{start} to {end} ({hours:,.0f} hours)").format(
        start=bill.start.date().isoformat(), end=bill.end.date().isoformat(), hours=bill.hours
    )


def report(bill: Bill, c: Comparison, shares: dict[str, float | None]) -> list[str]:
    """The comparison as lines of text (the CLI)."""
    out = files_line(bill)
    out.append(_("Billing period: {period}").format(period=period(bill)))
    out.append("")
    out.append(_("{registry}: the model against the bill").format(registry=registries.name(c.registry)))
    head = (
        _("Component"),
        _("Model"),
        _("Bill"),
        _("Difference"),
        _("Likely cause"),
    )
    out.append(f"{head[0]:<36} {head[1]:>26} {head[2]:>26} {head[3]:>12}  {head[4]}")
    for r in c.rows:
        out.append(
            f"{kind(r.kind):<36} {_side(r.model_quantity, r.unit, r.model_cost):>26} "
            f"{_side(r.bill_quantity, r.unit, r.bill_cost):>26} {labels.signed_money(r.difference):>12}  {causes(r)}"
        )
    total = _("Total for the period")
    out.append(
        f"{total:<36} {labels.money(c.model_total):>26} {labels.money(c.bill_total):>26} "
        f"{labels.signed_money(c.bill_total - c.model_total):>12}"
    )
    if c.unattributed > labels.SAME_MONEY:
        out.append(_("Shared lines not counted against the registry: {cost}").format(cost=labels.money(c.unattributed)))
    for key, share in shares.items():
        if share is not None:
            out.append(
                _("Share of the {what} counted as registry traffic: {share}").format(
                    what=_(SHARE_WORDS[key]), share=labels.percent(share)
                )
            )
    if c.related:
        out.append("")
        out.append(_("Related lines, not compared (a self-hosted registry or the baseline would bill these):"))
        for g in c.related:
            out.append(f"  {text(g.service, 30):<20} {text(g.usage, 50):<50} {labels.money(g.cost):>14}")
    out.append("")
    if c.implied:
        out.append(_("The inputs this bill measures:"))
        for i in c.implied:
            out.append(f"  {labels.field(i.field):<32} {i.value!s:<12} {i.how}")
    out += c.notes
    return out


def _side(quantity: float, unit: str, cost: float) -> str:
    return f"{labels.number(quantity, 2)} {unit_text(unit)} = {labels.money(cost)}" if unit else labels.money(cost)


def to_dict(bill: Bill, c: Comparison, shares: dict[str, float | None]) -> dict[str, Any]:
    """The comparison as data (the CLI's JSON): keys and numbers, file text made visible."""
    return {
        "files": [
            {"file": text(f.name), "format": f.format, "rows": f.rows, "kept": f.kept, "not_compared": f.other_types}
            for f in bill.files
        ],
        "period": {
            "start": bill.start.isoformat() if bill.start else None,
            "end": bill.end.isoformat() if bill.end else None,
            "hours": bill.hours,
        },
        "provider": c.provider,
        "registry": c.registry,
        "shares": shares,
        "components": [
            {
                "component": r.kind,
                "unit": r.unit,
                "model": {"quantity": r.model_quantity, "unit_price": r.model_price, "cost": round(r.model_cost, 6)},
                "bill": {
                    "quantity": r.bill_quantity,
                    "unit_price": r.bill_price,
                    "cost": round(r.bill_cost, 6),
                    "cost_before_share": round(r.bill_total_cost, 6),
                },
                "shared": r.shared,
                "difference": round(r.difference, 6),
                "causes": list(r.causes),
                "usage_types": [text(u) for u in r.usages],
            }
            for r in c.rows
        ],
        "totals": {"model": round(c.model_total, 6), "bill": round(c.bill_total, 6), "unattributed": c.unattributed},
        "measured": c.values(),
    }
