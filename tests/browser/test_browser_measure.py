"""Measure my registry in a real browser: upload two formats at once, read the table, apply."""

import json
from pathlib import Path

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "inventory"


def test_upload_measure_and_apply(tab):
    tab.open("/measure")
    assert tab.page.get_by_test_id("stException").count() == 0
    # tab.open returned once the page's first run was over: the uploader is the one that stays (files set on
    # an uploader that a still-running first run then replaces are dropped: the old wait let that happen)
    with tab.rerun():
        tab.page.get_by_test_id("stMainBlockContainer").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            [
                str(FIX / "ecr" / "describe-images.json"),
                str(FIX / "dockerhub" / "shop-tags-page1.json"),
                str(FIX / "dockerhub" / "shop-tags-page2.json"),
            ]
        )
    tab.page.get_by_text("What your registry says").wait_for(timeout=30_000)
    # ECR: api 3 + worker 3 images (480 MB); Docker Hub acme/shop: 3 images (200 MB).
    # 3 repositories, 9 images: 3 each; 680 MB / 9 = 75.56 MB
    body = tab.page.inner_text("body")
    assert "75.56 MB" in body
    tab.shot("page-measure-table")
    with tab.rerun():
        tab.page.get_by_role("button", name="Apply to the scenario").click()
    assert "image_size_mb=75.56" in tab.page.url and "repositories=3" in tab.page.url
    assert ".json" not in tab.page.url
    assert tab.page.get_by_test_id("stException").count() == 0
    assert tab.errors == []
    tab.shot("page-measure-applied")


def test_a_large_export_uploads_past_the_scenario_file_limit(tab, tmp_path):
    # 20,000 image details as the AWS CLI prints them (~12 MB): over the 1 MB a scenario file may be
    details = [
        {
            "registryId": "123456789012",
            "repositoryName": f"svc-{i // 100}",
            "imageDigest": f"sha256:{i:064x}",
            "imageTags": [f"b{i}"],
            "imageSizeInBytes": 50_000_000 + (i % 2) * 10_000_000,
            "imagePushedAt": f"2025-01-{1 + i % 28:02d}T00:00:00+00:00",
            "imageManifestMediaType": "application/vnd.docker.distribution.manifest.v2+json",
        }
        for i in range(20_000)
    ]
    f = tmp_path / "all-repositories.json"
    f.write_text(json.dumps({"imageDetails": details}, indent=4))
    assert f.stat().st_size > 5_000_000
    tab.open("/measure")
    with tab.rerun():
        tab.page.get_by_test_id("stMainBlockContainer").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            str(f)
        )
    tab.page.get_by_text("What your registry says").wait_for(timeout=60_000)
    body = tab.page.inner_text("body")
    # 200 repositories of 100 images; half 50 MB, half 60 MB: 55 MB
    assert "55.00 MB" in body and "200 repositories" in body
    assert tab.errors == []
