"""Tables built from an estimate, shared by the pages and the exports."""
from __future__ import annotations

import pandas as pd

from .engine import Estimate
from .pricebook import PriceBook
from .setups import Setup

SEVERITY_MARK = {"blocker": "Blocker:", "warning": "Warning:", "info": "Note:"}  # words: no emoji font needed


def totals_table(e: Estimate, cheaper: dict[str, Setup | None] | None = None) -> pd.DataFrame:
    """One row per registry, cheapest first, with the largest cost driver and the flags; with
    `cheaper` (setups.cheaper_setups()), each registry's cheaper setup beside its total."""
    from .setups import text
    rows = []
    for rank, r in enumerate(e.ranked(), start=1):
        cats = r.by_category()
        driver = max(cats, key=lambda k: cats[k]) if r.monthly_cost > 0 else "-"
        rows.append({
            "rank": rank, "id": r.id, "registry": r.name, "monthly_cost": r.monthly_cost,
            **({"cheaper_setup": text(cheaper.get(r.id))} if cheaper is not None else {}),
            "largest_part": driver,
            "flags": " ".join(f"{SEVERITY_MARK[f.severity]} {f.message}" for f in r.flags if f.severity != "info"),
            "notes": " ".join(f.message for f in r.flags if f.severity == "info"),
        })
    return pd.DataFrame(rows)


def all_components_table(e: Estimate, book: PriceBook) -> pd.DataFrame:
    """Every registry's components in one table, cheapest registry first."""
    rows = [{"registry": r.name, "component": c.name, "category": c.category, "quantity": c.quantity, "unit": c.unit,
             "unit_price": c.price, "monthly_cost": c.monthly_cost,
             "source": book.prices[c.price_key].source if c.price_key in book.prices else "your input"}
            for r in e.ranked() for c in r.components]
    return pd.DataFrame(rows)
