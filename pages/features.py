"""Feature matrix: the comparison's table and the features a reviewer checks, all at once."""

import html
from collections.abc import Collection, Mapping

import streamlit as st

from lib.analyses import scenario_cache
from lib.core.i18n import N_, _, text
from lib.decide import decision_text
from lib.pricing import features, labels
from lib.pricing.registries import IDS, SPECS, name as registry_name
from ui import shell, workload_inputs

TITLE = N_("Features")
ICON = ":material/checklist:"
ORDER = 60  # place in the menu

w, book = shell.page()
m = features.load()
st.title(_("Feature matrix"))

MARKS = {  # symbol, word for screen readers, colour (at least 4.5:1 on white); words translated where shown
    "yes": ("✓", N_("yes"), "#17692F"),
    "partial": ("◐", N_("partial"), "#8A4B00"),
    "no": ("✗", N_("no"), "#B3261E"),
}


def mark(value: str) -> str:
    """The cell's symbol; a partial one says its word too ("◐ partial"), in the run's language."""
    return MARKS[value][0] + (" " + _("partial") if value == "partial" else "")


def _cell_mark(value: str) -> str:
    """mark(), its word in a span a phone hides (the legend above says what ◐ means; the link's label says it
    too): "◐ 부분 지원" in every partial cell made the table about 860 px wide on a 390 px screen (sixth review)."""
    return MARKS[value][0] + (
        f'<span class="fm-word"> {html.escape(_("partial"))}</span>' if value == "partial" else ""
    )


def _not_here(r: str, f: str, unmet: features.Unmet) -> str:
    """Why registry r does not meet required feature f for this workload, in the decision's words ("" if it does)."""
    if f in unmet.lacking:
        return decision_text.lacks_features([f])
    if f in unmet.partial:
        return decision_text.lacks_features([], [f])
    if f in unmet.elsewhere:
        return decision_text.lacks_features([], [], [f], cloud=SPECS[r].home_cloud or "")
    return ""


def matrix_html(required: Collection[str], unmet: Mapping[str, features.Unmet]) -> str:
    """Every feature (rows) for every registry (columns), each cell a coloured mark linking to
    its source, with the note and the source in the tooltip. In a required row, a cell the workload cannot
    count on is boxed in red, its tooltip saying why (ninth Korean review: Artifact Registry's ✓ stood under a
    list that set it aside, its endpoint being a Google VPC's and the workloads on AWS)."""
    head = "".join(
        f'<th scope="col" title="{html.escape(registry_name(r))}">{html.escape(_(SPECS[r].matrix_name))}</th>'
        for r in IDS
    )
    feature = html.escape(_("Feature"))  # outside the f-string below: extraction cannot see into one
    rows = []
    for f, name in ((f, text(n)) for f, n in m.features.items()):
        cells = []
        for r in IDS:
            cell = m.registries[r][f]
            _symbol, word, colour = MARKS[cell.value]
            why = _not_here(r, f, unmet[r]) if f in required else ""
            tip = html.escape(
                _("{registry}, {feature}: {value}. {note}. Source: {source}").format(
                    registry=registry_name(r), feature=name, value=_(word), note=text(cell.note), source=cell.source
                )
                + (" " + _("Not for this workload: {why}.").format(why=why) if why else ""),
                quote=True,
            )
            box = ' class="miss"' if why else ""
            cells.append(
                f'<td{box}><a href="{html.escape(cell.source, quote=True)}" target="_blank" rel="noopener" '
                f'title="{tip}" aria-label="{tip}" style="color:{colour}">{_cell_mark(cell.value)}</a></td>'
            )
        req = ' <span class="req">' + html.escape(_("required")) + "</span>" if f in required else ""
        rows.append(f'<tr><th scope="row">{html.escape(name)}{req}</th>{"".join(cells)}</tr>')
    return f"""<style>
.fm-wrap {{ overflow-x: auto;
  /* a shadow at the right edge while columns lie beyond it (a phone shows five of eight registries: the eighth
     Korean review saw no sign that the table scrolls); the white end, which moves with the table, covers it
     once the last column is in view */
  background: linear-gradient(to left, #fff 40%, rgba(255, 255, 255, 0)) 100% 0 / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.25), rgba(0, 0, 0, 0)) 100% 0 / 1rem 100% no-repeat
    scroll; }}
.fm {{ border-collapse: collapse; width: 100%; font-size: 0.95rem; color: #262730; }}
.fm th, .fm td {{ border-bottom: 1px solid #E3E3E3; padding: 6px 5px; text-align: center; white-space: nowrap; }}
.fm th[scope=row] {{ text-align: left; font-weight: 600; white-space: normal; min-width: 9rem;
  position: sticky; left: 0; background: #fff; z-index: 1; }}  /* the feature stays in view while the table scrolls */
.fm thead th {{ font-weight: 600; vertical-align: bottom; white-space: normal; overflow-wrap: normal;
  min-width: 4.5rem; }}
/* a name breaks only between words ("Harbo/r" and one letter a line on a phone were the Korean
   page's overflow-wrap: anywhere); a narrow window scrolls the table instead (issue 28) */
.fm td a {{ text-decoration: none; font-weight: 700; font-size: 1.05rem; }}
.fm td a:hover, .fm td a:focus {{ text-decoration: underline; }}
@media (max-width: 640px) {{ .fm .fm-word {{ display: none; }} .fm th[scope=row] {{ min-width: 7rem; }}
  .fm thead th {{ min-width: 2.75rem; font-size: 0.8rem; }} .fm th, .fm td {{ padding: 6px 3px; }} }}
.fm td.miss a {{ outline: 2px solid #B3261E; outline-offset: 2px; border-radius: 3px; }}
.fm .req {{ font-size: 0.75rem; font-weight: 600; color: #1C4E80; \
border: 1px solid #1C4E80; border-radius: 4px; padding: 0 4px; }}
</style><div class="fm-wrap"><table class="fm"><thead><tr><th scope="col">{feature}</th>{head}</tr></thead>
<tbody>{"".join(rows)}</tbody></table></div>"""


