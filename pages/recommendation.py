"""Recommendation: the decision tree for your situation, explained."""

import pandas as pd
import streamlit as st

from lib.analyses import scenario_cache
from lib.core.i18n import N_, _
from lib.decide import decision
from lib.decide.decision_text import rejection_whys, step_reasons
from lib.presentation import decision_chart, wording
from lib.pricing import labels
from lib.pricing.registries import name as registry_name
from ui import money, shell, workload_inputs

TITLE = N_("Recommendation")
ICON = ":material/explore:"
ORDER = 10  # place in the menu

w, book = shell.page()
tree = decision.load()
# the recommendation (decision.recommend(w, book, tree), once per scenario) and every registry's
# figures in its best setup (or the view)
a = scenario_cache.analysis(w, book)
r = a.recommendation

st.title(_("Recommendation"))
with st.expander(_("Your situation"), expanded=True):
    workload_inputs.situation()
st.caption(_("The workload inputs in the sidebar set the costs."))


def md(text: str) -> str:
    """Text from the decision rules, in the app's words, with $ kept as a dollar sign."""
    return labels.plain(text).replace(" -> ", " → ").replace("$", "\\$")


st.success(
    f"### {md(r.title)}\n{md(r.summary)}  \n"
    # one sentence with its setup, so Korean can label it
    + (
        _("Monthly cost for this workload: **{cost}** {setup}").format(
            cost=md(labels.money(r.recommended_cost, prose=True)), setup=md(r.setup_description)
        )
        if r.setup_description
        else _("Monthly cost for this workload: **{cost}**").format(
            cost=md(labels.money(r.recommended_cost, prose=True))
        )
    )
    + (f"  \n{md(r.gap_note)}." if r.gap_note else ""),
    icon=":material/recommend:",
)
if tree.leaves[r.leaf].rated:
    st.caption(
        _(
            "*Rated N of 3* is how strongly the comparison this app starts from ties the situation to the registry: "
            "3 settles it, 1 is a sensible default that other needs can overturn (the About page says more)."
        )
    )
if r.runner_up:
    st.info(
        _("Runner-up: **{registry}** ({cost} a month)").format(
            registry=registry_name(r.runner_up), cost=md(labels.money(a.shown[r.runner_up].monthly_cost, prose=True))
        )
    )
if r.cost_note:
    st.write(md(r.cost_note))

left, right = st.columns([3, 2])
with left:
    st.subheader(_("Why: the path taken"))
    st.markdown(  # the steps as paragraphs of one element (one message to the browser, not five)
        "\n\n".join(
            f"**{i}. {md(step.question)}**  \n→ *{md(step.answer)}*: "
            + md(" ".join(step_reasons(step.answer, step.reasons)))
            for i, step in enumerate(r.path, 1)
        )
    )
with right:
    st.subheader(_("Candidates that pass every constraint"))
    other = a.other_view_totals()
    ranking = pd.DataFrame(
        [
            {
                # the chosen one marked in its name: a column of its own (a checkbox) left the table 22 px wider
                # than a phone's screen, scrolled sideways (eighth Korean review)
                "registry": ("✓ " if rid == r.recommended else "") + registry_name(rid),
                "monthly_cost": c,
                "other_cost": other.get(rid, float("nan")),
            }
            for rid, c in a.candidates()
        ]
    )
    st.dataframe(
        money.convert(ranking, ["monthly_cost", "other_cost"]),
        hide_index=True,
        width="stretch",
        column_config={
            # fits the right-hand column at 1440 px (382 px) whole: "선택" was cut (issue 28); "입력한 구성 (원)"
            # was too (fifth review), so the currency is said once, under the table
            "registry": st.column_config.TextColumn(_("Registry (✓ chosen)"), width=190, pinned=True),
            "monthly_cost": money.column(_("Monthly cost"), unit=False, width=78),
            "other_cost": money.column(wording.other_view(a.as_set_up), unit=False, width=78),
        },
    )
    if note := money.unit_caption():
        st.caption(note)

st.subheader(_("Why not the others"))
st.markdown(
    "\n".join(
        "- "
        # the reason names its kind itself ("Fails …", "Costs … more"): a kind label before it stacked three
        # labels in a row in Korean ("· 제약 조건: 요구 사항 미충족: …", eighth review)
        + _("**{registry}**: {why}").format(registry=x.name, why=md(why))
        for x, why in zip(r.rejected, rejection_whys(r.rejected), strict=True)
    )
)

st.subheader(_("The decision tree"))
st.caption(_("The path for your answers is drawn in red."))
# the screen's width picks which is drawn (ui/chart.CSS): the whole tree, or on a phone the path alone, whose
# chosen leaf is on the screen (at 390 px the whole tree's sat off it, to the right)
with st.container(key="widechart_tree"):
    st.graphviz_chart(decision_chart.to_dot(tree, r), width="stretch")
with st.container(key="narrowchart_tree"):
    st.caption(_("On a narrow screen the picture shows your path alone; a wider window shows the whole tree."))
    st.graphviz_chart(decision_chart.to_dot(tree, r, path_only=True), width="content")
