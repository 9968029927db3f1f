"""data/onetime.yaml: a file that cannot be used is a project error naming the file and the entry,
which the CLI prints as one line (issue 19), never a traceback."""

import pytest
import yaml

from lib import cli
from lib.analyses import timeline
from lib.core.errors import DashboardError

GOOD = yaml.safe_load(timeline.ONETIME_PATH.read_text(encoding="utf-8"))


def _without(path: str):
    doc = yaml.safe_load(timeline.ONETIME_PATH.read_text(encoding="utf-8"))
    *parents, last = path.split(".")
    node = doc
    for k in parents:
        node = node[k]
    del node[last]
    return doc


BAD = {  # document, the entry the message must name
    "not a mapping": (["setup_hours"], "must be a mapping"),
    "registry missing": (_without("setup_hours.harbor"), "setup_hours: has no entry for harbor"),
    "hours a word": (
        {**GOOD, "setup_hours": {**GOOD["setup_hours"], "ecr": {"hours": "one"}}},
        "setup_hours.ecr.hours",
    ),
    "hours negative": ({**GOOD, "setup_hours": {**GOOD["setup_hours"], "gar": {"hours": -1}}}, "setup_hours.gar.hours"),
    "entry not a mapping": ({**GOOD, "setup_hours": {**GOOD["setup_hours"], "acr": 3}}, "setup_hours.acr.hours"),
    "no migration": (_without("migration"), "migration: missing"),
    "migration number missing": (_without("migration.base_hours"), "migration.base_hours"),
    "copy speed zero": (
        {**GOOD, "migration": {**GOOD["migration"], "copy_mb_per_second": 0}},
        "migration.copy_mb_per_second",
    ),
}


def test_the_shipped_file_is_accepted():
    assert timeline.parse_onetime(GOOD, "onetime.yaml") is GOOD


@pytest.mark.parametrize("case", BAD)
def test_a_bad_document_names_the_file_and_the_entry(case, tmp_path):
    doc, entry = BAD[case]
    path = tmp_path / "onetime.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(DashboardError) as err:
        timeline.onetime(path)
    assert str(path) in str(err.value) and entry in str(err.value), err.value


def test_yaml_that_does_not_parse_names_the_file(tmp_path):
    path = tmp_path / "onetime.yaml"
    path.write_text("setup_hours: [unclosed\n", encoding="utf-8")
    with pytest.raises(DashboardError, match="onetime.yaml: not readable as YAML"):
        timeline.onetime(path)


def test_the_cli_export_says_one_line_for_a_bad_onetime_file(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "onetime.yaml"
    bad.write_text(yaml.safe_dump(_without("setup_hours.nexus")), encoding="utf-8")
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text("versions_kept: 3\n", encoding="utf-8")
    monkeypatch.setattr(timeline, "ONETIME_PATH", bad)
    timeline.onetime.cache_clear()
    try:
        code = cli.main(["export", str(scenario), "--pptx", str(tmp_path / "deck.pptx")])
    finally:
        timeline.onetime.cache_clear()
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.splitlines() == [f"error: {bad}: setup_hours: has no entry for nexus"], err
    assert not (tmp_path / "deck.pptx").exists()
