"""Sensitivity and break-even: every registry's cost as one input sweeps its range."""
import pandas as pd
import streamlit as st

from lib import charts, features, labels, sensitivity
from lib.registries import NAMES
from ui import chart, shell, workload_inputs

TITLE = "Break-even"
ICON = ":material/show_chart:"
ORDER = 30  # place in the menu

w, book = shell.page()
st.title("Sensitivity and break-even")
st.caption("How every registry's monthly cost moves as one input changes, the others staying as in the sidebar, "
           "and where two registries change places.")
workload_inputs.field("sweep_field")
field = w.sweep_field
name = labels.field(field)

with st.spinner("Working out every registry's cost across the range..."):
    table = sensitivity.sweep(w, field, book)
    points = sensitivity.break_evens(w, field, book, table=table)

lacking = features.missing(w.required_features)
fig = charts.break_even(table, points, field, sensitivity.UNITS[field], sensitivity.RANGES[field][2], lacking,
                        current=getattr(w, field))
chart.show(fig, "break_even_chart", f"cost as {name.lower()} changes", charts.scenario_title(w))
if any(lacking.values()):
    st.caption("Faded lines marked ✗: registries without a required feature (see the Features page).")

st.subheader("Break-even points")


def _at(x: float) -> str:
    return labels.percent(x) if field in labels.PERCENT_FIELDS else f"{x:,.0f} {sensitivity.UNITS[field]}"


if points:
    st.caption("Each row: the value where one registry becomes cheaper than another, and what both cost there.")
    st.dataframe(pd.DataFrame([{"at": _at(p.x), "cheaper above": NAMES[p.cheaper_above], "cheaper below": NAMES[p.cheaper_below],
                                "cost": p.cost} for p in points]),
                 hide_index=True, width="stretch", column_config={
                     "at": st.column_config.TextColumn(f"At ({name.lower()})"),
                     "cheaper above": st.column_config.TextColumn("Cheaper above this point"),
                     "cheaper below": st.column_config.TextColumn("Cheaper below this point"),
                     "cost": st.column_config.NumberColumn("Monthly cost there", format="dollar")})
else:
    st.write("No two registries change places across this range: the order stays the same.")
