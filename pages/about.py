"""About: the method, the price book and where the comparison comes from, in the app's words."""

import json

import pandas as pd
import streamlit as st

from lib.analyses import timeline
from lib.core import i18n
from lib.core.i18n import N_, _
from lib.inputs import regions
from lib.pricing import labels
from lib.pricing.registries import name as registry_name
from ui import shell

TITLE = N_("About")
ICON = ":material/info:"
ORDER = 100  # place in the menu

w, book = shell.page()
st.title(_("About this dashboard"))

# Each block is one message: the Korean is written as Korean, not assembled from English pieces.
st.markdown(
    _("""This dashboard helps a team choose a container registry: Amazon ECR, GitHub Container Registry
(GHCR), Docker Hub, Harbor, Google Artifact Registry, Azure Container Registry, Sonatype Nexus, and
"docker save to S3", which is not a registry and is shown as the baseline to avoid. Describe your
workload in the sidebar; every page prices the same workload.""")
)

st.subheader(_("How a monthly cost is worked out"))
st.markdown(
    _("""- Each registry's bill is a list of **named parts**: a name, a quantity, a unit and a unit price, and
  the cost is always *quantity x unit price*. The Overview page shows every part with its arithmetic
  and a link to the price's source.
- **Stored data** = repositories x versions kept x image size. Layers shared between versions
  (base OS, dependencies) are stored once by a registry; the S3 baseline stores every version in full.
- **Pulled data** = pulls a month x image size, less the share already cached on the pulling node.
  Where the pulls come from (the registry's own region, other regions of the same cloud, or outside
  the cloud) decides which transfer price applies.
- A month is **{hours} hours**; **1 GB = 1,000 MB**. Prices are {currency} on-demand
  list prices before tax, for the region you choose.
- Free allowances (included storage, free tiers) are subtracted before pricing, and the part says so.
- **Self-hosted registries** (Harbor, Nexus) cost servers, disks and engineer time. The server size,
  the hours and the hourly rate are assumptions: set your own under *More inputs*.
- Things that are not money but matter (a pull-rate limit, a missing feature) are listed as
  warnings next to the registry rather than priced.""").format(
        hours=f"{book.hours_per_month:g}", currency=book.currency
    )
)

st.subheader(_("Where the comparison comes from"))
st.markdown(
    _("""The app starts from **a practitioner's comparison of container registries** (first written in
Korean; the app uses an English rendering). It asks why a team would push images to a registry
instead of storing them in S3, and answers with:

- **a worked cost example**: one 500 MB image, 10 versions kept, 1,000 pulls a month. ECR costs
  \\$0.50 a month for storage and \\$0 to \\$10 for transfer; private GHCR about \\$1.13 when storage is
  billed. The app reproduces these figures to the cent (the *Worked example* preset);
- **a comparison table** with ratings out of 5 for AWS integration and use in practice (Features page);
- **decision rules** and three company cases: a startup on GHCR, a mid-size AWS company on ECR and a
  financial company on Harbor (Recommendation page, and the presets of the same names);
- **a GHCR to ECR migration** for a project going to production (Migration page).

The comparison rates how strongly each situation points to its registry from 1 to 3 (shown as
*rated 3 of 3*): 3 means the situation settles the choice (AWS production: ECR), 1 means it is a sensible
default that other needs can overturn (learning, demos, open source: GHCR). The Recommendation
page quotes these ratings.

Prices in the comparison are where the app began, not where it stops: every price was checked
against the vendor's own page, and where they disagree the vendor's page wins and the price
book below says so in its note.""")
)

if i18n.krw() is not None:
    st.caption(_("The worked example's figures are the comparison's own, in US dollars."))

st.subheader(_("The price book (version {version})").format(version=book.version))
st.caption(
    _(
        "Every price the figures use, with its unit, the date it was checked and its source. "
        "A share link records the price book it was made with, and says so when prices have changed since."
    )
)


def cell(text: str) -> str:
    """Plain text inside a Markdown table cell: pipes, dollar signs and line breaks made harmless."""
    return str(text).replace("|", "\\|").replace("$", "\\$").replace("\n", " ")


st.caption(
    _("Values, dates and sources are those of {region}, the region chosen in the sidebar.").format(
        region=regions.name(w.region)
    )
)
HEADERS = (N_("Price"), N_("Value"), N_("Unit"), N_("Checked"), N_("Source"), N_("Note"))
PRICE_TABLE = "price_book_table"  # the container's key: Streamlit gives it the class st-key-price_book_table


