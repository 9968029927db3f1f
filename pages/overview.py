"""Overview: every registry's monthly cost side by side, broken into its parts."""

import pandas as pd
import streamlit as st

from lib.analyses import scenario_cache
from lib.core.i18n import N_, _
from lib.presentation import charts, tables, wording
from lib.pricing import components, consumers, labels
from ui import chart, money, recommendation_line, shell, table, workload_inputs

TITLE = N_("Overview")
ICON = ":material/bar_chart:"
ORDER = 0  # place in the menu
NO_PART = N_("None")  # a registry whose bill has no parts at all (free)

w, book = shell.page()
a = scenario_cache.analysis(w, book)  # priced once per distinct scenario in this process, for every session
e = a.shown  # each registry in its cheapest setup, or as set up now (the view)

st.title(_("Container registry cost"))
st.caption(
    _(
        "Monthly cost of every registry for this workload · price book {version} · {region}. "
        "How it is worked out: the About page."
    ).format(version=book.version, region=labels.choice("region", w.region))
)
r = a.recommendation
recommendation_line.show(r)  # made once per scenario (lib/scenario_cache)
workload_inputs.field("view")

lacking = a.failing()  # what the decision holds against each: faded, ✗
other = a.other_totals()
fig = scenario_cache.view(  # shared, never changed: the slide export styles a figure made from it
    w,
    book,
    "overview chart",
    lambda: charts.cost_breakdown_spec(
        e, lacking=lacking, recommended=r.recommended, other=other, other_name=wording.other_view(a.as_set_up)
    ),
)
across = scenario_cache.view(  # the phone's form: bars across, the names level (issue 28)
    w,
    book,
    "overview chart across",
    lambda: charts.cost_breakdown_spec(  # sent as a spec too: no plotly Figure made per new scenario
        e,
        lacking=lacking,
        recommended=r.recommended,
        other=other,
        other_name=wording.other_view(a.as_set_up),
        horizontal=True,
    ),
)
chart.show(fig, "overview_cost_chart", "registry cost by component", charts.scenario_title(e), narrow=across)
if other:
    st.caption(wording.shown_view(a.as_set_up))

if any(lacking.values()):
    st.caption(wording.lacking_bars(lacking))

st.subheader(_("Totals, cheapest first"))


def _totals_view() -> pd.DataFrame:
    """The totals in the reader's words and currency, built as one frame from the table's columns: the
    same frame (the same Arrow bytes) as totals_table, assign, money.convert and a column selection made,
    each step copying every column (issue 29, fourth round; tests/test_overview_tables.py)."""
    t = tables.totals_columns(e, other=a.other_view_totals(), setup=a.setup_words())
    return pd.DataFrame(
        {
            "rank": t["rank"],
            "registry": t["registry"],
            "monthly_cost": [labels.shown(v) for v in t["monthly_cost"]],  # money.convert's conversion
            "other_cost": [labels.shown(v) for v in t["other_cost"]],
            "setup": t["setup"],
            "largest_part": [_(labels.CATEGORIES.get(c, NO_PART)) for c in t["largest_part"]],
        }
    )


totals = table.shown(w, book, "overview totals", _totals_view)  # the same table for everyone with this scenario
table.show_both(
    totals,
    "totals",
    # a phone's form: the rank, the name and the cost, the three a phone's 358 px hold whole (ninth review: the
    # table was cut after the monthly cost); the same Arrow table, its bytes made once
    phone={
        "hide_index": True,
        "width": "stretch",
        "column_order": ("rank", "registry", "monthly_cost"),
        "column_config": {
            "rank": st.column_config.NumberColumn(_("Rank"), width=48),
            "registry": st.column_config.TextColumn(_("Registry"), width=190, pinned=True),
            "monthly_cost": money.column(_("Monthly cost"), width=112),
        },
    },
    hide_index=True,
    width="stretch",
    # a row of two lines: a cell wraps only in a row taller than 4rem (Streamlit's grid), and a setup in
    # words ("VPC 엔드포인트 구성: ecr.api·ecr.dkr 인터페이스 엔드포인트 + S3 게이트웨이 엔드포인트") was cut at
    # 340 px on one line (seventh Korean review), at 1440 px and on a phone alike
    row_height=table.WRAPPED_ROW,
    height="content",  # every row in view: "auto" is ten rows of the default height, about five of these
    column_config={
        # widths in pixels that fit the main column at 1440 px (978 px) with every text whole, in both
        # languages: "large" and "medium" left "가장 큰 항목" past the right edge (issue 28)
        "rank": st.column_config.NumberColumn(_("Rank"), width=48),
        "registry": st.column_config.TextColumn(_("Registry"), width=180, pinned=True),
        "monthly_cost": money.column(_("Monthly cost"), width=104),
        "other_cost": money.column(wording.other_view(a.as_set_up), width=112),
        "setup": st.column_config.TextColumn(_("Setup"), width=340),
        "largest_part": st.column_config.TextColumn(_("Largest part"), width=190),
    },
)
flagged = [r for r in e.ranked() if r.flags]
if flagged:
    st.markdown(  # one element: the heading and the list
        "**"
        + _("Warnings and notes")
        + "**\n\n"
        + "\n".join(
            f"- **{r.name}**: "
            + " ".join(f"*{_(labels.SEVERITIES[f.severity])}:* {f.message}" for f in r.flags).replace("$", "\\$")
            for r in flagged
        )
    )

st.subheader(_("The arithmetic"))
st.caption(_("Every part is quantity x unit price; the source of each price is linked."))


