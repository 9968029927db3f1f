"""Sensitivity and break-even: every registry's cost as one input sweeps its range."""
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib import charts, features, sensitivity
from lib.registries import NAMES
from ui import shell, workload_inputs

w, book = shell.start("Break-even")
st.title("Sensitivity and break-even")
workload_inputs.field("sweep_field")
field = w.sweep_field

with st.spinner("Sweeping..."):
    table = sensitivity.sweep(w, field, book)
    points = sensitivity.break_evens(w, field, book, table=table)

lacking = features.missing(w.required_features)
fig = go.Figure()
for rid in table.columns:
    name = NAMES[rid] + (" ✗" if lacking[rid] else "")
    fig.add_scatter(x=table.index, y=table[rid], mode="lines", name=name, line=dict(color=charts.REGISTRY_COLOURS[rid],
                    dash="dot" if lacking[rid] else "solid"))
if points:
    fig.add_scatter(x=[p.x for p in points], y=[p.cost for p in points], mode="markers", name="break-even",
                    marker=dict(size=10, color="black", symbol="x"),
                    hovertext=[p.sentence(field) for p in points], hoverinfo="text")
log = sensitivity.RANGES[field][2]
fig.update_layout(template="plotly_white", xaxis_type="log" if log else "linear", yaxis_type="log" if log else "linear",
                  xaxis_title=f"{field} ({sensitivity.UNITS[field]})", yaxis_title="USD / month",
                  title=f"Monthly cost as {field} varies (other inputs as in the sidebar)")
st.plotly_chart(fig, width="stretch", key="break_even_chart")
if any(lacking.values()):
    st.caption("Dotted lines (✗): registries without a required feature (see the Features page).")

st.subheader("Break-even points")
if points:
    st.dataframe(pd.DataFrame([{"at": p.x, "cheaper above": NAMES[p.cheaper_above], "cheaper below": NAMES[p.cheaper_below],
                                "statement": p.sentence(field)} for p in points]),
                 hide_index=True, width="stretch", column_config={"at": st.column_config.NumberColumn(format="%.4g")})
else:
    st.write("No two registries change places across this range: the order stays the same.")
