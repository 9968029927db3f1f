"""FOCUS, the FinOps Foundation's open cost and usage format (1.0 and later): one reader for the
exports of AWS (Data Exports, "FOCUS 1.0 with AWS columns"), Azure (Cost Management) and Google Cloud.

Columns relied on, as the FOCUS 1.0 specification names them: ProviderName, ServiceName,
ChargeCategory, ChargeDescription, ConsumedQuantity, ConsumedUnit, PricingQuantity, PricingUnit,
ListUnitPrice, BilledCost, BillingCurrency, RegionId, ResourceId, SkuId, ChargePeriodStart,
ChargePeriodEnd; and AWS's x_ServiceCode and x_UsageType where present (then the line is read by its
usage type, as in the CUR). BilledCost is the figure compared: it is what the invoice says.

FOCUS 0.5 named the quantity UsageQuantity/UsageUnit and the category ChargeType: such a file is
refused with the version it is, not misread. Only ChargeCategory "Usage" lines are compared.
"""

from __future__ import annotations

from collections.abc import Sequence

from .mapping import Found, aws_usage, described
from .shape import Shape

REQUIRED = (
    "ProviderName",
    "ServiceName",
    "ChargeCategory",
    "ChargeDescription",
    "ConsumedQuantity",
    "ConsumedUnit",
    "BilledCost",
    "BillingCurrency",
    "ChargePeriodStart",
    "ChargePeriodEnd",
)
# columns of FOCUS before 1.0 (0.5) that 1.0 renamed
OLD_MARKERS = ("UsageQuantity", "UsageUnit", "ChargeType")

PROVIDERS = {
    "aws": "aws",
    "amazon web services": "aws",
    "microsoft": "azure",
    "microsoft azure": "azure",
    "azure": "azure",
    "google cloud": "gcp",
    "google": "gcp",
    "google cloud platform": "gcp",
}


def provider(name: str) -> str:
    return PROVIDERS.get(" ".join(name.lower().split()), "")


def _classify(row: dict[str, str]) -> Found | None:
    who = provider(row["provider"])
    if who == "aws" and row.get("x_usage"):
        return aws_usage(row.get("x_service", ""), row["x_usage"])
    if not who:
        return None
    return described(row["service"], row["description"])


def older_version(header: Sequence[str]) -> bool:
    """A FOCUS file before 1.0: it has 0.5's columns and lacks 1.0's."""
    return "BilledCost" in header and any(c in header for c in OLD_MARKERS) and "ConsumedQuantity" not in header


FOCUS = Shape(
    "focus",
    "FOCUS",
    REQUIRED,
    {
        "provider": ("ProviderName",),
        "service": ("ServiceName",),
        "x_service": ("x_ServiceCode",),
        "x_usage": ("x_UsageType",),
        "usage": ("SkuId",),
        "description": ("ChargeDescription",),
        "region": ("RegionId",),
        "quantity": ("ConsumedQuantity", "PricingQuantity"),
        "unit": ("ConsumedUnit", "PricingUnit"),
        "cost": ("BilledCost",),
        "price": ("ListUnitPrice",),
        "currency": ("BillingCurrency",),
        "start": ("ChargePeriodStart",),
        "end": ("ChargePeriodEnd",),
        "resource": ("ResourceId",),
        "line_type": ("ChargeCategory",),
    },
    _classify,
    usage_line_types=frozenset({"Usage"}),
)
