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
    if kind in TIMED and not close(hours, book.hours_per_month):
        expected = q_model * hours / book.hours_per_month
        if close(q_bill, expected):
            out.append("month_length")
        elif not close(q_bill, q_model):
            out.append("quantity")
    elif not close(q_bill, q_model) and not (free and close(q_bill - free, q_model)):
        out.append("quantity")
    if free > 0:
        out.append("free_tier")
    paid = q_bill - free
    if q_model and paid > 0:
        p_model, p_bill = c_model / q_model, c_bill / paid
        if p_model == 0 and p_bill > 0:
            out.append("price_missing")
        elif p_model and not close(p_bill, p_model) and "free_tier" not in out:
            out.append("price")
    elif q_model and c_model == 0 and c_bill > 0:
        out.append("price_missing")
    return tuple(dict.fromkeys(out))
