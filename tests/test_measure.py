"""Measuring a scenario from registry inventories: each format on fixtures written to the vendor's
documented schema, with the expected figures worked out by hand in each test."""

import io
import json
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lib import measure
from lib.core.errors import InputError
from lib.inputs import scenario
from lib.measure import Source, jsondocs as measure_jsondocs, sources as measure_sources
from lib.pricing.components import quantities

FIX = Path(__file__).resolve().parent / "fixtures" / "inventory"


def values(*paths):
    return measure.measure_paths([FIX / p for p in paths]).values()


def not_measured(result):
    return dict(result.not_measured)


# ---- each format -------------------------------------------------------------------------


def test_ecr_cli_v2_iso_timestamps():
    r = measure.measure_paths([FIX / "ecr"])
    v = r.values()
    # api: 3 images; worker: 50 MB + an index whose two platform images (60, 40 MB) are listed too:
    # the index is set aside, so worker keeps 3 images. 6 images / 2 repositories = 3.
    assert v["repositories"] == 2
    assert v["versions_kept"] == 3
    # (100 + 120 + 110 + 50 + 60 + 40) MB / 6 = 480 / 6 = 80 MB
    assert v["image_size_mb"] == pytest.approx(80.0)
    # 6 pushes between 2025-01-01 and 2025-01-31 (30 days): 6 / 30 * 30 = 6 a month
    assert v["pushes_per_month"] == pytest.approx(6.0)
    assert "shared_layer_fraction" in not_measured(r)  # sizes only: no layer lists
    assert any("set aside" in n for n in r.notes)
    src = {m.field: m.source for m in r.measured}
    assert "AWS CLI describe-images" in src["image_size_mb"] and "describe-images.json" in src["image_size_mb"]


def test_ecr_cli_v1_epoch_seconds():
    v = values("ecr-v1")
    assert (v["repositories"], v["versions_kept"]) == (1, 2)
    assert v["image_size_mb"] == pytest.approx((200 + 300) / 2)  # 250 MB
    # 1735689600 = 2025-01-01, 1736985600 = 2025-01-16: 2 pushes in 15 days = 4 per 30 days
    assert v["pushes_per_month"] == pytest.approx(2 / 15 * 30)


def test_ecr_listings_one_after_the_other_in_one_file():
    # what `for r in ...; do aws ecr describe-images --repository-name "$r"; done > all.json` writes
    data = (FIX / "ecr-v1" / "billing.json").read_bytes() + b"\n" + (FIX / "ecr" / "describe-images.json").read_bytes()
    v = measure.measure([Source("all.json", data)]).values()
    assert v["repositories"] == 3 and v["versions_kept"] == round((2 + 6) / 3)  # 8 images / 3 = 2.67 -> 3


def test_timestamps_with_offsets_are_instants():
    probs = []
    assert measure.when("2025-01-10T16:00:00-08:00", "t", probs) == datetime(2025, 1, 11, tzinfo=UTC).timestamp()
    assert measure.when("2025-03-01T12:00:00.000000Z", "t", probs) == datetime(2025, 3, 1, 12, tzinfo=UTC).timestamp()
    assert measure.when(1735689600, "t", probs) == datetime(2025, 1, 1, tzinfo=UTC).timestamp()
    assert not probs


def test_manifest_tree_follows_an_index_and_solves_shared_layers():
    r = measure.measure_paths([FIX / "manifests"])
    v = r.values()
    # api: v1 (30 + 20 + 10 MB) and v2 (30 + 20 + 12 MB); latest.json is v2's bytes again (same digest).
    # web: the index's amd64 (30 + 5) and arm64 (28 + 5) manifests, and v0 (30 + 4); the index's
    # attestation entry is not an image. 5 images in 2 repositories: 2.5, rounded half up to 3.
    assert v["repositories"] == 2
    assert v["versions_kept"] == 3
    assert v["image_size_mb"] == pytest.approx((60 + 62 + 35 + 33 + 34) / 5)  # 224 / 5 = 44.8
    # unique layers per repository: api 30 + 20 + 10 + 12 = 72 MB; web 30 + 5 + 28 + 5 + 4 = 72 MB: 144 MB.
    # stored = R * S * (s + (1 - s) * V) = 2 * 44.8 * (s + 3 (1 - s)) = 144  =>  3 - 2 s = 144 / 89.6
    s = (3 - 144 / 89.6) / 2
    assert s == pytest.approx(0.696428, abs=1e-6)
    assert v["shared_layer_fraction"] == pytest.approx(s, abs=5e-5)
    w = r.workload()
    assert quantities(w).stored_gb == pytest.approx(0.144, rel=1e-4)  # the model stores what was measured
    # the 30 MB base layer is in both repositories: counted twice (ECR bills per repository), 114 MB once
    assert r.stats["unique_bytes"] == 144_000_000 and r.stats["unique_bytes_across_repositories"] == 114_000_000
    assert any("114.0 MB" in n for n in r.notes)
    assert not any("not among the files" in n for n in r.notes)
    assert "pushes_per_month" in not_measured(r)
    assert w.pushes_per_month == 10.0  # not measured: the default stays


