"""The baseline for the app benchmarks: an input and N plotly charts from fixed data.

?charts=N sets how many charts; the input's value goes into each title so a change is visible.
The input is a number input, as "Versions kept" is in the app (?widget=slider: a slider).
"""

import plotly.graph_objects as go
import streamlit as st

n = int(st.query_params.get("charts", "1"))
if st.query_params.get("widget") == "slider":
    v = st.sidebar.slider("Versions kept", 1, 1000, 10, key="wl_versions_kept")
else:
    v = st.sidebar.number_input("Versions kept", 1, 1000, 10, key="wl_versions_kept")
st.title("Minimal page")
for i in range(n):
    fig = go.Figure(go.Bar(x=[f"r{j}" for j in range(8)], y=[j + i for j in range(8)]))
    fig.update_layout(title=f"chart {i}: {v}")
    st.plotly_chart(fig, key=f"chart{i}")
