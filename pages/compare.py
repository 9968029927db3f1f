"""Compare: the current scenario (A) against a variant (B), per registry."""

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from lib.analyses import compare, scenario_cache
from lib.core.i18n import N_, _
from lib.inputs import presets
from lib.inputs.workload import COMPARED, PERCENT_FIELDS, SPECS, Workload, lenient
from lib.presentation import charts, wording
from lib.pricing import labels
from lib.pricing.registries import name as registry_name
from ui import chart, money, share, shell, table as ui_table, workload_inputs

TITLE = N_("Compare")
ICON = ":material/compare_arrows:"
ORDER = 20  # place in the menu

w, book = shell.page()

st.title(_("Compare two scenarios"))
st.caption(
    _(
        "**A** is the scenario in the sidebar. **B** is A with the changes below (for example 10 against 30 "
        "versions kept, or US East against Seoul). Both travel in the share link."
    )
)

B_FIELDS = COMPARED  # the inputs B can change, in order (Spec.compare)
PREFIX = "cmp_"


def _on_change(name: str) -> None:
    overrides = dict(share.b_overrides())
    value = workload_inputs.from_widget(name, st.session_state[PREFIX + name])
    a_value = getattr(w, name)
    if value == a_value:
        overrides.pop(name, None)
    else:
        overrides[name] = value
    st.session_state[share.B_OVERRIDES] = overrides


def _from_preset() -> None:
    pid = st.session_state.get("cmp_preset")
    if pid and pid in presets.available():  # a browser's stale option text is no preset
        pw, _meta = presets.load(pid)
        st.session_state[share.B_OVERRIDES] = {k: v for k, v in pw.to_dict().items() if v != w.to_dict()[k]}


def _reset() -> None:
    st.session_state[share.B_OVERRIDES] = {}


def describe(name: str, value: Any) -> str:
    """A value as the sidebar shows it: "30", "1,200 MB", "50 %", "Private subnets behind a NAT gateway"."""
    spec = SPECS[name]
    if spec.kind in ("choice", "set"):
        return labels.choice(name, value) if spec.kind == "choice" else labels.choices(name, value)
    if name in PERCENT_FIELDS:
        return labels.percent(value)
    if name == "image_size_mb":
        return labels.data_size_mb(value)
    return labels.number(value)


def _changes(b: Workload) -> str:
    """What B changes, in words (the caption under B's inputs)."""
    changed = {k: v for k, v in b.to_dict().items() if v != w.to_dict()[k]}
    return (
        _("B changes: {changes}").format(
            changes="; ".join(
                _("{field} {a} → {b}").format(
                    field=labels.field(k).lower(), a=describe(k, getattr(w, k)), b=describe(k, v)
                )
                for k, v in changed.items()
            )
        )
        if changed
        else _("B changes: nothing yet")
    )


def _views() -> tuple[go.Figure, go.Figure, ui_table.Table, str, str]:
    """A against B: the chart, the table and the cheapest of each, made once per pair of scenarios (and
    language and won rate) for every session (lib/scenario_cache; issue 29: a page switch, a second
    person or an input moved back to a value seen before redraws them without pricing or converting)."""
    # each registry in its best setup (or as set up now: the view); A is the Overview's analysis, shared
    a_analysis, b_analysis = scenario_cache.analysis(w, book), scenario_cache.analysis(b, book)
    table = compare.analyses_side_by_side(a_analysis, b_analysis)
    marks = compare.marks(a_analysis, b_analysis)
    # what the decision holds against each, under A or B (B may move the workloads to another cloud)
    under_a, under_b = a_analysis.failing(), b_analysis.failing()
    lacking = {rid: under_a.get(rid, []) + under_b.get(rid, []) for rid in {**under_a, **under_b}}
    fig = charts.compare_bars(table, w, b, marks, lacking=lacking)  # the legend says what B changes
    narrow = charts.compare_bars(table, w, b, marks, horizontal=True, lacking=lacking)  # a phone's (issue 28)
    was_free = _("was {zero} under A").format(zero=labels.money(0, cents=False))
    shown = ui_table.arrow(
        money.convert(table.drop(columns=["id"]), ["A", "B"]).assign(
            # B − A of the two figures shown beside it (each rounded once), not of the unrounded ones
            difference=[
                labels.signed_money(labels.shown_difference(b_, a_))
                for a_, b_ in zip(table["A"], table["B"], strict=True)
            ],
            change_pct=table["change_pct"].map(
                lambda p: labels.signed_percent(p / 100) if abs(p) != float("inf") else was_free
            ),
        )
    )
    # "cheapest" is the decision's: a registry that passes the hard requirements and serves the workload
    # (never the S3 baseline, nor a plan that would throttle or refuse the pulls), at the figures shown
    cheapest_a, cheapest_b = (registry_name(c) if (c := x.cheapest()) else "—" for x in (a_analysis, b_analysis))
    # the chart beside it shows the S3 baseline lower: say which registries are counted (eighth Korean review)
    cheapest = (
        _("Cheapest that meets every requirement, under A and B alike: **{a}**.").format(a=cheapest_a)
        if cheapest_a == cheapest_b
        else _("Cheapest that meets every requirement: **{a}** under A, **{b}** under B.").format(
            a=cheapest_a, b=cheapest_b
        )
    )
    return fig, narrow, shown, cheapest, wording.lacking_bars(lacking) if any(lacking.values()) else ""


