"""Sharing a scenario: the URL, scenario files, presets and price-book changes.

Owns the session-state keys `share_*`. The URL is the source of truth when it changes from
outside (a pasted link, a hand edit); otherwise the widgets are, and each run writes them back.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import parse_qs

import pandas as pd
import streamlit as st

from lib.analyses import compare
from lib.core import i18n
from lib.core.errors import InputError, PriceBookError
from lib.core.i18n import N_, _, quote
from lib.inputs import links, presets, pricebook, scenario
from lib.inputs.pricebook import PriceBook
from lib.inputs.workload import DEFAULT, SPECS, Workload, coerce_fields, lenient
from lib.pricing import labels
from lib.pricing.labels import SAME_MONEY

from . import Box, copy_link as copy_link_button, language, money, workload_inputs

LAST = "share_last_query"  # the query string this session last wrote (absent before its first run)
PROBLEMS = "share_problems"  # messages about the last link or file applied
PROBLEMS_NOTE = "share_problems_note"  # what happened to everything else (a link and a file differ)
LINK_NOTE = N_("Some inputs could not be used; everything else was applied:")  # translated where shown
MAX_SHOWN = 20  # a link can carry thousands of made-up parameters: name the first ones, count the rest
LINK_BOOK = "share_link_book"  # the price book a link or file was made with
B_OVERRIDES = "share_b_overrides"  # the comparison scenario: fields that differ from A
_EMBED = ("embed", "embed_options")  # Streamlit keeps these itself (st.query_params hides them)
UPLOAD = "share_upload"
PRESET = "share_preset"


def _incoming() -> dict[str, list[str]]:
    # the language and the won rate are the reader's display, not the scenario (ui/language.py reads them)
    return {k: st.query_params.get_all(k) for k in st.query_params.keys() if k not in language.FIELDS}


def apply_incoming() -> None:
    """Before any widget exists: on a session's first run, apply the link it was opened with.

    Only then: a pasted or hand-edited link loads the page, which starts a new session. Later
    runs must not re-read the URL, because the browser's copy can lag one rerun behind the
    query this session wrote, and re-applying it would undo the user's newest input."""
    if LAST in st.session_state:
        return
    parsed = links.from_query(_incoming())
    # A page whose server went away reconnects to another replica (sticky proxy): its first run
    # there brings the inputs on screen, newer than its address bar (one change behind). Those win.
    keep = _inputs_the_browser_sent()
    workload_inputs.set_workload(parsed.workload, keep=keep)  # also the workload every page re-seeds from
    st.session_state[B_OVERRIDES] = parsed.b_overrides
    st.session_state[PROBLEMS] = [
        _("Link: {problem}").format(problem=in_words(p)) for p in parsed.problems + language.link_problems()
    ]
    st.session_state[PROBLEMS_NOTE] = LINK_NOTE
    st.session_state[LINK_BOOK] = parsed.price_book
    st.session_state[LAST] = {}


_FIELD_KEY = re.compile(r"(?<![\w.])(b_)?([a-z][a-z0-9_]*): ")


def in_words(problem: str, keep_key: bool = False) -> str:
    """A problem with a scenario field, naming the field as the sidebar does: a Korean reader met
    "same_region_share: 너무 큽니다" (a key only the link's writer knows). A file's problem keeps the
    key beside the words (`keep_key`): it is what the file says. English keeps the keys its tests and
    the CLI's messages use."""
    if i18n.lang() != "ko":
        return problem
    m = _FIELD_KEY.search(problem)
    if not m or m.group(2) not in SPECS:
        return problem
    name = labels.field(m.group(2))
    if m.group(1):
        name = _("{field} (comparison)").format(field=name)
    shown = f"{name}({m.group(1) or ''}{m.group(2)})" if keep_key else name
    return problem[: m.start()] + shown + ": " + problem[m.end() :]


def _inputs_the_browser_sent() -> frozenset[str]:
    """The keys of the inputs whose values came with this run. A fresh page load sends none; a
    page reconnecting to a new server sends every input it shows (Streamlit's frontend does not
    rerun on reconnecting, so the user's next change is this session's first run)."""
    try:  # Streamlit internals (pinned version); without them, the link wins as before
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        from streamlit.runtime.state.common import is_element_id, user_key_from_element_id

        ctx = get_script_run_ctx()
        if ctx is None:  # not inside a script run: no inputs came with it
            return frozenset()
        ids = list(ctx.session_state._state._new_widget_state.states)
        return frozenset(k for i in ids if is_element_id(i) and (k := user_key_from_element_id(i)))
    except Exception:
        return frozenset()


def current_query() -> dict[str, str]:
    query: dict[str, str] = st.session_state.get(LAST, {})
    return query


def b_overrides() -> dict[str, Any]:
    overrides: dict[str, Any] = st.session_state.get(B_OVERRIDES, {})
    return overrides


