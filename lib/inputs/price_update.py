"""`python -m lib prices update --from DIR`: a new dated price book from the vendors' price lists.

Entries the lists price (AWS offer files, Azure Retail Prices pages) get new values, their
source URL and as-of date; every other entry (GitHub, Docker Hub, Google Cloud, Nexus caps,
assumptions, anything added by hand later) is carried forward unchanged. A region is offered
only when every region-keyed entry, sourced or hand-kept, has a price for it.

The new book is written to a temporary file, loaded back and validated, and only then renamed
over data/prices.yaml; the previous book is kept in data/price_history/<its version>.yaml so
old share links still explain what changed. Any error leaves the current book untouched.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

import yaml

from ..core.i18n import _
from . import price_lists as pl, price_pages as pp, pricebook, regions as regionmap
from .price_lists import PriceListError
from .price_pages import is_pages_dir

AUTO_NOTE = re.compile(r"^Read from the [^()]*\([^()]*\)\.\s*")
AUTO_NOTE_KO = re.compile(r"^\S+ 가격표에서 읽음\([^()]*\)\.\s*")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


@dataclass(frozen=True)
class Result:
    changed: bool
    old_version: str
    new_version: str
    report: str
    regions_added: tuple[str, ...]
    regions_left_out: tuple[tuple[str, str], ...]  # (region, reason)


def _flat(book: pricebook.PriceBook) -> dict[tuple[str, str | None], tuple[float, str, str]]:
    """(value, English unit: what is compared, unit in the reader's language: what is shown) per price."""
    out: dict[tuple[str, str | None], tuple[float, str, str]] = {}
    for k, p in book.prices.items():
        if isinstance(p.value, dict):
            for d, v in p.value.items():
                out[(k, str(d))] = (float(v), p.unit, p.shown_unit)
        else:
            out[(k, None)] = (float(p.value), p.unit, p.shown_unit)  # None: the entry has one value
    return out


def diff(old: pricebook.PriceBook, new: pricebook.PriceBook) -> list[str]:
    """One line per price that differs, was added or was removed."""
    a, b = _flat(old), _flat(new)
    lines = []
    for key in sorted(set(a) | set(b), key=lambda t: (t[0], t[1] or "")):
        name = key[0] + (f" [{key[1]}]" if key[1] else "")
        if key not in b:
            lines.append(
                "  " + _("removed  {name}: was {value:g} {unit}").format(name=name, value=a[key][0], unit=a[key][2])
            )
        elif key not in a:
            lines.append(
                "  " + _("added    {name}: {value:g} {unit}").format(name=name, value=b[key][0], unit=b[key][2])
            )
        elif abs(a[key][0] - b[key][0]) > 1e-12 or a[key][1] != b[key][1]:
            pct = f" ({(b[key][0] / a[key][0] - 1):+.1%})" if a[key][0] else ""
            lines.append(
                "  "
                + _("changed  {name}: {old:g} -> {new:g} {unit}{change}").format(
                    name=name, old=a[key][0], new=b[key][0], unit=b[key][2], change=pct
                )
            )
    return lines


def _source_of(founds: Sequence[pl.Found]) -> str:
    srcs = sorted({f.source for f in founds})
    if len(srcs) == 1:
        return srcs[0]
    # regional files (EC2): the region index lists each region's file
    return re.sub(r"/current/[^/]+/index\.json$", "/current/region_index.json", srcs[0])


def _note(founds: Sequence[pl.Found], old_note: str | dict[str, str], vendor: str) -> str | dict[str, str]:
    """Where the figure was read, then the note a person wrote (kept in each language it has)."""
    f = founds[0]
    dates = sorted({x.as_of for x in founds})
    when = "published" if vendor == "AWS" else "read"  # Retail Prices pages carry no publication date
    auto = f"Read from the {vendor} price list ({when} {dates[-1]}; page {f.page})."
    if isinstance(old_note, dict):  # {en, ko}: the same fact in Korean before the Korean note
        when_ko = "게시일" if vendor == "AWS" else "읽은 날"
        auto_ko = f"{vendor} 가격표에서 읽음({when_ko} {dates[-1]}, 페이지 {f.page})."
        human_en = AUTO_NOTE.sub("", old_note.get("en", "")).strip()
        human_ko = AUTO_NOTE_KO.sub("", old_note.get("ko", "")).strip()
        return {"en": f"{auto} {human_en}".strip(), "ko": f"{auto_ko} {human_ko}".strip()}
    human = AUTO_NOTE.sub("", old_note or "").strip()
    return f"{auto} {human}".strip()


MAX_CHANGE = 3.0  # a list price that triples or falls to a third is more likely a wrong file than a new price


class Reading(Protocol):
    """One price as a reader found it: a price list's Found, a pricing page's or a sourced file's Figure."""

    @property
    def value(self) -> float: ...
    @property
    def as_of(self) -> str: ...
    @property
    def detail(self) -> str: ...  # the file and the entry it was read in


def _current(old: pricebook.PriceBook, key: str, sub: str) -> float | None:
    """The current book's figure that `sub` (a region, or a `by:` entry's choice) would replace;
    None for a region the book does not have yet (a new region's figure changes nothing)."""
    p = old.prices.get(key)
    if p is None:
        return None
    if p.by is not None:
        was = p.value.get(sub) if isinstance(p.value, dict) else None
        return float(was) if isinstance(was, (int, float)) else None
    return p.resolve(sub) if sub in old.regions else None


def check_plausible(
    old: pricebook.PriceBook, found: Mapping[str, Mapping[str, Reading]], today: str, accept_changes: bool = False
) -> None:
    """The rules every reader's figures pass before a book is built from them: each is finite and
    positive, dated no later than today, and (unless accept_changes) within MAX_CHANGE of the
    current book's figure; else PriceListError naming the entry and where it was read."""
    for key in sorted(found):
        for sub, f in sorted(found[key].items()):
            name = key + (f" [{sub}]" if sub else "")
            was = _current(old, key, sub)
            if (not math.isfinite(f.value) or f.value <= 0) and not (f.value == 0 and was == 0):
                raise PriceListError(
                    _("{name}: {value} is not a price ({detail}); the current book stays").format(
                        name=name, value=f.value, detail=f.detail
                    )
                )
            if f.as_of > today:
                raise PriceListError(
                    _("{name} ({detail}): dated {date}, after today ({today}); the current book stays").format(
                        name=name, detail=f.detail, date=f.as_of, today=today
                    )
                )
            if was is None or accept_changes or was <= 0 or f.value <= 0:
                continue
            ratio = f.value / was
            if ratio > MAX_CHANGE or ratio < 1 / MAX_CHANGE:
                raise PriceListError(
                    _(
                        "{name}: {old:g} -> {new:g} is a {ratio:.1f}x change ({detail}); check the file, "
                        "or run again with --accept-changes"
                    ).format(name=name, old=was, new=f.value, ratio=ratio if ratio > 1 else 1 / ratio, detail=f.detail)
                )


def build(
    old_doc: dict[str, Any],
    old: pricebook.PriceBook,
    found: pl.Founds,
    offered: dict[str, str],
    today: str,
    region_names: dict[str, str],
) -> tuple[dict[str, Any], tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The new book's document, the regions added and the regions left out (with why)."""
    sourced = {k for k in found if k in old.prices}
    region_keyed_hand = {
        k: p.value for k, p in old.prices.items() if k not in sourced and p.by is None and isinstance(p.value, dict)
    }
    # old regions must stay fully priced: a file without them is a partial update
    for r in old.regions:
        for k in sorted(sourced):
            if old.prices[k].by is None and r not in found[k]:
                raise PriceListError(
                    _(
                        "no price for {key} in {region} (a region of the current book) in the files read; "
                        "the update is partial, so the current book stays"
                    ).format(key=k, region=r)
                )
    added, left_out = [], []
    for r in offered:
        if r in old.regions:
            continue
        gaps = [k for k in sorted(sourced) if old.prices[k].by is None and r not in found[k]]
        hand = [k for k, v in region_keyed_hand.items() if r not in v]
        if gaps or hand:
            why = []
            if gaps:
                why.append("no price in the lists for " + ", ".join(gaps))
            if hand:
                why.append("no hand-kept price for " + ", ".join(hand))
            left_out.append((r, "; ".join(why)))
        else:
            added.append(r)
    final = list(old.regions) + added
    doc = {k: v for k, v in old_doc.items()}
    doc["version"] = today
    doc["regions"] = {**{r: old.regions[r] for r in old.regions}, **{r: region_names[r] for r in added}}
    prices = {}
    for k, entry in old_doc["prices"].items():
        p = old.prices[k]
        if k not in sourced:
            prices[k] = entry
            continue
        if p.by is not None:
            assert isinstance(p.value, dict)  # parse() refuses a keyed price without a map
            missing = [c for c in p.value if c not in found[k]]
            if missing:
                raise PriceListError(
                    _("no price for {key} ({by} {choices}) in the files read").format(
                        key=k, by=p.by, choices=", ".join(missing)
                    )
                )
            used = [found[k][c] for c in p.value]
            value: float | dict[str, float] = {
                c: round(found[k][c].value, 10) for c in p.value
            }  # 10 decimals, as lists
        else:
            used = [found[k][r] for r in final]
            vals = {r: round(found[k][r].value, 10) for r in final}
            scalar = not isinstance(p.value, dict) and len({round(v, 12) for v in vals.values()}) == 1
            value = next(iter(vals.values())) if scalar else vals
        vendor = "Azure" if "azure" in used[0].source else "AWS"
        # the unit as the file has it: {en, ko} stays bilingual (its English is what was matched)
        new = {"value": value, "unit": entry["unit"], "source": _source_of(used), "as_of": max(f.as_of for f in used)}
        if "by" in entry:
            new = {"value": value, "by": entry["by"], **{f: new[f] for f in ("unit", "source", "as_of")}}
        new["note"] = _note(used, entry.get("note", ""), vendor)
        prices[k] = new
    doc["prices"] = prices
    return doc, tuple(added), tuple(left_out)


# ---- writing YAML in the book's own layout ---------------------------------------------------


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
        line = lines[i]
        top = re.match(r"^([A-Za-z_][\w.-]*):(.*)$", line)
        if top:
            key = top.group(1)
            in_prices = key == "prices"
            if key == "version":
                out.append(f"version: {json.dumps(doc['version'])}")
                i += 1
                continue
            if key == "regions":
                out.append("regions:")
                out += [f"  {_key(r)}: {json.dumps(name, ensure_ascii=False)}" for r, name in doc["regions"].items()]
                i += 1
                while i < n and (lines[i].startswith("  ") and not lines[i].lstrip().startswith("#")):
                    i += 1
                continue
            out.append(line)
            i += 1
            continue
        entry = re.match(r"^  ([^\s#][^:]*):\s*$", line) if in_prices else None
        if entry:
            k = str(yaml.safe_load(entry.group(1)))
            j = i + 1
            while j < n and (
                lines[j].startswith("    ") or (not lines[j].strip() and j + 1 < n and lines[j + 1].startswith("    "))
            ):
                j += 1
            if k not in doc["prices"]:
                return None
            if doc["prices"][k] == old_doc["prices"].get(k):
                out += lines[i:j]
            else:
                out += _entry_lines(k, doc["prices"][k])
            i = j
            continue
        out.append(line)
        i += 1
    return "\n".join(out) + "\n"


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


def pp_is_pages(src: Path) -> bool:
    return is_pages_dir(src)


def update(
    src: str | Path,
    book_path: str | Path | None = None,
    history_dir: str | Path | None = None,
    today: str | None = None,
    do_fetch: bool = False,
    progress: pl.Progress | None = None,
    dry_run: bool = False,
    fetch_regions: Sequence[str] | None = None,
    accept_changes: bool = False,
) -> Result:
    book_path = Path(book_path or pricebook.DEFAULT_PATH)
    history_dir = Path(history_dir or (book_path.parent / "price_history"))
    today = today or _dt.date.today().isoformat()
    src = Path(src)
    old_text = book_path.read_text(encoding="utf-8")
    old = pricebook.load(book_path)
    old_doc = yaml.safe_load(old_text)
    rmap = regionmap.load()
    if not do_fetch and pp_is_pages(src):  # AWS's pricing-page JSON and sourced figures
        return update_from_pages(src, book_path, history_dir, today, progress, dry_run, accept_changes)
    if do_fetch:
        pl.fetch(src, fetch_regions or sorted(rmap), progress=progress)
    if not src.is_dir():
        raise PriceListError(
            _("{path}: no such folder (download the files `python -m lib prices urls` lists into it)").format(path=src)
        )
    aws_found, aws_regions, notes = pl.read_aws(src, old.hours_per_month, progress)
    for r in old.regions:
        if r not in aws_regions:
            raise PriceListError(
                _("{path}: no ECR product in {region}, a region of the current book").format(
                    path=src / "aws" / "AmazonECR.json", region=r
                )
            )
    offered = {r: aws_regions[r] for r in aws_regions if r in rmap}
    unmapped = sorted(set(aws_regions) - set(rmap))
    ref = next(iter(old.regions))
    free = old.prices.get("acr.internet_egress_free_gb")  # the book's allowance: the lists' is compared with it
    az_found, az_notes = pl.read_azure(
        src, offered, rmap, ref, old.hours_per_month, today, float(free.resolve(ref)) if free else None
    )
    found = {**aws_found, **az_found}
    check_plausible(old, found, today, accept_changes)
    names = {r: rmap[r].name for r in offered}
    new_version = _new_version(old, history_dir, today)
    doc, added, left_out = build(old_doc, old, found, offered, new_version, names)
    left = sorted(set(old.prices) - set(found))
    tail = (
        [_("Regions added: {regions}").format(regions=", ".join(f"{r} ({names[r]})" for r in added))] if added else []
    )
    tail += [
        _("Region left out: {region} ({name}): {why}").format(region=r, name=names[r], why=why) for r, why in left_out
    ]
    if unmapped:
        tail.append(
            _("Regions in the ECR list but not in data/region_map.yaml (left out): {regions}").format(
                regions=", ".join(unmapped)
            )
        )
    tail += [_("Note: {note}").format(note=n) for n in notes + az_notes]
    tail.append(_("Kept by hand (no list read for them): {keys}").format(keys=", ".join(left)))
    return _write(book_path, history_dir, old_text, old_doc, old, doc, today, tail, added, left_out, dry_run)


def _new_version(old: pricebook.PriceBook, history_dir: Path, today: str) -> str:
    if today > old.version:
        return today
    n = 2  # a second update on one day: keep versions unique and ordered
    while f"{today}-{n}" <= old.version or (history_dir / f"{today}-{n}.yaml").exists():
        n += 1
    return f"{today}-{n}"


def _write(
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
    text = render_keeping_layout(old_text, old_doc, doc, _header(old_text, today))
    if text is None or yaml.safe_load(text) != doc:  # an unfamiliar layout: write the whole book anew
        text = render(doc, _header(old_text, today))
    if yaml.safe_load(text) != doc:
        raise PriceListError(_("internal: the written book does not read back as built; nothing written"))
    tmp = _write_atomic(book_path, text)
    try:
        new = pricebook.load(tmp)
        for r in new.regions:  # every entry resolves in every region
            for p in new.prices.values():
                if p.by is None:
                    p.resolve(r)
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
        history_dir.mkdir(parents=True, exist_ok=True)
        kept = history_dir / f"{old.version}.yaml"
        if kept.exists() and kept.read_text(encoding="utf-8") != old_text:
            raise PriceListError(
                _("{path}: already holds a different book {version}; nothing written").format(
                    path=kept, version=old.version
                )
            )
        if not kept.exists():
            htmp = _write_atomic(kept, old_text)
            os.replace(htmp, kept)
        report.append(_("Previous book kept as {path}").format(path=kept))
        (history_dir / f"{new_version}.changes.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
        os.replace(tmp, book_path)
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    return Result(True, old.version, new_version, "\n".join(report), added, left_out)


def update_from_pages(
    src: Path,
    book_path: Path,
    history_dir: Path,
    today: str,
    progress: pl.Progress | None = None,
    dry_run: bool = False,
    accept_changes: bool = False,
) -> Result:
    """The update from AWS's pricing-page JSON and a file of sourced figures (lib/inputs/price_pages.py):
    new regions priced from them, a figure no file gives standing in (recorded as such); the
    figures pass the offer-file reader's plausibility rules (check_plausible) before anything is built."""
    old_text = book_path.read_text(encoding="utf-8")
    old = pricebook.load(book_path)
    old_doc = yaml.safe_load(old_text)
    rmap = regionmap.load()
    listed = pp.sourced_regions(src)
    unmapped = [r for r in listed if r not in rmap]
    offered = [r for r in listed if r in rmap]
    if progress:
        progress(_("reading {path}").format(path=src / pp.PAGES))
    figures = pp.read_pages(src, {r: rmap[r] for r in offered})
    if progress:
        progress(_("reading {path}").format(path=src / pp.SOURCED))
    sourced, choices = pp.read_sourced(src, {r: rmap[r] for r in offered})
    for k, per in sourced.items():
        figures.setdefault(k, {}).update(per)
    # `by:` figures only decide whether a region cites its own source; they are checked all the same
    per_choice = {k: {f"{r} {c}": f for r, cs in rs.items() for c, f in cs.items()} for k, rs in choices.items()}
    check_plausible(
        old, {**figures, **{k: {**figures.get(k, {}), **v} for k, v in per_choice.items()}}, today, accept_changes
    )
    built = pp.build(old_doc, old, figures, choices, offered, rmap, _new_version(old, history_dir, today))
    names = {r: rmap[r].name for r in offered}
    tail = (
        [_("Regions added: {regions}").format(regions=", ".join(f"{r} ({names[r]})" for r in built.added))]
        if built.added
        else []
    )
    tail += [
        _("Region left out: {region} ({name}): {why}").format(region=r, name=names[r], why=why)
        for r, why in built.left_out
    ]
    if unmapped:
        tail.append(
            _("Regions in the sourced figures but not in data/region_map.yaml (left out): {regions}").format(
                regions=", ".join(unmapped)
            )
        )
    grouped: dict[tuple[str, str], list[str]] = {}
    for r, k, other in built.stand_ins:
        grouped.setdefault((k, other), []).append(r)
    tail += [
        _("Stand-in (no file gives these regions' figure): {key} in {regions} uses {other}'s").format(
            key=k, regions=", ".join(rs), other=other
        )
        for (k, other), rs in grouped.items()
    ]
    return _write(
        book_path, history_dir, old_text, old_doc, old, built.doc, today, tail, built.added, built.left_out, dry_run
    )


# ---- command line ------------------------------------------------------------------------------


def _regions_arg(args: argparse.Namespace) -> list[str]:
    """--regions a,b: only these regions' AmazonEC2 files (each is hundreds of MB); default: all mapped."""
    known = sorted(regionmap.load())
    if not getattr(args, "regions", None):
        return known
    wanted = [r.strip() for r in args.regions.split(",") if r.strip()]
    bad = [r for r in wanted if r not in known]
    if bad:
        raise PriceListError(
            _("--regions: unknown region(s) {regions} (known: {known})").format(
                regions=", ".join(bad), known=", ".join(known)
            )
        )
    return wanted


def _urls(args: argparse.Namespace) -> int:
    wanted = _regions_arg(args)
    print(
        "# " + _("AWS Price List Bulk API offer files (public, no credentials). Save each at the path shown under DIR.")
    )
    print("# " + _("AmazonEC2 is read per region; its region_index.json lists each region's current file."))
    for url, rel in pl.download_plan(wanted):
        if rel.startswith("azure/"):
            continue
        print(f"{url}  ->  {rel}")
    # one sentence over two comment lines: the line break and its "# " are part of the message
    print(
        "# "
        + _(
            "Azure Retail Prices API (public, no credentials): save the first page as <name>-1.json, then follow\n"
            "# each page's NextPageLink, saving page n as <name>-n.json, until NextPageLink is null."
        )
    )
    for url, rel in pl.download_plan([]):
        if rel.startswith("azure/"):
            print(f"{url}  ->  {rel}")
    print(
        "# "
        + _("Google Cloud: no price list without credentials covers Artifact Registry; its entries stay hand-kept.")
    )
    return 0


def _update(args: argparse.Namespace) -> int:
    import sys

    def progress(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    r = update(
        args.src,
        args.prices,
        args.history,
        do_fetch=args.fetch,
        progress=progress,
        dry_run=args.dry_run,
        fetch_regions=_regions_arg(args),
        accept_changes=args.accept_changes,
    )
    print(r.report)
    if args.dry_run:
        print(_("(dry run: nothing written)"))
    elif r.changed:
        print(_("Wrote price book {version}.").format(version=r.new_version))
    return 0


def add_cli(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`python -m lib prices urls|update`: registered by lib/cli.py."""
    pr = sub.add_parser("prices", help="rebuild the price book from the vendors' price lists")
    psub = pr.add_subparsers(dest="prices_command", required=True)
    u = psub.add_parser("urls", help="print every file the update reads, with where to save it")
    u.add_argument(
        "--regions", metavar="A,B", help="only these regions' AmazonEC2 files (default: every mapped region)"
    )
    u.set_defaults(func=_urls)
    up = psub.add_parser("update", help="write a new dated price book from downloaded price lists")
    up.add_argument("--from", dest="src", required=True, metavar="DIR", help="folder holding the downloaded files")
    up.add_argument("--fetch", action="store_true", help="download the files into DIR first (needs the vendors' hosts)")
    up.add_argument("--regions", metavar="A,B", help="with --fetch: only these regions' AmazonEC2 files")
    up.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")
    up.add_argument(
        "--accept-changes",
        action="store_true",
        help=f"write prices that changed more than {MAX_CHANGE:g}x against the current book (checked by hand)",
    )
    up.add_argument("--prices", default=None, help="the price book to update (default: data/prices.yaml)")
    up.add_argument("--history", default=None, help="where superseded books go (default: data/price_history/)")
    up.set_defaults(func=_update)
