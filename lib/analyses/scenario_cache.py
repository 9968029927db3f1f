"""A scenario's analysis computed once per process and shared by every session (issue 29).

A rerun's pricing (the estimate, every registry's cheaper setup, the recommendation: twelve
engine calls) depends only on the link's values, the price book and the words' language, so a
second person, a page switch or a slider moved back to a value already seen reuses it. Bounded:
the least recently used scenario goes first. Plain Python (no streamlit): sessions are threads
of one process, so the table is guarded by a lock; an Analysis is frozen, sharing it is safe.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from ..core import i18n
from ..inputs.pricebook import PriceBook
from ..inputs.workload import Workload
from .analysis import Analysis, analyse

# distinct scenarios kept: an analysis is ~35-90 kB (tracemalloc), a page's views (tables, chart) ~100 kB
# per scenario on the Overview and Over time, ~300 kB on Break-even (its sweep and decision answers): at most
# 2 * SIZE views, ~50-150 MB in the worst case (every entry Break-even's), whatever the number of sessions
SIZE = 256

_lock = threading.Lock()
_table: OrderedDict[Hashable, Analysis] = OrderedDict()
_views: OrderedDict[Hashable, object] = OrderedDict()  # what a page draws from an analysis (its tables)
misses = 0  # analyses computed (a counter the rerun-budget test reads)
T = TypeVar("T")


def _key(w: Workload, book: PriceBook) -> Hashable:
    # the book by identity (a test's edited copy keeps the version string) and by version (readable);
    # the language and the won rate: flag messages are words, some of them with money in them
    return (w, id(book), book.version, i18n.lang(), i18n.krw())


def analysis(w: Workload, book: PriceBook) -> Analysis:
    """lib.analyses.analysis.analyse(w, book), from the table when this scenario was analysed before."""
    global misses
    k = _key(w, book)
    with _lock:
        found = _table.get(k)
        if found is not None and found.book is book:
            _table.move_to_end(k)
            return found
    a = analyse(w, book)  # outside the lock: another session's hit need not wait for this
    with _lock:
        misses += 1
        _table[k] = a
        _table.move_to_end(k)
        while len(_table) > SIZE:
            _table.popitem(last=False)
    return a


def view(w: Workload, book: PriceBook, name: Hashable, make: Callable[[], T]) -> T:
    """What a page makes from w's analysis for display (a table in the reader's words and currency),
    made once per scenario, language and won rate like the analysis itself. `name` says which view, and
    holds whatever else it depends on (the Compare page's scenario B). The result is shared: a caller
    must not change it (pandas' assign/drop return new frames)."""
    k = (_key(w, book), name)
    with _lock:
        if k in _views:
            _views.move_to_end(k)
            return _views[k]  # type: ignore[return-value]
    made = make()
    with _lock:
        _views[k] = made
        while len(_views) > 2 * SIZE:
            _views.popitem(last=False)
    return made


def clear() -> None:
    with _lock:
        _table.clear()
        _views.clear()
