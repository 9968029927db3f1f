"""Sidebar inputs for the workload. Owns the session-state keys `wl_<field>` and `wl_pull_mix`."""
from __future__ import annotations

import streamlit as st

from lib import features, regions
from lib.errors import InputError
from lib.registries import NAMES
from lib.workload import DEFAULT, SHARE_FIELDS as SHARES, SPECS, Workload, from_dict

PREFIX = "wl_"
MIX_KEY = PREFIX + "pull_mix"
CANONICAL = PREFIX + "_canonical"  # not a widget key: survives page switches, restores the widgets
PAGE = PREFIX + "_page"  # the page the widgets were last drawn on
SLIDERS = {  # fields shown as sliders: (step, format)
    "image_size_mb": (1.0, "%.0f MB"),
    "versions_kept": (1, "%d"),
    "shared_layer_fraction": (0.05, "%.2f"),
    "layer_cache_hit": (0.05, "%.2f"),
    "availability_zones": (1, "%d"),
    "nat_gateways": (1, "%d"),
}
NUMBER_FORMAT = {"float": "%.2f", "int": "%d"}
WHOLE_FLOATS = {"pulls_per_month", "pushes_per_month", "rescans_per_month", "node_disk_gb"}  # shown without decimals
SITUATION = ["runs_on", "ci", "visibility", "lifetime", "priority", "private_network_only", "aws_only",
             "avoid_cloud_iam", "compliance"]  # drawn by the Recommendation page, in its main area
MORE_KEY = PREFIX + "_more"
KEEP_ONCE = PREFIX + "_keep_once"  # not a widget: keys the browser sent on a session's first run (ui/share.py)
ADVANCED = ("Plans and billing", "Self-hosted and baseline")  # drawn only when "More inputs" is on
SECTIONS = [
    ("Workload", ["image_size_mb", "versions_kept", "repositories", "pulls_per_month", "shared_layer_fraction", "layer_cache_hit"], True),
    ("Network and account", ["runs_on", "region", "network", "availability_zones", "nat_gateways", "team_seats"], True),
    ("Plans and billing", ["ghcr_billing", "github_plan", "dockerhub_plan", "acr_tier", "scanning", "pushes_per_month",
                           "rescans_per_month", "replica_regions", "ecr_free_tier", "egress_free_tier",
                           "ecr_public_authenticated_share", "github_actions_pull_share"], False),
    ("Self-hosted and baseline", ["selfhosted_nodes", "node_disk_gb", "ops_hours_per_month", "engineer_hourly_rate",
                                  "nexus_licence_monthly", "s3_manual_hours_per_month"], False),
]


def key(name: str) -> str:
    return PREFIX + name


def set_workload(w: Workload, keep: frozenset[str] = frozenset()) -> None:
    """Put a workload into the widgets (a preset, an uploaded file, a link), except the widget keys
    in `keep`, whose values the browser sent with this run (a page reconnected to a new server)."""
    st.session_state[CANONICAL] = w
    for name, v in w.to_dict().items():  # to_dict gives sets as lists, as multiselects hold them
        if name not in SHARES and key(name) not in keep:
            st.session_state[key(name)] = v
    # always set: this range slider takes its two-handle shape from the state's value (the browser's
    # copy alone would make it a one-handle slider)
    st.session_state[MIX_KEY] = (w.same_region_share, w.same_region_share + w.cross_region_share)
    if keep:
        st.session_state[KEEP_ONCE] = keep  # the re-seeding below on this same first run keeps them too


def _ensure_initialised(page: str) -> None:
    """A widget's identity includes its page, so on another page the same key starts afresh:
    re-seed every input from the last workload whenever the page changes (or on first run)."""
    keep = st.session_state.get(KEEP_ONCE, frozenset())
    if keep:
        del st.session_state[KEEP_ONCE]
    if st.session_state.get(PAGE) != page or MIX_KEY not in st.session_state:
        set_workload(st.session_state.get(CANONICAL, DEFAULT), keep=keep)
        st.session_state.pop(KEEP_ONCE, None)
        st.session_state[PAGE] = page


