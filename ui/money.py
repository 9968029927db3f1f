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
from lib.pricing import labels


def convert(df: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """`df` with its US-dollar `columns` in the display currency, rounded as every other surface
    rounds them (labels.shown: the browser is given cents, never a half cent to round its own way)."""
    return df.assign(**{c: df[c].map(labels.shown) for c in columns})


def column(label: str, **kwargs: Any) -> ColumnConfig:
    """A money column: '$2,996.85', or won with the locale's separators and ₩ in its header."""
    if i18n.krw() is None:
        return st.column_config.NumberColumn(label, format="dollar", **kwargs)
    # Korean names the currency in words (원), as the axis titles do; English keeps the sign
    return st.column_config.NumberColumn(
        f"{label} ({'원' if i18n.lang() == 'ko' else '₩'})", format="localized", **kwargs
    )
