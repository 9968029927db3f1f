"""Sidebar inputs for the workload. Owns the session-state keys `wl_<field>` and `wl__*`.

What a person types is not always what the workload holds: fractions are typed as
percentages (5 means 5 %), the image size in MB or GB as the person chooses, and the pull mix
as three percentages that must add up to 100 %. `to_widget` / `from_widget` convert.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from lib.core import i18n
from lib.core.errors import InputError
from lib.core.i18n import N_, _
from lib.inputs import regions
from lib.inputs.workload import (
    DEFAULT,
    PERCENT_FIELDS,
    PLANS_SECTION,
    QUESTIONS,
    SECTIONS as SIDEBAR_SECTIONS,
    SELFHOSTED_SECTION,
    SHARE_FIELDS as SHARES,
    SPECS,
    WORKLOAD_SECTION,
    Workload,
    from_dict,
    in_section,
)
from lib.pricing import labels

from . import Box

PREFIX = "wl_"
CANONICAL = PREFIX + "_canonical"  # not a widget key: survives page switches, restores the widgets
PAGE = PREFIX + "_page"  # the page the widgets were last drawn on
SIZE_UNIT = PREFIX + "_size_unit"  # "MB" or "GB": how the image size is typed
# what each input is and where it goes is in its field's spec (lib/workload.Spec): these are views of it
SLIDERS = {k: ((5.0, "%.0f %%") if s.percent else (1, "%d")) for k, s in SPECS.items() if s.slider}  # (step, format)
PERCENT = set(PERCENT_FIELDS)
NUMBER_FORMAT = {"float": "%.2f", "int": "%d"}
WHOLE_FLOATS = {k for k, s in SPECS.items() if s.whole}  # shown without decimals
SITUATION = QUESTIONS  # drawn by the Recommendation page, in its main area
MORE_KEY = PREFIX + "_more"
SITUATION_OPEN = PREFIX + "_situation_open"  # the sidebar's situation section is open (Streamlit's expander state)
SITUATION_DRAWN = PREFIX + "_situation_drawn"  # not a widget: its inputs were drawn on the last run
KEEP_ONCE = PREFIX + "_keep_once"  # not a widget: keys the browser sent on a session's first run (ui/share.py)
ADVANCED = (PLANS_SECTION, SELFHOSTED_SECTION)  # drawn only when "More inputs" is on
SECTIONS = [
    (title, in_section(title), title not in ADVANCED) for title in SIDEBAR_SECTIONS
]  # (title, fields, expanded)
# The decision answers no sidebar section draws (CI system, visibility, lifetime...): on every page but
# the Recommendation page (which asks them in its main area) they sit in the sidebar with the
# workload inputs, so the situation the recommendation depends on is found where the inputs are.
SITUATION_SECTION = N_("Your situation (decides the recommendation)")
SITUATION_ONLY = [name for name in SITUATION if not SPECS[name].section]
MIX_LABELS = {
    "same_region_share": N_("Same region (%)"),
    "cross_region_share": N_("Other regions of the cloud (%)"),
    "internet_share": N_("Outside the cloud (%)"),
}
MIX_HELP = {
    "same_region_share": N_("Pulls from the registry's own region."),
    "cross_region_share": N_("Pulls from another region of the same cloud."),
    "internet_share": N_("Pulls from outside the cloud: other clouds, laptops, customers."),
}


def key(name: str) -> str:
    return PREFIX + name


def size_unit() -> str:
    return str(st.session_state.get(SIZE_UNIT + "_saved", "MB"))


def to_widget(name: str, value: Any) -> Any:
    """The workload's value as its widget shows it."""
    if name in PERCENT:
        return round(float(value) * 100, 6)
    if name == "image_size_mb" and size_unit() == "GB":
        return round(float(value) / 1000, 9)
    return value


