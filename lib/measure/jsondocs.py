"""A file's bytes to JSON documents, refusing what no inventory is (the one place files are parsed)."""

from __future__ import annotations

import json
from typing import Any

from ..errors import DashboardError
from ..i18n import N_, _
from .limits import MAX_DOCS_PER_FILE, MAX_FILE_BYTES, MAX_VALUES, MB
from .sources import Source


class FileProblems(DashboardError):
    """A file-level refusal, collected into the InputError that names every file."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def json_docs(src: Source) -> list[Any]:
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
    # a small file of many tiny values ([0,0,0,...]) would take ~50 bytes of memory per byte: count
    # the separators first (a fast byte count) and refuse before parsing
    # (every value takes at least two bytes, so a smaller file cannot hold too many)
    values = src.data.count(b",") if len(src.data) > 2 * MAX_VALUES else 0
    if values > MAX_VALUES:
        raise FileProblems(
            [
                _(
                    "{n:,} JSON values is more than one inventory file holds (at most {most:,}); split the export"
                ).format(n=values, most=MAX_VALUES)
            ]
        )
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
    # several JSON documents back to back: `gh api --paginate` prints one array per page
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


def not_json(e: json.JSONDecodeError) -> str:
    # e.msg is the json module's own English ("Expecting value"): a technical detail, kept as it is
    return _("not valid JSON (line {line}, column {column}: {why})").format(line=e.lineno, column=e.colno, why=e.msg)


HTML_PAGE = N_(
    "an HTML page, not JSON: a web page (a sign-in, an error or a rate-limit page) was saved instead of the "
    "API's answer; run the command again and check that it printed JSON"
)
TOO_LONG_NUMBER = N_("a number with thousands of digits: no inventory holds one (expected JSON from a registry)")
