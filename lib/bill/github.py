"""GitHub's billing usage report (CSV), in both shapes GitHub has sent.

The current report (the enhanced billing platform): date, product, sku, quantity, unit_type,
applied_cost_per_quantity, gross_amount, discount_amount, net_amount, username, organization,
repository, workflow_path, cost_center_name. The billed figure is net_amount (gross less discounts:
the included free quantity shows up as a discount).

The older report: Date, Product, SKU, Quantity, Unit Type, Price Per Unit ($), Multiplier, Owner,
Repository Slug, Username, Actions Workflow, Notes. It has no amount column: the cost is
Quantity x Price Per Unit x Multiplier, computed here.

GitHub bills in US dollars; neither report has a currency column.
"""

from __future__ import annotations

from .mapping import Found, github
from .shape import Shape


def _classify(row: dict[str, str]) -> Found | None:
    return github(row["service"], row["usage"])


NEW = Shape(
    "github",
    "GitHub usage report",
    ("date", "product", "sku", "quantity", "unit_type", "net_amount"),
    {
        "service": ("product",),
        "usage": ("sku",),
        "quantity": ("quantity",),
        "unit": ("unit_type",),
        "cost": ("net_amount",),
        "price": ("applied_cost_per_quantity",),
        "start": ("date",),
        "end": ("date",),
        "resource": ("repository",),
    },
    _classify,
    provider="github",
)

OLD = Shape(
    "github_old",
    "GitHub usage report (older format)",
    ("Date", "Product", "SKU", "Quantity", "Unit Type", "Price Per Unit ($)"),
    {
        "service": ("Product",),
        "usage": ("SKU",),
        "quantity": ("Quantity",),
        "unit": ("Unit Type",),
        "price": ("Price Per Unit ($)",),
        "cost": ("Multiplier",),  # read as the multiplier: cost = quantity x price x multiplier
        "start": ("Date",),
        "end": ("Date",),
        "resource": ("Repository Slug",),
    },
    _classify,
    provider="github",
    cost_from_price=True,
)
