"""ui/widget_state (issue 29): the inputs read their own key, not a copy of the whole session state,
and what they read is what Streamlit's own filtered_state holds."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apphelpers import EKS_LINK, open_app
from ui import widget_state
from ui.widget_state import FilteredState


def _same_as_streamlits(safe) -> None:
    full = safe.filtered_state  # Streamlit's own: every key, every value read
    mine = FilteredState(safe)
    assert list(mine) == list(full) and len(mine) == len(full)
    for k, v in full.items():
        assert k in mine and mine[k] == v, k
    # a widget's one key is looked up without the walk: the same sources, in the walk's order
    walk = widget_state._sources(safe._state)
    for k in (*full, *safe._state._keys(), "no_such_key", "$$STREAMLIT_INTERNAL_KEY_TESTING"):
        assert widget_state._key_sources(safe._state, k) == walk.get(k, []), k
    for k in ("no_such_key", "$$STREAMLIT_INTERNAL_KEY_TESTING", *(k for k in safe._state._keys() if k not in full)):
        assert k not in mine
        with pytest.raises(KeyError):
            mine[k]


@pytest.mark.parametrize("page", [None, "pages/recommendation.py"])
def test_the_mapping_holds_what_streamlits_dict_holds(page):
    at = open_app(EKS_LINK, page=page)
    _same_as_streamlits(at.session_state._state)
    at.number_input(key="wl_repositories").set_value(41).run()  # widget values sent by the "browser"
    at.toggle(key="wl__more").set_value(True).run()  # more inputs drawn, more keyed widgets
    assert not at.exception
    _same_as_streamlits(at.session_state._state)
    assert FilteredState(at.session_state._state)["wl_repositories"] == 41


def test_the_inputs_use_it_once_installed():
    open_app(EKS_LINK)  # the frame installs it
    for module in widget_state.WIDGET_MODULES:
        # a Streamlit upgrade that no longer reads the state through this name fails here, not silently
        assert hasattr(module.get_session_state, "__wrapped__"), module.__name__
        assert "get_session_state().filtered_state" in open(module.__file__, encoding="utf-8").read(), module.__name__


def _cleared_inputs():
    import streamlit as st

    from ui import widget_state

    widget_state.install()
    if "n" not in st.session_state:
        st.session_state["n"] = None  # an input emptied by the program: Streamlit shows it empty
        st.session_state["s"] = None
    st.number_input("n", value=5, key="n")
    st.selectbox("s", ["a", "b"], key="s")
    st.number_input("m", value=5, key="m")


def test_an_input_whose_key_holds_none_is_still_shown_empty():
    at = AppTest.from_function(_cleared_inputs).run()
    assert not at.exception
    assert at.number_input(key="n").value is None and at.selectbox(key="s").value is None
    assert at.number_input(key="m").value == 5
    at.number_input(key="n").set_value(3).run()
    assert at.number_input(key="n").value == 3 and at.selectbox(key="s").value is None
