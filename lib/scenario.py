"""Scenario files: YAML with the workload's field names, read safely.

Uploaded files are untrusted: they are size-capped, may not use aliases (the "billion laughs"
bomb) or language tags (`!!python/...`), and must be a flat mapping of known fields.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError
from .workload import Workload, from_dict

MAX_BYTES = 1_000_000
META_FIELDS = ("name", "description", "price_book")  # informational; not workload inputs


def parse_yaml(text: str | bytes, source: str = "scenario file") -> dict:
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise InputError(f"{source}: {len(text):,} bytes is larger than the 1 MB limit")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{source}: not a text file (it is not UTF-8)") from None
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise InputError(f"{source}: larger than the 1 MB limit")
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise InputError(f"{source}: YAML aliases (*{event.anchor}) are not allowed in a scenario file")
        doc = yaml.safe_load(text)
    except yaml.constructor.ConstructorError as e:
        tag = getattr(e, "problem", "") or str(e)
        raise InputError(f"{source}: unsupported YAML tag ({tag.strip()}); only plain values are allowed") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InputError(f"{source}: not valid YAML{at}: {getattr(e, 'problem', None) or e}") from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise InputError(f"{source}: expected a mapping of field: value at the top, got {type(doc).__name__}")
    return doc


def split_meta(doc: dict) -> tuple[dict, dict]:
    meta = {k: doc[k] for k in META_FIELDS if k in doc}
    fields = {k: v for k, v in doc.items() if k not in META_FIELDS}
    return fields, meta


def loads(text: str | bytes, source: str = "scenario file") -> tuple[Workload, dict]:
    fields, meta = split_meta(parse_yaml(text, source))
    try:
        return from_dict(fields), meta
    except InputError as e:
        raise InputError([f"{source}: {p}" for p in e.problems]) from None


def load(path: str | Path) -> tuple[Workload, dict]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read the scenario file ({e.strerror})") from None
    return loads(data, str(path))


def dumps(w: Workload, meta: dict | None = None, only_changed: bool = False) -> str:
    doc = {**(meta or {}), **w.to_dict(only_changed=only_changed)}
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)

