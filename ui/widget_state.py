"""Streamlit's input widgets read the whole session state to look up one key (issue 29).

Every number input, select box, slider, radio, text input and date input starts with
`get_session_state().filtered_state`, to see whether its own key holds None (a cleared input). That
property builds a dict of every key in the session, reading and presenting every value: ~85 keys
here (the sidebar's inputs, the hidden advanced ones, the frame's own), for each of the ~22 inputs a
rerun draws, a quarter of the Overview's rerun in a profile (cProfile, AppTest).

The widgets' modules are given a session state whose `filtered_state` is a read-only mapping with
the same keys, found the same way (the same key set, walked in the same order), whose values are
read only when asked: a widget asks for one. Everything else goes to Streamlit's own object.
`st.session_state.to_dict()` and iteration are untouched (they still build the dict).
Installed once per process from the frame (ui/language.start_run), like ui/server_limits;
tests/test_widget_state.py holds the mapping to Streamlit's dict and fails if a Streamlit upgrade
moves what it relies on.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from types import ModuleType
from typing import Any

from streamlit.elements.widgets import number_input, radio, selectbox, slider, text_widgets, time_widgets
from streamlit.runtime.state.common import is_element_id, is_keyed_element_id
from streamlit.runtime.state.session_state import _is_internal_key

WIDGET_MODULES: tuple[ModuleType, ...] = (number_input, selectbox, slider, radio, text_widgets, time_widgets)
_MISSING = object()
_installed = threading.Lock()
_done = False


def _sources(state: Any) -> dict[str, list[tuple[str, bool]]]:
    """SessionState.filtered_state's walk without reading values: user key -> the state keys its
    value may come from, in the walk's order, each with whether a missing value drops it (keyed
    widgets: Streamlit skips a widget id whose value cannot be read) or is an error (plain keys)."""
    wid_key_map = state._key_id_mapper.id_key_mapping
    out: dict[str, list[tuple[str, bool]]] = {}
    for k in state._keys():
        if not is_element_id(k) and not _is_internal_key(k):
            out.setdefault(k, []).append((k, False))
        elif is_keyed_element_id(k) and not _is_internal_key(k):
            user_key = wid_key_map.get(k)
            if user_key is not None:
                out.setdefault(user_key, []).append((k, True))
    return out


def _in_keys(state: Any, k: str) -> bool:
    """k in state._keys(), without building the set of every key (issue 29, fourth round: _keys() once
    per input drawn was ~6 % of an Overview rerun): _keys() holds the widget states' ids, and each key of
    the old and the new session state as its widget id if it has one (`_get_widget_id`)."""
    if k in state._new_widget_state.states:
        return True
    ids = state._key_id_mapper
    named = [k] if ids.get_id_from_key(k, k) == k else []  # k itself, if no widget id replaces it
    user_key = ids.id_key_mapping.get(k)
    if user_key is not None and ids.get_id_from_key(user_key) == k:
        named.append(user_key)  # the user key whose widget id k is
    return any(n in state._old_state or n in state._new_session_state for n in named)


def _key_sources(state: Any, key: str) -> list[tuple[str, bool]]:
    """_sources(state).get(key, []) without telling every key's kind (issue 29, third round: the walk was
    ~4 % of a rerun, once per input drawn): the only candidates are the key itself and the widget ids
    mapped to it. With one candidate present its place in the walk does not matter; with more (a key
    drawn on two pages) they are taken in the walk's order (that of state._keys())."""
    wids = {
        wid
        for wid, user_key in state._key_id_mapper.id_key_mapping.items()
        if user_key == key and is_keyed_element_id(wid) and not _is_internal_key(wid)
    }
    plain = not is_element_id(key) and not _is_internal_key(key)
    found = [(k, k in wids) for k in ([key] if plain else []) + sorted(wids) if _in_keys(state, k)]
    if len(found) <= 1:
        return found
    return [(k, k in wids) for k in state._keys() if k in wids or (plain and k == key)]


class FilteredState(Mapping[str, Any]):
    """What SessionState.filtered_state holds, a value read when asked (under the session's lock)."""

    def __init__(self, safe: Any) -> None:
        self._safe = safe
        self._read: dict[str, Any] = {}  # a widget asks `key in s and s[key] is None`: one read

    def _value(self, key: str) -> Any:
        if key in self._read:
            return self._read[key]
        found = _MISSING
        with self._safe._lock:
            for source, may_be_missing in _key_sources(self._safe._state, key):
                if may_be_missing:  # as Streamlit's loop: a later source overrides, a missing one is skipped
                    try:
                        found = self._safe._state[source]
                    except KeyError:
                        pass
                else:
                    found = self._safe._state[source]
        self._read[key] = found
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._value(key) is not _MISSING

    def __getitem__(self, key: str) -> Any:
        found = self._value(key)
        if found is _MISSING:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:  # not what a widget does: the whole walk
        with self._safe._lock:
            keys = list(_sources(self._safe._state))
        return (k for k in keys if k in self)

    def __len__(self) -> int:
        return sum(1 for _k in self)


class _WidgetsSessionState:
    """Streamlit's SafeSessionState as the widgets see it: filtered_state read per key."""

    __slots__ = ("_safe",)

    def __init__(self, safe: Any) -> None:
        self._safe = safe

    @property
    def filtered_state(self) -> Mapping[str, Any]:
        return FilteredState(self._safe)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._safe, name)


def _wrap(original: Any) -> Any:
    def get_session_state() -> _WidgetsSessionState:
        return _WidgetsSessionState(original())

    get_session_state.__wrapped__ = original  # type: ignore[attr-defined]
    return get_session_state


def install() -> None:
    """Idempotent: the frame calls it on every run; the first one patches."""
    global _done
    if _done:
        return
    with _installed:
        if _done:
            return
        for module in WIDGET_MODULES:
            module.get_session_state = _wrap(module.get_session_state)  # type: ignore[attr-defined]
        _done = True
