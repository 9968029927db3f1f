"""The Overview sends its chart's spec without making a plotly Figure (ui/chart._sent_spec, issue 29
fourth round): what reaches the browser must be byte for byte what the Figure would have sent."""

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest
import streamlit.elements.plotly_chart  # noqa: F401 - sets Streamlit's plotly template as the default, as a server does

from lib.inputs import presets
from lib.inputs.workload import DEFAULT, from_dict
from lib.presentation import charts
from lib.pricing import engine, features
from ui import chart


def _wire(fig) -> str:
    """What st.plotly_chart puts into its message: plotly.io.to_json of the figure's to_dict()."""
    return pio.to_json(fig.to_dict(), validate=False)


@pytest.mark.parametrize("horizontal", [False, True], ids=["standing", "across (phone)"])
@pytest.mark.parametrize("pid", list(presets.available()))
def test_the_spec_sent_is_the_figures(book, pid, horizontal):
    w, _ = presets.load(pid)
    e = engine.estimate(w, book)
    lacking = features.missing(["signing"])
    kw = dict(
        lacking=lacking,
        recommended=e.ranked()[1].id,
        other={e.ranked()[0].id: 1.0},
        other_name="As set up",
        horizontal=horizontal,
    )
    figure = charts.cost_breakdown(e, **kw)
    sent = chart._sent_spec(charts.cost_breakdown_spec(e, **kw))
    assert _wire(sent) == _wire(figure)
    assert "template" in json.loads(_wire(sent))["layout"]  # the default template is part of what is sent


def test_without_a_default_template_none_is_added(book, monkeypatch):
    monkeypatch.setattr(pio.templates, "default", None)
    e = engine.estimate(from_dict(DEFAULT.to_dict()), book)
    sent = chart._sent_spec(charts.cost_breakdown_spec(e))
    assert _wire(sent) == _wire(charts.cost_breakdown(e))
    assert "template" not in json.loads(_wire(sent))["layout"]


def test_a_specs_json_is_made_once_and_is_plotlys(book, monkeypatch):
    """Issue 29, fifth round: a cached spec's JSON is kept with it (ui/chart._Wire), so a rerun of a scenario
    seen before encodes nothing; what is sent stays plotly's own encoding of the dict, byte for byte."""
    made = []
    real = chart._real_to_json
    monkeypatch.setattr(chart, "_real_to_json", lambda *a, **k: made.append(1) or real(*a, **k))
    spec = charts.cost_breakdown_spec(engine.estimate(from_dict(DEFAULT.to_dict()), book))
    first = pio.to_json(chart._sent_spec(spec).to_dict(), validate=False)  # as st.plotly_chart calls it
    again = pio.to_json(chart._sent_spec(spec).to_dict(), validate=False)
    assert len(made) == 1 and again == first
    assert first == real(json.loads(json.dumps(chart._sent_spec(spec).to_dict())), validate=False)
    other = charts.cost_breakdown_spec(engine.estimate(from_dict({**DEFAULT.to_dict(), "repositories": 41}), book))
    assert pio.to_json(chart._sent_spec(other).to_dict(), validate=False) != first  # another spec: its own
    assert len(made) == 2
    # any other call goes to plotly's own function, unchanged
    assert pio.to_json({"data": []}, validate=False) == real({"data": []}, validate=False)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("field", ["image_size_mb", "pulls_per_month", "cross_region_share", "team_seats"])
def test_the_break_even_spec_sent_is_the_figures(book, field, lang):
    """Issue 29, sixth round: Break-even sends its chart as a spec too (no Figure per new scenario): the bytes
    are the Figure's (numpy arrays as plotly's typed arrays, every dict's keys in plotly's order,
    the axis titles as plotly stores them), on a log and a linear axis, faded lines, the "now" line, points."""
    import datetime as dt

    from lib.analyses import sensitivity
    from lib.core import i18n

    w = from_dict({**DEFAULT.to_dict(), "sweep_field": field, "required_features": ["signing"]})
    swept = sensitivity.sweep(w, field, book)
    points = sensitivity.break_evens(w, field, book, table=swept)
    krw = i18n.Krw(1400.0, dt.date(2026, 11, 20)) if lang == "ko" else None
    for log in (True, False) if sensitivity.RANGES[field][2] else (False,):
        for current in (getattr(w, field), None):
            with i18n.using(lang, krw=krw):
                args = (swept, points, field, sensitivity.UNITS[field], log, features.missing(["signing"]), current)
                figure = charts.break_even(*args)
                sent = chart._sent_spec(charts.break_even_spec(*args))
            assert _wire(sent) == _wire(figure)
            # and plotly's validators take the figure unchanged (the spec is not validated on a rerun)
            assert json.loads(_wire(go.Figure(figure.to_dict()))) == json.loads(_wire(figure))
    assert points or field != "pulls_per_month"  # the pulls sweep draws break-even points
    assert '"bdata"' in _wire(sent)  # the swept values went as typed arrays, as the Figure sends them
