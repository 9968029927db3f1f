"""Overview: every registry's monthly cost side by side, broken into its parts."""
import streamlit as st

from lib import charts, components, decision, engine, features, labels, setups, tables
from ui import chart, recommendation_line, shell

TITLE = "Overview"
ICON = ":material/bar_chart:"
ORDER = 0  # place in the menu

w, book = shell.page()
e = engine.estimate(w, book)
cheaper = setups.cheaper_setups(w, book, e)

st.title("Container registry cost")
st.caption(f"Monthly cost of every registry for this workload · price book {book.version} · {book.regions[w.region]}. "
           "How it is worked out: the About page.")
recommendation_line.show(w, book, e.totals(), cheaper)

lacking = features.missing(w.required_features)
rec = decision.recommend(w, book, costs=e.totals(), cheaper=cheaper).recommended  # no pricing: the costs are given
fig = charts.cost_breakdown(e, lacking=lacking, recommended=rec)
chart.show(fig, "overview_cost_chart", "registry cost by component", charts.scenario_title(e))

if any(lacking.values()):
    st.caption("Faded bars marked ✗ lack a feature you require (Features page): "
               + "; ".join(f"{e[r].name}: {', '.join(v)}" for r, v in lacking.items() if v))

st.subheader("Totals, cheapest first")
totals = tables.totals_table(e, cheaper)
st.dataframe(
    totals.assign(largest_part=totals["largest_part"].map(lambda c: labels.CATEGORIES.get(c, "None")))
    [["rank", "registry", "monthly_cost", "cheaper_setup", "largest_part"]],
    hide_index=True, width="stretch",
    column_config={
        "rank": st.column_config.NumberColumn("Rank", width="small"),
        "registry": st.column_config.TextColumn("Registry", width="medium"),
        "monthly_cost": st.column_config.NumberColumn("Monthly cost", format="dollar"),
        "cheaper_setup": st.column_config.TextColumn("Cheaper setup of the same registry", width="large"),
        "largest_part": st.column_config.TextColumn("Largest part", width="medium"),
    },
)
flagged = [r for r in e.ranked() if r.flags]
if flagged:
    st.markdown("**Warnings and notes**")
    st.markdown("\n".join(
        f"- **{r.name}**: " + " ".join(f"*{labels.SEVERITIES[f.severity]}:* {f.message}" for f in r.flags).replace("$", "\\$")
        for r in flagged))

st.subheader("The arithmetic")
st.caption("Every part is quantity x unit price; the source of each price is linked.")
parts = tables.all_components_table(e, book)
st.dataframe(
    parts.assign(category=parts["category"].map(labels.CATEGORIES),
                 quantity=[labels.quantity(q, u) for q, u in zip(parts["quantity"], parts["unit"], strict=True)],
                 unit_price=parts["unit_price"].map(labels.unit_price),
                 source=parts["source"].where(parts["source"].str.startswith("http"), None))
    .drop(columns=["unit"]),
    hide_index=True, width="stretch",
    column_config={
        "registry": st.column_config.TextColumn("Registry", width="small"),
        "component": st.column_config.TextColumn("Part", width="medium"),
        "category": "Kind",
        "quantity": st.column_config.TextColumn("Quantity", width="medium"),
        "unit_price": "Unit price",
        "monthly_cost": st.column_config.NumberColumn("Monthly cost", format="dollar"),
        "source": st.column_config.LinkColumn("Source", display_text="vendor page"),
    },
)
st.caption("Parts without a source link price one of your own inputs (engineer hours, a licence you entered).")

with st.expander("Assumptions"):
    st.markdown(f"""
- **Month**: {book.hours_per_month:g} hours ({book.days_per_month:.2f} days); 1 GB = 1,000 MB.
- **Prices**: {book.currency} on-demand list prices before tax, region **{labels.choice("region", w.region)}**.
  Prices checked on {", ".join(book.as_of_dates())}; every price, its unit and its source are on the About page.
- **GHCR billing**: **{labels.choice("ghcr_billing", w.ghcr_billing)}**. Container images on GHCR are free today;
  "Storage billed at the Packages price" is what the comparison assumes, and "Storage and transfer at list price"
  is the worst case. Change it under *More inputs*.
- **Where pulls come from** is relative to where the workloads run ({components.WHERE.get(components.consumers_cloud(w), labels.choice("runs_on", w.runs_on))}{" — multi-cloud is priced as AWS consumers; count pulls from your other clouds as internet pulls" if w.runs_on == "multi_cloud" else ""}),
  in {labels.choice("region", w.region)}: each registry is assumed in that region. A registry on another cloud bills its internet
  egress for every pull (tiered rates); GitHub and Docker Hub bill no egress. From AWS private subnets every registry outside
  the VPC is reached through the NAT gateway; ECR can use interface endpoints instead (layers through the free S3 gateway
  endpoint). The NAT and endpoint inputs describe an AWS VPC: for workloads on GCP, Azure or on-premises they are not priced.
- **Self-hosted** (Harbor, Nexus) run where the workloads run, priced at AWS instance and storage rates as a stand-in:
  {w.selfhosted_nodes} server(s) of 4 vCPU / 8 GB, {labels.number(w.ops_hours_per_month, 1)} engineer hours a month
  at {labels.money(w.engineer_hourly_rate)} an hour: these are assumptions, set your own under *More inputs*.
- Registries store layers shared between versions once; the S3 baseline stores every version in full.
""")
