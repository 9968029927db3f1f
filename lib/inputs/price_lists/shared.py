"""What every price-list reader shares: the error that names the file and the field, the shapes of
what is read and found (Json, Found, Founds), the bound on nesting, and the check that a price is
written in plain decimal digits."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...core.errors import PriceBookError

MAX_DEPTH = 32  # offer files and Retail Prices pages nest ~6 levels

_DECIMAL = re.compile(r"[0-9]{1,20}(\.[0-9]{1,20})?", re.ASCII)


class PriceListError(PriceBookError):
    """A price list file that cannot be used: names the file, the SKU or item, and the field."""


# a vendor's JSON object (an AWS product or term, an Azure item): its fields are checked where they are read
Json = dict[str, Any]
# {price-book key: {region (or choice, for `by:` entries): Found}}
Founds = dict[str, dict[str, "Found"]]
Progress = Callable[[str], None]


def is_plain_decimal(text: str) -> bool:
    """ASCII digits with an optional point: how price lists write a price. float() would also
    take "１", "٠.١", "1_0", " 1", "NaN" and "1e400"; both readers (offer files, pricing pages) refuse them."""
    return _DECIMAL.fullmatch(text) is not None


@dataclass(frozen=True)
class Found:
    """One price read from a list, converted to the price book's unit."""

    value: float
    source: str  # the machine-readable file's URL
    page: str  # the vendor's page for people
    as_of: str
    detail: str  # where exactly: file, SKU, rate code or meter
