"""The input files: from paths on disk, a zip of a manifest tree, or an upload widget."""

from __future__ import annotations

import io
import lzma
import os
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..core.errors import InputError
from ..core.i18n import _
from .limits import MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, MAX_ZIP_ENTRIES, MB


@dataclass(frozen=True)
class Source:
    """One input file: `name` is how messages name it; `repo` is the manifest tree's folder
    (REPOSITORY in REPOSITORY/TAG.json), or None when the file came without one."""

    name: str
    data: bytes
    repo: str | None = None


def _repo_of(rel: PurePosixPath) -> str | None:
    parent = str(rel.parent)
    return None if parent in ("", ".") else parent


def sources_from_paths(paths: Iterable[str | Path]) -> list[Source]:
    """Files as given, and every *.json under a folder (REPOSITORY/TAG.json relative to it)."""
    out: list[Source] = []
    total = 0
    for p in map(Path, paths):
        for f, repo in _files_of(p):
            if len(out) >= MAX_FILES:
                raise InputError(
                    _("{path}: more than {n:,} files; measure a part of the registry at a time").format(
                        path=p, n=MAX_FILES
                    )
                )
            data = _read_file(f)
            total += len(data)
            if total > MAX_TOTAL_BYTES:
                raise InputError(
                    _("{path}: the inputs add up to more than {mb:,} MB").format(path=f, mb=MAX_TOTAL_BYTES // MB)
                )
            if f.lower().endswith(".zip"):
                out.extend(sources_from_zip(f, data))
            else:
                out.append(Source(f, data, repo or None))
    return out


def _files_of(p: Path) -> list[tuple[str, str]]:
    """(file, repository) of a path given: a file in its folder's name, or every input file under a folder."""
    if p.is_dir():
        return _folder_files(p)
    if p.is_file():
        return [(str(p), p.resolve().parent.name)]
    raise InputError(_("{path}: no such file or folder").format(path=p))


def _folder_files(p: Path) -> list[tuple[str, str]]:
    """(file, repository) of every .json, .zip and .csv under a folder, the repository its path relative to the
    folder; bounded while walking (a folder of millions of files is refused before it is listed whole)."""
    # os.walk and plain strings: pathlib costs more than reading 10,000 small manifests
    top, own = str(p), p.resolve().name
    pairs = []
    for d, dirs, names in os.walk(top):
        dirs.sort()
        rel_dir = os.path.relpath(d, top).replace(os.sep, "/")
        repo = (
            own if rel_dir == "." else rel_dir
        )  # a manifest directly in the folder given: the folder is its repository
        pairs += [(os.path.join(d, n), repo) for n in sorted(names) if n.lower().endswith((".json", ".zip", ".csv"))]
        if len(pairs) > MAX_FILES:
            raise InputError(
                _("{path}: more than {n:,} files; measure a part of the registry at a time").format(path=p, n=MAX_FILES)
            )
    if not pairs:
        raise InputError(_("{path}: no .json files in this folder").format(path=p))
    return pairs


def _read_file(f: str) -> bytes:
    """A file's bytes, refused past MAX_FILE_BYTES (read one byte further to know)."""
    try:
        with open(f, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise InputError(_("{path}: cannot read it ({why})").format(path=f, why=e.strerror)) from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            _("{path}: larger than the {mb:,} MB limit for one file").format(path=f, mb=MAX_FILE_BYTES // MB)
        )
    return data


def sources_from_zip(name: str, data: bytes, max_total: int = MAX_TOTAL_BYTES) -> list[Source]:
    """A zip of a manifest tree (how a folder is uploaded to the app). Entry counts and sizes are
    checked before anything is decompressed: a small zip may claim to expand to terabytes."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise InputError(_("{path}: not a readable zip file ({why})").format(path=name, why=e)) from None
    infos = _entries_within_bounds(name, infos, max_total)
    out = []
    for info, rel in zip(infos, _tree_paths(infos), strict=False):
        if ".." in rel.parts:
            raise InputError(
                _("{path}: entry {entry!r} points outside the archive").format(path=name, entry=info.filename)
            )
        out.append(Source(f"{name}:{rel}", _read_entry(name, zf, info), _repo_of(rel)))
    return out


def _entries_within_bounds(name: str, infos: list[zipfile.ZipInfo], max_total: int) -> list[zipfile.ZipInfo]:
    """The zip's .json and .csv entries, refused whole past the entry count or what they say they expand to."""
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputError(
            _("{path}: {n:,} files in the zip; at most {most:,}").format(path=name, n=len(infos), most=MAX_ZIP_ENTRIES)
        )
    infos = [i for i in infos if i.filename.lower().endswith((".json", ".csv")) and "__MACOSX" not in i.filename]
    if not infos:
        raise InputError(_("{path}: the zip holds no .json files").format(path=name))
    total = sum(i.file_size for i in infos)
    if total > max_total or any(i.file_size > MAX_FILE_BYTES for i in infos):
        raise InputError(
            _("{path}: the zip expands to {n:,} bytes; at most {mb:,} MB").format(
                path=name, n=total, mb=max_total // MB
            )
        )
    return infos


def _tree_paths(infos: list[zipfile.ZipInfo]) -> list[PurePosixPath]:
    """Each entry's path in the tree. `zip -r manifests.zip manifests/` puts the tree under one top folder:
    dropped when every entry is REPOSITORY/TAG.json below it."""
    rels = [PurePosixPath(i.filename.replace("\\", "/").lstrip("/")) for i in infos]
    tops = {r.parts[0] for r in rels}
    if len(tops) == 1 and all(len(r.parts) >= 3 for r in rels):
        rels = [PurePosixPath(*r.parts[1:]) for r in rels]
    return rels


def _read_entry(name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """An entry's bytes, read no further than the bound: an entry larger than the zip says is refused."""
    try:
        with zf.open(info) as fh:
            blob = fh.read(MAX_FILE_BYTES + 1)
    # each decompressor has its own error class: zlib.error and lzma.LZMAError derive from
    # neither OSError nor ValueError
    except (
        zipfile.BadZipFile,
        NotImplementedError,
        RuntimeError,
        OSError,
        EOFError,
        ValueError,
        zlib.error,
        lzma.LZMAError,
    ) as e:
        raise InputError(
            _("{path}: cannot read {entry!r} ({why})").format(path=name, entry=info.filename, why=e)
        ) from None
    if len(blob) > info.file_size or len(blob) > MAX_FILE_BYTES:
        raise InputError(_("{path}: {entry!r} is larger than the zip says").format(path=name, entry=info.filename))
    return blob


def sources_from_uploads(files: Iterable[tuple[str, bytes]], max_total: int = MAX_TOTAL_BYTES) -> list[Source]:
    """(name, bytes) pairs from an upload widget; zips are opened. A plain upload has no folder."""
    out, total = [], 0
    for name, data in files:
        if name.lower().endswith(".zip"):
            # what a zip expands to is what the server holds: it counts against the cap, not its
            # compressed size (whitespace compresses ~1,000:1)
            if total + len(data) > max_total:
                raise InputError(
                    _("{path}: the uploads add up to more than {mb:,} MB").format(path=name, mb=max_total // MB)
                )
            got = sources_from_zip(name, data, max_total - total)
            total += sum(len(s.data) for s in got)
            out.extend(got)
            continue
        total += len(data)
        if total > max_total:
            raise InputError(
                _("{path}: the uploads add up to more than {mb:,} MB").format(path=name, mb=max_total // MB)
            )
        rel = PurePosixPath(name.replace("\\", "/"))
        out.append(Source(name, data, _repo_of(rel)))
    return out
