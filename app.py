"""Registry Decision Dashboard, entry point and Overview page: every registry's monthly cost side by side, broken into its parts."""
import streamlit as st

from lib import charts, engine, features, labels, tables
from ui import chart, recommendation_line, shell

w, book = shell.start("Overview")
e = engine.estimate(w, book)

st.title("Container registry cost")
st.caption(f"Monthly cost of every registry for this workload · price book {book.version} · {book.regions[w.region]}. "
           "How it is worked out: the About page.")
recommendation_line.show(w, book, e.totals())

lacking = features.missing(w.required_features)
fig = charts.cost_breakdown(e, lacking=lacking)
chart.show(fig, "overview_cost_chart", "registry cost by component", charts.scenario_title(e))

if any(lacking.values()):
    st.caption("Faded bars marked ✗ lack a feature you require (Features page): "
               + "; ".join(f"{e[r].name}: {', '.join(v)}" for r, v in lacking.items() if v))

st.subheader("Totals, cheapest first")
totals = tables.totals_table(e)
st.dataframe(
    totals.assign(largest_part=totals["largest_part"].map(lambda c: labels.CATEGORIES.get(c, "None")))
    [["rank", "registry", "monthly_cost", "largest_part"]],
    hide_index=True, width="stretch",
    column_config={
        "rank": st.column_config.NumberColumn("Rank", width="small"),
        "registry": st.column_config.TextColumn("Registry", width="medium"),
        "monthly_cost": st.column_config.NumberColumn("Monthly cost", format="dollar"),
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
                 quantity=[labels.quantity(q, u) for q, u in zip(parts["quantity"], parts["unit"])],
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
- **Where pulls come from** is relative to each registry's own region. Google Artifact Registry and ACR are priced as if the
  workloads ran on their cloud; NAT gateways apply to AWS private subnets reaching registries outside the VPC.
- **Self-hosted** (Harbor, Nexus): {w.selfhosted_nodes} server(s) of 4 vCPU / 8 GB, {labels.number(w.ops_hours_per_month, 1)} engineer hours a month
  at {labels.money(w.engineer_hourly_rate)} an hour: these are assumptions, set your own under *More inputs*.
- Registries store layers shared between versions once; the S3 baseline stores every version in full.
""")
