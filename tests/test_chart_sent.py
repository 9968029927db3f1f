"""The Overview sends its chart's spec without making a plotly Figure (ui/chart._sent_spec, issue 29
fourth round): what reaches the browser must be byte for byte what the Figure would have sent."""

import json

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
