"""A plotly chart with its exports: the toolbar's image button at slide size, and PNG / SVG
downloads rendered on the server only when clicked."""

from __future__ import annotations

import functools
import re
import threading
from collections import OrderedDict
from typing import Any, cast

import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st
from _plotly_utils.utils import convert_to_base64  # type: ignore[import-untyped]

from lib.analyses import scenario_cache
from lib.core.i18n import _
from lib.exports import export
from lib.presentation import charts
from lib.presentation.palette import TEXT

from . import language


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart"


# A chart with a phone's form (show(narrow=...)) sends both; the screen's width picks which is drawn, as the
# server cannot know it: up to Streamlit's own narrow-screen width, where the sidebar turns into an overlay.
NARROW_MAX = 640
# Chart text at 4.5:1 contrast or better: Streamlit's chart theme draws ticks, axis titles and
# legends in a light grey (about 3.7:1 on white). A style sheet beats the inline fill plotly
# writes, costs nothing per rerun (setting the colours on each figure cost ~10 ms a chart) and
# leaves exported pictures alone (they have their own template). Sent once per run by the frame, with
# ui/accessibility's style sheet. On a phone plotly's tool bar (zoom, PNG) covered the chart's title and
# caption (sixth Korean review): it is hidden there; the Export page gives the pictures. A table's own tool bar
# (search, download, full screen: useful on a phone) stands 44 px above the table, where on a phone it covered
# the caption or heading above (sixth review): there the table leaves it that room. Coloured text such as the
# swatches in line labels sits in <tspan>s and keeps its colour. A table with a phone's form (ui/table.show_both) is
# two tables, one hidden by width like a chart's two forms.
CSS = f"""<style>
.js-plotly-plot .xtick text, .js-plotly-plot .ytick text, .js-plotly-plot .g-xtitle text,
.js-plotly-plot .g-ytitle text, .js-plotly-plot .legendtext, .js-plotly-plot .legendtitletext,
.js-plotly-plot .gtitle {{ fill: {TEXT} !important; }}
@media (max-width: {NARROW_MAX}px) {{ [class*="st-key-widechart_"] {{ display: none; }} }}
@media (max-width: {NARROW_MAX}px) {{ .js-plotly-plot .modebar-container {{ display: none; }} }}
@media (min-width: {NARROW_MAX + 1}px) {{ [class*="st-key-narrowchart_"] {{ display: none; }} }}
@media (max-width: {NARROW_MAX}px) {{ [class*="st-key-tables_"] > :first-child {{ display: none; }} }}
@media (min-width: {NARROW_MAX + 1}px) {{ [class*="st-key-tables_"] > :last-child {{ display: none; }} }}
@media (max-width: {NARROW_MAX}px) {{ .stElementContainer:has(> [data-testid="stFullScreenFrame"] > .stDataFrame) {{
  margin-top: 2.75rem; }} }}
</style>"""


@functools.cache
def _renderer_available() -> bool:
    """Looked up once per process, not per rerun (a PATH search: a stat per directory and name);
    a Chromium installed later is found after a restart."""
    return export.renderer_available()


class _Wire(dict[str, Any]):
    """A figure's dict as sent, with its JSON kept once made: st.plotly_chart encodes the dict it is given
    on every rerun (`plotly.io.to_json`: ~1-2 ms for the Overview's 13 kB chart, twice with its phone form,
    issue 29 fifth round). Shared and never changed, like the figure it comes from."""

    __slots__ = ("json",)

    def __init__(self, d: dict[str, Any]) -> None:
        super().__init__(d)
        self.json: str | None = None


_real_to_json = pio.to_json


def _to_json(fig: Any, *args: Any, **kwargs: Any) -> Any:
    """plotly.io.to_json, which st.plotly_chart looks up on every call, answering a _Wire from what it made
    of the same dict before (the same call's output: the bytes sent are the same). Any other figure or
    argument goes to plotly's own function."""
    if type(fig) is not _Wire or args or kwargs != {"validate": False}:
        return _real_to_json(fig, *args, **kwargs)
    if fig.json is None:  # two sessions at once may both make it: the same string
        fig.json = _real_to_json(fig, validate=False)
    return fig.json


if getattr(pio.to_json, "__name__", "") != "_to_json":  # once per process, not again on a module reload
    pio.to_json = _to_json


class _Sent(go.Figure):  # type: ignore[misc]  # plotly is untyped
    """A figure as the dict plotly makes of it, made once: st.plotly_chart asks a Figure for to_dict(),
    a deep copy of every trace and layout and a pass over the arrays, on every rerun (~1-2 ms a chart,
    issue 29). Only to_dict() is read (streamlit.elements.plotly_chart: the dict is serialised, never
    changed), so BaseFigure.__init__ is not run. The dict is a _Wire: its JSON is made once too."""

    def __init__(self, spec: dict[str, Any]) -> None:  # noqa: D107 - a figure already made
        object.__setattr__(self, "_sent_spec", _Wire(spec))

    def to_dict(self) -> dict[str, Any]:
        return cast(dict[str, Any], self._sent_spec)


def _sent(fig: go.Figure) -> go.Figure:
    """The figure to send, made once per figure object: a page's figures are not changed once shown,
    and the Overview's is shared by every session with the scenario (lib/scenario_cache.view)."""
    sent = fig.__dict__.get("_registry_sent")
    if sent is None:
        sent = _Sent(fig.to_dict())
        object.__setattr__(fig, "_registry_sent", sent)  # plotly's __setattr__ takes only its properties
    return cast(go.Figure, sent)


