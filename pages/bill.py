"""Your bill: the model held against the bill a team already received, and the inputs that bill measures."""

import streamlit as st

from lib.core.i18n import N_, _
from ui import bill_upload, shell

TITLE = N_("Your bill")
ICON = ":material/receipt_long:"
ORDER = 85  # place in the menu: after "Measure my registry"

w, book = shell.page()

st.title(_("Your bill"))
st.caption(
    _(
        "What do we pay today, and why should we believe the model? Upload a month of the cloud bill: each line that "
        "prices the registry or its network is held against the model's component, with the likely cause of each "
        "difference, and the inputs the bill measures (stored GB, NAT GB processed, data transfer) can be applied."
    )
)
bill_upload.show(w, book)
