"""Recommendation: the decision tree for your situation, explained."""
import pandas as pd
import streamlit as st

from lib import decision
from lib.registries import NAMES
from ui import shell, workload_inputs

w, book = shell.start("Recommendation")
tree = decision.load()
r = decision.recommend(w, book, tree)

st.title("Recommendation")
with st.expander("Your situation", expanded=True):
    workload_inputs.situation()
st.caption("The workload inputs in the sidebar set the costs.")

st.success(f"### {r.title}\n{r.summary}  \nMonthly cost for this workload: **${r.recommended_cost:,.2f}**"
           + (f" {r.setup_description}" if r.setup_description else "") + (f"  \n{r.gap_note}." if r.gap_note else ""))
if r.runner_up:
    st.info(f"Runner-up: **{NAMES[r.runner_up]}** (${r.costs[r.runner_up]:,.2f}/month)")
if r.cost_note:
    st.write(r.cost_note)

left, right = st.columns([3, 2])
with left:
    st.subheader("Why: the path taken")
    for i, step in enumerate(r.path, 1):
        st.markdown(f"**{i}. {step.question}**  \n→ *{step.answer}*: " + " ".join(step.reasons))
with right:
    st.subheader("Candidates that pass every constraint")
    ranking = pd.DataFrame([{"registry": NAMES[rid], "monthly_cost": c, "recommended": rid == r.recommended}
                            for rid, c in r.candidates])
    st.dataframe(ranking, hide_index=True, width="stretch", column_config={
        "registry": "Registry",
        "monthly_cost": st.column_config.NumberColumn("Monthly cost", format="$%.2f"),
        "recommended": st.column_config.CheckboxColumn("Chosen"),
    })

st.subheader("Why not the others")
st.dataframe(pd.DataFrame([{"registry": x.name, "reason": x.kind, "why": x.why} for x in r.rejected]),
             hide_index=True, width="stretch",
             column_config={"why": st.column_config.TextColumn("Why", width="large")})

st.subheader("The decision tree")
st.caption("The path for your answers is drawn in red.")
st.graphviz_chart(decision.to_dot(tree, r), width="stretch")
