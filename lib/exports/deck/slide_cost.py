"""The cost slides: every registry's monthly cost, its breakdown, and scenario B beside it."""

from __future__ import annotations

from ...analyses.analysis import Analysis, analyse
from ...core.i18n import _, ngettext
from ...inputs.workload import Workload
from ...presentation import wording
from ...pricing import registries
from ...pricing.labels import money, percent
from .frame import _Deck
from .layout import CONTENT_W, _slide, lines_needed
from .pptx_charts import breakdown_chart, compare_chart, cost_chart, lacking, lacking_key


def cost_slide(deck: _Deck) -> None:
    """Monthly cost by registry: every bar as described, so say so when the recommendation
    changes the setup (else the slide contradicts slide 1)."""
    w, a = deck.w, deck.a
    r = a.recommendation
    rec_est = a.estimate[r.recommended]
    top_comp = max(rec_est.components, key=lambda c: c.monthly_cost, default=None)
    parts = [wording.drivers(w)]
    if top_comp is not None and rec_est.monthly_cost > 0:
        facts = dict(
            part=top_comp.name,
            share=percent(top_comp.monthly_cost / rec_est.monthly_cost),
            registry=registries.name(r.recommended),
        )
        parts.append(
            _("{part} is {share} of {registry}'s cost as described").format(**facts)
            if a.setup
            else _("{part} is {share} of {registry}'s cost").format(**facts)
        )
    if a.setup:
        parts.append(
            _("recommended {setup}: {cost} a month").format(
                setup=wording.setup(dict(a.setup)), cost=money(a.cost, prose=True)
            )
        )
    s = _slide(deck.prs, _("Monthly cost by registry, cheapest first"), " · ".join(parts + lacking_key(lacking(a))))
    cost_chart(s, a)
    deck.footer(s)


def breakdown_slide(deck: _Deck) -> None:
    """Where the money goes: each registry's cost by component."""
    s = _slide(
        deck.prs,
        _("Where the money goes"),
        " · ".join([_("Monthly cost by component"), wording.drivers(deck.w), *lacking_key(lacking(deck.a))]),
    )
    breakdown_chart(s, deck.a)
    deck.footer(s)


def scenario_b_slide(deck: _Deck, b: Workload | Analysis) -> None:
    """What scenario B changes, A and B side by side, each registry in its best setup as on the
    other slides (or as set up now: the view): B's analysis when given (nothing priced again), else
    B's workload analysed once here."""
    w = deck.w
    b_analysis = b if isinstance(b, Analysis) else analyse(b, deck.book)
    tb = b_analysis.shown.totals()
    b = b_analysis.workload
    what = wording.changes(w, b) or _("nothing")
    title = _("Scenario B: {changes}").format(changes=what)
    if lines_needed(title, 22, CONTENT_W) > 2:  # many changes: the legend lists them
        n = what.count("; ") + 1
        title = ngettext("Scenario B: {n} change against A", "Scenario B: {n} changes against A", n).format(n=n)
    subtitle = _("A: as described, {drivers}.").format(drivers=wording.drivers(w))
    view = _("Each registry as set up now.") if w.view == "as_set_up" else _("Each registry in its cheapest setup.")
    marked = lacking(deck.a) | lacking(b_analysis)  # a hard requirement failed under A or B
    key = "".join(" " + k + "." for k in lacking_key(marked))
    s = _slide(deck.prs, title, subtitle + " " + view + key)
    compare_chart(s, deck.a.shown.totals(), tb, _("A: as described"), _("B: {changes}").format(changes=what), marked)
    deck.footer(s)
