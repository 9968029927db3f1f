"""AWS Cost and Usage Report: CUR 2.0 (snake_case columns, the "CUR 2.0 table dictionary") and the
legacy CUR (`lineItem/UsageType`-style columns). Columns relied on, as AWS documents them:

CUR 2.0: line_item_product_code, line_item_usage_type, line_item_line_item_type,
line_item_line_item_description, line_item_usage_amount, pricing_unit, line_item_unblended_cost,
line_item_unblended_rate, line_item_currency_code, line_item_usage_start_date,
line_item_usage_end_date, line_item_resource_id, product_region_code.
Legacy: lineItem/ProductCode, lineItem/UsageType, lineItem/LineItemType, lineItem/LineItemDescription,
lineItem/UsageAmount, pricing/unit, lineItem/UnblendedCost, lineItem/UnblendedRate,
lineItem/CurrencyCode, lineItem/UsageStartDate, lineItem/UsageEndDate, lineItem/ResourceId,
product/region (the legacy name of product_region_code).

`line_item_usage_amount` for TimedStorage-ByteHrs is in GB-months (pricing_unit "GB-Mo"); for
*-Bytes usage types in GB; for *-Hours in hours. Only usage lines are compared (Usage,
DiscountedUsage, SavingsPlanCoveredUsage): tax, credits, refunds and fees are counted, not compared.
"""

from __future__ import annotations

from .mapping import Found, aws_usage
from .shape import Shape

USAGE_TYPES = frozenset({"Usage", "DiscountedUsage", "SavingsPlanCoveredUsage"})


def _classify(row: dict[str, str]) -> Found | None:
    return aws_usage(row["service"], row["usage"])


CUR2 = Shape(
    "cur2",
    "AWS CUR 2.0",
    ("line_item_usage_type", "line_item_product_code", "line_item_usage_amount", "line_item_unblended_cost"),
    {
        "service": ("line_item_product_code",),
        "usage": ("line_item_usage_type",),
        "description": ("line_item_line_item_description",),
        "region": ("product_region_code",),
        "quantity": ("line_item_usage_amount",),
        "unit": ("pricing_unit",),
        "cost": ("line_item_unblended_cost",),
        "price": ("line_item_unblended_rate",),
        "currency": ("line_item_currency_code",),
        "start": ("line_item_usage_start_date",),
        "end": ("line_item_usage_end_date",),
        "resource": ("line_item_resource_id",),
        "line_type": ("line_item_line_item_type",),
    },
    _classify,
    provider="aws",
    usage_line_types=USAGE_TYPES,
)

LEGACY = Shape(
    "cur",
    "AWS CUR (legacy)",
    ("lineItem/UsageType", "lineItem/ProductCode", "lineItem/UsageAmount", "lineItem/UnblendedCost"),
    {
        "service": ("lineItem/ProductCode",),
        "usage": ("lineItem/UsageType",),
        "description": ("lineItem/LineItemDescription",),
        "region": ("product/region", "product/regionCode"),
        "quantity": ("lineItem/UsageAmount",),
        "unit": ("pricing/unit",),
        "cost": ("lineItem/UnblendedCost",),
        "price": ("lineItem/UnblendedRate",),
        "currency": ("lineItem/CurrencyCode",),
        "start": ("lineItem/UsageStartDate",),
        "end": ("lineItem/UsageEndDate",),
        "resource": ("lineItem/ResourceId",),
        "line_type": ("lineItem/LineItemType",),
    },
    _classify,
    provider="aws",
    usage_line_types=USAGE_TYPES,
)