def phone_form_css() -> str:
    """The price table's phone form: on a screen up to 640 px each price is a card (its name, then value and
    unit on one line, then the date and the source, then the note), not six columns of 60 px each, where the
    Korean page set one syllable a line (seventh Korean review, 390 px). The desktop keeps the table."""
    t = f".st-key-{PRICE_TABLE}"
    label = {4: _("Checked"), 5: _("Source")}  # said before the date and the host, which have no header here
    before = "".join(
        f"{t} td:nth-child({i})::before {{ content: {json.dumps(text + ': ', ensure_ascii=False)}; color: #62605e; }}\n"
        for i, text in label.items()
    )
    # on every screen: a date is never broken ("202/6-/11-/29" at 1440 px: Korean's overflow-wrap reached it), a
    # host (its link inherited the Korean page's overflow-wrap: anywhere) breaks only at a space ("aws.amaz/on.co/m";
    # ninth review)
    return f"""<style>
{t} td:nth-child(4) {{ white-space: nowrap; }}
{t} td:nth-child(5), {t} td:nth-child(5) a {{ overflow-wrap: normal; }}
@media (max-width: 640px) {{
{t} table, {t} tbody, {t} tr, {t} td {{ display: block; width: auto; min-width: 0; }}
{t} table {{ border: none; }}
{t} thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }}
{t} tr {{ border-bottom: 1px solid #e3e3e3; padding: 0.5rem 0; }}
{t} td {{ border: none !important; padding: 0.1rem 0 !important; text-align: left !important; }}
{t} td:nth-child(1) {{ font-weight: 600; }}
{t} td:nth-child(2), {t} td:nth-child(3), {t} td:nth-child(4), {t} td:nth-child(5) {{ display: inline; }}
{t} td:nth-child(3)::before {{ content: " "; }}
{t} td:nth-child(3)::after {{ content: ""; display: block; }}
{t} td:nth-child(5)::before {{ margin-left: 0.75rem; }}
{t} td:nth-child(6) {{ color: #62605e; font-size: 0.9rem; }}
{before}}}
</style>"""


lines = ["| " + " | ".join(_(h) for h in HEADERS) + " |", "|---|---|---|---|---|---|"]
for k, p in book.prices.items():
    url, here = p.source_in(w.region), p.regional.get(w.region)
    host = url.split("/")[2] if url.startswith("http") else url
    if here is not None and here.secondary:
        host = _("{host} (secondary source)").format(host=host)
    # a regional price's figure alone: the caption above names the region, which every row repeated (ninth review)
    value = p.value[w.region] if isinstance(p.value, dict) and p.by is None else p.value
    note = labels.plain(i18n.text(p.note))
    if here is not None and here.stand_in:
        note = _("No source read gives this figure for {region}: {other} figure stands in. {note}").format(
            region=regions.name(w.region), other=regions.name(here.stand_in), note=note
        )
    lines.append(
        f"| {cell(labels.price_name(k))} | {cell(labels.price_value(value, p.by, book.regions))} "
        f"| {cell(p.shown_unit)} "
        f"| {p.as_of_in(w.region)} | [{cell(host)}]({url}) | {cell(note.strip())} |"
    )
with st.container(key=PRICE_TABLE):
    st.html(phone_form_css())
    st.markdown("\n".join(lines))

st.subheader(_("Assumptions you may want to change"))
onetime = timeline.onetime()
st.markdown(
    _(
        "One-time setup effort, in engineer hours (used by *Over time* and *Migration*, priced at "
        "{rate} an hour, your *Engineer hourly rate*):"
    ).format(rate=labels.money(w.engineer_hourly_rate, prose=True))
)
st.dataframe(
    pd.DataFrame(
        [
            {
                "Registry": registry_name(r),
                "Setup hours": labels.number(v["hours"], 1),
                "Why": labels.plain(i18n.text(v["note"])),
            }
            for r, v in onetime["setup_hours"].items()
        ]
    ),
    hide_index=True,
    width="stretch",
    column_config={
        "Registry": _("Registry"),
        "Setup hours": _("Setup hours"),
        "Why": st.column_config.TextColumn(_("Why"), width="large"),
    },
)
m = onetime["migration"]
st.markdown(
    _(
        "Moving images between registries: {base} hour for the first repository (the comparison's GHCR to "
        "ECR move took about an hour) and {extra} hour for each further one."
    ).format(base=labels.number(m["base_hours"], 1), extra=labels.number(m["per_extra_repository_hours"], 2))
)

st.subheader(_("Open source"))
st.markdown(
    _(
        "The app, its price book and its decision rules are plain files in the project's repository: "
        "a price can be corrected in one place and every page, export and the command line follow."
    )
)
