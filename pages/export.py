"""Export: slides, tables, the full result and an architecture decision record."""

import streamlit as st

from lib.analyses import scenario_cache
from lib.core import public_address
from lib.core.i18n import N_, _
from lib.exports import adr, deck, export
from ui import bill_upload, language, share, shell

TITLE = N_("Export")
ICON = ":material/ios_share:"
ORDER = 90  # place in the menu

w, book = shell.page()
a = scenario_cache.analysis(w, book)  # priced once per scenario (the Overview's too); every download reads it
e = a.shown  # each registry in its best setup (the recommended one at the answer), or as set up now
link = share.export_link(share.current_query())  # a public address, never the server's own loopback one

st.title(_("Export"))
st.caption(_("Each file is built from the current scenario when you click; the share link goes inside."))
if not public_address.has_address(link):
    st.info(
        _(
            "No public address is set for this dashboard, so the exports carry the scenario's query without an "
            "address. Set {setting} to the address reviewers open (see README, Deploy for a team)."
        ).format(setting=public_address.ENV),
        icon=":material/link_off:",
    )
bill = bill_upload.applied_bill(w, book)  # the bill applied on the Your bill page, against this scenario
if bill is not None and not st.toggle(
    _("Include today’s bill against the model (a slide in the deck, a section in the ADR)"),
    value=True,
    key="export_bill",
    help=_("The bill applied on the bill page, component by component against this scenario; its file names go in."),
):
    bill = None


def build_deck() -> bytes:
    data, missing = deck.build(a, link, pictures=export.renderer_available(), bill=bill)
    st.session_state["export_deck_missing"] = missing
    return data


c1, c2 = st.columns(2)
with c1:
    st.subheader(_("Slides"))
    st.download_button(
        _("PowerPoint deck (.pptx)"),
        icon=":material/download:",
        data=language.deferred(build_deck),
        file_name="registry-decision.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        key="export_pptx",
        on_click="ignore",
        width="stretch",
    )
    st.caption(
        _(
            "16:9 slides: the question and the answer with the share link, a one-slide summary, cost by "
            "registry and by component as editable PowerPoint charts, scenario B against A when you compare, "
            "cost over time, the sensitivity chart, and every price's source grouped by vendor."
        )
    )
    if not export.renderer_available():
        st.info(
            _(
                "No Chromium on this server: the deck is still built, and its sensitivity slide says the picture "
                "is missing."
            )
        )
with c2:
    st.subheader(_("Tables and data"))
    st.download_button(
        _("Cost table (.xlsx)"),
        icon=":material/download:",
        data=language.deferred(lambda: export.xlsx_table(e, book, a)),
        file_name="registry-costs.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="export_xlsx",
        on_click="ignore",
        width="stretch",
    )
    st.download_button(
        _("Cost table (.csv)"),
        icon=":material/download:",
        data=language.deferred(lambda: export.csv_table(e)),
        file_name="registry-costs.csv",
        mime="text/csv",
        key="export_csv",
        on_click="ignore",
        width="stretch",
    )
    st.download_button(
        _("Full result (.json)"),
        icon=":material/download:",
        data=language.deferred(lambda: export.full_json(a, link)),
        file_name="registry-result.json",
        mime="application/json",
        key="export_json",
        on_click="ignore",
        width="stretch",
    )

st.subheader(_("Architecture decision record"))
record = adr.adr(a, link, bill=bill)
st.download_button(
    _("ADR (.md)"),
    icon=":material/download:",
    data=record,
    file_name="adr-container-registry.md",
    mime="text/markdown",
    key="export_adr",
    on_click="ignore",
)  # a rerun would drop another download
with st.expander(_("Preview (copy it from the box below)"), expanded=True):
    st.code(record, language="markdown", wrap_lines=True)