def test_versions_round_half_up():
    assert measure.half_up(2.5) == 3 and round(2.5) == 2  # why half_up exists
    assert measure.half_up(2.49) == 2


def test_an_index_without_its_platform_manifests_is_reported():
    r = measure.measure_paths([FIX / "manifests-partial"])
    text = "\n".join(r.notes)
    assert "2.0.json" in text and "linux/amd64" in text and "linux/arm/v7" in text
    assert r.values()["versions_kept"] == 1 and r.values()["image_size_mb"] == pytest.approx(50.0)
    assert "one version" in not_measured(r)["shared_layer_fraction"]


def test_docker_hub_tag_pages():
    r = measure.measure_paths([FIX / "dockerhub"])
    v = r.values()
    # two pages of acme/shop (named by the next / previous links): "latest" and "1.1" point to the same
    # two platform images (70 and 66 MB), "1.0" to one (64 MB): 3 images in 1 repository
    assert (v["repositories"], v["versions_kept"]) == (1, 3)
    assert v["image_size_mb"] == pytest.approx(round(200 / 3, 2))  # 66.67
    # pushed 2025-02-14 12:00 and (twice) 2025-03-01 12:00: 3 in 15 days = 6 a month
    assert v["pushes_per_month"] == pytest.approx(6.0)
    assert "Docker Hub tags API" in r.measured[0].source


def test_github_versions_paginated_output():
    r = measure.measure_paths([FIX / "github"])
    v = r.values()
    # `gh api --paginate` printed two arrays back to back: 3 versions of package "api"
    assert (v["repositories"], v["versions_kept"]) == (1, 3)
    assert v["pushes_per_month"] == pytest.approx(3 / 20 * 30)  # 2025-04-01 .. 2025-04-21
    assert "image_size_mb" in not_measured(r)  # the API gives no sizes


def test_github_with_manifests_takes_sizes_from_them():
    r = measure.measure_paths([FIX / "github", FIX / "manifests" / "api"])
    v = r.values()
    assert (v["repositories"], v["versions_kept"]) == (1, 3)  # the folder "api" is the package "api"
    assert v["image_size_mb"] == pytest.approx((60 + 62) / 2)  # the third version has no manifest
    # on the two images with layers: 61 * (s + 2 (1 - s)) = 72  =>  s = 2 - 72 / 61
    assert v["shared_layer_fraction"] == pytest.approx(2 - 72 / 61, abs=5e-5)
    assert {m.field: m.source for m in r.measured}["pushes_per_month"].startswith("GitHub package versions API")


def test_a_zip_of_the_manifest_tree_keeps_repositories_apart():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for f in (FIX / "manifests").rglob("*.json"):
            z.write(f, "manifests/" + f.relative_to(FIX / "manifests").as_posix())
    got = measure.measure(measure.sources_from_uploads([("tree.zip", buf.getvalue())])).values()
    assert got == values("manifests")


def test_lifecycle_saving_is_priced_by_the_engine(book):
    from lib.inputs.workload import from_dict

    w = from_dict({"image_size_mb": 500, "versions_kept": 30})
    s = measure.lifecycle_saving(w, 10, book)
    # 500 MB x (30 - 10) versions = 10 GB less at ECR's $0.10 per GB-month = $1.00 a month
    assert s.gb == pytest.approx(10.0)
    assert s.dollars == pytest.approx(1.00)
    assert (s.keep, s.kept, s.registry) == (10, 30, "Amazon ECR")


# ---- bad and hostile input ---------------------------------------------------------------


def bad(name, data, repo=None):
    with pytest.raises(InputError) as e:
        measure.measure([Source(name, data if isinstance(data, bytes) else data.encode(), repo)])
    return e.value.problems


