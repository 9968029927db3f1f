"""Sensitivity and break-even: every registry's cost as one input sweeps its range."""

import pandas as pd
import streamlit as st

from lib import charts, features, labels, sensitivity
from lib.i18n import N_, _
from lib.registries import name as registry_name
from lib.workload import PERCENT_FIELDS
from ui import chart, money, shell, workload_inputs

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

with st.spinner(_("Working out every registry's cost across the range...")):
    table = sensitivity.sweep(w, field, book)
    points = sensitivity.break_evens(w, field, book, table=table)

lacking = features.missing(w.required_features)
fig = charts.break_even(
    table, points, field, sensitivity.UNITS[field], sensitivity.RANGES[field][2], lacking, current=getattr(w, field)
)
chart.show(fig, "break_even_chart", f"cost as {field.replace('_', ' ')} changes", charts.scenario_title(w))
if any(lacking.values()):
    st.caption(_("Faded lines marked ✗: registries without a required feature (see the Features page)."))

st.subheader(_("Break-even points"))


def _at(x: float) -> str:
    return (
        labels.percent(x)
        if field in PERCENT_FIELDS
        else _("{n} {unit}").format(  # Korean: "42회/월"
            n=labels.number(round(x)), unit=_(sensitivity.UNITS[field])
        )
    )


if points:
    st.caption(_("Each row: the value where one registry becomes cheaper than another, and what both cost there."))
    st.dataframe(
        money.convert(
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