def field(name: str, box=st, widget_key: str | None = None, on_change=None, args=(), sliders: bool = True) -> None:
    """The widget for one scenario field: the sidebar's, a page's own inputs (analysis fields,
    the situation questions), or another scenario's copy under `widget_key` (the Compare page)."""
    s = SPECS[name]
    slider = sliders and name in SLIDERS
    label = f"{s.label} ({s.unit})" if s.unit and not slider else s.label
    common = dict(key=widget_key or key(name), help=s.help, on_change=on_change, args=args)
    if s.kind == "bool":
        box.checkbox(label, **common)
    elif s.kind == "text":
        box.text_input(label, max_chars=128, **common)
    elif s.kind == "set":
        fmt = features.label if name == "required_features" else (lambda c: c.replace("_", " "))
        box.multiselect(label, s.choices, format_func=fmt, **common)
    elif s.kind == "choice":
        fmt = (lambda c: NAMES[c]) if set(s.choices) <= set(NAMES) else (lambda c: c.replace("_", " "))
        box.selectbox(label, s.choices, format_func=regions.label if name == "region" else fmt, **common)
        if name == "region":  # say where the other clouds' prices come from
            box.caption(regions.other_clouds_note(st.session_state.get(common["key"], s.default)))
    else:
        cast = int if s.kind == "int" else float
        if slider:
            step, fmt = SLIDERS[name]
            box.slider(label, cast(s.min), cast(s.max), step=step, format=fmt, **common)
        else:
            fmt = "%.0f" if name in WHOLE_FLOATS else NUMBER_FORMAT[s.kind]
            box.number_input(label, min_value=cast(s.min), max_value=cast(s.max), step=cast(1), format=fmt, **common)


def render(page: str, open_section: str | None = None) -> Workload:
    """Draw the inputs in the sidebar and return the workload they describe.

    Inputs that are not drawn on this run (the advanced sections, the situation questions
    off their page) keep their values: current() takes them from the last workload."""
    _ensure_initialised(page)
    sb = st.sidebar
    more = sb.toggle("More inputs: plans, billing, self-hosting", key=MORE_KEY,
                     value=st.session_state.get(MORE_KEY + "_saved", False) or open_section in ADVANCED)
    st.session_state[MORE_KEY + "_saved"] = more  # a toggle's own state does not survive a page switch
    for title, names, expanded in SECTIONS:
        if title in ADVANCED and not more:
            continue
        box = sb.expander(title, expanded=expanded or title == open_section)
        for name in names:
            if page == "Recommendation" and name in SITUATION:
                continue  # that page asks the situation questions in its main area (one widget per key)
            field(name, box)
        if title == "Workload":
            box.slider("Where pulls come from", 0.0, 1.0, step=0.01, key=MIX_KEY,
                       help="Left handle: share pulled by workloads in the chosen region; between the handles: "
                            "workloads in other regions of the same cloud; right of the right handle: the internet "
                            "(laptops, customers, other clouds).")
            a, b = st.session_state[MIX_KEY]
            box.caption(f"same region {a:.0%} · cross region {b - a:.0%} · internet {1 - b:.0%}")
    return current()


def situation(box=st) -> None:
    """The decision questions, for the page that asks them."""
    cols = box.columns(3)
    for i, name in enumerate(SITUATION):
        field(name, cols[i % 3])


def current() -> Workload:
    # one snapshot: every `in` / [] on st.session_state copies the whole state
    state = st.session_state.to_dict()
    saved = state.get(CANONICAL, DEFAULT).to_dict()
    values = {name: state.get(key(name), saved[name]) for name in SPECS}
    a, b = state[MIX_KEY]
    values.update(same_region_share=round(a, 6), cross_region_share=round(b - a, 6), internet_share=round(1 - b, 6))
    try:
        w = from_dict(values)
    except InputError as e:
        st.sidebar.error("Some inputs are not usable; the last good scenario is used: " + "; ".join(e.problems))
        w = state.get(CANONICAL, DEFAULT)
    st.session_state[CANONICAL] = w
    return w
