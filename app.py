"""Registry Decision Dashboard: entry point. Draws the shared sidebar and runs the page."""
import streamlit as st

from ui import workload_inputs

st.set_page_config(page_title="Registry Decision Dashboard", page_icon="📦", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon="📊", default=True, url_path="overview"),
]

nav = st.navigation(PAGES)
workload_inputs.render()
nav.run()
