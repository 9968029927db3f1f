"""Sensitivity and break-even: every registry's cost as one input sweeps its range."""

import pandas as pd
import streamlit as st

from lib.analyses import decision_sweep, scenario_cache, sensitivity
from lib.core.i18n import N_, _
from lib.inputs.workload import DEFAULT, PERCENT_FIELDS
from lib.presentation import charts, wording
from lib.pricing import labels
from lib.pricing.registries import name as registry_name
from ui import chart, money, shell, table, workload_inputs

TITLE = N_("Break-even")
ICON = ":material/show_chart:"
ORDER = 30  # place in the menu

w, book = shell.page()
st.title(_("Sensitivity and break-even"))
st.caption(
    _(
        "How every registry's monthly cost moves as one input changes, the others staying as in the sidebar, "
        "and where two registries change places."
    )
)
workload_inputs.field("sweep_field")
field = w.sweep_field
name = labels.field(field)

# ---- the decision question first: where does the recommendation itself change? ----------------
SWEEP_DEFAULT = DEFAULT.sweep_field


def _answers() -> dict[str, decision_sweep.Answer]:
    """Every sweepable input's answer, worked out once per scenario for every session (lib/scenario_cache:
    a second person, or a page switch back, prices nothing; some 20 ms per new scenario, issue 29). The
    input drawn below (sweep_field) does not change the answers: it is not part of the scenario here."""

    def work_out() -> dict[str, decision_sweep.Answer]:
        fields = list(sensitivity.RANGES)
        bar = st.progress(0.0, text=bar_text)
        out: dict[str, decision_sweep.Answer] = {}
        for i, f in enumerate(fields):

            def step(p: float, i: int = i) -> None:
                bar.progress((i + p) / len(fields), text=bar_text)

            out[f] = decision_sweep.answer(w, book, f, progress=step)
        bar.empty()
        return out

    return scenario_cache.view(w.replace(sweep_field=SWEEP_DEFAULT), book, "decision answers", work_out)


bar_text = _("Finding where the recommendation changes...")
answers = _answers()
st.subheader(_("Where the recommendation changes"))
st.info(decision_sweep.sentence(answers[field]), icon=":material/recommend:")


def _answers_table() -> pd.DataFrame:
    rows = []
    for f, a in answers.items():
        c = a.nearest()
        rows.append(
            {
                "input": labels.field(f),
                "today": decision_sweep.value(f, a.today),
                "answer": registry_name(a.now),
                "changes_at": decision_sweep.value(f, c.x)
                if c
                else _("nowhere in {lo} to {hi}").format_map(
                    dict(zip(("lo", "hi"), decision_sweep.value_range(f, a.lo, a.hi), strict=True))
                ),
                "changes_to": (registry_name(c.after) if c.after != a.now else registry_name(c.before)) if c else "",
                "how_far": decision_sweep.how_far(a, c) if c else "",
            }
        )
    return pd.DataFrame(rows)


# where no input changes the answer, "To" and "How far from today" would be two empty columns (seventh
# Korean review): the table keeps the columns something is written in
changing = any(a.nearest() for a in answers.values())
table.show_both(
    # the answers are the scenario's whatever input is swept below: one table for every sweep_field
    table.shown(w.replace(sweep_field=SWEEP_DEFAULT), book, "decision answers", _answers_table),
    "answers",
    # a phone's form: the input, where the answer changes and to what, the point of the table (ninth review: past
    # the edge at 390 px); today's answer is the box's above, the same for every input
    phone={
        "hide_index": True,
        "width": "stretch",
        "row_height": table.WRAPPED_ROW,
        "height": "content",
        "column_order": ("input", "changes_at", *(("changes_to",) if changing else ())),
        "column_config": {
            "input": st.column_config.TextColumn(_("Input"), width=110),
            "changes_at": st.column_config.TextColumn(_("The answer changes at"), width=130 if changing else 240),
            "changes_to": st.column_config.TextColumn(_("To"), width=104),
        },
    },
    hide_index=True,
    width="stretch",
    # with a change, a long range wraps onto a second line of its 260 px rather than being cut; without
    # one, the range has 420 px and a line
    row_height=table.WRAPPED_ROW if changing else None,
    height="content",  # every row in view ("auto" counts rows of the default height)
    column_order=("input", "today", "answer", "changes_at", *(("changes_to", "how_far") if changing else ())),
    column_config={
        # pixel widths that fit 978 px (the main column at 1440 px); the range in words wraps in its cell
        # ("월 10회~월 100,000,000회 범위에서 바뀌지 않음" was cut at 260 px, seventh Korean review)
        "input": st.column_config.TextColumn(_("Input"), width=140, pinned=True),  # in view while a phone scrolls
        "today": st.column_config.TextColumn(_("Today"), width=100),
        "answer": st.column_config.TextColumn(_("Recommended today"), width=150),
        "changes_at": st.column_config.TextColumn(_("The answer changes at"), width=260 if changing else 420),
        "changes_to": st.column_config.TextColumn(_("To"), width=150),
        "how_far": st.column_config.TextColumn(_("How far from today"), width=170),
    },
)
st.caption(
    _(
        "Each input swept alone across its range, the others as in the sidebar; the recommendation is worked out "
        "as on the Recommendation page. Below: every registry's cost, and where two registries cross."
    )
)