def from_widget(name: str, value: Any, unit: str | None = None) -> Any:
    """A widget's value as the workload holds it (`unit`: the image size unit, if already known)."""
    if value is None:
        return value
    if name in PERCENT:
        return round(float(value) / 100, 8)
    if name == "image_size_mb" and (unit or size_unit()) == "GB":
        return round(float(value) * 1000, 6)
    return value


def set_workload(w: Workload, keep: frozenset[str] = frozenset()) -> None:
    """Put a workload into the widgets (a preset, an uploaded file, a link), except the widget keys
    in `keep`, whose values the browser sent with this run (a page reconnected to a new server)."""
    st.session_state[CANONICAL] = w
    for name, v in w.to_dict().items():  # to_dict gives sets as lists, as multiselects hold them
        if key(name) not in keep:
            st.session_state[key(name)] = to_widget(name, v)
    if keep:
        st.session_state[KEEP_ONCE] = keep  # the re-seeding below on this same first run keeps them too


def _ensure_initialised(page: str) -> None:
    """A widget's identity includes its page, so on another page the same key starts afresh:
    re-seed every input from the last workload whenever the page changes (or on first run)."""
    keep = st.session_state.get(KEEP_ONCE, frozenset())
    if keep:
        del st.session_state[KEEP_ONCE]
    if st.session_state.get(PAGE) != page or key("same_region_share") not in st.session_state:
        set_workload(st.session_state.get(CANONICAL, DEFAULT), keep=keep)
        st.session_state.pop(KEEP_ONCE, None)
        st.session_state[PAGE] = page


def _format(name: str) -> Callable[[str], str] | None:
    s = SPECS[name]
    if s.kind == "choice":
        return lambda v: labels.select_choice(name, v)  # a short name where the sentence's overflows the box
    if s.kind == "set":
        return lambda v: labels.choice(name, v)
    return None


def _on_size_unit() -> None:
    """Keep the size when the unit changes: 1,200 MB becomes 1.2 GB."""
    old = st.session_state.get(SIZE_UNIT + "_saved", "MB")
    new = st.session_state.get(SIZE_UNIT) or old
    v = st.session_state.get(key("image_size_mb"))
    if v is not None and old != new:
        st.session_state[key("image_size_mb")] = round(v * 1000, 6) if new == "MB" else round(v / 1000, 9)
    st.session_state[SIZE_UNIT + "_saved"] = new
    st.session_state[SIZE_UNIT] = new  # a second click on the chosen unit must not leave none chosen


def field(
    name: str,
    box: Box = st,
    widget_key: str | None = None,
    on_change: Callable[..., None] | None = None,
    args: tuple[Any, ...] = (),
    sliders: bool = True,
    label: str | None = None,
) -> None:
    """The widget for one scenario field: the sidebar's, a page's own inputs (analysis fields,
    the situation questions), or another scenario's copy under `widget_key` (the Compare page)."""
    s = SPECS[name]
    slider = sliders and name in SLIDERS
    unit = "%" if name in PERCENT else (size_unit() if name == "image_size_mb" else s.unit)
    label = label or (labels.bracketed(s.label, unit) if unit and not slider else s.label)
    widget = widget_key or key(name)
    common = dict(key=widget, help=labels.help_text(name), on_change=on_change, args=args)
    if s.kind in ("bool", "text", "set", "choice"):
        _chosen(box, name, label, widget, common)
    elif name in PERCENT:
        _percent(box, name, label, slider, common)
    elif name == "image_size_mb":
        _size(box, label, common)
    else:
        _number(box, name, label, slider, common)


def _chosen(box: Box, name: str, label: str, widget: str, common: dict[str, Any]) -> None:
    """A field that is picked or typed, not counted: a checkbox, a text, several choices or one."""
    s = SPECS[name]
    if s.kind == "bool":
        box.checkbox(label, **common)
    elif s.kind == "text":
        box.text_input(label, max_chars=128, **common)
    elif s.kind == "set":
        box.multiselect(label, s.choices, format_func=_format(name), placeholder=_("Choose options"), **common)
    else:
        box.selectbox(label, s.choices, format_func=regions.label if name == "region" else _format(name), **common)
        if name == "region":  # say where the other clouds' prices come from
            box.caption(regions.other_clouds_note(st.session_state.get(widget, s.default)))


