"""Cost over time: cumulative cost of ownership with growth and one-time setup."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.analyses import migration, scenario_cache, timeline
from lib.core import i18n
from lib.core.i18n import N_, _, ngettext
from lib.presentation import charts
from lib.pricing import labels
from lib.pricing.registries import name as registry_name
from ui import chart, money, shell, table, workload_inputs

TITLE = N_("Over time")
ICON = ":material/schedule:"
ORDER = 40  # place in the menu

w, book = shell.page()
st.title(_("Cost over time"))
st.caption(
    _(
        "What each registry costs in total from the first month: one-time setup, "
        "then monthly costs that grow with pulls and versions."
    )
)
c1, c2 = st.columns(2)
workload_inputs.field("horizon_months", c1)
workload_inputs.field("monthly_growth", c2)

AMOUNTS = {
    "total": N_("Total"),
    "one-time setup": N_("One-time setup"),
    "first month": N_("First month"),
    "last month": N_("Last month"),
}


def _views() -> tuple[go.Figure, go.Figure, table.Table, bool]:
    """The chart and the table, made once per scenario (horizon and growth are part of it), language and
    won rate for every session (lib/scenario_cache; issue 29: ~25 ms of pricing a month per registry,
    the chart and the table's conversion, paid again on every rerun before)."""
    # each registry in its best setup (the recommended one as recommended), or as set up now (the view)
    a = scenario_cache.analysis(w, book)  # the Overview's analysis, shared
    cumulative, monthly = timeline.cost_over_time(w, book, changes=a.shown_changes())
    lacking = a.failing()  # what the decision holds against each: faded, ✗ (as on Break-even)
    fig = charts.cost_over_time(cumulative, w.horizon_months, w.monthly_growth, lacking=lacking)
    narrow = charts.cost_over_time(cumulative, w.horizon_months, w.monthly_growth, narrow=True, lacking=lacking)
    final = cumulative.iloc[-1].sort_values()
    setup = timeline.setup_costs(w)
    notes = timeline.onetime()["setup_hours"]
    shown = table.arrow(
        money.convert(
            pd.DataFrame(
                [
                    {
                        "registry": registry_name(r),
                        "total": final[r],
                        "one-time setup": setup[r],
                        "first month": monthly[r].iloc[0],
                        "last month": monthly[r].iloc[-1],
                        "setup assumption": labels.plain(i18n.text(notes[r]["note"])),
                    }
                    for r in final.index
                ]
            ),
            list(AMOUNTS),
        )
    )
    return fig, narrow, shown, any(lacking.values())


fig, narrow, shown, any_lacking = scenario_cache.view(w, book, "over time", _views)
chart.show(fig, "timeline_chart", "cost over time", charts.scenario_title(w), narrow=narrow)
# a sentence, not the menu's noun phrase with a full stop ("각 레지스트리의 가장 저렴한 구성.", seventh Korean
# review's read); the English is the same words
st.caption(_("Each registry as set up now.") if w.view == "as_set_up" else _("Each registry in its cheapest setup."))
if any_lacking:
    st.caption(_("Faded lines marked ✗: registries that fail a hard requirement (the Recommendation page says why)."))
table.show_both(
    shown,
    "over_time",
    # a phone's form: the name, the total over the horizon and the one-time part of it (ninth review: the table
    # was cut after the total at 390 px)
    phone={
        "hide_index": True,
        "width": "stretch",
        "row_height": table.WRAPPED_ROW,  # a long name on two lines
        "height": "content",  # the eight registries in view: "auto" counts rows of the default height
        "column_order": ("registry", "total", "one-time setup"),
        "column_config": {
            "registry": st.column_config.TextColumn(_("Registry"), width=128, pinned=True),
            "total": money.column(_("Total"), width=98),
            "one-time setup": money.column(_("One-time setup"), width=124),
        },
    },
    hide_index=True,
    width="stretch",
    column_config={
        "registry": st.column_config.TextColumn(_("Registry"), width="medium", pinned=True),
        "setup assumption": st.column_config.TextColumn(_("Setup assumption"), width="large"),
        **{k: money.column(_(label)) for k, label in AMOUNTS.items()},
    },
)
# the Migration page's one-time cost is another question (moving what exists), and its figure differs (a
# reviewer read ECR's $75 here against 10.75 hours, $806.25 there): say which is which, with the figure.
# One caption, two sentences: the rerun budget counts elements (issue 29)
moving = migration.move_hours(w)
st.caption(
    _(
        "Setup hours are priced at {rate} an hour (*More inputs*: Self-hosted and "
        "baseline). The hours are assumptions; the About page lists them."
    ).format(rate=labels.money(w.engineer_hourly_rate, prose=True))
    + " "
    + ngettext(
        "One-time setup is a registry set up empty. Moving the {repositories} repository from {source} is "
        "another {hours} engineer hours ({cost}, before copying the data): the Migration page plans it.",
        "One-time setup is a registry set up empty. Moving the {repositories} repositories from {source} is "
        "another {hours} engineer hours ({cost}, before copying the data): the Migration page plans it.",
        w.repositories,
    ).format(
        repositories=labels.number(w.repositories),
        source=registry_name(w.migrate_from),
        hours=labels.number(moving),
        cost=labels.money(moving * w.engineer_hourly_rate, prose=True),
    )
)
