"""Errors that carry a message meant for a person, naming what is wrong and where."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

QUOTE_CHARS = 60


class DashboardError(Exception):
    """Every error of this project with a message for a person; the CLI prints it as one line."""


class InputError(DashboardError, ValueError):
    """Bad user input: a scenario field, a link parameter, an uploaded file."""

    def __init__(self, problems: str | Iterable[str]) -> None:
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


class PriceBookError(DashboardError, ValueError):
    """A price file that cannot be used; the message names the file, the entry and the problem."""


class DataFileError(DashboardError, ValueError):
    """Another file under data/ (e.g. onetime.yaml) that cannot be used: names the file and the entry."""


def _visible(ch: str) -> str:
    """A control, format or line-separator character as a visible escape (\\n, \\u202e)."""
    if ch in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch]
    if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
        return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
    return ch


MAX_MARKS = 2  # combining marks kept on one character: enough for any script's accents


def _few_marks(text: str) -> str:
    """Combining marks past MAX_MARKS on one character as visible escapes: hundreds of them stack
    above and below the line ("Zalgo" text) and cover the message around the quote."""
    out, run = [], 0
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Me"):
            run += 1
            if run > MAX_MARKS:
                out.append(f"\\u{ord(ch):04x}")
                continue
        else:
            run = 0
        out.append(ch)
    return "".join(out)


def quote(value: object, limit: int = QUOTE_CHARS) -> str:
    """Anything a user typed or uploaded, made safe to show inside a message: on one line,
    truncated to `limit` characters with an ellipsis, and as a Markdown code span, so that
    Streamlit shows it as text (no links, images or headings) and the CLI shows it plainly.

    Every message that repeats a user's name or value goes through here."""
    from .i18n import _  # here, not at the top: lib.i18n imports this module

    text = value if isinstance(value, str) else _short_repr(value)
    if not text:
        return _("(empty)")
    text = _few_marks("".join(_visible(c) for c in text[: limit + 1]))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    # a code span's fence must be longer than any run of backticks inside it
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _short_repr(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value).bit_length() > 200:
        # repr() of an int over 4,300 digits raises; the size is what matters here
        from .i18n import _

        return _("a number of about {digits:,} digits").format(digits=int(abs(value).bit_length() * 0.30103) + 1)
    try:
        return repr(value)[: QUOTE_CHARS * 4]
    except (ValueError, RecursionError):
        from .i18n import _

        return _("a {kind}").format(kind=type(value).__name__)