def _parts_view() -> pd.DataFrame:
    """The parts table in the reader's words and currency, built as one frame from its columns: the same
    frame as all_components_table, assign / drop / money.convert made (the same Arrow bytes), each pandas
    step copying every column (issue 29, third and fourth rounds; tests/test_overview_tables.py)."""
    parts = tables.components_columns(e, book)
    columns = {c: parts[c] for c in parts if c != "unit"}
    columns["category"] = [_(labels.CATEGORIES[c]) for c in parts["category"]]
    columns["quantity"] = [
        labels.quantity(q, components.unit_text(u)) for q, u in zip(parts["quantity"], parts["unit"], strict=True)
    ]
    columns["unit_price"] = [labels.unit_price(p) for p in parts["unit_price"]]
    columns["source"] = [s if s.startswith("http") else "" for s in parts["source"]]
    columns["monthly_cost"] = [labels.shown(v) for v in parts["monthly_cost"]]  # money.convert's conversion
    return pd.DataFrame(columns)


parts = table.shown(w, book, "overview parts", _parts_view)
table.show_both(
    parts,
    "parts",
    # a phone's form: which registry, which part, what it costs (the quantity, unit price and source are the
    # desktop's); two lines a row, as a registry's or a part's name wraps in its narrow column
    phone={
        "hide_index": True,
        "width": "stretch",
        "row_height": table.WRAPPED_ROW,
        "column_order": ("registry", "component", "monthly_cost"),
        "column_config": {
            "registry": st.column_config.TextColumn(_("Registry"), width=110, pinned=True),
            "component": st.column_config.TextColumn(_("Part"), width=140),
            "monthly_cost": money.column(_("Monthly cost"), width=96),
        },
    },
    hide_index=True,
    width="stretch",
    column_config={
        # "small" cut every registry's name ("S3 + docker s"): pixel widths that hold the names whole
        "registry": st.column_config.TextColumn(_("Registry"), width=172, pinned=True),
        "component": st.column_config.TextColumn(_("Part"), width=244),
        "category": st.column_config.TextColumn(_("Kind"), width=190),
        "quantity": st.column_config.TextColumn(_("Quantity"), width=104),
        "unit_price": st.column_config.TextColumn(_("Unit price"), width=64),
        "monthly_cost": money.column(_("Monthly cost"), width=84),
        "source": st.column_config.LinkColumn(_("Source"), display_text=_("vendor page"), width=104),
    },
)
st.caption(_("Parts without a source link price one of your own inputs (engineer hours, a licence you entered)."))


def _checked_on(region: str) -> str:
    """ "2026-11-29 (45 of 48 prices), 2026-12-07 (2), 2025-03-27 (1)": which date is most of the book."""
    counts = book.as_of_counts(region)
    if len(counts) == 1:
        return counts[0][0]
    (first, n), rest = counts[0], counts[1:]
    total = sum(c for _d, c in counts)
    return ", ".join(
        [_("{date} ({n} of {total} prices)").format(date=first, n=n, total=total)]
        + [_("{date} ({n})").format(date=d, n=c) for d, c in rest]
    )


where = consumers.WHERE.get(consumers.consumers_cloud(w), labels.choice("runs_on", w.runs_on))
region = labels.choice("region", w.region)
with st.expander(_("Assumptions")):
    st.markdown(
        "\n".join(
            [
                "- "
                + _("**Month**: {hours} hours ({days} days); 1 GB = 1,000 MB.").format(
                    hours=labels.number(book.hours_per_month, 0 if float(book.hours_per_month).is_integer() else 1),
                    days=labels.number(book.days_per_month, 2),
                ),
                "- "
                + _(
                    "**Prices**: {currency} on-demand list prices before tax, region **{region}**. Prices checked on "
                    "{dates}; every price, its unit and its source are on the About page."
                ).format(currency=book.currency, region=region, dates=_checked_on(w.region)),
                "- "
                + _(
                    '**GHCR billing**: **{billing}**. Container images on GHCR are free today; "Storage billed at the '
                    'Packages price" is what the comparison assumes, and "Storage and transfer at list price" is the '
                    "worst case. Change it under *More inputs*."
                ).format(billing=labels.choice("ghcr_billing", w.ghcr_billing)),
                "- "
                + _(
                    "**Where pulls come from** is relative to where the workloads run ({where}), in {region}: each "
                    "registry is assumed in that region. A registry on another cloud bills its internet egress for "
                    "every pull (tiered rates); GitHub and Docker Hub bill no egress. From AWS private subnets every "
                    "registry outside the VPC is reached through the NAT gateway; ECR can use interface endpoints "
                    "instead (layers through the free S3 gateway endpoint). The NAT and endpoint inputs describe an "
                    "AWS VPC: for workloads on GCP, Azure or on-premises they are not priced."
                ).format(where=_(where), region=region)
                + (
                    " "
                    + _("Multi-cloud is priced as AWS consumers; count pulls from your other clouds as internet pulls.")
                    if w.runs_on == "multi_cloud"
                    else ""
                ),
                "- "
                + _(
                    "**Self-hosted** (Harbor, Nexus) run where the workloads run, priced at AWS instance and storage "
                    "rates as a stand-in: {nodes} server(s) of 4 vCPU / 8 GB, {hours} engineer hours a month at {rate} "
                    "an hour: these are assumptions, set your own under *More inputs*."
                ).format(
                    nodes=w.selfhosted_nodes,
                    hours=labels.number(w.ops_hours_per_month, 1),
                    rate=labels.money(w.engineer_hourly_rate, prose=True),
                ),
                "- "
                + _(
                    "Registries store layers shared between versions once; "
                    "the S3 baseline stores every version in full."
                ),
            ]
        )
    )