b, problems = lenient(share.b_overrides(), w, "B: ")
for p in problems:
    st.warning(p)

with st.expander(_("Scenario B: what differs from A"), expanded=True):
    cols = st.columns(3)
    b_values = b.to_dict()
    for i, name in enumerate(B_FIELDS):
        # B follows A except where it overrides
        st.session_state[PREFIX + name] = workload_inputs.to_widget(name, b_values[name])
        workload_inputs.field(
            name, cols[i % 3], widget_key=PREFIX + name, on_change=_on_change, args=(name,), sliders=False
        )
    opts = presets.available()
    c1, c2 = st.columns([3, 1])
    choose = _("Choose a preset...")
    c1.selectbox(
        _("Or make B a preset"),
        [""] + list(opts),
        key="cmp_preset",
        on_change=_from_preset,
        format_func=lambda i: opts.get(i, choose),
    )
    c2.button(_("Reset B to A"), on_click=_reset, width="stretch", key="cmp_reset")
    st.caption(scenario_cache.view(w, book, ("compare changes", b), lambda: _changes(b)))


fig, narrow, shown, cheapest, lacking_note = scenario_cache.view(w, book, ("compare", b), _views)
chart.show(fig, "compare_chart", "scenario A against B", charts.scenario_title(w), narrow=narrow)
if lacking_note:
    st.caption(lacking_note)
ui_table.show_both(
    shown,
    "compare",
    # a phone's form: the name, B and what B changes (ninth review: "B − A" and the change were past the edge at
    # 390 px, the point of the table); A is the chart's other bar
    phone={
        "hide_index": True,
        "width": "stretch",
        "row_height": ui_table.WRAPPED_ROW,  # a long name on two lines
        "height": "content",  # the eight registries in view: "auto" counts rows of the default height
        "column_order": ("registry", "B", "difference", "change_pct"),
        "column_config": {
            # "B: monthly co" was cut at 88 px in English; "+₩9,258,488" needs its 92
            "registry": st.column_config.TextColumn(_("Registry"), width=96, pinned=True),
            "B": money.column(_("B: monthly cost"), width=104),
            "difference": st.column_config.TextColumn("B − A", width=92),
            "change_pct": st.column_config.TextColumn(_("Change"), width=58),
        },
    },
    hide_index=True,
    width="stretch",
    column_config={
        "registry": st.column_config.TextColumn(_("Registry"), width="medium", pinned=True),
        "A": money.column(_("A: monthly cost")),
        "B": money.column(_("B: monthly cost")),
        "difference": st.column_config.TextColumn("B − A"),
        "change_pct": st.column_config.TextColumn(_("Change")),
    },
)
# a sentence, as the other pages say it (the option's own label read as a fragment in Korean: eighth review)
st.caption(_("Each registry as set up now.") if w.view == "as_set_up" else _("Each registry in its cheapest setup."))
st.markdown(cheapest)
