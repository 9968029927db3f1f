"""Apply measured values to the scenario: the one button and callback the Measure and Your bill pages
share. Each caller keeps its own "applied" session key (what it applied, and from which files); this
component owns no state of its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from lib.core.i18n import _
from lib.inputs.workload import DEFAULT, lenient

from . import language, share, workload_inputs


def set_values(values: dict[str, Any], label: str) -> None:
    """Inside a callback (before the next run, like share._on_upload, so the sidebar's widgets may be
    set): the scenario takes `values`; what cannot be used is reported as share's problems, `label`
    naming where it came from ("Measured: ", "From the bill: ")."""
    language.in_callback()
    base = st.session_state.get(workload_inputs.CANONICAL, DEFAULT)
    w, problems = lenient(values, base, label=label)
    workload_inputs.set_workload(w)
    st.session_state[share.PROBLEMS] = problems


def apply_button(key: str, on_click: Callable[..., None], args: tuple[Any, ...], applied: bool) -> None:
    """ "Apply to the scenario", and beside it what applying does or has done."""
    c1, c2 = st.columns([1, 3])
    c1.button(
        _("Apply to the scenario"),
        type="primary",
        icon=":material/check:",
        key=key,
        on_click=on_click,
        args=args,
        disabled=applied,
        width="stretch",
    )
    c2.caption(
        _(
            "Applied: the sidebar, every page and the share link now use these values (the link carries the "
            "values, never the files)."
        )
        if applied
        else _("Applying sets these inputs in the sidebar; everything else stays as it is.")
    )
