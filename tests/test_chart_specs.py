"""Figures built from plain dicts (lib/charts.figure skips plotly's validators on every rerun)
must still be figures plotly's validators accept unchanged: a misspelt property or a wrong
value would otherwise reach the browser silently."""

import plotly.graph_objects as go
import pytest

from lib.inputs import presets
from lib.inputs.workload import DEFAULT, from_dict
from lib.presentation import charts
from lib.pricing import engine, features


def _pruned(v):
    """Drop empty dicts, as plotly's validators do (e.g. `xaxis: {title: {}}`)."""
    if isinstance(v, dict):
        out = {k: _pruned(x) for k, x in v.items()}
        return {k: x for k, x in out.items() if x != {}}
    if isinstance(v, (list, tuple)):
        return [_pruned(x) for x in v]
    return v


def _validated_unchanged(fig: go.Figure) -> None:
    spec = fig.to_dict()
    validated = go.Figure(spec).to_dict()  # raises ValueError on an unknown property or a bad value
    assert _pruned(validated) == _pruned(spec)


@pytest.mark.parametrize("pid", list(presets.available()))
def test_cost_breakdown_passes_plotlys_validators(book, pid):
    w, _ = presets.load(pid)
    _validated_unchanged(charts.cost_breakdown(engine.estimate(w, book)))


def test_cost_breakdown_with_lacking_features_and_a_subset_passes_the_validators(book):
    w = from_dict({**DEFAULT.to_dict(), "required_features": ["signing", "no_pull_rate_limit"]})
    e = engine.estimate(w, book)
    lacking = features.missing(w.required_features)
    assert any(lacking.values())  # some registries are faded: the opacity list is exercised
    fig = charts.cost_breakdown(e, registry_ids=["ecr", "ghcr", "dockerhub"], lacking=lacking)
    _validated_unchanged(fig)
    assert len(fig.data[0].x) == 3


def test_a_misspelt_property_is_caught_by_the_check():
    fig = charts.figure([{"type": "bar", "x": [1], "yy": [2]}], {})
    with pytest.raises(ValueError):
        _validated_unchanged(fig)
