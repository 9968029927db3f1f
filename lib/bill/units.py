"""Both sides in one unit per component: which bill kind a model component is held against, and each
side's quantity in that kind's unit (GB-month, GB, hour, day)."""

from __future__ import annotations

from ..inputs.pricebook import PriceBook
from ..pricing.components import Component
from .mapping import Kind
from .reader import Group

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


def model_quantity(c: Component, book: PriceBook) -> float:
    if c.unit == "GB-day":
        return c.quantity / book.days_per_month
    if c.unit == "day" or c.unit == "month":
        return c.quantity if c.unit == "day" else c.quantity * book.days_per_month
    return c.quantity


def bill_quantity(g: Group, hours: float) -> float | None:
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
