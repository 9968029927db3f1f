"""Issue 19: each field's facts (type, label, unit, range, section, widget, sweep) live in its one spec,
and the tables the pages use are views of them. These check the facts hold together, so that a field
added or edited in one place cannot leave an input unplaced or a sweep outside what the field accepts."""

import dataclasses
import typing
from collections import Counter

import pytest

from lib.analyses import sensitivity
from lib.inputs import workload
from lib.inputs.workload import SHARE_FIELDS, SPECS, SWEEPS, Situation, Workload, from_dict
from ui import workload_inputs

PY_TYPES = {"float": float, "int": int, "choice": str, "bool": bool, "set": tuple[str, ...], "text": str}


def test_the_workload_is_one_flat_frozen_typed_dataclass_in_spec_order():
    hints = typing.get_type_hints(Workload)
    names = [f.name for f in dataclasses.fields(Workload)]
    assert names == list(SPECS)  # links, files and the CLI list fields in this order
    for name, spec in SPECS.items():  # what mypy sees agrees with how it is validated
        if spec.kind == "choice" and name != "region":  # a Literal of its choices (regions: the price book's)
            assert typing.get_args(hints[name]) == spec.choices, name
        elif spec.kind == "set":  # a tuple of a Literal's values
            assert typing.get_origin(hints[name]) is tuple and typing.get_args(typing.get_args(hints[name])[0]) == (
                spec.choices
            ), name
        else:
            assert hints[name] == PY_TYPES[spec.kind], name
    w = from_dict({"pulls_per_month": 2500, "runs_on": "gcp"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        w.pulls_per_month = 1.0  # type: ignore[misc]
    # each group is a typed part of the same fields; the situation is the decision tree's answers
    assert w.part(Situation) == Situation(runs_on="gcp")
    assert {f.name for g in workload.GROUPS for f in dataclasses.fields(g)} == set(SPECS)
    assert all(SPECS[f.name].group == g.GROUP for g in workload.GROUPS for f in dataclasses.fields(g))


@pytest.mark.parametrize("name", sorted(SWEEPS))
def test_every_sweep_stays_inside_what_its_field_accepts(name):
    spec, sweep = SPECS[name], SWEEPS[name]
    assert spec.kind in ("float", "int") and name in workload.NUMERIC
    assert spec.min <= sweep.lo < sweep.hi <= spec.max
    assert sweep.lo > 0 or not sweep.log  # a log axis cannot start at 0
    assert sweep.unit  # the Break-even sentence says "above 12,000 <unit>"
    for x in (sweep.lo, sweep.hi):  # both ends are workloads the engine accepts (the pull mix kept at 1)
        from_dict({name: x, "same_region_share": 1 - x} if name in SHARE_FIELDS else {name: x})


def test_the_sweep_page_offers_exactly_the_sweepable_fields():
    offered = SPECS["sweep_field"].choices
    assert sorted(offered) == sorted(SWEEPS) and len(set(offered)) == len(offered)
    assert set(sensitivity.RANGES) == set(sensitivity.UNITS) == set(SWEEPS)


def test_every_sidebar_input_belongs_to_exactly_one_section_in_a_definite_place():
    drawn = [name for _title, names, _expanded in workload_inputs.SECTIONS for name in names]
    assert not [n for n, c in Counter(drawn).items() if c > 1]
    assert {s.section for s in SPECS.values()} - {""} <= set(workload.SECTIONS)
    for section in workload.SECTIONS:
        places = sorted(s.place for s in SPECS.values() if s.section == section)
        assert places == list(range(1, len(places) + 1)), section  # no two inputs claim one place
    # every input that changes a cost or answers a question is drawn somewhere: in a sidebar section,
    # in the pull mix, or among the Recommendation page's questions (analysis settings: on their pages)
    shown = set(drawn) | set(SHARE_FIELDS) | set(workload_inputs.SITUATION)
    assert {n for n, s in SPECS.items() if s.group != "analysis"} <= shown
    assert not {n for n in SHARE_FIELDS if SPECS[n].section}  # the mix is drawn as one, not field by field


@pytest.mark.parametrize("position", ["question", "compare"])
def test_page_positions_are_distinct_and_contiguous(position):
    places = sorted(getattr(s, position) for s in SPECS.values() if getattr(s, position))
    assert places == list(range(1, len(places) + 1))


def test_widget_facts_fit_the_field():
    for name, s in SPECS.items():
        if s.percent:
            assert (s.kind, s.min, s.max) == ("float", 0, 1), name  # typed as 0..100 %
        if s.slider:  # a slider is for a small range a person can drag through
            assert s.kind in ("float", "int") and s.min is not None and s.max is not None, name
            assert s.percent or s.max - s.min <= 20, name
        if s.whole:
            assert s.kind == "float", name
        if s.kind in ("float", "int"):
            assert s.min is not None and s.max is not None and s.min < s.max, name
            assert s.min <= s.default <= s.max, name
