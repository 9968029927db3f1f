"""The break-even search's sweeps skip building a DataFrame of workloads (engine.estimate_varying):
they must give the same totals, to the last bit, as the general vectorised path they replace."""

import numpy as np
import pytest

from lib.analyses import sensitivity
from lib.inputs import presets
from lib.inputs.workload import DEFAULT, from_dict
from lib.pricing import engine

CASES = [presets.load(pid)[0] for pid in presets.available()] + [
    from_dict(
        {
            **DEFAULT.to_dict(),
            "region": "ap-northeast-2",
            "network": "endpoints",
            "replica_regions": 2,
            "ecr_free_tier": False,
            "repositories": 300,
            "pulls_per_month": 3e6,
        }
    ),
]


@pytest.mark.parametrize("field", list(sensitivity.RANGES))
def test_sweep_equals_the_general_path_bit_for_bit(book, field):
    for w in CASES:
        xs = sensitivity.grid(w, field)
        fast = sensitivity.sweep(w, field, book, xs)
        general = engine.estimate_many(sensitivity.frame(w, field, xs), book)
        assert list(fast.columns) == list(general.columns)
        assert np.array_equal(fast.to_numpy(), general.to_numpy()), (w, field)


def test_only_numeric_fields_take_the_fast_path(book):
    with pytest.raises(ValueError, match="region"):
        engine.estimate_varying(DEFAULT, {"region": ["us-east-1"]}, book)
