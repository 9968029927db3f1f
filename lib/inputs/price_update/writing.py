"""Writing a new book: rendered in the old one's layout, read back and validated, renamed over the
current book only then; the previous book kept in the history folder with the change report."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ...core.i18n import _
from .. import pricebook
from ..price_lists import PriceListError
from .changes import diff
from .layout import render, render_keeping_layout


@dataclass(frozen=True)
class Result:
    changed: bool
    old_version: str
    new_version: str
    report: str
    regions_added: tuple[str, ...]
    regions_left_out: tuple[tuple[str, str], ...]  # (region, reason)


def _header(old_text: str, today: str) -> str:
    lines = []
    for line in old_text.splitlines():
        if not line.startswith("#"):
            break
        if not line.startswith("# Updated by"):
            lines.append(line)
    lines.append(f"# Updated by `python -m lib prices update` on {today} from the vendors' price lists;")
    lines.append("# entries without a list (GitHub, Docker Hub, Google Cloud, caps, assumptions) are kept by hand.")
    return "\n".join(lines)


def _write_atomic(path: Path, text: str) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    return Path(tmp)


def next_version(old: pricebook.PriceBook, history_dir: Path, today: str) -> str:
    if today > old.version:
        return today
    n = 2  # a second update on one day: keep versions unique and ordered
    while f"{today}-{n}" <= old.version or (history_dir / f"{today}-{n}.yaml").exists():
        n += 1
    return f"{today}-{n}"


def write_book(
    book_path: Path,
    history_dir: Path,
    old_text: str,
    old_doc: dict[str, Any],
    old: pricebook.PriceBook,
    doc: dict[str, Any],
    today: str,
    tail: list[str],
    added: tuple[str, ...],
    left_out: tuple[tuple[str, str], ...],
    dry_run: bool,
) -> Result:
    """Write the new book: rendered in the old one's layout, read back and validated, the old one
    kept in the history folder with the change report; nothing written on any error."""
    new_version = str(doc["version"])
    tmp = _write_atomic(book_path, _rendered(old_text, old_doc, doc, today))
    try:
        new = pricebook.load(tmp)
        _check_resolves(new)
        changes = diff(old, new)
        report = [
            _("Price book {old} -> {new}").format(old=old.version, new=new_version),
            _("Changed prices ({n}):").format(n=len(changes)) if changes else _("No price changed."),
        ] + changes
        report += tail
        changed = bool(changes)
        if not changed or dry_run:
            if not changed:
                report.append(_("The current book stays as it is."))
            tmp.unlink()
            return Result(False if dry_run else changed, old.version, new_version, "\n".join(report), added, left_out)
        kept = _keep_old(history_dir, old.version, old_text)
        report.append(_("Previous book kept as {path}").format(path=kept))
        (history_dir / f"{new_version}.changes.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
        os.replace(tmp, book_path)
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    return Result(True, old.version, new_version, "\n".join(report), added, left_out)


def _rendered(old_text: str, old_doc: dict[str, Any], doc: dict[str, Any], today: str) -> str:
    """The new book's text, in the old one's layout where that reads back as `doc`, else written anew; a text
    that does not read back as `doc` either is an error (nothing is written)."""
    text = render_keeping_layout(old_text, old_doc, doc, _header(old_text, today))
    if text is None or yaml.safe_load(text) != doc:  # an unfamiliar layout: write the whole book anew
        text = render(doc, _header(old_text, today))
    if yaml.safe_load(text) != doc:
        raise PriceListError(_("internal: the written book does not read back as built; nothing written"))
    return text


def _check_resolves(new: pricebook.PriceBook) -> None:
    """Every entry resolves in every region (a regional entry missing a region raises here, before the book
    is replaced)."""
    for r in new.regions:
        for p in new.prices.values():
            if p.by is None:
                p.resolve(r)


def _keep_old(history_dir: Path, version: str, old_text: str) -> Path:
    """The old book kept as HISTORY/<version>.yaml (already there is fine when it is the same text)."""
    history_dir.mkdir(parents=True, exist_ok=True)
    kept = history_dir / f"{version}.yaml"
    if kept.exists() and kept.read_text(encoding="utf-8") != old_text:
        raise PriceListError(
            _("{path}: already holds a different book {version}; nothing written").format(path=kept, version=version)
        )
    if not kept.exists():
        htmp = _write_atomic(kept, old_text)
        os.replace(htmp, kept)
    return kept
