"""Issue 23's typed pricing contract: registries read a typed scenario (Literal choices, numbers as
floats or arrays), a typo fails the type check, and no invalid scenario can be built."""

import math
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import numpy as np
import pytest

from lib.core.errors import InputError
from lib.inputs.workload import (
    NUMERIC,
    PRICED_CHOICES,
    REGISTRY_IDS,
    SPECS,
    PricingInputs,
    Workload,
    from_dict,
    priced_choices,
)
from lib.pricing import engine, registries
from lib.pricing.registries.spec import RegistrySpec

ROOT = Path(__file__).resolve().parent.parent


def _plant(source: str, shadow_dir: Path, old: str, new: str) -> list[str]:
    """A copy of `source` with one typo, and mypy's arguments to read it in the source's place."""
    text = (ROOT / source).read_text(encoding="utf-8")
    assert old in text, f"{source} no longer has {old!r}: move the planted typo"
    shadow = shadow_dir / Path(source).name
    shadow.write_text(text.replace(old, new, 1), encoding="utf-8")
    return ["--shadow-file", source, str(shadow)]


@pytest.mark.skipif(shutil.which("mypy", path=str(Path(sys.executable).parent)) is None, reason="needs mypy")
def test_a_typo_in_a_registry_module_fails_the_type_check(tmp_path):
    # lib/ with the typos planted: a misspelt field, a misspelt choice value, and a misspelt field in
    # the self-hosted infrastructure every Harbor and Nexus line shares. mypy reads each planted copy in the
    # module's place (--shadow-file); the tree is not touched, so the tests beside this one are not either.
    shadows = [
        *_plant(
            "lib/pricing/registries/ecr.py", tmp_path, 'if w.visibility == "public":', 'if w.visibilty == "pubic":'
        ),
        *_plant("lib/pricing/registries/acr.py", tmp_path, 'if w.acr_tier != "auto":', 'if w.acr_tier != "autto":'),
        *_plant("lib/pricing/registries/_selfhosted.py", tmp_path, "w.ops_hours_per_month", "w.ops_hour_per_month"),
    ]
    # a copy of the cache `make test`'s own mypy run has just written, when there is one: only the planted
    # modules and what imports them are checked again (5 s against ~50 s from nothing on a loaded machine)
    if (ROOT / ".mypy_cache").is_dir():
        shutil.copytree(ROOT / ".mypy_cache", tmp_path / "cache")
    mypy = Path(sys.executable).parent / "mypy"
    run = subprocess.run(
        [str(mypy), "--config-file", "mypy.ini", "--cache-dir", str(tmp_path / "cache"), *shadows, "lib"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    out = run.stdout
    assert "ecr.py:" in out and 'has no attribute "visibilty"; maybe "visibility"' in out
    assert "acr.py:" in out and "Non-overlapping equality check" in out and "Literal['autto']" in out
    assert "_selfhosted.py:" in out and 'has no attribute "ops_hour_per_month"' in out
    assert "Found 3 errors in 3 files" in out  # lib is otherwise clean: only the planted typos fail


def test_an_out_of_bound_scenario_cannot_be_constructed_directly():
    # the example: built without from_dict it used to price ECR at $0.00
    with pytest.raises(InputError) as e:
        Workload(visibility="pubic", image_size_mb=-1)  # type: ignore[arg-type]
    message = str(e.value)
    assert "visibility: must be one of private, public, got `pubic`" in message
    assert "image_size_mb: -1 is negative (must be at least 1 MB)" in message


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"repositories": 2.5}, "repositories: must be a whole number"),
        ({"image_size_mb": math.nan}, "image_size_mb: must be a number"),
        ({"image_size_mb": "500"}, "image_size_mb: must be a number"),  # text is read by from_dict, not here
        ({"pulls_per_month": 2e12}, "pulls_per_month: 2e+12 is too large (at most 1e+12)"),
        ({"ecr_free_tier": "yes"}, "ecr_free_tier: must be true or false"),
        ({"compliance": ("signing", "sox")}, "compliance: unknown item(s) `sox`"),
        ({"migrate_to": "quay"}, "migrate_to: must be one of ecr, ghcr"),
        ({"region": "mars-1"}, "region: must be one of us-east-1"),
        ({"same_region_share": 0.5}, "the three shares must sum to 1"),
    ],
)
def test_every_way_of_building_a_scenario_checks_it(changes, problem):
    with pytest.raises(InputError, match=problem.replace("(", r"\(").replace(")", r"\)").replace("+", r"\+")):
        Workload(**changes)
    if not isinstance(next(iter(changes.values())), str) or "region" in changes:  # from_dict reads text
        with pytest.raises(InputError):
            from_dict(changes)  # the file and link reader: the same problem


def test_replace_checks_too():
    with pytest.raises(InputError, match="layer_cache_hit: 2 is too large"):
        from_dict({}).replace(layer_cache_hit=2)


def test_choices_come_from_the_annotations():
    # a choice field's Spec.choices are its Literal's values, written once in the annotation
    hints = typing.get_type_hints(Workload)
    assert SPECS["visibility"].choices == ("private", "public")
    assert SPECS["migrate_from"].choices == REGISTRY_IDS == registries.IDS
    for name, spec in SPECS.items():
        if spec.kind == "choice" and name != "region":  # regions come from the price book
            assert spec.choices == typing.get_args(hints[name]), name


def test_the_vectorised_batch_has_every_member_pricing_reads():
    members = {n for n in dir(PricingInputs) if not n.startswith("_")}
    assert members <= set(NUMERIC) | set(PRICED_CHOICES)
    w = from_dict({})
    b = engine.batch(priced_choices(w.to_dict()), {k: np.array([getattr(w, k)]) for k in NUMERIC})
    assert all(hasattr(b, m) for m in members)


def test_every_registry_has_one_frozen_spec_that_the_tables_come_from():
    from dataclasses import FrozenInstanceError

    from lib.presentation import charts, palette

    for rid, m in registries.BY_ID.items():
        assert isinstance(m.SPEC, RegistrySpec) and m.SPEC.id == rid
        with pytest.raises(FrozenInstanceError):
            m.SPEC.name = "x"  # type: ignore[misc]
    assert palette.REGISTRY_COLOURS["ecr"] == registries.SPECS["ecr"].chart.colour == "#E69F00"
    assert charts.SHORT["acr"] == "ACR" and registries.SPECS["acr"].matrix_name == "Azure CR"
    assert registries.HOME_CLOUD == {"ecr": "aws", "gar": "gcp", "acr": "azure"}
