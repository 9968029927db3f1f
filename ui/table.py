"""A page's table as Streamlit sends it, made once per scenario (issue 29).

`st.dataframe` turns a pandas DataFrame into an Arrow table on every rerun (pyarrow's from_pandas:
~1-1.5 ms a table, 6.5 % of an Overview rerun under load, py-spy). Given the Arrow table itself it
only serialises it. `arrow` is the conversion Streamlit makes (the same function, so the bytes the
browser gets are the same); `shown` keeps its result with the scenario's other views
(lib/scenario_cache.view: keyed by the scenario, the price book, the language and the won rate), so
a rerun of a scenario seen before by anyone converts nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeAlias

import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
from streamlit import dataframe_util

from lib.analyses import scenario_cache
from lib.inputs.pricebook import PriceBook
from lib.inputs.workload import Workload

Table: TypeAlias = pa.Table  # what a page's cached view holds for st.dataframe (pyarrow is untyped)


def arrow(df: pd.DataFrame) -> Table:
    """What st.dataframe makes of df (with hide_index=True the index is hidden either way)."""
    return dataframe_util.convert_pandas_df_to_arrow_table(df)


def shown(w: Workload, book: PriceBook, name: Hashable, make: Callable[[], pd.DataFrame]) -> Table:
    """make()'s table for w, converted once per scenario, language and won rate, shared by every session."""
    return scenario_cache.view(w, book, ("table", name), lambda: arrow(make()))