# each registry in its best setup (the recommended one's line passes through the recommendation's
# figure at today's value), or as set up now (the view); the analysis is the Overview's, shared. The input
# swept below is not part of it: switching it reads the same analysis (what a second person costs: nothing)
scenario = scenario_cache.analysis(w.replace(sweep_field=SWEEP_DEFAULT), book)
lacking = scenario.failing()  # what the decision holds against each: faded, ✗


def _sweep() -> tuple[chart.Spec, chart.Spec, list[sensitivity.BreakEven]]:
    """The swept input's chart and break-even points, worked out once per scenario (the swept input is part
    of it here), language and won rate for every session (lib/scenario_cache; issue 29)."""
    with st.spinner(_("Working out every registry's cost across the range...")):
        swept = sensitivity.sweep(w, field, book, setups=scenario.shown_changes())
        points = sensitivity.break_evens(w, field, book, table=swept, setups=scenario.shown_changes())
    args = (swept, points, field, sensitivity.UNITS[field], sensitivity.RANGES[field][2], lacking)
    # sent as specs: no plotly Figure made per new scenario (issue 29); the second is a phone's form (sixth review)
    fig = charts.break_even_spec(*args, current=getattr(w, field))
    narrow = charts.break_even_spec(*args, current=getattr(w, field), narrow=True)
    return fig, narrow, points


fig, narrow, points = scenario_cache.view(w, book, "break-even sweep", _sweep)
chart.show(
    fig, "break_even_chart", f"cost as {field.replace('_', ' ')} changes", charts.scenario_title(w), narrow=narrow
)
st.caption(wording.sweep_view(scenario.as_set_up))
if any(lacking.values()):
    st.caption(_("Faded lines marked ✗: registries that fail a hard requirement (the Recommendation page says why)."))

st.subheader(_("Break-even points"))


def _at(x: float) -> str:
    # sensitivity.with_unit: Korean reads "월 42회", as the sweep table above writes it, not "42회/월"
    return labels.percent(x) if field in PERCENT_FIELDS else sensitivity.with_unit(field, labels.number(round(x)))


if points:
    st.caption(_("Each row: the value where one registry becomes cheaper than another, and what both cost there."))
    table.show_both(
        table.shown(
            w,
            book,
            "break-even points",
            lambda: money.convert(
                pd.DataFrame(
                    [
                        {
                            "at": _at(p.x),
                            "cheaper above": registry_name(p.cheaper_above),
                            "cheaper below": registry_name(p.cheaper_below),
                            "cost": p.cost,
                        }
                        for p in points
                    ]
                ),
                ["cost"],
            ),
        ),
        "break_evens",
        # a phone's form: the value and which registry is cheaper on either side of it (ninth review: the third
        # and fourth columns were past the edge at 390 px); the cost there is the chart's, where the lines cross
        phone={
            "hide_index": True,
            "width": "stretch",
            "row_height": table.WRAPPED_ROW,
            "column_order": ("at", "cheaper above", "cheaper below"),
            "column_config": {
                # short headers: "지점(월 이미지 풀 횟수)" and "이 값보다 크면 더 저렴" were cut at these widths; the
                # caption above says what a row is, the select above which input
                "at": st.column_config.TextColumn(_("Value"), width=84),
                "cheaper above": st.column_config.TextColumn(_("Cheaper above"), width=132),
                "cheaper below": st.column_config.TextColumn(_("Cheaper below"), width=132),
            },
        },
        hide_index=True,
        width="stretch",
        column_config={
            "at": st.column_config.TextColumn(_("At ({input})").format(input=name.lower())),
            "cheaper above": st.column_config.TextColumn(_("Cheaper above this point")),
            "cheaper below": st.column_config.TextColumn(_("Cheaper below this point")),
            "cost": money.column(_("Monthly cost there")),
        },
    )
else:
    st.markdown(_("No two registries change places across this range: the order stays the same."))
