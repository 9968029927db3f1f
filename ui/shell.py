"""The frame every page shares: page config, the shared link, navigation and sidebar inputs.

app.py is the router: it builds the page list from `pages/` (each page file declares TITLE, ICON,
ORDER and optionally OPEN_SECTION as plain constants, read here without running the file), draws
this frame once, then runs the chosen page, which takes the frame's results with `page()`.
A new page is one file in `pages/`.

Streamlit's built-in page list is hidden (.streamlit/config.toml and position="hidden") because
its links drop the query string; the links drawn here keep it.
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit import runtime
from streamlit.navigation.page import StreamlitPage

from lib.core import i18n
from lib.core.i18n import N_, _
from lib.inputs.pricebook import PriceBook
from lib.inputs.workload import Workload

from . import accessibility, chart, language, share, workload_inputs
from .resources import price_book

FAVICON = Path(__file__).with_name("favicon.png")  # a file: a Material icon would load from Google's servers
PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"
_FRAME = "shell_frame"  # session-state key: the frame's (workload, price book) for the page of this run


APP_NAME = N_("Registry Decision Dashboard")
Frame = tuple[Workload, PriceBook]  # what every page starts with


@dataclass(frozen=True)
class PageInfo:
    file: Path
    title: str  # English, the catalogue's message id: shown translated (`label()`)
    icon: str  # a Material icon: renders without an emoji font
    order: int
    open_section: str | None = None

    def label(self) -> str:
        return _(self.title)


def _constant(node: ast.expr) -> Any:
    """A plain constant, or one marked for translation (`N_("Overview")`): the English text."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "N_"
        and len(node.args) == 1
        and not node.keywords
    ):
        node = node.args[0]
    return ast.literal_eval(node)


@cache
def _read(file: Path) -> PageInfo:
    """A page's declaration, from its top-level constants (the file is parsed, not run)."""
    found = {}
    for node in ast.parse(file.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("TITLE", "ICON", "ORDER", "OPEN_SECTION"):
                found[name] = _constant(node.value)
    missing = {"TITLE", "ICON", "ORDER"} - found.keys()
    if missing:
        raise ValueError(
            f"{file.name} must declare {', '.join(sorted(missing))} (a page's title, icon and place in the menu)"
        )
    return PageInfo(file, found["TITLE"], found["ICON"], found["ORDER"], found.get("OPEN_SECTION"))


def page_infos() -> list[PageInfo]:
    """Every page in `pages/`, in menu order (the first is the Overview, at the app's root URL)."""
    return list(_infos(PAGES_DIR))


@cache
def _infos(folder: Path) -> tuple[PageInfo, ...]:
    """Read once per process (a page is added by restarting the server, as Streamlit's own list is)."""
    files = [f for f in folder.glob("*.py") if not f.name.startswith(("_", "."))]
    return tuple(sorted((_read(f) for f in files), key=lambda p: (p.order, p.title)))


_BUILT: dict[
    tuple[Path, str], tuple[StreamlitPage, ...]
] = {}  # (pages folder, language) -> st.Page objects, built once per process


def _pages() -> list[StreamlitPage]:
    """The page list for st.navigation: built once per process and language (building one st.Page
    resolves its path and checks its icon: ~6 % of a rerun for eleven pages, issue 29), copied per run.

    Copied, because st.navigation marks the chosen page object callable and its run() unmarks it:
    every session's run is a thread of this one process, so a shared object could be unmarked by
    another session's run between the two."""
    built = _BUILT.get(k := (PAGES_DIR, i18n.lang()))
    if built is None:
        # no icon here: Streamlit would make a page's Material icon the tab's favicon, fetched from Google's servers
        built = _BUILT[k] = tuple(
            st.Page(p.file, title=p.label(), url_path=p.file.stem, default=i == 0) for i, p in enumerate(page_infos())
        )
    return [copy.copy(pg) for pg in built]


def _route() -> tuple[StreamlitPage, Frame]:
    """The page the URL names, with the frame drawn for it: (page, (workload, price book))."""
    language.start_run()  # before any text: the page list's titles are the first words of a run
    pages = _pages()
    current = st.navigation(pages, position="hidden")
    info = next(p for p, pg in zip(page_infos(), pages, strict=True) if pg.url_path == current.url_path)
    return current, _frame(info, pages)


def navigate() -> None:
    """app.py's job: pick the page from the URL, draw the frame around it, run it."""
    current, frame = _route()
    st.session_state[_FRAME] = frame
    current.run()


def page() -> Frame:
    """What every page starts with: (workload, price book) from the frame drawn for it in this run.

    Run without the router, the page draws the same frame itself. That happens on a server's first
    request when it deep-links to a page: while Streamlit's class flag PagesManager.uses_pages_directory
    is set (a `pages/` folder beside the entry script), it runs the URL's file of `pages/` directly,
    and only the public st.navigation clears the flag, which `_route` calls (so later runs go through
    app.py). AppTest sets the flag again before every run, so every AppTest run takes this path.
    Drawing in place, rather than rerunning through app.py, keeps what a callback drew before the run.
    """
    frame: Frame | None = st.session_state.pop(_FRAME, None)  # popped: a frame belongs to one run
    if frame is None:
        if runtime.exists():  # a real server (AppTest has no runtime): run it again through app.py
            _through_the_router()
        _current, frame = _route()
    return frame


def _through_the_router() -> None:
    """A server's first request, run directly, is run again at once through app.py, before anything
    is drawn. Widgets drawn in the direct run get ids of that run's page hash, not the router's, so
    whatever the browser sent for them next was dropped: a file chosen in the first page's uploader
    never arrived (seen on /measure, the first request of a fresh server). st.navigation clears the
    class flag; switch_page reruns the same page with the link's query intact (repeated keys too)."""
    language.start_run()  # the page list's titles are words
    current = st.navigation(_pages(), position="hidden")
    query = [(k, v) for k in st.query_params.keys() for v in st.query_params.get_all(k)]
    st.switch_page(current, query_params=query)


def _frame(info: PageInfo, pages: list[StreamlitPage]) -> Frame:
    st.set_page_config(page_title=f"{info.label()} · {_(APP_NAME)}", page_icon=str(FAVICON), layout="wide")
    accessibility.early_style()  # before any element: still placeholders; Korean line breaks
    book = price_book()
    share.apply_incoming()  # before any widget: a new link sets the widgets
    nav, files, top = st.sidebar.container(), st.sidebar.container(), st.container()
    w = workload_inputs.render(info.title, open_section=info.open_section)
    q = share.publish(w, book)
    with nav:
        language.language_control(st)
        for pg, p in zip(pages, page_infos(), strict=True):
            st.page_link(pg, label=p.label(), icon=p.icon, disabled=p is info, query_params=q)
        st.divider()
    with files:
        share.scenario_files(w, book)
        language.krw_controls(st)
        st.divider()
    with top:
        _left, right = st.columns([3, 1])
        with right:
            share.copy_link()
        share.notices(w, book)
        # the sidebar says why a pull mix is not used, below the fold on most screens, while the page
        # keeps the last mix that added up: say it where the figures are too (issue 28)
        mix = workload_inputs.mix_problem({k: st.session_state.get(k) for k in workload_inputs.MIX_KEYS})
        if mix:
            st.warning(mix, icon=":material/warning:")
        language.krw_caption()
        # one element for the style sheets and the share link's query (issue 29, third and fourth rounds)
        accessibility.style_sheet(also=chart.CSS + share.query_marker(q))
    return w, book
