"""A page's table as Streamlit sends it, made once per scenario (issue 29).

`st.dataframe` turns a pandas DataFrame into an Arrow table on every rerun (pyarrow's from_pandas:
~1-1.5 ms a table, 6.5 % of an Overview rerun under load, py-spy). Given the Arrow table itself it
only serialises it. `arrow` is the conversion Streamlit makes (the same function, so the bytes the
browser gets are the same); `shown` keeps its result with the scenario's other views
(lib/scenario_cache.view: keyed by the scenario, the price book, the language and the won rate), so
a rerun of a scenario seen before by anyone converts nothing.

The Arrow table is then serialised to its IPC bytes on every rerun (pyarrow's stream writer: ~0.5 ms a
table, issue 29 sixth round): those bytes are kept with the table too (`_arrow_bytes`, for the tables made
here only), so a rerun sends what the first one made, byte for byte.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeAlias

import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import streamlit as st
from streamlit import dataframe_util

from lib.analyses import scenario_cache
from lib.inputs.pricebook import PriceBook
from lib.inputs.workload import Workload

Table: TypeAlias = pa.Table  # what a page's cached view holds for st.dataframe (pyarrow is untyped)


# A row tall enough for a cell's text to wrap onto a second line: Streamlit's grid wraps text only in rows
# taller than 4rem (64 px; its DataFrame component's isWrappingAllowed), and shows two lines of 14 px text
# whole in 68 (seventh Korean review: a setup or a range in words was cut at the column's edge).
WRAPPED_ROW = 68

_real_arrow_bytes = dataframe_util.convert_arrow_table_to_arrow_bytes
# id(table) -> (the table, its bytes once made): the tables `shown` made, as many as the scenario table's views
# (the table is kept with its bytes: its id is not reused while the entry lives)
_BYTES: OrderedDict[int, tuple[Table, bytes | None]] = OrderedDict()
_BYTES_SIZE = 2 * scenario_cache.SIZE
_bytes_lock = threading.Lock()


def _arrow_bytes(table: Table) -> bytes:
    """dataframe_util.convert_arrow_table_to_arrow_bytes, which st.dataframe looks up on every call, answering
    a table `shown` made from what it made of the same table before (the same call's output). Any other
    table goes to Streamlit's own function."""
    k = id(table)
    with _bytes_lock:
        found = _BYTES.get(k)
        if found is None or found[0] is not table:
            found = None
        elif found[1] is not None:
            _BYTES.move_to_end(k)
            return found[1]
    data: bytes = _real_arrow_bytes(table)
    if found is not None:  # two sessions at once may both make them: the same bytes
        with _bytes_lock:
            if k in _BYTES and _BYTES[k][0] is table:
                _BYTES[k] = (table, data)
    return data


if getattr(dataframe_util.convert_arrow_table_to_arrow_bytes, "__name__", "") != "_arrow_bytes":
    dataframe_util.convert_arrow_table_to_arrow_bytes = _arrow_bytes  # once per process, not again on a reload


def _kept(table: Table) -> Table:
    """A table `shown` made: its bytes are kept once made (_arrow_bytes)."""
    with _bytes_lock:
        _BYTES[id(table)] = (table, None)
        while len(_BYTES) > _BYTES_SIZE:
            _BYTES.popitem(last=False)
    return table


def arrow(df: pd.DataFrame) -> Table:
    """What st.dataframe makes of df (with hide_index=True the index is hidden either way)."""
    return dataframe_util.convert_pandas_df_to_arrow_table(df)


def shown(w: Workload, book: PriceBook, name: Hashable, make: Callable[[], pd.DataFrame]) -> Table:
    """make()'s table for w, converted once per scenario, language and won rate, shared by every session."""
    return scenario_cache.view(w, book, ("table", name), lambda: _kept(arrow(make())))


def show_both(data: object, key: str, *, phone: dict[str, Any], **desktop: Any) -> None:
    """A table in two forms, one drawn per screen width (issue 28, ninth review: at 390 px the tables hid their
    key columns behind a sideways scroll). st.dataframe is drawn on a canvas, so a column cannot be hidden by
    CSS inside one table: the desktop's table (`desktop`: st.dataframe's arguments, as before) and a phone's
    (`phone`: the columns a phone needs, narrow enough for its ~358 px main column; its own "data" or the same
    table) are both sent, in a container keyed "tables_<key>" (a table without selections carries no key of
    its own in the page), and ui/chart.CSS's media rules hide one of its two, as for a chart's two forms. The
    same Arrow table in both is serialised once (_arrow_bytes)."""
    phone = dict(phone)
    with st.container(key=f"tables_{key}"):
        st.dataframe(data, **desktop)
        st.dataframe(phone.pop("data", data), **phone)