Spec = dict[str, Any]  # a figure as plain dicts: {"data": traces, "layout": layout} (charts.cost_breakdown_spec)
_TEMPLATES: dict[object, dict[str, Any] | None] = {}  # plotly's default template's dict, by its name


def _template() -> dict[str, Any] | None:
    """The layout.template plotly puts into every Figure made without one (Streamlit sets its own
    default), as Figure.to_dict() writes it: made once per process and default, not per figure."""
    name = pio.templates.default
    if name not in _TEMPLATES:
        _TEMPLATES[name] = go.Figure().to_dict()["layout"].get("template")
    return _TEMPLATES[name]


def _in_plotlys_order(d: dict[str, Any], last: str) -> dict[str, Any]:
    """A trace's or the layout's own keys as Figure.to_dict() writes them: sorted, `last` at the end."""
    return {**{k: d[k] for k in sorted(d) if k != last}, **({last: d[last]} if last in d else {})}


# (id(spec), plotly's default template's name) -> (spec, what is sent)
_SENT_SPECS: OrderedDict[tuple[int, object], tuple[Spec, go.Figure]] = OrderedDict()
_SENT_SPECS_SIZE = 2 * scenario_cache.SIZE  # as many as the scenario table's views: ~15 kB each
_sent_specs_lock = threading.Lock()


def _sent_spec(spec: Spec) -> go.Figure:
    """_spec_sent(spec), made once per spec object: a page's cached view (lib/scenario_cache.view) is the
    same dict on every rerun of its scenario, in every session, so its JSON is made once too (_Wire).
    The spec is kept with it: its id is not reused while the entry lives."""
    k = (id(spec), pio.templates.default)
    with _sent_specs_lock:
        found = _SENT_SPECS.get(k)
        if found is not None and found[0] is spec:
            _SENT_SPECS.move_to_end(k)
            return found[1]
    sent = _spec_sent(spec)
    with _sent_specs_lock:
        _SENT_SPECS[k] = (spec, sent)
        while len(_SENT_SPECS) > _SENT_SPECS_SIZE:
            _SENT_SPECS.popitem(last=False)
    return sent


def _spec_sent(spec: Spec) -> go.Figure:
    """What Figure(spec).to_dict() would send, without making the Figure (~4-5 ms a new scenario on the
    Overview, issue 29 fourth round): the spec with the default template, as the Figure adds it, and
    its keys in the Figure's order. tests/test_chart_sent.py holds the two byte for byte equal."""
    template = _template()
    layout = spec["layout"] if template is None else {**spec["layout"], "template": template}
    sent = {
        "data": [_in_plotlys_order(t, "type") for t in spec["data"]],
        "layout": _in_plotlys_order(layout, "template"),
    }
    # numpy arrays as plotly's typed arrays ({dtype, bdata}), as to_dict() sends them (Break-even's lines). The
    # traces and the layout are new dicts; a dict inside them is the spec's own, so an array there would be
    # converted in the spec itself (plotly takes either form): the specs made here hold theirs at a trace's top
    convert_to_base64(sent)
    return cast(go.Figure, _Sent(sent))


def _to_send(fig: go.Figure | Spec) -> go.Figure:
    return _sent_spec(fig) if isinstance(fig, dict) else _sent(fig)


def show(
    fig: go.Figure | Spec, key: str, name: str, subtitle: str = "", narrow: go.Figure | Spec | None = None
) -> None:
    """`name` names the downloaded files (English, like every file name the app writes). `fig` may be a
    Spec (a page's cached view): the Figure is made only when a picture is downloaded. `narrow`: the same
    figure in a phone's form (bars across, a legend below), drawn instead of `fig` on a screen up to
    NARROW_MAX px wide (issue 28); the downloads are `fig`'s, at slide size, on every screen."""
    filename = _slug(name)
    if isinstance(fig, dict):
        spec = fig

        def made() -> go.Figure:
            return charts.figure(spec["data"], spec["layout"])
    else:
        figure = fig

        def made() -> go.Figure:
            return figure

    config = {"toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "filename": filename}}
    if narrow is None:
        st.plotly_chart(_to_send(fig), width="stretch", key=key, config=config)
    else:  # a keyed element is marked st-key-<key>: the style sheet's media rules hide one of the two
        st.plotly_chart(_to_send(fig), width="stretch", key=f"widechart_{key}", config=config)
        st.plotly_chart(_to_send(narrow), width="stretch", key=f"narrowchart_{key}", config=config)
    ok = _renderer_available()
    why = None if ok else _("Needs Chromium on the server (apt-get install chromium).")
    c1, c2, _rest = st.columns([1, 1, 2])
    c1.download_button(
        "PNG 1920×1080",
        data=language.deferred(lambda: export.image(export.slide_figure(made(), subtitle), "png")),
        file_name=f"{filename}.png",
        mime="image/png",
        key=f"{key}_png",
        disabled=not ok,
        help=why,
        on_click="ignore",
        icon=":material/download:",
        width="stretch",
    )
    c2.download_button(
        "SVG",
        data=language.deferred(lambda: export.image(export.slide_figure(made(), subtitle), "svg")),
        file_name=f"{filename}.svg",
        mime="image/svg+xml",
        key=f"{key}_svg",
        disabled=not ok,
        help=why,
        on_click="ignore",
        icon=":material/download:",
        width="stretch",
    )
