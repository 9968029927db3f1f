"""A figure as a reader found it, with the checks every reader makes of its date and its number."""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass

from ...core.i18n import _
from .. import price_lists as pl
from ..price_lists import PriceListError


@dataclass(frozen=True)
class Figure:
    """One region's figure for one price-book entry, as read."""

    value: float
    source: str  # a URL, or "secondary: <URL>"
    as_of: str  # YYYY-MM-DD
    detail: str  # where exactly: file, location, description and rate code; or file, region and entry


# {price-book key: {region (or choice, for `by:` entries keyed by region then choice): Figure}}
Figures = dict[str, dict[str, Figure]]


# {price-book key: {region: {choice: Figure}}}: `by:` entries found for every choice in a region
ChoiceFigures = dict[str, dict[str, dict[str, Figure]]]


def read_date(text: object, where: str) -> str:
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", str(text))
    try:
        return _dt.date.fromisoformat(m.group(1)).isoformat() if m else _dt.date.fromisoformat(str(text)).isoformat()
    except ValueError:
        raise PriceListError(
            _("{where}: the as-of date must start YYYY-MM-DD, got {got!r}").format(where=where, got=str(text)[:60])
        ) from None


def read_price(text: object, where: str) -> float:
    """A price as the offer-file reader takes one: text in plain ASCII decimals ("0.0120000000"),
    or a number the file's own syntax wrote (sourced-prices.yaml), finite and not negative.
    Whether it is plausible (positive, dated, close to the current book) is price_update.check_plausible's."""
    if isinstance(text, str) and pl.is_plain_decimal(text):
        return float(text)
    if isinstance(text, (int, float)) and not isinstance(text, bool) and math.isfinite(text) and text >= 0:
        return float(text)
    raise PriceListError(
        _("{where}: the price is not a plain decimal number: {got!r}").format(where=where, got=str(text)[:60])
    )