def _percent(box: Box, name: str, label: str, slider: bool, common: dict[str, Any]) -> None:
    """A share, typed or slid in percent (the scenario holds it as a fraction)."""
    if slider:
        step, fmt = SLIDERS[name]
        if i18n.lang() != "en":
            fmt = fmt.replace(" %%", "%%")  # "5%": Korean writes no space before the sign (labels.percent)
        box.slider(label, 0.0, 100.0, step=step, format=fmt, **common)
    else:
        box.number_input(label, min_value=0.0, max_value=100.0, step=1.0, format="%g", **common)


def _size(box: Box, label: str, common: dict[str, Any]) -> None:
    """The image size, in the unit chosen beside it (MB or GB): its bounds and step follow the unit."""
    s = SPECS["image_size_mb"]
    lo, hi = float(s.min or 0.0), float(s.max or 0.0)
    gb = size_unit() == "GB"
    box.number_input(
        label,
        min_value=lo / 1000 if gb else lo,
        max_value=hi / 1000 if gb else hi,
        step=0.1 if gb else 10.0,
        format="%g",
        **common,
    )


def _number(box: Box, name: str, label: str, slider: bool, common: dict[str, Any]) -> None:
    """Any other number: a slider where it has one, otherwise a box stepping by one."""
    s = SPECS[name]
    lo, hi = float(s.min or 0.0), float(s.max or 0.0)  # every number field has both bounds
    cast: Callable[[float], float] = int if s.kind == "int" else float
    if slider:
        step, fmt = SLIDERS[name]
        box.slider(label, cast(lo), cast(hi), step=step, format=fmt, **common)
    else:
        fmt = "%.0f" if name in WHOLE_FLOATS else NUMBER_FORMAT[s.kind]
        box.number_input(label, min_value=cast(lo), max_value=cast(hi), step=cast(1), format=fmt, **common)


MIX_KEYS = tuple(key(n) for n in SHARES)  # what mix_problem reads: three keys, not a copy of the whole state


def mix_problem(state: Mapping[str, Any]) -> str | None:
    """The pull mix as typed, if it does not add up to 100 %: the message that says so."""
    typed = [state.get(key(n)) for n in SHARES]
    values = [float(v) for v in typed if v is not None]
    if len(values) < len(typed):
        return _("Where pulls come from: fill in all three percentages (they must add up to 100 %).")
    total = sum(values)
    if abs(total - 100) > 1e-4:
        parts = " + ".join(_("{value:g} %").format(value=v) for v in values)  # Korean writes "5%"
        return _(
            "Where pulls come from: {parts} = {total:g} %. The three must add up to 100 %; "
            "until they do, the figures use the last mix that did."
        ).format(parts=parts, total=total)
    return None


def _image_size(box: Box) -> None:
    st.session_state.setdefault(SIZE_UNIT, size_unit())
    field("image_size_mb", box)
    box.segmented_control(
        _("Image size unit"),
        ["MB", "GB"],
        key=SIZE_UNIT,
        on_change=_on_size_unit,
        label_visibility="collapsed",
        help=_("Type the image size in megabytes or gigabytes (1 GB = 1,000 MB)."),
    )


