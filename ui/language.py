"""The reader's language and the optional display in won: the sidebar's controls and their link fields.

Owns the session-state keys `lang_*`. The frame calls `start_run()` first thing in every run, before
any text: it sets the language of the run (`i18n.set_lang`) and the won rate (`i18n.set_krw`).

The language is the one the reader chose (in the sidebar, or `lang=` in the link they opened), else
their browser's (`st.context.locale`). A language only the browser gave is not written to the link:
the same link then opens in each reader's own language; a chosen one is (`lang=ko`), so a Korean
review's link opens in Korean for everyone. Amounts in won need the reader's exchange rate and the day
it is from (`krw_rate`, `krw_date`); the price book stays in US dollars.

Link fields are read on a session's first run only, as ui/share.py reads the scenario's.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from lib.core import i18n
from lib.core.errors import DashboardError
from lib.core.i18n import _, quote
from lib.inputs import links
from lib.inputs.won_rate import DATE_FIELD, MAX_RATE, MIN_RATE, RATE_FIELD, RATE_HELP, parse_date, parse_rate, today
from lib.pricing import labels
from ui import server_limits, widget_state

from . import Box

PREFIX = "lang_"
SEEN = PREFIX + "seen"  # the link's fields were read (a session's first run)
CHOSEN = PREFIX + "chosen"  # the language the reader chose (link or sidebar), or None: the browser's
WIDGET = PREFIX + "choice"  # the sidebar's control
RATE = PREFIX + "krw_rate"  # won per US dollar, or None: amounts in US dollars
DATE = PREFIX + "krw_date"  # the day of that rate
KRW_OPEN = PREFIX + "krw_open"  # the won section is open (Streamlit's expander state)
PROBLEMS = PREFIX + "problems"  # what was wrong with the link's fields, in the words of the first run

LANG_FIELD = "lang"
FIELDS = (LANG_FIELD, RATE_FIELD, DATE_FIELD)  # ui/share.py leaves these out of the scenario's parameters


def _from_link(params: dict[str, list[str]]) -> tuple[str | None, float | None, dt.date | None]:
    """(chosen language, rate, its day) from the link's own fields; what was wrong with them is
    worded once the language is known (`_link_problems`)."""
    one = {k: v[-1] for k, v in params.items() if k in FIELDS and v}
    chosen = None
    if LANG_FIELD in one:
        code = one[LANG_FIELD].strip().lower()
        if code in i18n.LANGS:
            chosen = code
        else:
            chosen = i18n.DEFAULT  # a link that asks for a language we do not have opens in English
    rate = day = None
    if RATE_FIELD in one:
        rate, _why = parse_rate(one[RATE_FIELD])
    if DATE_FIELD in one:
        day, _why = parse_date(one[DATE_FIELD])
    return chosen, rate, day


def _link_problems(params: dict[str, list[str]]) -> list[str]:
    """The link's language and won fields that could not be used, in the run's language."""
    out = [
        _("{field}: given {count} times in the link; the last one was used").format(field=k, count=len(params[k]))
        for k in FIELDS
        if len(params.get(k, [])) > 1
    ]
    one = {k: v[-1] for k, v in params.items() if k in FIELDS and v}
    if LANG_FIELD in one and one[LANG_FIELD].strip().lower() not in i18n.LANGS:
        out.append(
            _(
                "{field}: {value} is not a language of this app (en: English, ko: Korean); the page is shown in English"
            ).format(field=LANG_FIELD, value=quote(one[LANG_FIELD]))
        )
    return out + _won_problems(one)


def _won_problems(one: dict[str, str]) -> list[str]:
    """The won rate and its day from a link (the last of each): each readable, and neither without the other
    (a rate is only used with the day it is from)."""
    out = []
    rate = day = None
    if RATE_FIELD in one:
        rate, why = parse_rate(one[RATE_FIELD])
        out += [why] if why else []
    if DATE_FIELD in one:
        day, why = parse_date(one[DATE_FIELD])
        out += [why] if why else []
    if rate is not None and DATE_FIELD not in one:
        out.append(
            _(
                "{field}: missing: a won rate needs the day it is from (krw_date=2026-11-20); "
                "amounts are shown in US dollars"
            ).format(field=DATE_FIELD)
        )
    if day is not None and RATE_FIELD not in one:
        out.append(_("{field}: a date without a rate (krw_rate) is not used").format(field=DATE_FIELD))
    return out


def start_run() -> None:
    """First thing in every run: the language and the won rate of this run."""
    server_limits.install()  # once per process: per-session upload and rerun bounds (issue 30)
    widget_state.install()  # once per process: an input reads its own key, not the whole state (issue 29)
    server_limits.drop_unreadable_state()  # a value the browser sent that its input cannot read
    ss = st.session_state
    if SEEN not in ss:
        params = {k: st.query_params.get_all(k) for k in FIELDS if k in st.query_params}
        chosen, rate, day = _from_link(params)
        ss[SEEN] = True
        ss[CHOSEN] = chosen
        ss[RATE], ss[DATE] = (rate, day) if rate is not None and day is not None else (None, None)
        i18n.set_lang(chosen or i18n.from_locale(st.context.locale))
        ss[PROBLEMS] = _link_problems(params)  # worded in the language the page opens in
    i18n.set_lang(current())
    i18n.set_krw(krw())


T = TypeVar("T")


BUILDERS = 2  # downloads built at once per process; the rest wait their turn
BUILD_WAIT_S = 120.0
_BUILDING = threading.BoundedSemaphore(BUILDERS)


def deferred(build: Callable[[], T]) -> Callable[[], T]:
    """A download's builder, to run in this run's language and currency. Streamlit builds a file given
    as a function when the reader clicks, after this run, in a thread whose language is the default:
    without this a Korean page's deck, spreadsheet and CSV came out in English, in dollars."""
    lang, krw = i18n.lang(), i18n.krw()

    def build_here() -> T:
        # queued: at most BUILDERS files are built at once per process (20 simultaneous decks took
        # 16.7 s of CPU at once, and every session's reruns waited behind them)
        if not _BUILDING.acquire(timeout=BUILD_WAIT_S):
            raise DashboardError(_("The server is busy building other files; try again in a minute."))
        try:
            with i18n.using(lang, krw=krw):
                return build()
        finally:
            _BUILDING.release()

    return build_here


