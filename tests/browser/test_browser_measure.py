"""Measure my registry in a real browser: upload two formats at once, read the table, apply."""
from pathlib import Path

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "inventory"


def test_upload_measure_and_apply(tab):
    tab.open("/measure")
    assert tab.page.get_by_test_id("stException").count() == 0
    tab.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        [str(FIX / "ecr" / "describe-images.json"), str(FIX / "dockerhub" / "shop-tags-page1.json"),
         str(FIX / "dockerhub" / "shop-tags-page2.json")])
    tab.page.get_by_text("What your registry says").wait_for(timeout=30_000)
    tab.wait()
    # ECR: api 3 + worker 3 images (480 MB); Docker Hub acme/shop: 3 images (200 MB).
    # 3 repositories, 9 images: 3 each; 680 MB / 9 = 75.56 MB
    body = tab.page.inner_text("body")
    assert "75.56 MB" in body
    tab.shot("page-measure-table")
    tab.page.get_by_role("button", name="Apply to the scenario").click()
    tab.page.wait_for_timeout(800)
    tab.wait()
    assert "image_size_mb=75.56" in tab.page.url and "repositories=3" in tab.page.url
    assert ".json" not in tab.page.url
    assert tab.page.get_by_test_id("stException").count() == 0
    assert tab.errors == []
    tab.shot("page-measure-applied")
