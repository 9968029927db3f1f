"""Share links and scenario files: round trips, and every kind of bad input."""

import os

import pytest
from hypothesis import HealthCheck, given, settings

from lib.core.errors import InputError
from lib.inputs import links, scenario
from lib.inputs.workload import DEFAULT, from_dict, lenient
from tests.strategies import workloads

# HYPOTHESIS_EXAMPLES=1000 for a longer hunt than CI's
SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 80)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def as_params(q: dict) -> dict:
    return {k: [v] for k, v in q.items()}


# ---- round trips ---------------------------------------------------------------------


@SETTINGS
@given(workloads())
def test_scenario_to_url_to_scenario_is_identity(w):
    parsed = links.from_query(as_params(links.to_query(w, "2026-11-29")))
    assert parsed.problems == []
    assert parsed.workload == w
    assert parsed.price_book == "2026-11-29"


@SETTINGS
@given(workloads(), workloads())
def test_comparison_scenario_round_trips_too(a, b):
    parsed = links.from_query(as_params(links.to_query(a, b=b)))
    assert parsed.workload == a
    assert (parsed.b or a) == b


@SETTINGS
@given(workloads())
def test_scenario_to_yaml_to_scenario_is_identity(w):
    back, meta = scenario.loads(scenario.dumps(w, meta={"price_book": "2026-11-29"}))
    assert back == w and meta == {"price_book": "2026-11-29"}


def test_defaults_are_left_out_of_links():
    assert links.to_query(DEFAULT) == {}
    q = links.to_query(DEFAULT.replace(image_size_mb=800.0, pulls_per_month=5000.0))
    assert links.query_string(q) == "image_size_mb=800&pulls_per_month=5000"


def test_a_hand_written_link_with_part_of_the_pull_mix():
    parsed = links.from_query({"cross_region_share": ["0.3"]})
    assert parsed.problems == []
    assert (parsed.workload.same_region_share, parsed.workload.cross_region_share) == (pytest.approx(0.7), 0.3)


# ---- bad links: each named, every other input kept ----------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("abc", "image_size_mb: must be a number written in digits 0-9, got `abc`"),
        ("-5", "image_size_mb: -5 is negative"),
        ("nan", "image_size_mb: must be a number written in digits 0-9, got `nan`"),
        ("inf", "image_size_mb: must be a number written in digits 0-9, got `inf`"),
        ("-inf", "image_size_mb: must be a number written in digits 0-9, got `-inf`"),
        ("1e300", "image_size_mb: 1e+300 is too large"),
        ("9" * 300, "image_size_mb: value longer than 200 bytes"),
    ],
)
def test_bad_link_value_is_named_and_the_rest_kept(raw, expected):
    parsed = links.from_query({"image_size_mb": [raw], "pulls_per_month": ["5000"], "region": ["ap-northeast-2"]})
    assert any(expected in p for p in parsed.problems), parsed.problems
    assert parsed.workload.image_size_mb == DEFAULT.image_size_mb
    assert parsed.workload.pulls_per_month == 5000 and parsed.workload.region == "ap-northeast-2"


def test_unknown_key_is_named_and_ignored():
    parsed = links.from_query({"colour": ["red"], "versions_kept": ["30"]})
    assert parsed.problems == ["`colour`: unknown parameter; ignored (parameters are scenario field names)"]
    assert parsed.workload.versions_kept == 30


def test_repeated_key_is_named_and_not_used():
    parsed = links.from_query({"versions_kept": ["30", "40"], "repositories": ["3"]})
    assert parsed.problems == ["versions_kept: given 2 times in the link (`30`, `40`); none was used"]
    assert parsed.workload.versions_kept == DEFAULT.versions_kept and parsed.workload.repositories == 3


def test_shares_that_cannot_sum_to_one_are_dropped_together():
    parsed = links.from_query({"same_region_share": ["0.9"], "cross_region_share": ["0.9"], "team_seats": ["4"]})
    assert any("sum to 1" in p for p in parsed.problems)
    assert parsed.workload.same_region_share == 1.0 and parsed.workload.team_seats == 4


def test_bad_choice_and_bad_set_item_are_named():
    parsed = links.from_query({"region": ["mars-1"], "compliance": ["signing,telepathy"]})
    assert any("region: must be one of" in p for p in parsed.problems)
    assert any("compliance: unknown item(s) `telepathy`" in p for p in parsed.problems)


# ---- bad uploads ---------------------------------------------------------------------


def test_upload_that_is_not_yaml():
    with pytest.raises(InputError, match=r"up.yaml: not valid YAML at line \d+"):
        scenario.parse_yaml(b"image_size_mb: [800\n", "up.yaml")


def test_upload_that_is_binary():
    with pytest.raises(InputError, match="not a text file"):
        scenario.parse_yaml(b"\xff\xfe\x00PNG", "up.yaml")


def test_upload_with_wrong_types_keeps_the_valid_fields():
    fields, _ = scenario.split_meta(
        scenario.parse_yaml(b"image_size_mb: big\nversions_kept: [1, 2]\npulls_per_month: 7000\n")
    )
    w, problems = lenient(fields)
    assert any("image_size_mb: must be a number" in p for p in problems)
    assert any("versions_kept: must be a number" in p for p in problems)
    assert w.pulls_per_month == 7000


def test_upload_with_a_python_tag_executes_nothing(tmp_path):
    marker = tmp_path / "pwned"
    doc = f"image_size_mb: !!python/object/apply:os.system ['touch {marker}']\n".encode()
    with pytest.raises(InputError, match="unsupported YAML tag"):
        scenario.parse_yaml(doc, "up.yaml")
    assert not marker.exists()


def test_upload_billion_laughs_is_refused_quickly():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    with pytest.raises(InputError, match="aliases .* are not allowed"):
        scenario.parse_yaml(bomb, "bomb.yaml")


def test_upload_larger_than_one_megabyte():
    big = b"# " + b"x" * 1_000_001 + b"\nimage_size_mb: 800\n"
    with pytest.raises(InputError, match="larger than the 100 KB limit"):
        scenario.parse_yaml(big, "big.yaml")


def test_upload_that_is_a_list_not_a_mapping():
    with pytest.raises(InputError, match="expected a mapping of field: value"):
        scenario.parse_yaml(b"- image_size_mb\n- 800\n")


def test_scenario_file_works_with_the_cli(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "s.yaml"
    path.write_text(scenario.dumps(from_dict({"versions_kept": 30}), meta={"price_book": "2026-11-29"}))
    out = subprocess.run(
        [sys.executable, "-m", "lib", "estimate", str(path), "--format", "json"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
