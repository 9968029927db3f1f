"""Scenario files: YAML with the workload's field names, read safely.

Uploaded files are untrusted: they are size-capped, checked for deep nesting and too many tokens
before parsing, may not use aliases (the "billion laughs" bomb), language tags (`!!python/...`),
YAML 1.1 numbers (`1:20`, `0x10`) or duplicate keys, and must be a flat mapping of known fields
(lib/core/safeyaml.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..core import safeyaml
from ..core.errors import InputError
from ..core.i18n import _, quote
from . import pricebook
from .workload import Workload, from_dict

# A full scenario file is about 1 KB. PyYAML's pure-Python scanner reads about 1 MB a second,
# so 100 KB keeps the worst file that passes every check to about a tenth of a second.
MAX_BYTES = 100_000
META_FIELDS = ("name", "description", "price_book")  # informational; not workload inputs


def parse_yaml(text: str | bytes, source: str | None = None) -> dict[str, Any]:
    source = source or _("scenario file")  # named in every problem; translated now, not at import
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise InputError(
                _("{source}: {size:,} bytes is larger than the 100 KB limit").format(source=source, size=len(text))
            )
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(_("{source}: not a text file (it is not UTF-8)").format(source=source)) from None
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise InputError(_("{source}: larger than the 100 KB limit").format(source=source))
    try:
        doc = safeyaml.load(text)
    except safeyaml.Refused as e:
        raise InputError(f"{source}: {e}") from None
    except (RecursionError, MemoryError, ValueError, OverflowError) as e:  # belt and braces: never a traceback
        raise InputError(
            _("{source}: cannot be read as a scenario file ({error})").format(source=source, error=type(e).__name__)
        ) from None
    except yaml.constructor.ConstructorError as e:
        tag = getattr(e, "problem", "") or str(e)
        raise InputError(
            _("{source}: unsupported YAML tag ({tag}); only plain values are allowed").format(
                source=source, tag=quote(tag.strip())
            )
        ) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or e  # PyYAML's own words: English
        if mark:
            raise InputError(
                _("{source}: not valid YAML at line {line}, column {column}: {problem}").format(
                    source=source, line=mark.line + 1, column=mark.column + 1, problem=problem
                )
            ) from None
        raise InputError(_("{source}: not valid YAML: {problem}").format(source=source, problem=problem)) from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise InputError(
            _("{source}: expected a mapping of field: value at the top, got {kind}").format(
                source=source, kind=type(doc).__name__
            )
        )
    return doc


def split_meta(doc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    meta = {k: doc[k] for k in META_FIELDS if k in doc}
    fields = {k: v for k, v in doc.items() if k not in META_FIELDS}
    return fields, meta


def meta_problems(meta: dict[str, Any]) -> list[str]:
    """The informational fields are checked too: `price_book` names a file in data/price_history/."""
    book = meta.get("price_book")
    if book is not None and not pricebook.valid_version(str(book)):
        return [
            _("price_book: {value} is not a price book version ({rule})").format(
                value=quote(str(book)), rule=pricebook.VERSION_RULE
            )
        ]
    return []


def loads(text: str | bytes, source: str | None = None) -> tuple[Workload, dict[str, Any]]:
    source = source or _("scenario file")
    fields, meta = split_meta(parse_yaml(text, source))
    problems = meta_problems(meta)
    try:
        w = from_dict(fields)
    except InputError as e:
        problems += e.problems
    if problems:
        raise InputError([f"{source}: {p}" for p in problems])
    return w, meta


def load(path: str | Path) -> tuple[Workload, dict[str, Any]]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(
            _("{path}: cannot read the scenario file ({error})").format(path=path, error=e.strerror)
        ) from None
    return loads(data, str(path))


def dumps(w: Workload, meta: dict[str, Any] | None = None, only_changed: bool = False) -> str:
    doc = {**(meta or {}), **w.to_dict(only_changed=only_changed)}
    return safeyaml.dump(doc, sort_keys=False, allow_unicode=True)
