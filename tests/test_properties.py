"""Property tests: costs are finite and non-negative, monotone in what grows, and the
vectorised path agrees with the per-workload path."""

import math
import os

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib import engine, registries
from lib.components import quantities
from lib.workload import SPECS, from_dict
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
