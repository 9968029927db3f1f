"""A file's bytes to JSON documents, refusing what no inventory is (the one place files are parsed)."""

from __future__ import annotations

import json
from typing import Any

from ..core import bounded
from ..core.errors import DashboardError
from ..core.i18n import N_, _
from .limits import BYTES_PER_VALUE, MAX_DEPTH, MAX_DOCS_PER_FILE, MAX_FILE_BYTES, MAX_VALUES, MB
from .sources import Source


class FileProblems(DashboardError):
    """A file-level refusal, collected into the InputError that names every file."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def max_values(n: int) -> int:
    """Values a file of n bytes may hold: registry exports spend 20-30 bytes per value, so one per
    BYTES_PER_VALUE bytes keeps a parse at a few times the file's size (a list costs 72 bytes of memory)."""
    return min(MAX_VALUES, max(10_000, n // BYTES_PER_VALUE))


def _text(src: Source) -> str:
    """The file as text: refused when too large, not UTF-8 (a BOM is allowed) or empty."""
    if len(src.data) > MAX_FILE_BYTES:
        raise FileProblems(
            [
                _("{n:,} bytes is larger than the {mb:,} MB limit for one file").format(
                    n=len(src.data), mb=MAX_FILE_BYTES // MB
                )
            ]
        )
    try:
        text = src.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblems([_("not a text file (it is not UTF-8); expected JSON")]) from None
    if not text.strip():
        raise FileProblems([_("the file is empty; expected JSON")])
    return text


def _check_bounds(src: Source) -> None:
    """json.loads takes ~50 bytes of memory per value and a file of `[[[]]]` is all values: count values
    and nesting before parsing (lib/core/bounded.py), whatever the file's size."""
    try:
        bounded.check_json(
            src.data, max_depth=MAX_DEPTH, max_values=max_values(len(src.data)), max_bytes=MAX_FILE_BYTES
        )
    except bounded.BoundExceeded as e:
        raise FileProblems([_("{why}; not an inventory file (split a larger export)").format(why=e)]) from None


def _one_document(text: str) -> list[Any] | None:
    """The file as one JSON document; None when more follow it (json's "Extra data"), any other fault
    refused in words (an HTML page said as such)."""
    try:
        return [json.loads(text)]
    except RecursionError:
        raise FileProblems([_("JSON nested too deeply to be an inventory")]) from None
    except json.JSONDecodeError as e:
        if e.msg != "Extra data":
            if text.lstrip()[:1] == "<":
                raise FileProblems([_(HTML_PAGE)]) from None
            raise FileProblems([not_json(e)]) from None
    except ValueError:  # int() refuses more than 4,300 digits (a plain ValueError, not a decode error)
        raise FileProblems([_(TOO_LONG_NUMBER)]) from None
    return None


def _documents(text: str) -> list[Any]:
    """Several JSON documents back to back (`gh api --paginate` prints one array per page), at most
    MAX_DOCS_PER_FILE of them."""
    docs: list[Any] = []
    dec, pos, n = json.JSONDecoder(), 0, len(text)
    try:
        while pos < n:
            while pos < n and text[pos].isspace():
                pos += 1
            if pos >= n:
                break
            if len(docs) >= MAX_DOCS_PER_FILE:
                raise FileProblems([_("more than {n:,} JSON documents in one file").format(n=MAX_DOCS_PER_FILE)])
            doc, pos = dec.raw_decode(text, pos)
            docs.append(doc)
    except RecursionError:
        raise FileProblems([_("JSON nested too deeply to be an inventory")]) from None
    except json.JSONDecodeError as e:
        raise FileProblems([not_json(e)]) from None
    except ValueError:
        raise FileProblems([_(TOO_LONG_NUMBER)]) from None
    return docs


def json_docs(src: Source) -> list[Any]:
    """The file's JSON documents (one, or several back to back); FileProblems saying why it is refused."""
    text = _text(src)
    _check_bounds(src)
    one = _one_document(text)
    return one if one is not None else _documents(text)


def not_json(e: json.JSONDecodeError) -> str:
    # e.msg is the json module's own English ("Expecting value"): a technical detail, kept as it is
    return _("not valid JSON (line {line}, column {column}: {why})").format(line=e.lineno, column=e.colno, why=e.msg)


HTML_PAGE = N_(
    "an HTML page, not JSON: a web page (a sign-in, an error or a rate-limit page) was saved instead of the "
    "API's answer; run the command again and check that it printed JSON"
)
TOO_LONG_NUMBER = N_("a number with thousands of digits: no inventory holds one (expected JSON from a registry)")
