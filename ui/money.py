"""Money columns of the app's tables in the display currency: US dollars, or won at the reader's rate
(ui/language.py). The numbers stay numbers (the table sorts by them); only the values shown convert,
through lib.pricing.labels.amount, the one conversion every figure uses."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from lib.core import i18n
from lib.core.i18n import _
from lib.pricing import labels


def convert(df: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """`df` with its US-dollar `columns` in the display currency, rounded as every other surface
    rounds them (labels.shown: the browser is given cents, never a half cent to round its own way)."""
    return df.assign(**{c: df[c].map(labels.shown) for c in columns})


def column(label: str, unit: bool = True, **kwargs: Any) -> ColumnConfig:
    """A money column: '$2,996.85', or won with the locale's separators and ₩ in its header. `unit`
    False: no currency in the header, for a narrow table whose caption says it once (unit_caption)."""
    if i18n.krw() is None:
        return st.column_config.NumberColumn(label, format="dollar", **kwargs)
    # Korean names the currency in words (원), as the axis titles do; English keeps the sign
    name = labels.bracketed(label, "원" if i18n.lang() == "ko" else "₩") if unit else label  # "월 비용(원)"
    return st.column_config.NumberColumn(name, format="localized", **kwargs)


def unit_caption() -> str | None:
    """The currency of a table whose money columns name none (column(unit=False)): won has no sign in
    its cells; dollars do, so they need no caption."""
    return _("Amounts in won, a month.") if i18n.krw() is not None else None
