"""Measure my registry: fill the scenario from what the registry already knows, instead of guesses."""

import streamlit as st

from lib.core.i18n import N_, _
from ui import measure_upload, shell

TITLE = N_("Measure my registry")
ICON = ":material/straighten:"
ORDER = 80  # place in the menu

w, book = shell.page()

st.title(_("Measure my registry"))
st.caption(
    _(
        "Repositories, versions kept, image size, shared layers and pushes a month are the inputs people guess "
        "worst, and the ones a registry already knows. Upload its inventory: the values and where each came "
        "from are shown before anything is applied."
    )
)
measure_upload.show(w, book)
