"""Reading a bill file row by row in bounded memory: CSV (plain or gzip) or Parquet.

A month of hourly Cost and Usage Report for a real account is hundreds of MB; nothing here holds
more than one line (CSV) or one batch of rows (Parquet) at a time. Every bound is named, and every
failure is an InputError naming the file and what is wrong: a truncated gzip, a line that never
ends, a file larger than the limit, bytes that are not text.
"""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, cast

from ..core.errors import InputError
from ..core.i18n import _

MB = 1_000_000
MAX_FILE_BYTES = 1_000 * MB  # on disk (or uploaded); a bill over 1 GB: export one month, or only the services
MAX_TEXT_BYTES = 4_000 * MB  # what a gzip may expand to: bounds the time a small "bomb" takes
MAX_LINE_CHARS = 1_000_000  # one CSV line (FOCUS Tags columns hold JSON; 1 M characters is far beyond a real one)
MAX_COLUMNS = 2_000  # CUR with every resource tag has a few hundred
PARQUET_BATCH = 65_536  # rows per Parquet batch: a few MB for the dozen columns read
GZIP_MAGIC = b"\x1f\x8b"
PARQUET_MAGIC = b"PAR1"


@dataclass(frozen=True)
class Input:
    """One bill file: a path on disk (the CLI) or bytes in memory (an upload)."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        try:
            return self.path.stat().st_size
        except OSError as e:
            raise InputError(_("{path}: cannot read it ({why})").format(path=self.name, why=e.strerror)) from None

    def open(self) -> BinaryIO:
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        try:
            return open(self.path, "rb")
        except OSError as e:
            raise InputError(_("{path}: cannot read it ({why})").format(path=self.name, why=e.strerror)) from None


class _Counted(io.RawIOBase):
    """The decompressed bytes of a gzip stream, stopped past `limit` (a small file may expand to terabytes)."""

    def __init__(self, inner: BinaryIO, name: str, limit: int) -> None:
        self.inner, self.name_, self.limit, self.count = inner, name, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b):  # type: ignore[no-untyped-def]
        try:
            data = self.inner.read(len(b))
        except EOFError:
            raise InputError(
                _("{path}: the gzip file is cut short (it ends before its end marker): download it again").format(
                    path=self.name_
                )
            ) from None
        except (gzip.BadGzipFile, zlib.error, OSError) as e:
            raise InputError(_("{path}: not a readable gzip file ({why})").format(path=self.name_, why=e)) from None
        self.count += len(data)
        if self.count > self.limit:
            raise InputError(
                _("{path}: expands to more than {mb:,} MB; export one month, or only the services you compare").format(
                    path=self.name_, mb=self.limit // MB
                )
            )
        b[: len(data)] = data
        return len(data)


def kind_of(src: Input) -> str:
    """ "parquet", "gzip" or "csv", by the file's first bytes (never by its name alone)."""
    with src.open() as f:
        head = f.read(4)
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head == PARQUET_MAGIC:
        return "parquet"
    return "csv"


def check_size(src: Input, limit: int = MAX_FILE_BYTES) -> int:
    size = src.size()
    if size > limit:
        raise InputError(
            _(
                "{path}: {size:,} MB is over the {mb:,} MB limit for one bill file; export one month, or only the "
                "services you compare"
            ).format(path=src.name, size=size // MB, mb=limit // MB)
        )
    if size == 0:
        raise InputError(_("{path}: the file is empty").format(path=src.name))
    return size


def _lines(text: io.TextIOBase, name: str) -> Iterator[str]:
    """The text's lines, each at most MAX_LINE_CHARS: a file without line ends is never read whole."""
    n = 0
    read = text.readline
    while True:
        try:
            line = read(MAX_LINE_CHARS)
        except UnicodeDecodeError:
            raise InputError(
                _("{path}: line {line:,} is not UTF-8 text: is this a bill export?").format(path=name, line=n + 1)
            ) from None
        if not line:
            return
        n += 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith("\n"):
            raise InputError(
                _("{path}: line {line:,} is longer than {most:,} characters: not a bill export").format(
                    path=name, line=n, most=MAX_LINE_CHARS
                )
            )
        yield line


@contextmanager
def csv_rows(src: Input, text_limit: int = MAX_TEXT_BYTES) -> Iterator[Iterator[list[str]]]:
    """The CSV's rows (the header first), from plain or gzip bytes, one at a time."""
    raw = src.open()
    try:
        stream: IO[bytes] = raw
        if kind_of(src) == "gzip":
            unzipped = cast(BinaryIO, gzip.GzipFile(fileobj=raw))
            stream = io.BufferedReader(_Counted(unzipped, src.name, text_limit), 1 << 20)
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        reader = csv.reader(_lines(text, src.name), strict=False)

        def rows() -> Iterator[list[str]]:
            try:
                yield from reader
            except csv.Error as e:
                raise InputError(
                    _("{path}: line {line:,} is not CSV ({why})").format(path=src.name, line=reader.line_num, why=e)
                ) from None

        yield rows()
    finally:
        raw.close()


def parquet_rows(src: Input, wanted: Callable[[Sequence[str]], Sequence[str]]) -> Iterator[list[str]]:
    """A Parquet file's rows as strings, the header first, reading only the columns `wanted(header)`
    names, one batch at a time (pyarrow comes with Streamlit: no weight added)."""
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - streamlit requires pyarrow
        raise InputError(_("{path}: Parquet needs pyarrow; export CSV instead").format(path=src.name)) from None
    raw = src.open()
    try:
        try:
            pf = pq.ParquetFile(raw)
            header = list(pf.schema_arrow.names)
        except Exception as e:  # pyarrow raises its own ArrowInvalid / OSError for a damaged file
            raise InputError(_("{path}: not a readable Parquet file ({why})").format(path=src.name, why=e)) from None
        cols = [c for c in wanted(header) if c in header]
        yield cols
        try:
            for batch in pf.iter_batches(batch_size=PARQUET_BATCH, columns=cols):
                data = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
                for values in zip(*data, strict=True):
                    yield ["" if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v)) for v in values]
        except InputError:
            raise
        except Exception as e:
            raise InputError(_("{path}: not a readable Parquet file ({why})").format(path=src.name, why=e)) from None
    finally:
        raw.close()