@pytest.mark.parametrize(
    "data, words",
    [
        ('{"apiVersion": "apps/v1", "kind": "Deployment"}', "not a registry inventory"),
        ("[1, 2, 3]", "not a registry inventory"),
        ('{"imageDetails": [', "not valid JSON"),
        ("", "empty"),
        (b"\xff\xfe\x00bin", "not a text file"),
        ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
        ('{"imageDetails": {"repositoryName": "x"}}', "expected a list"),
        ('{"imageDetails": [{"repositoryName": "a", "imageSizeInBytes": "big"}]}', "whole number of bytes"),
        ('{"imageDetails": [{"repositoryName": "a", "imageSizeInBytes": true}]}', "whole number of bytes"),
        ('{"imageDetails": [{"repositoryName": "a", "imageSizeInBytes": -5}]}', "not a plausible"),
        ('{"imageDetails": [{"repositoryName": "a", "imageSizeInBytes": 1e300}]}', "not a plausible"),
        ('{"imageDetails": [{"repositoryName": "a", "imagePushedAt": "yesterday"}]}', "date and time"),
        ('{"imageDetails": [{"repositoryName": 5}]}', "expected a name"),
        ('{"imageDetails": [7]}', "expected an object"),
        ('{"schemaVersion": 1, "fsLayers": [], "name": "x"}', "schema 1"),
        ('{"schemaVersion": 2, "layers": [{"digest": "sha256:ab"}]}', "size: missing"),
        ('{"schemaVersion": 2, "layers": "lots"}', "expected a list"),
        ('{"results": [{"full_size": 5, "images": 3}]}', "expected a list"),
        ('[{"name": "sha256:ab", "metadata": {"package_type": "container"}, "created_at": 5}]', "date and time"),
        ('{"imageDetails": []}', "no images"),
    ],
)
def test_bad_files_are_named_with_what_is_wrong(data, words):
    problems = bad("inv.json", data)
    assert any(p.startswith("inv.json") and words in p for p in problems), problems


def test_every_bad_file_is_named_and_nothing_is_measured():
    with pytest.raises(InputError) as e:
        measure.measure(
            [
                Source("a.json", b'{"x": 1}'),
                Source("ok.json", (FIX / "ecr-v1" / "billing.json").read_bytes()),
                Source("b.json", b"not json"),
            ]
        )
    text = "\n".join(e.value.problems)
    assert "a.json" in text and "b.json" in text and "ok.json" not in text


def test_problems_per_file_are_capped():
    doc = {"imageDetails": [{"repositoryName": "a", "imageSizeInBytes": "x"}] * 5_000}
    problems = bad("many.json", json.dumps(doc))
    assert len(problems) <= measure.MAX_PROBLEMS + 1 and "further problems" in problems[-1]


def test_long_values_are_shortened_in_messages():
    problems = bad("inv.json", json.dumps({"imageDetails": [{"repositoryName": "a", "imagePushedAt": "9" * 10_000}]}))
    assert all(len(p) < 300 for p in problems)


def test_oversized_files_and_zips_are_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(measure_sources, "MAX_FILE_BYTES", 100)  # where files are read
    f = tmp_path / "big.json"
    f.write_text(json.dumps({"imageDetails": [{"repositoryName": "a" * 200}]}))
    with pytest.raises(InputError, match="big.json.*larger than"):
        measure.measure_paths([f])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("repo/tag.json", "0" * 10_000)  # compresses to a few bytes, expands past the limit
    with pytest.raises(InputError, match="bomb.zip.*expands"):
        measure.sources_from_uploads([("bomb.zip", buf.getvalue())])


def test_files_of_too_many_values_are_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(measure_jsondocs, "MAX_VALUES", 1000)  # where files are parsed
    problems = bad("zeros.json", "[" + ",".join("0" * 2000) + "]")
    assert "2,000 JSON values" in problems[0] or "1,999 JSON values" in problems[0]


