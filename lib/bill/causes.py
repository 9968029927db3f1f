"""The causes a difference between the model and the bill can be traced to, as keys (the module
docstring of compare lists them; the pages and the CLI word them)."""

from __future__ import annotations

from ..inputs.pricebook import PriceBook
from ..pricing import labels
from .mapping import Kind

TIMED: tuple[Kind, ...] = ("nat_hours", "endpoint_hours", "plan")  # billed by the hour or day: a month's length shows
CENT = labels.SAME_MONEY  # half a cent: the same amount once shown
TOLERANCE = 0.01  # 1 %: a quantity or price this close is the same one, rounded by the export


def close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b)) + 1e-9


def causes(
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
    if abs(c_bill - c_model) < CENT and close(q_bill, q_model):
        return ()
    if unknown_unit:
        out.append("unit")
    if q_model == 0 and c_model == 0 and (q_bill or c_bill):
        out.append("not_modelled")
        return tuple(out)
    if shared and share is not None and share < 1:
        out.append("shared")
    out += _quantity_causes(kind, q_model, q_bill, free, hours, book)
    if free > 0:
        out.append("free_tier")
    out += _price_causes(q_model, c_model, q_bill - free, c_bill, free_tier=free > 0)
    return tuple(dict.fromkeys(out))


def _quantity_causes(
    kind: Kind, q_model: float, q_bill: float, free: float, hours: float, book: PriceBook
) -> list[str]:
    """A quantity that differs: the month's length (for what is billed by the hour), or the quantity itself
    (not where the bill's free allowance accounts for the difference)."""
    if kind in TIMED and not close(hours, book.hours_per_month):
        if close(q_bill, q_model * hours / book.hours_per_month):
            return ["month_length"]
        return [] if close(q_bill, q_model) else ["quantity"]
    if close(q_bill, q_model) or (free and close(q_bill - free, q_model)):
        return []
    return ["quantity"]


def _price_causes(q_model: float, c_model: float, paid: float, c_bill: float, free_tier: bool) -> list[str]:
    """A price that differs (not where a free tier explains it), or one the model lacks."""
    if q_model and paid > 0:
        p_model, p_bill = c_model / q_model, c_bill / paid
        if p_model == 0 and p_bill > 0:
            return ["price_missing"]
        return ["price"] if p_model and not close(p_bill, p_model) and not free_tier else []
    return ["price_missing"] if q_model and c_model == 0 and c_bill > 0 else []
