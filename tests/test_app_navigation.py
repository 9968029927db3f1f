"""Navigation (issue 19): app.py routes and draws the one frame; the page list comes from pages/."""

import pytest
from streamlit.runtime.pages_manager import PagesManager

from tests import apphelpers
from tests.apphelpers import open_app
from ui import shell

PAGE_FILES = sorted(p.stem for p in shell.PAGES_DIR.glob("*.py") if not p.name.startswith("_"))


def _links(at) -> list:
    return [e.proto for e in at.get("page_link")]


def test_every_file_of_pages_is_in_the_menu_overview_first():
    infos = shell.page_infos()
    assert sorted(p.file.stem for p in infos) == PAGE_FILES and len(PAGE_FILES) == 12
    assert infos[0].title == "Overview" and infos[-1].title == "About"
    assert len({p.title for p in infos}) == len(infos)
    assert all(p.icon.startswith(":material/") for p in infos)


def test_a_new_page_is_one_file(tmp_path, monkeypatch):
    (tmp_path / "zz_new.py").write_text(
        '"""A page."""\nTITLE = "New page"\nICON = ":material/star:"\nORDER = 55\n'
        'raise SystemExit("the menu must not run a page")\n'
    )
    (tmp_path / "overview.py").write_text('TITLE = "Overview"\nICON = ":material/bar_chart:"\nORDER = 0\n')
    monkeypatch.setattr(shell, "PAGES_DIR", tmp_path)
    assert [(p.title, p.order) for p in shell.page_infos()] == [("Overview", 0), ("New page", 55)]


def test_a_page_without_its_declaration_is_named(tmp_path, monkeypatch):
    (tmp_path / "bare.py").write_text('TITLE = "Bare"\n')
    monkeypatch.setattr(shell, "PAGES_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"bare\.py must declare ICON, ORDER"):
        shell.page_infos()


@pytest.mark.parametrize("router_first", [True, False], ids=["through-app.py", "page-run-directly"])
def test_a_deep_link_gets_the_frame_and_its_values_either_way(router_first, monkeypatch):
    # page-run-directly: what a live server does on its first request (PagesManager.uses_pages_directory)
    monkeypatch.setattr(apphelpers, "ROUTER_FIRST", router_first)
    at = open_app({"pulls_per_month": "5000", "sweep_field": "versions_kept"}, page="pages/break_even.py")
    assert not at.exception
    assert at.title[0].value == "Sensitivity and break-even"  # the page ...
    assert at.number_input(key="wl_pulls_per_month").value == 5000  # ... in the frame, with the link's values
    links = _links(at)
    assert [link.label for link in links] == [p.title for p in shell.page_infos()]
    assert [link.disabled for link in links].count(True) == 1 and links[3].disabled  # Break-even is the 4th page
    assert all("pulls_per_month=5000" in link.query_string.split("&") for link in links)  # links keep the scenario
    assert [link.page for link in links][:4] == ["", "recommendation", "compare", "break_even"]  # the old URLs
    assert PagesManager.uses_pages_directory is False  # the next run goes through app.py
    at.number_input(key="wl_pulls_per_month").set_value(7000).run()  # and the page keeps working after
    assert not at.exception and at.title[0].value == "Sensitivity and break-even"
    assert at.number_input(key="wl_pulls_per_month").value == 7000
