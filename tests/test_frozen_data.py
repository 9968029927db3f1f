"""Cached documents are read-only: a loader's cache hands every caller the same object, so a
caller that could change it would change what the next caller reads (features.parse used to
rewrite its cached document in place)."""

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

import pytest
import yaml

from lib.analyses import migration, timeline
from lib.core import i18n
from lib.core.frozen import TextDocument, freeze
from lib.decide import decision
from lib.inputs import presets, regions
from lib.pricing import features

SCALARS = (str, int, float, bool, type(None))


def assert_frozen(obj, where="document"):
    """Every container in `obj` is read-only: frozen dataclasses, tuples, read-only mappings."""
    if isinstance(obj, SCALARS):
        return
    if dataclasses.is_dataclass(obj):
        assert obj.__dataclass_params__.frozen, f"{where}: {type(obj).__name__} is not frozen"
        for f in dataclasses.fields(obj):
            assert_frozen(getattr(obj, f.name), f"{where}.{f.name}")
    elif isinstance(obj, TextDocument):  # read-only; its texts are read in the run's language
        for k in obj:
            assert_frozen(obj.both(k), f"{where}[{k!r}]")
    elif isinstance(obj, Mapping):
        assert isinstance(obj, MappingProxyType), f"{where}: a writable {type(obj).__name__}"
        for k, v in obj.items():
            assert_frozen(v, f"{where}[{k!r}]")
    elif isinstance(obj, tuple | frozenset):
        for i, v in enumerate(obj):
            assert_frozen(v, f"{where}[{i}]")
    else:
        raise AssertionError(f"{where}: a writable {type(obj).__name__}")


LOADERS = {
    "decision tree": decision.load,
    "feature matrix": features.load,
    "migrations": migration.data,
    "one-time assumptions": timeline.onetime,
    "presets": presets._names,
    "region map": regions.load,
}


@pytest.mark.parametrize("name", LOADERS)
def test_every_cached_document_is_read_only_all_the_way_down(name):
    assert_frozen(LOADERS[name](), name)


def test_the_check_itself_finds_a_writable_container():
    with pytest.raises(AssertionError, match=r"\['a'\]\[1\]: a writable list"):
        assert_frozen(MappingProxyType({"a": (1, [2])}))
    with pytest.raises(AssertionError, match="a writable dict"):
        assert_frozen({"a": 1})
    assert_frozen(freeze({"a": [1, {"b": [2, {3}]}]}))
    assert_frozen(freeze({"a": [1, {"b": [2, {"en": "x", "ko": "엑스"}]}]}, texts=True))


def test_changing_the_decision_tree_raises_and_the_next_call_is_unchanged():
    tree = decision.load()
    question = tree.nodes["platform"].question
    with pytest.raises(TypeError):
        tree.leaves["gar"] = tree.leaves["acr"]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        tree.nodes["platform"].question = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        tree.leaves["gar"].registries.append("quay")  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        tree.requirements["scanning"].fails["ecr"] = "changed"  # type: ignore[index]
    with pytest.raises(TypeError):
        tree.nodes["platform"].question["en"] = "changed"  # type: ignore[index]  # both languages are read-only
    again = decision.load()
    assert again is tree and again.nodes["platform"].question == question
    assert i18n.text(question) == "Where do the workloads run?"
    assert again.leaves["gar"].registries == ("gar",)
    assert "ecr" not in again.requirements["scanning"].fails


def test_changing_the_feature_matrix_raises_and_the_next_call_is_unchanged():
    m = features.load()
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.registries["ghcr"]["scanning"].value = "yes"  # type: ignore[misc]
    with pytest.raises(TypeError):
        m.registries["ghcr"]["scanning"] = m.registries["ecr"]["scanning"]  # type: ignore[index]
    with pytest.raises(TypeError):
        m.features["scanning"] = "changed"  # type: ignore[index]
    assert features.load().registries["ghcr"]["scanning"].value == "no"
    assert features.missing(["scanning"])["ghcr"] == ["Vulnerability scanning"]


def test_parsing_the_feature_matrix_leaves_its_input_alone():
    # YAML 1.1 reads `yes` as True: parse maps it to "yes" in its own copy, not in the caller's document
    doc = yaml.safe_load(open(features.DEFAULT_PATH))
    assert doc["registries"]["ecr"]["scanning"]["value"] is True
    m = features.parse(doc, "f.yaml")
    assert doc["registries"]["ecr"]["scanning"]["value"] is True
    assert m.registries["ecr"]["scanning"].value == "yes"


def test_changing_the_migration_commands_or_assumptions_raises_and_the_next_call_is_unchanged():
    d = migration.data()
    with pytest.raises(TypeError):
        d["addresses"]["ghcr"] = "evil.example/{repository}"  # type: ignore[index]
    with pytest.raises(AttributeError):
        d["generic"].append(("extra", "rm -rf /"))  # type: ignore[attr-defined]
    assert migration.data()["addresses"]["ghcr"] == "ghcr.io/{owner}/{repository}"
    assert len(migration.data()["generic"]) == 7
    ot = timeline.onetime()
    with pytest.raises(TypeError):
        ot["setup_hours"]["harbor"]["hours"] = 0.0  # type: ignore[index]
    assert timeline.onetime()["setup_hours"]["harbor"]["hours"] == 40.0  # data/onetime.yaml