st.subheader(_("What you require"))
workload_inputs.field("required_features")
if w.required_features:
    # every hard requirement, read off the decision (the features required, by features.unmet, and its own: S3 +
    # docker save has every feature asked for and is still no registry; eighth Korean review, "meets every
    # requirement" here and "fails" on every other page). The Overview's analysis, shared: priced once.
    failures = scenario_cache.analysis(w, book).recommendation.failures
    ok = [registry_name(r) for r in IDS if not failures.get(r)]
    st.write(_("**Meet every requirement:** {registries}").format(registries=", ".join(ok) if ok else _("none")))
    for r in IDS:
        if failures.get(r):  # in the decision's own words: a feature missing, had only in part or only elsewhere
            st.write("✗ " + _("{registry}: {why}").format(registry=registry_name(r), why="; ".join(failures[r])))
    st.caption(_("Registries that lack a requirement are also marked ✗ on every chart and in the deck."))

st.subheader(_("Features"))
unmet = features.unmet(w)  # the decision's one rule, per registry: what a boxed cell says
st.caption(
    _(
        "✓ yes · ◐ partial: not by default (a tier, an add-on or a workaround) · ✗ no. Only ✓ meets a requirement. "
        "Point at a mark for its note and source; click it to open the source."
    )
    + (
        " "
        + _(
            "In a required row, a mark boxed in red does not meet the requirement for this workload (had only in "
            "part on the tier priced, or only inside another cloud than the workloads'): the list above says why."
        )
        if any(unmet[r] for r in IDS)
        else ""
    )
)
st.html(matrix_html(set(w.required_features), unmet))
with st.expander(_("Notes for every partial and missing feature")):
    for r in IDS:
        gaps = [(text(m.features[f]), c) for f, c in ((f, m.registries[r][f]) for f in m.features) if c.value != "yes"]
        if gaps:
            st.markdown(f"**{registry_name(r)}**")
            st.markdown(
                "\n".join(
                    (
                        "- "
                        + _("{mark} {feature}: {note} ([source]({source}))").format(
                            mark=mark(c.value), feature=name, note=text(c.note), source=c.source
                        )
                    ).replace("$", "\\$")
                    for name, c in gaps
                )
            )

st.subheader(_("The comparison's own table"))
st.caption(_("Ratings out of 5, as the comparison this app starts from gives them (the About page says more)."))
doc = features.document_table(m)
for col in ("cost", "recommended_for"):
    doc[col] = doc[col].map(labels.plain)
st.dataframe(
    doc,
    hide_index=True,
    width="stretch",
    column_config={
        # pixel widths that fit 978 px (the main column at 1440 px): "large" pushed the last column out, and
        # 300 px cut the longest Korean "recommended for" (issue 28, fifth review)
        "registry": st.column_config.TextColumn(_("Registry"), width=186, pinned=True),
        "provider": st.column_config.TextColumn(_("Provider"), width=76),
        "cost": st.column_config.TextColumn(_("Cost"), width=130),
        "aws_integration": st.column_config.ProgressColumn(
            _("AWS integration"), min_value=0, max_value=5, format="%d / 5", width=110
        ),
        "usage": st.column_config.ProgressColumn(
            _("Use in practice"), min_value=0, max_value=5, format="%d / 5", width=110
        ),
        "recommended_for": st.column_config.TextColumn(_("Recommended for"), width=360),
    },
)
