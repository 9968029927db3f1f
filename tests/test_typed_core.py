"""Issue 19's typed core: frozen quantities for one workload or many, categories checked where
components are made, and a protocol every registry module meets."""

import dataclasses

import numpy as np
import pytest

from lib.core.errors import DashboardError
from lib.inputs.workload import from_dict
from lib.pricing import engine, registries
from lib.pricing.components import (
    CATEGORIES,
    Component,
    Flag,
    Line,
    Quantities,
    UnknownCategory,
    quantities,
    say,
)


def test_quantities_are_frozen_and_hand_worked():
    # 3 repositories x 500 MB, 40% shared, 5 versions: 3 x 0.5 x (0.4 + 0.6 x 5) = 5.1 GB stored,
    # naive 3 x 5 x 0.5 = 7.5 GB; 1,000 pulls x 0.5 GB x (1 - 0.2 cache) = 400 GB pulled;
    # 10 pushes x 0.5 GB: 5 GB whole, x 0.6 changed = 3 GB
    w = from_dict(
        {
            "repositories": 3,
            "image_size_mb": 500,
            "shared_layer_fraction": 0.4,
            "versions_kept": 5,
            "pulls_per_month": 1000,
            "layer_cache_hit": 0.2,
            "pushes_per_month": 10,
        }
    )
    q = quantities(w)
    assert isinstance(q, Quantities)
    assert (
        q.stored_gb,
        q.stored_gb_naive,
        q.pulled_gb,
        q.pushed_gb,
        q.pushed_gb_naive,
        q.images_stored,
    ) == pytest.approx((5.1, 7.5, 400.0, 3.0, 5.0, 15))
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.stored_gb = 0.0  # type: ignore[misc]


def test_quantities_work_on_arrays_element_by_element():
    one = from_dict({"pulls_per_month": 1000, "image_size_mb": 200})
    two = from_dict({"pulls_per_month": 3000, "image_size_mb": 200})
    arrays = engine.workloads_frame([one, two])
    q = quantities(
        type("W", (), {k: arrays[k].to_numpy(dtype=float) for k in arrays.columns if arrays[k].dtype.kind in "if"})()
    )
    assert isinstance(q.pulled_gb, np.ndarray)
    assert list(q.pulled_gb) == pytest.approx([quantities(one).pulled_gb, quantities(two).pulled_gb])


def test_an_unknown_category_is_a_clear_error_not_a_missing_bar():
    with pytest.raises(UnknownCategory, match="'Egress' has category 'egress'; it must be one of storage"):
        Line("Egress", "egress", "GB", 1.0, 0.09)
    with pytest.raises(DashboardError):
        Component("Egress", "egress", "GB", 1.0, 0.09, 0.09)
    with pytest.raises(ValueError, match="severity 'fatal'"):
        Flag("x", "fatal", say("message"))


def test_every_registry_module_meets_the_protocol_and_every_line_has_a_known_category(book):
    assert all(isinstance(m, registries.RegistryModule) for m in registries.ALL)
    e = engine.estimate(from_dict({"replica_regions": 1, "scanning": "enhanced", "network": "nat"}), book)
    assert {c.category for r in e.registries for c in r.components} <= set(CATEGORIES)