def test_zip_problems_are_named():
    with pytest.raises(InputError, match="x.zip: not a readable zip"):
        measure.sources_from_uploads([("x.zip", b"PK\x03\x04 not really")])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("../../etc/tag.json", "{}")
    with pytest.raises(InputError, match="outside the archive"):
        measure.sources_from_uploads([("evil.zip", buf.getvalue())])


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda kids: st.lists(kids, max_size=5) | st.dictionaries(st.text(max_size=10), kids, max_size=5),
    max_leaves=30,
)
SHAPES = st.one_of(
    JSON,
    st.builds(
        lambda d: {"imageDetails": d},
        st.lists(
            st.dictionaries(
                st.sampled_from(
                    ["repositoryName", "imageDigest", "imageSizeInBytes", "imagePushedAt", "imageManifestMediaType"]
                ),
                JSON,
            ),
            max_size=5,
        ),
    ),
    st.builds(
        lambda ls: {"schemaVersion": 2, "layers": ls},
        st.lists(st.dictionaries(st.sampled_from(["digest", "size", "mediaType", "urls"]), JSON), max_size=4),
    ),
    st.builds(
        lambda r: {"results": r},
        st.lists(
            st.dictionaries(st.sampled_from(["full_size", "images", "last_updated", "digest", "name"]), JSON),
            max_size=4,
        ),
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SHAPES)
def test_any_json_gives_a_result_or_a_named_problem(doc):
    try:
        data = json.dumps(doc).encode()
    except ValueError:
        return
    try:
        r = measure.measure([Source("fuzz.json", data, "repo")])
    except InputError as e:
        assert all(p.startswith("fuzz.json") for p in e.problems)
    else:
        r.workload()  # whatever was measured is a valid scenario


# ---- the command line --------------------------------------------------------------------


def cli(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "lib", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=Path(__file__).resolve().parent.parent,
    )


def test_cli_prints_a_scenario_the_other_commands_load():
    r = cli("measure", str(FIX / "ecr"), str(FIX / "manifests"))
    assert r.returncode == 0, r.stderr
    w, meta = scenario.loads(r.stdout, "stdout")
    assert meta["name"] == "Measured registry"
    # api and worker from ECR, api and web from manifests: the two "api" are one repository
    assert w.repositories == 3
    assert "Measured:" in r.stderr and "Not measured" in r.stderr
    est = cli("estimate", "-", "--format", "json", stdin=r.stdout)
    assert est.returncode == 0, est.stderr


def test_cli_reads_a_zipped_manifest_tree(tmp_path):
    z = tmp_path / "manifests.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in (FIX / "manifests").rglob("*.json"):
            zf.write(f, "manifests/" + f.relative_to(FIX / "manifests").as_posix())
    r = cli("measure", str(z), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["shared_layer_fraction"] == pytest.approx((3 - 144 / 89.6) / 2, abs=5e-5)


def test_cli_json_format():
    r = cli("measure", str(FIX / "dockerhub"), "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["versions_kept"] == 3 and doc["image_size_mb"] == pytest.approx(66.67)
    assert scenario.loads(r.stdout, "json")[0].versions_kept == 3  # JSON is YAML: every command reads it


def test_cli_bad_input_exits_2_naming_the_file(tmp_path):
    f = tmp_path / "deployment.json"
    f.write_text('{"kind": "Deployment"}')
    r = cli("measure", str(f), str(FIX / "ecr"))
    assert r.returncode == 2
    assert "deployment.json" in r.stderr and "not a registry inventory" in r.stderr
    assert r.stdout == "" and "Traceback" not in r.stderr
    r = cli("measure", str(tmp_path / "missing"))
    assert r.returncode == 2 and "no such file or folder" in r.stderr
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000)
    r = cli("measure", str(deep))
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_an_index_alone_says_its_platform_manifests_are_missing(tmp_path):
    # only the index of a multi-platform image was saved: nothing can be counted, and the message
    # must say why (its platform manifests are missing), not that the listing is empty
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "2.0.json").write_bytes((FIX / "manifests-partial" / "app" / "2.0.json").read_bytes())
    with pytest.raises(InputError) as e:
        measure.measure_paths([tmp_path / "app"])
    text = str(e.value)
    assert "empty listings" not in text
    assert "2.0.json" in text and "linux/amd64" in text and "not among the files" in text


def test_one_repository_and_one_image_read_in_the_singular(tmp_path):
    # ecr-v1: one repository of two images; a single image alone in a listing
    r = measure.measure_paths([FIX / "ecr-v1" / "billing.json"])
    how = {m.field: m.how for m in r.measured}
    assert how["versions_kept"].startswith("2 stored images / 1 repository = 2.00")
    one = {
        "imageDetails": [{"repositoryName": "a", "imageDigest": "sha256:" + "1" * 64, "imageSizeInBytes": 5_000_000}]
    }
    (tmp_path / "one.json").write_text(json.dumps(one))
    how = {m.field: m.how for m in measure.measure_paths([tmp_path / "one.json"]).measured}
    assert how["versions_kept"].startswith("1 stored image / 1 repository")
    assert how["image_size_mb"].startswith("5.0 MB over 1 image (")


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_a_zip_with_a_corrupt_compressed_entry_is_named_not_a_traceback(method, tmp_path):
    # the entry's header and sizes are intact, its compressed bytes are not: each decompressor
    # raises its own error class (zlib.error, OSError, lzma.LZMAError)
    buf = io.BytesIO()
    doc = json.dumps({"schemaVersion": 2, "layers": [{"digest": "sha256:" + "a" * 64, "size": 5}] * 50})
    with zipfile.ZipFile(buf, "w", method) as z:
        z.writestr("api/1.0.json", doc)
    data = bytearray(buf.getvalue())
    start = 30 + len("api/1.0.json")  # the local header, then the compressed bytes
    for i in range(start + 2, start + 40):
        data[i] ^= 0xFF
    with pytest.raises(InputError, match=r"bad\.zip: cannot read 'api/1\.0\.json'"):
        measure.sources_from_uploads([("bad.zip", bytes(data))])
    (tmp_path / "bad.zip").write_bytes(bytes(data))
    r = subprocess.run(
        [sys.executable, "-m", "lib", "measure", str(tmp_path / "bad.zip")],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert r.returncode == 2 and "Traceback" not in r.stderr and "bad.zip" in r.stderr, r.stderr


def test_a_number_of_thousands_of_digits_is_named_with_its_file():
    # Python refuses int() of more than 4,300 digits with a plain ValueError, which json.loads
    # passes on: the page caught only InputError, the CLI printed Python's own words without the file
    data = b'{"imageDetails": [{"repositoryName": "a", "imageSizeInBytes": ' + b"9" * 5000 + b"}]}"
    with pytest.raises(InputError, match=r"^big\.json: .*number") as e:
        measure.measure(measure.sources_from_uploads([("big.json", data)]))
    assert "set_int_max_str_digits" not in str(e.value)
    many = b"[" + b",".join([b'{"a": 1}'] * 3) + b"]" + b"[" + b"7" * 5000 + b"]"  # the same in a later document
    with pytest.raises(InputError, match=r"^pages\.json: .*number"):
        measure.measure(measure.sources_from_uploads([("pages.json", many)]))


def test_thousands_of_bad_files_list_the_first_problems_and_count_the_rest():
    # 2,000 foreign files in one zip: the message names the first ones and counts the others,
    # instead of a 500 KB wall of text on the page and one 500 KB line on the command line
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for i in range(2000):
            z.writestr(f"r{i}/t.json", '{"kind": "Deployment"}')
    with pytest.raises(InputError) as e:
        measure.measure(measure.sources_from_uploads([("many.zip", buf.getvalue())]))
    problems = e.value.problems
    assert len(problems) == measure.MAX_LISTED + 1
    assert problems[0].startswith("many.zip:r0/t.json: not a registry inventory")
    assert (
        problems[-1]
        == f"... and {2000 - measure.MAX_LISTED:,} more problems in {2000 - measure.MAX_LISTED:,} more files"
    )


def test_an_uploaded_zip_expands_to_at_most_the_upload_cap():
    # whitespace compresses ~1,000:1: a 2 MB upload could hold 2 GB of JSON, all read into the
    # server's memory; the uploads' cap bounds what the zips expand to as well
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("api/1.0.json", '{"schemaVersion": 2, "layers": []' + " " * 3_000_000 + "}")
    data = buf.getvalue()
    assert len(data) < 100_000  # small upload, big expansion
    with pytest.raises(InputError, match=r"^big\.zip: the zip expands to 3,000,0\d\d bytes; at most 1 MB"):
        measure.sources_from_uploads([("big.zip", data)], max_total=1 * measure.MB)
    # a plain file counted before it: the zip gets what is left
    with pytest.raises(InputError, match=r"big\.zip: the zip expands"):
        measure.sources_from_uploads([("a.json", b" " * 1_100_000), ("big.zip", data)], max_total=4 * measure.MB)
    assert measure.sources_from_uploads([("big.zip", data)], max_total=4 * measure.MB)[0].name == "big.zip:api/1.0.json"
