"""Bounded readers: JSON, zip members and CSV checked while streaming, before a parser allocates.

A parser's memory grows with what the input describes, not with its size: 47 KB of zip expand to
20 MB of `[[[...]]]`, and json.loads builds ten million lists from it (~1.2 GB); 400 KB of nested
brackets made ijson's prefix strings quadratic (21 GB). Every reader here counts what a parser would
build (nesting depth, values, expanded bytes) at C speed over the raw bytes and refuses, naming the
file and the limit, before the parser runs. Strings are cut out first (a bracket inside a tag name is
text, not nesting), so a legitimate file is counted as the parser would see it.

Plain Python: callers (lib.measure, lib.inputs.price_lists, the CLI) turn BoundExceeded into their own error.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import IO

from .errors import DashboardError
from .i18n import _

CHUNK = 1 << 20  # bytes examined at a time: the guard's own memory
DEFAULT_MAX_DEPTH = 64  # no registry export or price list nests deeper than ~10

# a complete JSON string (the unrolled form: no backtracking on long strings)
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
# the rest of a string begun in an earlier chunk, up to its closing quote
_REST = re.compile(rb'[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_KEEP = b"[]{},"
_DROP = bytes(b for b in range(256) if b not in _KEEP)
_DELTA = tuple(1 if b in b"[{" else -1 if b in b"]}" else 0 for b in range(256))


class BoundExceeded(DashboardError):
    """A limit was reached; the message names what and the limit (the caller prefixes the file)."""


@dataclass
class JsonGuard:
    """Feed a JSON text in chunks; raises BoundExceeded as soon as a bound is passed.

    values counts an upper bound of the values json would build: every container opened plus every
    comma (each scalar sits between separators), plus one per document (check_json adds it)."""

    max_depth: int = DEFAULT_MAX_DEPTH
    max_values: int = 5_000_000
    max_bytes: int = 512 << 20
    depth: int = 0
    values: int = 0
    seen: int = 0
    in_string: bool = False  # the previous chunk ended inside a string
    escaped: bool = False  # ... right after a backslash

    def feed(self, chunk: bytes) -> None:
        self.seen += len(chunk)
        if self.seen > self.max_bytes:
            raise BoundExceeded(_("more than {n:,} bytes").format(n=self.max_bytes))
        if b"\\" not in chunk and not self.escaped:
            # no escapes: quotes alternate, so every other piece between them is outside a string
            # (a split is C speed; the regex below, a match per string, is several times slower)
            pieces = chunk.split(b'"')
            outside = b"".join(pieces[1 if self.in_string else 0 :: 2])
            self.in_string ^= len(pieces) % 2 == 0
            self._count(outside.translate(None, _DROP))
            return
        pos = 0
        if self.in_string:
            if self.escaped:
                pos, self.escaped = 1, False
            m = _REST.match(chunk, pos)
            if m is None:  # the whole chunk is inside the string
                self.escaped = _odd_backslashes(chunk, pos)
                return
            pos, self.in_string = m.end(), False
        stripped = _STRING.sub(b"", chunk[pos:] if pos else chunk)
        q = stripped.find(b'"')
        if q >= 0:  # a string runs past this chunk (no unescaped quote follows its opening one)
            self.in_string = True
            self.escaped = _odd_backslashes(stripped, q + 1)
            stripped = stripped[:q]
        self._count(stripped.translate(None, _DROP))

    def _count(self, marks: bytes) -> None:
        if not marks:
            return
        running = list(accumulate(map(_DELTA.__getitem__, marks), initial=self.depth))
        if max(running) > self.max_depth:
            raise BoundExceeded(_("JSON nested too deeply (more than {n} levels)").format(n=self.max_depth))
        self.depth = running[-1]
        self.values += marks.count(b",") + marks.count(b"[") + marks.count(b"{")
        if self.values > self.max_values:
            raise BoundExceeded(
                _("about {n:,} JSON values, more than the {most:,} allowed").format(n=self.values, most=self.max_values)
            )


def _odd_backslashes(b: bytes, start: int) -> bool:
    """Whether b[start:] ends with an odd run of backslashes (the next byte is escaped)."""
    rest = b[start:]
    return (len(rest) - len(rest.rstrip(b"\\"))) % 2 == 1


def check_json(
    data: bytes, max_depth: int = DEFAULT_MAX_DEPTH, max_values: int = 5_000_000, max_bytes: int = 512 << 20
) -> int:
    """Raise BoundExceeded when `data` (one or more JSON texts) passes a bound; else the values bound."""
    g = JsonGuard(max_depth, max_values, max_bytes)
    view = memoryview(data)
    for i in range(0, len(data), CHUNK):
        g.feed(bytes(view[i : i + CHUNK]))
    return g.values + 1


class GuardedReader(io.RawIOBase):
    """A read-only file that checks what passes through it with a JsonGuard: wrap a file before
    handing it to a streaming parser (ijson), which then never sees past a bound."""

    def __init__(self, fh: IO[bytes], guard: JsonGuard) -> None:
        self._fh, self.guard = fh, guard

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        data = self._fh.read(CHUNK if size is None or size < 0 else size)
        if data:
            self.guard.feed(data)
        return data

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(b))
        b[: len(data)] = data
        return len(data)


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> bytes:
    """A zip member's bytes, decompressed a chunk at a time and refused past `max_bytes` (whatever
    the zip's directory claims: a member may expand further than its declared size)."""
    out = bytearray()
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(CHUNK)
            if not chunk:
                break
            out += chunk
            if len(out) > max_bytes or len(out) > info.file_size:
                raise BoundExceeded(_("expands past {n:,} bytes").format(n=min(max_bytes, info.file_size)))
    return bytes(out)


def csv_rows(
    text: str, max_rows: int = 1_000_000, max_fields: int = 1_000, max_field: int = 65_536
) -> Iterator[list[str]]:
    """Rows of a CSV text with every dimension bounded (the csv module's own field limit is process-wide)."""
    try:
        for n, row in enumerate(csv.reader(io.StringIO(text))):
            if n >= max_rows:
                raise BoundExceeded(_("more than {n:,} rows").format(n=max_rows))
            if len(row) > max_fields:
                raise BoundExceeded(_("row {row}: more than {n:,} fields").format(row=n + 1, n=max_fields))
            if any(len(f) > max_field for f in row):
                raise BoundExceeded(_("row {row}: a field longer than {n:,} characters").format(row=n + 1, n=max_field))
            yield row
    except csv.Error as e:  # the module's own limit (131,072 characters) or a stray quote
        raise BoundExceeded(_("not a readable CSV file ({why})").format(why=e)) from None
