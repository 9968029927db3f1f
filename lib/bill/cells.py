"""A bill line's cells: where each field sits, the checks every row's cells pass (width, currency, a
spreadsheet formula) and its amounts read as numbers within bounds."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.errors import InputError
from ..core.i18n import _, quote
from .shape import Shape

CURRENCY = "USD"  # the price book's
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_CHARS = "=+-@\t\r"
LIMIT = 1e15  # an amount beyond this is not a bill's


def number(text: str, name: str, line: int, column: str) -> float:
    if not text:
        return 0.0
    try:
        x = float(text)
    except ValueError:
        raise InputError(
            _("{path}, line {line:,}: {column} is {value}, not a number").format(
                path=name, line=line, column=column, value=quote(text)
            )
        ) from None
    if not math.isfinite(x) or abs(x) > 1e15:
        raise InputError(
            _("{path}, line {line:,}: {column} is {value}, not a usable number").format(
                path=name, line=line, column=column, value=quote(text)
            )
        )
    return x


def check_formulas(cells: Iterable[tuple[str, str]], name: str, line: int) -> None:
    for column, text in cells:
        if text.startswith(FORMULA_START):
            try:
                float(text)
                continue  # a negative number, not a formula
            except ValueError:
                pass
            raise InputError(
                _(
                    "{path}, line {line:,}: the {column} cell starts with {start} (a spreadsheet formula); a cloud's "
                    "export never holds one: use the file as the cloud exported it"
                ).format(path=name, line=line, column=column, start=quote(text[:1]))
            )


KEY_FIELDS = ("provider", "service", "usage", "description", "x_service", "x_usage")  # what names a line


@dataclass(frozen=True)
class Columns:
    """Where each field sits in a row of this file; -1: the file has no such column."""

    key_fields: tuple[str, ...]
    key_idx: tuple[int, ...]
    qty: int
    cost: int
    unit: int
    price: int
    line_type: int
    currency: int
    region: int
    start: int
    end: int
    resource: int

    @classmethod
    def of(cls, shape: Shape, header: list[str]) -> Columns:
        col = {f: next((header.index(c) for c in cols if c in header), -1) for f, cols in shape.columns.items()}
        key_fields = tuple(f for f in KEY_FIELDS if col.get(f, -1) >= 0)
        at = {f: col.get(f, -1) for f in ("unit", "price", "line_type", "currency", "region", "start", "end")}
        return cls(
            key_fields,
            tuple(col[f] for f in key_fields),
            col["quantity"],
            col["cost"],
            resource=col.get("resource", -1),
            **at,
        )


def cell(row: list[str], i: int) -> str:
    return row[i] if i >= 0 else ""


def full_row(row: list[str], header: list[str], name: str, line: int) -> bool:
    """Whether a row of another width than the header is read: a blank line is skipped, any other is a
    file cut short (every CSV row has the header's cells; Parquet rows: the columns read)."""
    if len(row) == len(header):
        return True
    if not row or row == [""]:
        return False
    raise InputError(
        _("{path}, line {line:,}: {cells} cells where the header has {columns}: the file is cut short").format(
            path=name, line=line, cells=len(row), columns=len(header)
        )
    )


def check_currency(row: list[str], i_cur: int, name: str, line: int) -> None:
    cur = row[i_cur] if i_cur >= 0 else ""
    if cur and cur != CURRENCY:
        raise InputError(
            _(
                "{path}, line {line:,}: a line in {currency}; the model's prices are in {usd}: export the bill in {usd}"
            ).format(path=name, line=line, currency=quote(cur, 12), usd=CURRENCY)
        )


def amounts(
    row: list[str], i_qty: int, i_cost: int, i_price: int, from_price: bool, header: list[str], name: str, line: int
) -> tuple[float, float]:
    """The row's quantity and cost, each a number within LIMIT; an InputError names the cell."""
    try:
        qty = float(row[i_qty] or 0)
        cost = float(row[i_cost] or 0) if not from_price else 0.0
    except ValueError:
        qty, cost = number(row[i_qty], name, line, header[i_qty]), number(row[i_cost], name, line, header[i_cost])
    if not -LIMIT < qty < LIMIT:  # also false for nan: number names the cell
        number(row[i_qty], name, line, header[i_qty])
    if not -LIMIT < cost < LIMIT:
        number(row[i_cost], name, line, header[i_cost])
    if from_price:
        mult = number(row[i_cost], name, line, header[i_cost]) if row[i_cost] else 1.0
        cost = qty * number(row[i_price], name, line, header[i_price]) * mult
    return qty, cost
