"""Property tests: costs are finite and non-negative, monotone in what grows, and the
vectorised path agrees with the per-workload path."""

import dataclasses
import math
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lib.core.errors import InputError
from lib.inputs.workload import SPECS, from_dict
from lib.pricing import engine, registries
from lib.pricing.components import quantities
from tests.strategies import workloads

# HYPOTHESIS_EXAMPLES=1000 for a longer hunt than CI's
SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 60)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(workloads())
def test_every_cost_is_finite_and_not_negative(book, w):
    for r in engine.estimate(w, book).registries:
        for c in r.components:
            assert math.isfinite(c.monthly_cost) and c.monthly_cost >= 0, (r.id, c)


@SETTINGS
@given(workloads(), st.sampled_from(["pulls_per_month", "image_size_mb", "versions_kept"]), st.floats(1.0, 100.0))
def test_costs_never_fall_when_the_workload_grows(book, w, field, factor):
    grown_value = getattr(w, field) * factor
    if field == "versions_kept":
        grown_value = math.ceil(grown_value)
    grown = w.replace(**{field: min(grown_value, SPECS[field].max)})
    before, after = engine.estimate(w, book).totals(), engine.estimate(grown, book).totals()
    for rid in before:
        assert after[rid] >= before[rid] - 1e-9 * max(1.0, before[rid]), (rid, field, before[rid], after[rid])


@SETTINGS
@given(workloads())
def test_layer_aware_storage_never_exceeds_naive(w):
    q = quantities(w)
    assert q.stored_gb <= q.stored_gb_naive * (1 + 1e-12)


@SETTINGS
@given(st.lists(workloads(), min_size=1, max_size=12))
def test_vectorised_path_equals_per_workload_path(book, ws):
    many = engine.estimate_many(ws, book)
    for i, w in enumerate(ws):
        one = engine.estimate(w, book).totals()
        for rid in registries.IDS:
            assert np.isclose(many[rid].iloc[i], one[rid], rtol=1e-9, atol=1e-9), (i, rid, many[rid].iloc[i], one[rid])


def test_vectorised_components_sum_to_totals(book):
    ws = [
        from_dict({"network": n, "pulls_per_month": p}) for n in ("public", "nat", "endpoints") for p in (0, 1e3, 1e6)
    ]
    many = engine.estimate_many(ws, book, components=True)
    for rid in registries.IDS:
        parts = many[[c for c in many.columns if c.startswith(rid + ":")]].sum(axis=1)
        assert np.allclose(parts, many[rid])


# ---- Workload.replace is from_dict of the changed fields (issue 29: it only skips the unchanged) -----


def _change(draw_value, name):
    """A value for `name`, right or wrong, typed as a person's file or a link might have it."""
    spec = SPECS[name]
    good = {
        "choice": st.sampled_from(spec.choices or ("x",)),
        "bool": st.booleans(),
        "set": st.lists(st.sampled_from(spec.choices), unique=True) if spec.choices else st.just([]),
        "text": st.sampled_from([spec.default, "acme"]),
    }.get(spec.kind, st.floats(spec.min or 0.0, spec.max or 1.0) | st.integers(int(spec.min or 0), int(spec.max or 1)))
    bad = st.sampled_from(["x", -1, 1e400, float("nan"), None, "1,5", ["nope"], True])
    return draw_value(good | bad)


@st.composite
def _changes(draw):
    names = draw(st.lists(st.sampled_from([*SPECS, "no_such_field"]), max_size=4, unique=True))
    return {n: (draw(st.integers()) if n == "no_such_field" else _change(draw, n)) for n in names}


def _outcome(make):
    try:
        w = make()
    except InputError as e:
        return ("problems", tuple(e.problems))
    return ("workload", tuple((k, type(v), v) for k, v in w.__dict__.items()), hash(w))


@SETTINGS
@given(workloads(), _changes())
def test_replace_is_from_dict_of_the_changed_workload(w, changes):
    """The same fields, of the same types, or the same problems in the same order, as the reading
    of every field would give (what replace did before it skipped the unchanged ones)."""
    fast = _outcome(lambda: w.replace(**changes))
    assert fast == _outcome(lambda: from_dict({**dataclasses.asdict(w), **changes})), changes


def test_replace_changes_only_the_new_object():
    w = from_dict({"repositories": 3})
    other = w.replace(repositories=4, network="nat")
    assert (w.repositories, w.network, other.repositories, other.network) == (3, "public", 4, "nat")
    assert other == from_dict({"repositories": 4, "network": "nat"}) and w == from_dict({"repositories": 3})
    with pytest.raises(InputError, match="pull mix"):  # a mix that no longer sums to 1
        w.replace(internet_share=0.5)
    assert w.replace() == w and w.replace() is not w
