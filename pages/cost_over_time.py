"""Cost over time: cumulative cost of ownership with growth and one-time setup."""
import streamlit as st

from lib import charts, labels, timeline
from lib.registries import NAMES
from ui import chart, shell, workload_inputs

TITLE = "Over time"
ICON = ":material/schedule:"
ORDER = 40  # place in the menu

w, book = shell.page()
st.title("Cost over time")
st.caption("What each registry costs in total from the first month: one-time setup, then monthly costs that grow with pulls and versions.")
c1, c2 = st.columns(2)
workload_inputs.field("horizon_months", c1)
workload_inputs.field("monthly_growth", c2)

cumulative, monthly = timeline.cost_over_time(w, book)
fig = charts.cost_over_time(cumulative, w.horizon_months, w.monthly_growth)
chart.show(fig, "timeline_chart", "cost over time", charts.scenario_title(w))

final = cumulative.iloc[-1].sort_values()
setup = timeline.setup_costs(w)
notes = timeline.onetime()["setup_hours"]
st.dataframe(
    [{"registry": NAMES[r], "total": final[r], "one-time setup": setup[r], "first month": monthly[r].iloc[0],
      "last month": monthly[r].iloc[-1], "setup assumption": labels.plain(notes[r]["note"])} for r in final.index],
    hide_index=True, width="stretch",
    column_config={"registry": st.column_config.TextColumn("Registry", width="medium"),
                   "setup assumption": st.column_config.TextColumn("Setup assumption", width="large"),
                   **{k: st.column_config.NumberColumn(k.capitalize(), format="dollar")
                      for k in ("total", "one-time setup", "first month", "last month")}})
st.caption(f"Setup hours are priced at {labels.money(w.engineer_hourly_rate)} an hour (*More inputs*: Self-hosted and "
           "baseline). The hours are assumptions; the About page lists them.")
