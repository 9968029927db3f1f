"""Feature matrix: the document's comparison table and the features a reviewer checks."""
import streamlit as st

from lib import features
from lib.registries import IDS, NAMES
from ui import shell, workload_inputs

w, book = shell.start("Features")
m = features.load()
st.title("Feature matrix")

st.subheader("The source document's comparison table")
st.dataframe(features.document_table(m), hide_index=True, width="stretch", column_config={
    "aws_integration": st.column_config.ProgressColumn("AWS integration", min_value=0, max_value=5, format="%d / 5"),
    "usage": st.column_config.ProgressColumn("Usage in practice", min_value=0, max_value=5, format="%d / 5")})

st.subheader("What you require")
workload_inputs.field("required_features")
lacking = features.missing(w.required_features, m)
if w.required_features:
    ok = [NAMES[r] for r in IDS if not lacking[r]]
    st.write("**Meet every requirement:** " + (", ".join(ok) if ok else "none"))
    for r in IDS:
        if lacking[r]:
            st.write(f"✗ {NAMES[r]}: lacks {', '.join(lacking[r])}")
    st.caption("Registries that lack a requirement are also marked on the Overview and Break-even charts.")

st.subheader("Features")
st.caption("yes · partial: not by default (a tier, an add-on or a workaround, said in the note) · no. "
           "Only yes meets a requirement.")
table = features.feature_table(m)
if w.required_features:
    table = table[[m["features"][f] for f in w.required_features]]
st.dataframe(table, width="stretch")
with st.expander("Sources for every cell"):
    for r in IDS:
        st.markdown(f"**{NAMES[r]}**: " + " · ".join(f"[{m['features'][f]}]({m['registries'][r][f]['source']})"
                                                     for f in m["features"]))
