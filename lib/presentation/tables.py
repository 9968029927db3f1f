"""Tables built from an estimate, shared by the pages and the exports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..core import i18n
from ..core.i18n import N_, _
from ..inputs.pricebook import PriceBook
from ..pricing.components import CATEGORIES, unit_text
from ..pricing.engine import Estimate
from ..pricing.setups import Setup, text
from .wording import category

SEVERITY_MARK = {
    "blocker": N_("Blocker:"),
    "warning": N_("Warning:"),
    "info": N_("Note:"),
}  # words: no emoji font needed

# The column headers of the CSV and XLSX files. In English they are the column keys, as the files
# have always had them (scripts read them); in Korean, words. Pages name the columns themselves.
HEADERS = {
    "rank": N_("rank"),
    "id": N_("id"),
    "registry_id": N_("registry_id"),
    "registry": N_("registry"),
    "monthly_cost": N_("monthly_cost"),
    "cheaper_setup": N_("cheaper_setup"),
    "setup": N_("setup"),
    "other_cost": N_("other_cost"),  # the other view's total: as set up now, or in its cheapest setup
    "largest_part": N_("largest_part"),
    "flags": N_("flags"),
    "notes": N_("notes"),
    "component": N_("component"),
    "category": N_("category"),
    "quantity": N_("quantity"),
    "unit": N_("unit"),
    "price": N_("price"),
    "unit_price": N_("unit_price"),
    "source": N_("source"),
    "field": N_("field"),
    "value": N_("value"),
}


def header(key: str) -> str:
    """A file's column header in the current language."""
    return _(HEADERS[key])


def category_text(cat: str) -> str:
    """A cost category as a file shows it: its key in English (as the files always had), its name in Korean."""
    return cat if i18n.lang() == "en" or cat not in CATEGORIES else category(cat)


def for_file(df: pd.DataFrame) -> pd.DataFrame:
    """A table as a file carries it: headers and category keys in the current language (unchanged in English)."""
    if i18n.lang() == "en":
        return df
    out = df.copy()
    for col in ("category", "largest_part"):
        if col in out.columns:
            out[col] = out[col].map(category_text)
    if "unit" in out.columns:  # "GB-월", "엔지니어-시간": the unit as the pages write it (issue 28)
        out["unit"] = out["unit"].map(unit_text)
    return out.rename(columns=lambda c: header(c) if c in HEADERS else c)


def totals_table(
    e: Estimate,
    cheaper: Mapping[str, Setup | None] | None = None,
    other: Mapping[str, float] | None = None,
    setup: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per registry, cheapest first, with the largest cost driver and the flags; with
    `cheaper` (setups.cheaper_setups()), each registry's cheaper setup beside its total; with
    `other` (Analysis.other_totals()), its total in the other view where it differs (else NaN);
    with `setup`, the words for the setup each total is priced in."""
    return pd.DataFrame(totals_columns(e, cheaper, other, setup))


def totals_columns(
    e: Estimate,
    cheaper: Mapping[str, Setup | None] | None = None,
    other: Mapping[str, float] | None = None,
    setup: Mapping[str, str] | None = None,
) -> dict[str, list[Any]]:
    """totals_table's columns as lists: a page that shows some of them, in its own words, builds its
    frame once from these (each pandas step on a frame copies every column; issue 29, fourth round)."""
    columns: dict[str, list[Any]] = {
        k: []
        for k in (
            "rank",
            "id",
            "registry",
            "monthly_cost",
            *(["cheaper_setup"] if cheaper is not None else []),
            *(["setup"] if setup is not None else []),
            *(["other_cost"] if other is not None else []),
            "largest_part",
            "flags",
            "notes",
        )
    }
    for rank, r in enumerate(e.ranked(), start=1):
        cats = r.by_category()
        columns["rank"].append(rank)
        columns["id"].append(r.id)
        columns["registry"].append(r.name)
        columns["monthly_cost"].append(r.monthly_cost)
        if cheaper is not None:
            columns["cheaper_setup"].append(text(cheaper.get(r.id)))
        if setup is not None:
            columns["setup"].append(setup.get(r.id, ""))
        if other is not None:
            columns["other_cost"].append(other.get(r.id, float("nan")))
        columns["largest_part"].append(max(cats, key=lambda k: cats[k]) if r.monthly_cost > 0 else "-")
        columns["flags"].append(
            " ".join(f"{_(SEVERITY_MARK[f.severity])} {f.message}" for f in r.flags if f.severity != "info")
        )
        columns["notes"].append(" ".join(f.message for f in r.flags if f.severity == "info"))
    return columns


def all_components_table(e: Estimate, book: PriceBook) -> pd.DataFrame:
    """Every registry's components in one table, cheapest registry first."""
    return pd.DataFrame(components_columns(e, book))


def components_columns(e: Estimate, book: PriceBook) -> dict[str, list[Any]]:
    """all_components_table's columns as lists (see totals_columns)."""
    columns: dict[str, list[Any]] = {
        k: [] for k in ("registry", "component", "category", "quantity", "unit", "unit_price", "monthly_cost", "source")
    }
    yours = _("your input")
    for r in e.ranked():
        for c in r.components:
            columns["registry"].append(r.name)
            columns["component"].append(c.name)
            columns["category"].append(c.category)
            columns["quantity"].append(c.quantity)
            columns["unit"].append(c.unit)
            columns["unit_price"].append(c.price)
            columns["monthly_cost"].append(c.monthly_cost)
            columns["source"].append(book.prices[c.price_key].source if c.price_key in book.prices else yours)
    return columns
