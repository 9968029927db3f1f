"""The price book written as YAML in its own layout: an edit of the old file where its layout is
the familiar one (comments, order and untouched entries kept byte for byte), else the whole book anew."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import yaml

_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def _scalar(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        # positional, never repr's 1e-05: YAML 1.1 (PyYAML) reads an exponent without a dot as text
        text = format(Decimal(repr(v)), "f")
        return text if "." in text else text + ".0"
    if isinstance(v, str):  # YAML's own choice: plain where safe, quoted where needed
        text = yaml.safe_dump(v, default_flow_style=True, width=1 << 20, allow_unicode=True)
        text = text[:-5] if text.endswith("\n...\n") else text.rstrip("\n")
        return json.dumps(v, ensure_ascii=False) if text[:1] in "'\"" else text  # the book quotes with "
    if isinstance(v, dict):  # a flow mapping: its strings are always quoted (a plain comma would end the value)
        return (
            "{"
            + ", ".join(
                f"{_key(k)}: {json.dumps(x, ensure_ascii=False) if isinstance(x, str) else _scalar(x)}"
                for k, x in v.items()
            )
            + "}"
        )
    return json.dumps(v, ensure_ascii=False)


def _key(k: object) -> str:
    k = str(k)
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", k) and k.lower() not in _YAML_WORDS:
        return k
    return json.dumps(k, ensure_ascii=False)


def _entry_lines(k: str, entry: dict[str, Any]) -> list[str]:
    """One price entry in the book's layout; its `regional` sources one region a line."""
    out = [f"  {_key(k)}:"]
    for f, x in entry.items():
        if f == "regional" and isinstance(x, dict):
            out.append("    regional:")
            out += [f"      {_key(r)}: {_scalar(rec)}" for r, rec in x.items()]
        else:
            out.append(f"    {_key(f)}: {_scalar(x)}")
    return out


def render(doc: dict[str, Any], header: str) -> str:
    out = [header.rstrip("\n")] if header else []
    for top, v in doc.items():
        if top == "prices":
            out.append("")
            out.append("prices:")
            for k, entry in v.items():
                out += _entry_lines(k, entry)
        elif top == "regions":
            out.append("regions:")
            out += [f"  {_key(r)}: {_scalar(n)}" for r, n in v.items()]
        elif isinstance(v, (dict, list)):
            out.append(yaml.safe_dump({top: v}, sort_keys=False, allow_unicode=True).rstrip("\n"))
        else:
            out.append(f"{_key(top)}: {_scalar(v)}")
    return "\n".join(out) + "\n"


def render_keeping_layout(old_text: str, old_doc: dict[str, Any], doc: dict[str, Any], header: str) -> str | None:
    """The new book as an edit of the old file: section comments, order and untouched entries
    stay byte for byte; only the version, the regions and changed entries are rewritten.
    None when the old file's layout is not the one this understands (then render() is used)."""
    lines = old_text.splitlines()
    body = [i for i, line in enumerate(lines) if not line.startswith("#")]
    if not body:
        return None
    out = header.rstrip("\n").splitlines()
    i, n = body[0], len(lines)
    in_prices = False
    while i < n:
        top = _TOP_KEY.match(lines[i])
        entry = _PRICE_KEY.match(lines[i]) if in_prices and not top else None
        if top:
            in_prices = top.group(1) == "prices"
            written, i = _top_level(lines, i, top.group(1), doc)
        elif entry:
            kept = _price_entry(lines, i, str(yaml.safe_load(entry.group(1))), old_doc, doc)
            if kept is None:
                return None
            written, i = kept
        else:  # a comment or a blank line between the sections: as it was
            written, i = [lines[i]], i + 1
        out += written
    return "\n".join(out) + "\n"


_TOP_KEY = re.compile(r"^([A-Za-z_][\w.-]*):(.*)$")  # `version:`, `regions:`, `prices:` ...
_PRICE_KEY = re.compile(r"^  ([^\s#][^:]*):\s*$")  # an entry under `prices:`, its fields on the lines below


def _top_level(lines: list[str], i: int, key: str, doc: dict[str, Any]) -> tuple[list[str], int]:
    """(lines written, next line) for the top-level key on line i: the version and the regions are the new
    book's (the old regions' lines skipped); any other key's line stays."""
    if key == "version":
        return [f"version: {json.dumps(doc['version'])}"], i + 1
    if key != "regions":
        return [lines[i]], i + 1
    written = ["regions:"] + [
        f"  {_key(r)}: {json.dumps(name, ensure_ascii=False)}" for r, name in doc["regions"].items()
    ]
    i += 1
    while i < len(lines) and (lines[i].startswith("  ") and not lines[i].lstrip().startswith("#")):
        i += 1
    return written, i


def _price_entry(
    lines: list[str], i: int, k: str, old_doc: dict[str, Any], doc: dict[str, Any]
) -> tuple[list[str], int] | None:
    """(lines written, next line) for the price entry `k` starting on line i: its old lines when it did not
    change, else written anew; None when the new book lacks it (the layout is not one this understands)."""
    n = len(lines)
    j = i + 1
    # the entry's lines: indented under it, and a blank line followed by more of them
    while j < n and (
        lines[j].startswith("    ") or (not lines[j].strip() and j + 1 < n and lines[j + 1].startswith("    "))
    ):
        j += 1
    if k not in doc["prices"]:
        return None
    if doc["prices"][k] == old_doc["prices"].get(k):
        return lines[i:j], j
    return _entry_lines(k, doc["prices"][k]), j
