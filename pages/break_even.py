"""Sensitivity and break-even: every registry's cost as one input sweeps its range."""
import pandas as pd
import streamlit as st

from lib import charts, features, sensitivity
from lib.registries import NAMES
from ui import chart, shell, workload_inputs

w, book = shell.start("Break-even")
st.title("Sensitivity and break-even")
workload_inputs.field("sweep_field")
field = w.sweep_field

with st.spinner("Sweeping..."):
    table = sensitivity.sweep(w, field, book)
    points = sensitivity.break_evens(w, field, book, table=table)

lacking = features.missing(w.required_features)
fig = charts.break_even(table, points, field, sensitivity.UNITS[field], sensitivity.RANGES[field][2], lacking)
chart.show(fig, "break_even_chart", f"cost as {field} varies", charts.scenario_title(w))
if any(lacking.values()):
    st.caption("Dotted lines (✗): registries without a required feature (see the Features page).")

st.subheader("Break-even points")
if points:
    st.dataframe(pd.DataFrame([{"at": p.x, "cheaper above": NAMES[p.cheaper_above], "cheaper below": NAMES[p.cheaper_below],
                                "statement": p.sentence(field)} for p in points]),
                 hide_index=True, width="stretch", column_config={"at": st.column_config.NumberColumn(format="%.4g")})
else:
    st.write("No two registries change places across this range: the order stays the same.")