def _browser_query() -> dict[str, list[str]] | None:
    """The query string the browser sent with this run: its address as it stood when it asked for the run.

    Read from this run's own context, not from st.query_params: that object is shared by every
    script thread of the session, and a run Streamlit is stopping may still be writing to it."""
    try:  # Streamlit internals (pinned version); without them, publish writes the URL on every run
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is None:  # not in a script run (a bare import): nothing was sent
            return None
        qs = ctx.query_string
    except Exception:
        return None
    return {k: v for k, v in parse_qs(qs, keep_blank_values=True).items() if k.lower() not in _EMBED}


def _stop_if_superseded() -> None:
    """A yield point: a run the browser has already replaced with a newer one stops here, before it
    touches the session's shared st.query_params (its page_info_changed would be dropped anyway)."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is None:
            return
        check = ctx.yield_check
    except Exception:
        return
    check()


def publish(w: Workload, book: PriceBook) -> dict[str, str]:
    """Write the scenario into the URL; return the query for links that must keep it.

    Compared with the address the browser sent with this run, not with what an earlier run of this
    session wrote: with runner.fastReruns (Streamlit's default) a newer rerun replaces the running
    script thread, and the page_info_changed message the replaced run had just queued is dropped
    (AppSession ignores events from a ScriptRunner that is no longer current), while that run goes on
    to its next yield point. A memory of "already written" then holds a query the browser never got,
    and every later run with the same inputs skipped the write: the address stayed behind for good.
    The browser's own report cannot be wrong that way; a report that lags a message still in flight
    only costs one redundant message (the frontend does not touch history for an unchanged query)."""
    b = None
    if b_overrides():
        b, _problems = lenient(b_overrides(), w)
    q = {**links.to_query(w, book.version, b=b), **language.query()}
    if _browser_query() != {k: [v] for k, v in q.items()}:
        _stop_if_superseded()
        st.query_params.from_dict(q)
    st.session_state[LAST] = q
    return q


def query_marker(q: dict[str, str]) -> str:
    """The query of this run's inputs, where "Copy share link" reads it (ui/copy_link.py): the frame's
    HTML stays the same on every run, so it reads the data from the page. A hidden element, no space:
    its own rule hides it. HTML for the frame's style sheet element (ui/accessibility.style_sheet), sent
    with it as one element (issue 29, fourth round: one element fewer on every page)."""
    return (
        '<style>[data-testid="stElementContainer"]:has([data-share-query]) { display: none; }</style>'
        f'<span hidden data-share-query="{html.escape(links.query_string(q), quote=True)}"></span>'
    )


# ---- callbacks: they run before the next script run, so they may set widget state -------


def _on_upload() -> None:
    language.in_callback()
    f = st.session_state.get(UPLOAD)
    if f is None:
        return
    name = quote(f.name)  # the file's name is the uploader's text too
    try:
        fields, meta = scenario.split_meta(scenario.parse_yaml(f.getvalue(), name))
    except InputError as e:
        st.session_state[PROBLEMS] = [
            _("Upload: {problem} — nothing was changed").format(problem=p) for p in e.problems
        ]
        st.session_state[PROBLEMS_NOTE] = N_("The uploaded file could not be used:")
        return
    # A file sets the fields it names; every other input keeps its current value (a hand-written
    # file with one field must not reset the rest of the scenario to the defaults).
    now = st.session_state.get(workload_inputs.CANONICAL, DEFAULT)
    w, problems = lenient(fields, now, label=f"{name}: ")
    book_problems = scenario.meta_problems(meta)
    applied = len(coerce_fields(fields)[0])
    workload_inputs.set_workload(w)
    st.session_state[PROBLEMS] = [
        _("Upload: {file}: {problem}").format(file=name, problem=p) for p in book_problems
    ] + [_("Upload: {problem}").format(problem=in_words(p, keep_key=True)) for p in problems]
    st.session_state[PROBLEMS_NOTE] = _(
        "Some fields of the uploaded file could not be used. {applied} field(s) from it were applied; "
        "the inputs it does not set, or sets wrongly, keep their current values:"
    ).format(applied=applied)
    st.session_state[LINK_BOOK] = str(meta["price_book"]) if meta.get("price_book") and not book_problems else None
    st.toast(
        (
            _(
                "Loaded {file}: {applied} field(s) applied, the other inputs keep their current values "
                "(some fields were not used)"
            )
            if problems or book_problems
            else _("Loaded {file}: {applied} field(s) applied, the other inputs keep their current values")
        ).format(file=name, applied=applied)
    )


def _on_preset() -> None:
    language.in_callback()
    pid = st.session_state.get(PRESET)
    if not pid or pid not in presets.available():  # a browser's stale option text is no preset
        return
    w, meta = presets.load(pid)
    workload_inputs.set_workload(w)
    st.session_state[PROBLEMS] = []
    st.toast(_("Loaded preset: {name}").format(name=meta.get("name", pid)))


def _dismiss() -> None:
    st.session_state[PROBLEMS] = []
    st.session_state[PROBLEMS_NOTE] = None
    st.session_state[LINK_BOOK] = None


# ---- what the user sees --------------------------------------------------------------


def share_url(q: dict[str, str]) -> str:
    base = st.context.url or "http://localhost:8501/"
    return f"{base}?{links.query_string(q)}" if q else base


def export_link(q: dict[str, str]) -> str:
    """The share link an export carries: built from the public address (lib/core/public_address.py:
    the REGISTRY_DASHBOARD_PUBLIC_URL setting, or this request's host behind the proxy), never a
    loopback address; the query alone when there is none (the export says so)."""
    import os

    from lib.core import public_address

    address = public_address.public_address(os.environ, dict(st.context.headers or {}), st.context.url or "")
    return public_address.share_link(address, links.query_string(q) if q else "")


def copy_link() -> None:
    """One click copies this page's link with every input (ui/copy_link.py)."""
    copy_link_button.button()


def scenario_files(w: Workload, book: PriceBook, box: Box = st) -> None:
    """Presets, scenario upload and download: in plain sight, not behind the link button."""
    opts = presets.available()
    choose = _("Choose a preset...")
    box.selectbox(
        _("Start from a preset"),
        [""] + list(opts),
        key=PRESET,
        on_change=_on_preset,
        format_func=lambda i: opts.get(i, choose),
        help=_("A preset fills in every input; change any of them afterwards."),
    )
    box.file_uploader(
        _("Open a scenario file (YAML)"),
        type=["yaml", "yml"],
        key=UPLOAD,
        on_change=_on_upload,
        max_upload_size=1,
        help=_(
            "A scenario file saved from this app, or written by hand with the same names. "
            "The command line reads the same file."
        ),
    )
    box.download_button(
        _("Save this scenario (YAML)"),
        key="share_download",
        icon=":material/download:",
        data=lambda: scenario.dumps(w, meta={"name": "Registry scenario", "price_book": book.version}),
        on_click="ignore",
        file_name="registry-scenario.yaml",
        mime="application/x-yaml",
        width="stretch",
    )


def notices(w: Workload, book: PriceBook) -> None:
    """Problems with the last link or file, and price changes since a link was made."""
    problems = st.session_state.get(PROBLEMS) or []
    link_book = st.session_state.get(LINK_BOOK)
    if problems:
        _show_problems(problems)
    if link_book and link_book != book.version:
        _show_price_change(w, book, link_book)
    if problems or (link_book and link_book != book.version):
        st.button(_("Dismiss"), on_click=_dismiss, key="share_dismiss")


def _show_problems(problems: list[str]) -> None:
    """The problems of the last link or file, the first MAX_SHOWN of them and how many more."""
    more = len(problems) - MAX_SHOWN
    shown = problems[:MAX_SHOWN] + ([_("and {count} more").format(count=labels.number(more))] if more > 0 else [])
    st.warning(_(st.session_state.get(PROBLEMS_NOTE) or LINK_NOTE) + "\n\n" + "\n".join(f"- {p}" for p in shown))


def _show_price_change(w: Workload, book: PriceBook, link_book: str) -> None:
    """A link made with another price book: how the totals moved since, or why that cannot be shown."""
    try:
        old = pricebook.archived(link_book)
    except PriceBookError as e:
        old, why = None, str(e)
    else:
        why = _("this copy of the app does not keep that older price book")
    if old is None:
        st.info(
            _(
                "This scenario was made with price book {old}; the figures use the current one "
                "(**{new}**). The old totals cannot be shown: {why}."
            ).format(old=quote(link_book), new=book.version, why=why)
        )
        return
    diff = compare.side_by_side(w, w, old, book, labels=(link_book, book.version))
    st.info(
        _(
            "Prices have changed since this link was made (price book {old} → "
            "**{new}**). The figures use the current prices; the totals moved like this:"
        ).format(old=quote(link_book), new=book.version)
    )
    changed = diff[diff["difference"].abs() > SAME_MONEY].drop(columns=["id"])
    if len(changed):
        changed = money.convert(changed, [link_book, book.version, "difference"])
    st.dataframe(
        changed if len(changed) else pd.DataFrame({"registry": [_("no total changed")]}),
        hide_index=True,
        column_config={
            link_book: money.column(link_book),
            book.version: money.column(book.version),
            "registry": _("Registry"),
            "difference": money.column(_("Difference")),
            "change_pct": st.column_config.NumberColumn(_("Change (%)"), format="%+.1f"),
        },
    )
