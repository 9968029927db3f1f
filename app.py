"""Registry Decision Dashboard, entry point and Overview page: every registry's monthly cost side by side, broken into its parts."""
import streamlit as st

from lib import charts, components, decision, engine, features, setups, tables
from ui import chart, recommendation_line, shell

w, book = shell.start("Overview")
e = engine.estimate(w, book)
cheaper = setups.cheaper_setups(w, book, e)

st.title("Container registry cost")
st.caption(f"Monthly cost of every registry for this workload · price book {book.version} · {book.regions[w.region]}")
recommendation_line.show(w, book, e.totals(), cheaper)

lacking = features.missing(w.required_features)
rec = decision.recommend(w, book, costs=e.totals(), cheaper=cheaper).recommended  # no pricing: the costs are given
fig = charts.cost_breakdown(e, lacking=lacking, recommended=rec)
chart.show(fig, "overview_cost_chart", "registry cost by component", charts.scenario_title(e))

if any(lacking.values()):
    st.caption("Faded bars marked ✗ lack a feature you require (Features page): "
               + "; ".join(f"{e[r].name}: {', '.join(v)}" for r, v in lacking.items() if v))

st.subheader("Totals, cheapest first")
st.dataframe(
    tables.totals_table(e, cheaper).drop(columns=["id"]),
    hide_index=True, width="stretch",
    column_config={
        "rank": st.column_config.NumberColumn("#", width="small"),
        "registry": "Registry",
        "monthly_cost": st.column_config.NumberColumn("Monthly cost", format="$%.2f"),
        "cheaper_setup": st.column_config.TextColumn("Cheaper setup of the same registry", width="large"),
        "largest_part": "Largest part",
        "flags": st.column_config.TextColumn("Flags", width="large"),
        "notes": "Notes",
    },
)

st.subheader("The arithmetic")
st.caption("Every component is quantity x unit price; the source of each price is linked.")
st.dataframe(
    tables.all_components_table(e, book), hide_index=True, width="stretch",
    column_config={
        "registry": "Registry",
        "quantity": st.column_config.NumberColumn("Quantity", format="%.4g"),
        "unit_price": st.column_config.NumberColumn("Unit price", format="$%.4g"),
        "monthly_cost": st.column_config.NumberColumn("Monthly cost", format="$%.2f"),
        "source": st.column_config.LinkColumn("Source"),
    },
)

with st.expander("Assumptions"):
    st.markdown(f"""
- **Month**: {book.hours_per_month:g} hours ({book.days_per_month:.2f} days); 1 GB = 1,000 MB, as the source document counts.
- **Prices**: {book.currency} on-demand list prices before tax, region **{w.region}** ({book.regions[w.region]}).
  Price as-of dates: {", ".join(book.as_of_dates())}. Every figure and its source is in `data/prices.yaml`.
- **GHCR billing mode**: **{w.ghcr_billing}** (free: GitHub's policy today; storage: the Packages list price the source
  document assumes; full: storage and transfer at list price).
- **Pull origin** is relative to where the workloads run ({components.WHERE.get(components.consumers_cloud(w), w.runs_on)}{" — multi-cloud is priced as AWS consumers; count pulls from your other clouds as internet pulls" if w.runs_on == "multi_cloud" else ""}), in
  {w.region}: each registry is assumed in that region. A registry on another cloud bills its internet egress for every pull
  (tiered rates); GitHub and Docker Hub bill no egress. From AWS private subnets every registry outside the VPC is reached
  through the NAT gateway; ECR can use interface endpoints instead (layers through the free S3 gateway endpoint). The NAT
  and endpoint inputs describe an AWS VPC: for workloads on GCP, Azure or on-premises they are not priced.
- **Self-hosted** (Harbor, Nexus) run where the workloads run, priced at AWS instance and storage rates as a stand-in: {w.selfhosted_nodes} node(s) of 4 vCPU / 8 GB, {w.ops_hours_per_month:g} engineer hours a month
  at ${w.engineer_hourly_rate:g}/h: these are assumptions, set your own under *Self-hosted and baseline*.
- Stored bytes are layer-aware for registries (shared layers stored once) and naive for the S3 baseline.
""")