def render(page: str, open_section: str | None = None) -> Workload:
    """Draw the inputs in the sidebar and return the workload they describe.

    Inputs that are not drawn on this run (the advanced sections, the situation questions
    off their page) keep their values: current() takes them from the last workload."""
    _ensure_initialised(page)
    sb = st.sidebar
    more = sb.toggle(
        _("More inputs: plans, billing, self-hosting"),
        key=MORE_KEY,
        value=st.session_state.get(MORE_KEY + "_saved", False) or open_section in ADVANCED,
    )
    st.session_state[MORE_KEY + "_saved"] = more  # a toggle's own state does not survive a page switch
    for title, names, expanded in SECTIONS:
        if title in ADVANCED and not more:
            continue
        box = sb.expander(_(title), expanded=expanded or title == open_section)
        for name in names:
            if page == "Recommendation" and name in SITUATION:
                continue  # that page asks the situation questions in its main area (one widget per key)
            if name == "image_size_mb":
                _image_size(box)
            else:
                field(name, box)
        if title == WORKLOAD_SECTION:
            box.markdown("**" + _("Where pulls come from") + "**")
            for name in SHARES:
                box.number_input(
                    _(MIX_LABELS[name]),
                    min_value=0.0,
                    max_value=100.0,
                    step=5.0,
                    format="%g",
                    key=key(name),
                    help=_(MIX_HELP[name]),
                )
            # the mix as typed, said below its inputs (read here: an empty slot filled later was one more element)
            problem = mix_problem({k: st.session_state.get(k) for k in MIX_KEYS})
            if problem:
                box.error(problem, icon=":material/error:")
            else:
                box.caption(_("Adds up to 100 %."))
            if page != "Recommendation":
                _situation_section(sb)
    return _current()[0]


def _situation_section(sb: Box) -> None:
    """The decision answers in the sidebar, below the workload inputs (issue 24, item 5).

    Drawn only while the section is open (issue 29, fifth round): it starts closed, and its caption and
    eight inputs were nine of a rerun's ~90 messages on every page, sent to sit hidden. Opening it reruns
    the page (Streamlit's lazy expander), which draws them from the workload: while closed the answers
    are the workload's (current() takes an input not drawn from the last workload), so the widgets are
    seeded from it when the section opens again, and dropped from the state when it closes (Streamlit would
    put back the value seeded before the person's own, once a widget is no longer drawn)."""
    box = sb.expander(
        _(SITUATION_SECTION), expanded=False, icon=":material/explore:", key=SITUATION_OPEN, on_change="rerun"
    )
    if not box.open:
        if st.session_state.get(SITUATION_DRAWN):  # just closed: the answers are the workload's from now on
            for name in SITUATION_ONLY:  # not left to Streamlit, which would put back the values seeded before
                st.session_state.pop(key(name), None)
            st.session_state[SITUATION_DRAWN] = False
        return
    st.session_state[SITUATION_DRAWN] = True
    box.caption(_("The answers the recommendation depends on; the Recommendation page explains each."))
    state = st.session_state.to_dict()  # one copy: every `in` on st.session_state copies the whole state
    last = state.get(CANONICAL, DEFAULT).to_dict()
    for name in SITUATION_ONLY:
        if key(name) not in state:
            st.session_state[key(name)] = to_widget(name, last[name])
        field(name, box)


def situation(box: Box = st) -> None:
    """The decision questions, for the page that asks them."""
    cols = box.columns(3)
    for i, name in enumerate(SITUATION):
        field(name, cols[i % 3])


def current() -> Workload:
    return _current()[0]


def _current() -> tuple[Workload, str | None]:
    """The workload the widgets describe, and the pull-mix message if the mix does not add up."""
    # one snapshot: every `in` / [] on st.session_state copies the whole state
    state = st.session_state.to_dict()
    last = state.get(CANONICAL, DEFAULT)
    saved = last.to_dict()
    unit = state.get(SIZE_UNIT + "_saved", "MB")
    values = {name: from_widget(name, state[key(name)], unit) if key(name) in state else saved[name] for name in SPECS}
    problem = mix_problem(state)
    if problem:
        values.update({n: saved[n] for n in SHARES})
    try:
        w = from_dict(values)
    except InputError as e:
        st.sidebar.error(
            _("Some inputs are not usable; the last good scenario is used: {problems}").format(
                problems="; ".join(e.problems)
            ),
            icon=":material/error:",
        )
        w = last
    st.session_state[CANONICAL] = w
    return w, problem