def in_callback() -> None:
    """At the top of a callback that words a message: callbacks run before the frame sets the run's
    language (each run's thread starts in English)."""
    i18n.set_lang(current())
    i18n.set_krw(krw())


def current() -> str:
    """The language of this run: the reader's choice, else their browser's."""
    return st.session_state.get(CHOSEN) or i18n.from_locale(st.context.locale)


def krw() -> i18n.Krw | None:
    rate, day = st.session_state.get(RATE), st.session_state.get(DATE)
    if rate is None or day is None:
        return None
    return i18n.Krw(float(rate), day)


def link_problems() -> list[str]:
    """The link's language and won fields that were not used (ui/share.py shows them with the others)."""
    return list(st.session_state.get(PROBLEMS) or [])


def query() -> dict[str, str]:
    """This session's fields for the share link: the chosen language and the won rate, if any."""
    q = {}
    if st.session_state.get(CHOSEN):
        q[LANG_FIELD] = st.session_state[CHOSEN]
    k = krw()
    if k is not None:
        q[RATE_FIELD] = links.format_value(k.rate)
        q[DATE_FIELD] = k.as_of.isoformat()
    return q


# ---- callbacks: before the next run, so the run starts in the new language -------------------


def _on_language() -> None:
    code = st.session_state.get(WIDGET)
    if code in i18n.LANGS and code != st.session_state.get(CHOSEN):
        _resend_choices()  # before the language changes: the values are read with the old words
        st.session_state[CHOSEN] = code


# Value types of the inputs whose browser-side value is the option's shown text (selectbox, multiselect,
# segmented control, pills): Streamlit 1.67 sends the text back and maps it to the option by the words of
# the last run.
_TEXT_VALUED = ("string_value", "string_array_value")


def _resend_choices() -> None:
    """Every choice input's value set again, so the next run sends the browser its new words.

    A choice input keeps, in the browser, the text of its option as the last run wrote it ("Choose a
    preset..."). After a switch to Korean, the next thing the reader touches sends that English text
    back; the Korean run no longer has it, and Streamlit would take it as a new value (the preset box
    tried to load a preset named "Choose a preset..."). A value set from Python is sent to the browser
    in its new words. Streamlit internals (pinned version): without them, nothing is changed."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        from streamlit.runtime.state.common import is_element_id, user_key_from_element_id

        ctx = get_script_run_ctx()
        if ctx is None:  # not inside a script run: nothing to change
            return
        widgets = ctx.session_state._state._new_widget_state
        keys = [
            user_key_from_element_id(i)
            for i, m in list(widgets.widget_metadata.items())
            if is_element_id(i)
            and m.value_type in _TEXT_VALUED
            and "DataEditor" not in type(getattr(m.deserializer, "__self__", None)).__name__
        ]  # not settable
    except Exception:
        return
    for k in keys:
        if k and k != WIDGET and k in st.session_state:
            try:
                st.session_state[k] = st.session_state[k]
            except Exception:  # an input that cannot be set from Python keeps its value as it is
                pass


def _on_krw() -> None:
    rate, day = st.session_state.get(PREFIX + "rate_in"), st.session_state.get(PREFIX + "date_in")
    if rate is None or not rate:
        st.session_state[RATE] = None
        return
    st.session_state[RATE] = float(rate)
    st.session_state[DATE] = day or today()


# ---- what the reader sees ---------------------------------------------------------------------


def language_control(box: Box) -> None:
    """English / 한국어, each in its own language (what a reader looks for)."""
    st.session_state[WIDGET] = current()
    box.segmented_control(
        _("Language"),
        list(i18n.LANGS),
        format_func=i18n.LANGS.get,
        key=WIDGET,
        required=True,
        on_change=_on_language,
        label_visibility="collapsed",
    )


def krw_controls(box: Box) -> None:
    """The won rate and its day, behind an expander: most readers keep US dollars. Its two inputs are drawn
    only while it is open (Streamlit's lazy expander; issue 29, fifth round: two messages of every rerun
    on every page, sent to sit hidden); they are seeded from the rate in use on every run, so nothing is
    lost while they are not drawn."""
    k = krw()
    st.session_state[PREFIX + "rate_in"] = k.rate if k else None
    st.session_state[PREFIX + "date_in"] = k.as_of if k else today()
    section = box.expander(
        _("Amounts in won (KRW)"), icon=":material/payments:", expanded=False, key=KRW_OPEN, on_change="rerun"
    )
    if not section.open:
        return
    with section:
        st.number_input(
            _("Won per US dollar"),
            min_value=MIN_RATE,
            max_value=MAX_RATE,
            value=None,
            step=1.0,
            format="%.2f",
            key=PREFIX + "rate_in",
            on_change=_on_krw,
            help=_(RATE_HELP),
            placeholder=_("Empty: US dollars"),
        )
        st.date_input(
            _("Rate as of"),
            value=None,
            max_value=today(),
            key=PREFIX + "date_in",
            on_change=_on_krw,
            help=_("The day the exchange rate is from (not in the future). It is shown with every amount."),
        )


def krw_caption() -> None:
    """Wherever amounts are shown: the rate, its day, and that the price book is in US dollars."""
    k = krw()
    if k is None:
        return
    st.caption(
        ":material/payments: "
        + _(
            "Amounts in won at {rate} won per US dollar ({day}, the rate you entered). The price book is in US "
            "dollars; unit prices stay in dollars."
        ).format(rate=labels.number(k.rate, 2 if k.rate % 1 else 0), day=labels.date_text(k.as_of))
    )
