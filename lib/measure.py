"""Measure a scenario from a real registry inventory instead of guessing it.

Reads what a team can export in a minute, each format as its vendor documents it:

- `aws ecr describe-images` (AWS CLI JSON): `imageDetails[]` with `repositoryName`, `imageDigest`,
  `imageSizeInBytes` (compressed; for a manifest list, AWS reports the largest child's size),
  `imagePushedAt` (ISO 8601 from CLI v2, epoch seconds from CLI v1), `imageManifestMediaType`;
- raw image manifests (OCI image manifest / index, Docker v2 schema 2 manifest / manifest list, as
  `crane manifest`, `skopeo inspect --raw` or `docker buildx imagetools inspect --raw` print them) in a
  folder tree `REPOSITORY/TAG.json`; a platform manifest referenced by an index may be saved under its
  digest (`REPOSITORY/sha256:<hex>.json`); its digest is otherwise the sha256 of the file's bytes, as a
  registry computes it;
- Docker Hub's tags API (`/v2/namespaces/NS/repositories/REPO/tags`): `results[]` with `full_size`,
  `last_updated`, `images[]` (per platform: `digest`, `size`, `last_pushed`);
- GitHub's "List package versions for a package owned by an organization" (`gh api
  /orgs/ORG/packages/container/NAME/versions`): versions named by manifest digest, `created_at`;
  it carries no sizes: those come from manifests of the same repository when given.

A version is one stored image manifest (one platform of a multi-platform image counts once, as
ECR lists it); tags pointing to the same digest are one version. Index / manifest-list entries hold
no layers of their own: their platform manifests are the versions.

Everything read is untrusted: sizes, nesting and types are checked, and a file that is not one of
these formats is refused with its name and what is wrong (InputError), never a traceback.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import lzma
import math
import os
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar
from urllib.parse import unquote

from . import bounded
from .errors import DashboardError, InputError
from .i18n import N_, _, ngettext
from .pricebook import PriceBook
from .workload import DEFAULT, SPECS, Workload, from_dict

_Number = TypeVar("_Number", int, float)

MB = 1_000_000  # 1 MB = 1,000,000 bytes, as the cost model counts
DAYS_PER_MONTH = 30  # "pushes a month" = versions pushed per 30 days
MAX_FILE_BYTES = 512 * MB  # one export of a very large registry is ~400 bytes per image detail
MAX_TOTAL_BYTES = 2_000 * MB
MAX_FILES = 200_000
MAX_VALUES = 5_000_000  # JSON values per file (~400,000 image details): bounds the memory json.loads takes
BYTES_PER_VALUE = 8
MAX_DEPTH = 32  # registry exports nest ~6 levels; json.loads would take ~1,000
MAX_DOCS_PER_FILE = 10_000  # `gh api --paginate` prints one JSON array per page, back to back
MAX_ZIP_ENTRIES = 200_000
MAX_BYTES_VALUE = 10**15  # a size above 1 PB is not a container image
MAX_PROBLEMS = 20  # per file: enough to fix the file, not a wall of text
MAX_LISTED = 60  # problems listed over all files (thousands of bad files would be megabytes of text)
MAX_NAME = 512
TIME_MIN, TIME_MAX = 946_684_800, 4_102_444_800  # 2000-01-01 .. 2100-01-01, seconds

FORMAT_WORDS = {
    "ecr": "AWS CLI describe-images",
    "manifest": N_("image manifests"),
    "dockerhub": N_("Docker Hub tags API"),
    "github": N_("GitHub package versions API"),
}
FIELD_WORDS = {
    "repositories": N_("Repositories"),
    "versions_kept": N_("Versions kept per repository"),
    "image_size_mb": N_("Image size (compressed, MB)"),
    "shared_layer_fraction": N_("Shared layers"),
    "pushes_per_month": N_("Pushes a month"),
}
MEASURED_FIELDS = tuple(FIELD_WORDS)

IMAGE_TYPES = {"application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"}
INDEX_TYPES = {"application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"}
SCHEMA1_TYPES = {
    "application/vnd.docker.distribution.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v1+prettyjws",
}
DIGEST_RE = re.compile(r"^(sha256|sha512)[:-]([0-9a-f]{32,128})$")
HUB_URL_RE = re.compile(r"/v2/(?:namespaces/([^/?#]+)/repositories|repositories/([^/?#]+))/([^/?#]+)/tags")
GH_URL_RE = re.compile(r"/packages/container/(?:package/)?([^/?#]+)")
ATTESTATION = "attestation-manifest"  # buildx's provenance/SBOM entries in an index: not an image


# ---- inputs ----------------------------------------------------------------------------


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
        if p.is_dir():
            # os.walk and plain strings: pathlib costs more than reading 10,000 small manifests
            top, own = str(p), p.resolve().name
            pairs = []
            for d, dirs, names in os.walk(top):
                dirs.sort()
                rel_dir = os.path.relpath(d, top).replace(os.sep, "/")
                repo = (
                    own if rel_dir == "." else rel_dir
                )  # a manifest directly in the folder given: the folder is its repository
                pairs += [(os.path.join(d, n), repo) for n in sorted(names) if n.lower().endswith((".json", ".zip"))]
                if len(pairs) > MAX_FILES:
                    raise InputError(
                        _("{path}: more than {n:,} files; measure a part of the registry at a time").format(
                            path=p, n=MAX_FILES
                        )
                    )
            if not pairs:
                raise InputError(_("{path}: no .json files in this folder").format(path=p))
        elif p.is_file():
            pairs = [(str(p), p.resolve().parent.name)]
        else:
            raise InputError(_("{path}: no such file or folder").format(path=p))
        for f, repo in pairs:
            if len(out) >= MAX_FILES:
                raise InputError(
                    _("{path}: more than {n:,} files; measure a part of the registry at a time").format(
                        path=p, n=MAX_FILES
                    )
                )
            try:
                with open(f, "rb") as fh:
                    data = fh.read(MAX_FILE_BYTES + 1)
            except OSError as e:
                raise InputError(_("{path}: cannot read it ({why})").format(path=f, why=e.strerror)) from None
            if len(data) > MAX_FILE_BYTES:
                raise InputError(
                    _("{path}: larger than the {mb:,} MB limit for one file").format(path=f, mb=MAX_FILE_BYTES // MB)
                )
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


def sources_from_zip(name: str, data: bytes, max_total: int = MAX_TOTAL_BYTES) -> list[Source]:
    """A zip of a manifest tree (how a folder is uploaded to the app). Entry counts and sizes are
    checked before anything is decompressed: a small zip may claim to expand to terabytes."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise InputError(_("{path}: not a readable zip file ({why})").format(path=name, why=e)) from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputError(
            _("{path}: {n:,} files in the zip; at most {most:,}").format(path=name, n=len(infos), most=MAX_ZIP_ENTRIES)
        )
    infos = [i for i in infos if i.filename.lower().endswith(".json") and "__MACOSX" not in i.filename]
    if not infos:
        raise InputError(_("{path}: the zip holds no .json files").format(path=name))
    total = sum(i.file_size for i in infos)
    if total > max_total or any(i.file_size > MAX_FILE_BYTES for i in infos):
        raise InputError(
            _("{path}: the zip expands to {n:,} bytes; at most {mb:,} MB").format(
                path=name, n=total, mb=max_total // MB
            )
        )
    rels = [PurePosixPath(i.filename.replace("\\", "/").lstrip("/")) for i in infos]
    # `zip -r manifests.zip manifests/` puts the tree under one top folder: drop it when
    # every entry is REPOSITORY/TAG.json below it
    tops = {r.parts[0] for r in rels}
    if len(tops) == 1 and all(len(r.parts) >= 3 for r in rels):
        rels = [PurePosixPath(*r.parts[1:]) for r in rels]
    out = []
    for info, rel in zip(infos, rels, strict=False):
        if ".." in rel.parts:
            raise InputError(
                _("{path}: entry {entry!r} points outside the archive").format(path=name, entry=info.filename)
            )
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
        out.append(Source(f"{name}:{rel}", blob, _repo_of(rel)))
    return out


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


# ---- reading JSON safely ---------------------------------------------------------------


class _FileProblems(DashboardError):
    """A file-level refusal, collected into the InputError that names every file."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _max_values(n: int) -> int:
    """Values a file of n bytes may hold: registry exports spend 20-30 bytes per value, so one per
    BYTES_PER_VALUE bytes keeps a parse at a few times the file's size (a list costs 72 bytes of memory)."""
    return min(MAX_VALUES, max(10_000, n // BYTES_PER_VALUE))


def _json_docs(src: Source) -> list[Any]:
    if len(src.data) > MAX_FILE_BYTES:
        raise _FileProblems(
            [
                _("{n:,} bytes is larger than the {mb:,} MB limit for one file").format(
                    n=len(src.data), mb=MAX_FILE_BYTES // MB
                )
            ]
        )
    try:
        text = src.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _FileProblems([_("not a text file (it is not UTF-8); expected JSON")]) from None
    if not text.strip():
        raise _FileProblems([_("the file is empty; expected JSON")])
    # json.loads takes ~50 bytes of memory per value and a file of `[[[]]]` is all values: count
    # values and nesting before parsing (lib/bounded.py), whatever the file's size
    try:
        bounded.check_json(
            src.data, max_depth=MAX_DEPTH, max_values=_max_values(len(src.data)), max_bytes=MAX_FILE_BYTES
        )
    except bounded.BoundExceeded as e:
        raise _FileProblems([_("{why}; not an inventory file (split a larger export)").format(why=e)]) from None
    try:
        return [json.loads(text)]
    except RecursionError:
        raise _FileProblems([_("JSON nested too deeply to be an inventory")]) from None
    except json.JSONDecodeError as e:
        if e.msg != "Extra data":
            raise _FileProblems([_not_json(e)]) from None
    except ValueError:  # int() refuses more than 4,300 digits (a plain ValueError, not a decode error)
        raise _FileProblems([_(TOO_LONG_NUMBER)]) from None
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
                raise _FileProblems([_("more than {n:,} JSON documents in one file").format(n=MAX_DOCS_PER_FILE)])
            doc, pos = dec.raw_decode(text, pos)
            docs.append(doc)
    except RecursionError:
        raise _FileProblems([_("JSON nested too deeply to be an inventory")]) from None
    except json.JSONDecodeError as e:
        raise _FileProblems([_not_json(e)]) from None
    except ValueError:
        raise _FileProblems([_(TOO_LONG_NUMBER)]) from None
    return docs


def _not_json(e: json.JSONDecodeError) -> str:
    # e.msg is the json module's own English ("Expecting value"): a technical detail, kept as it is
    return _("not valid JSON (line {line}, column {column}: {why})").format(line=e.lineno, column=e.colno, why=e.msg)


TOO_LONG_NUMBER = N_("a number with thousands of digits: no inventory holds one (expected JSON from a registry)")


def detect(doc: object) -> str | None:
    """The format of one parsed JSON document, from its documented shape; None if foreign."""
    if isinstance(doc, dict):
        if "imageDetails" in doc:
            return "ecr"
        if (
            "results" in doc
            and isinstance(doc["results"], list)
            and (
                not doc["results"]
                or any(isinstance(t, dict) and ("full_size" in t or "images" in t) for t in doc["results"][:50])
            )
        ):
            return "dockerhub"
        mt = _str(doc.get("mediaType"))
        if mt in SCHEMA1_TYPES or (doc.get("schemaVersion") == 1 and "fsLayers" in doc):
            return "schema1"
        if mt in INDEX_TYPES or (doc.get("schemaVersion") == 2 and "manifests" in doc and "layers" not in doc):
            return "index"
        if mt in IMAGE_TYPES or (doc.get("schemaVersion") == 2 and "layers" in doc):
            return "manifest"
        return None
    if isinstance(doc, list) and doc and all(isinstance(v, dict) for v in doc[:50]):
        if any(
            isinstance(v.get("metadata"), dict) and v["metadata"].get("package_type") in ("container", "docker")
            for v in doc[:50]
        ):
            return "github"
        if any("full_size" in v and "name" in v for v in doc[:50]):
            return "dockerhub_list"  # `jq '.results'` of a tags page
    return None


def _describe(doc: object) -> str:
    if isinstance(doc, dict):
        keys = [str(k)[:40] for k in list(doc)[:6]]
        return (
            _("a JSON object with keys {keys}").format(
                keys=", ".join(repr(k) for k in keys) + (" ..." if len(doc) > 6 else "")
            )
            if keys
            else _("an empty JSON object")
        )
    if isinstance(doc, list):
        if doc:
            return _("a JSON list of {n:,} item(s) ({kind}s)").format(n=len(doc), kind=type(doc[0]).__name__)
        return _("a JSON list of {n:,} item(s)").format(n=len(doc))
    return _("a single JSON {kind}").format(kind=type(doc).__name__)


def _foreign(doc: object) -> str:
    return _(
        "not a registry inventory: expected AWS CLI `ecr describe-images` output (imageDetails), an OCI or "
        "Docker v2 image manifest or index, a Docker Hub tags page (results) or GitHub package versions; "
        "found {what}"
    ).format(what=_describe(doc))


# ---- field checks ----------------------------------------------------------------------


def _size(v: object, where: str, probs: list[str]) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)) or (isinstance(v, float) and not v.is_integer()):
        probs.append(_("{where}: expected a whole number of bytes, got {got}").format(where=where, got=_show(v)))
        return None
    if v < 0 or v > MAX_BYTES_VALUE:
        probs.append(_("{where}: {n:,} bytes is not a plausible image size").format(where=where, n=v))
        return None
    return int(v)


def _when(v: object, where: str, probs: list[str]) -> float | None:
    """ISO 8601 (with offset or Z; naive means UTC) or seconds since 1970."""
    d: datetime | None
    t: float | None
    if v is None or v == "":
        return None
    if type(v) is str and len(v) <= 64:
        try:
            d = datetime.fromisoformat(v)
        except ValueError:
            d = None
        if d is not None:
            t = (d if d.tzinfo else d.replace(tzinfo=UTC)).timestamp()
            if TIME_MIN <= t <= TIME_MAX:
                return t
    if isinstance(v, bool):
        t = None
    elif isinstance(v, (int, float)):
        t = float(v) if math.isfinite(v) else None
    elif isinstance(v, str) and len(v) <= 64:
        try:
            d = datetime.fromisoformat(v.strip())
        except ValueError:
            t = None
        else:
            t = (d if d.tzinfo else d.replace(tzinfo=UTC)).timestamp()
    else:
        t = None
    if t is None or not (TIME_MIN <= t <= TIME_MAX):
        probs.append(
            _("{where}: expected a date and time (ISO 8601 or seconds since 1970, 2000-2100), got {got}").format(
                where=where, got=_show(v)
            )
        )
        return None
    return t


def _text(v: object, where: str, probs: list[str], required: bool = True) -> str | None:
    if v is None and not required:
        return None
    if not isinstance(v, str) or not v or len(v) > MAX_NAME:
        probs.append(_("{where}: expected a name, got {got}").format(where=where, got=_show(v)))
        return None
    return v


def _stem(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base[:-5] if base.lower().endswith(".json") else base


def _str(v: object) -> str | None:
    """A string field, or None: a hostile file may put a list where a media type belongs."""
    return v if isinstance(v, str) else None


def _show(v: object) -> str:
    s = json.dumps(v) if isinstance(v, (str, int, float, bool, type(None))) else type(v).__name__
    return s if len(s) <= 60 else s[:57] + "..."


# ---- the inventory -----------------------------------------------------------------------


class _Version:
    __slots__ = ("size", "size_fmt", "pushed", "pushed_fmt", "layers", "fmts", "index_entry", "skip")

    def __init__(self, fmt: str) -> None:
        self.size: int | None = None
        self.size_fmt: str | None = None
        self.pushed: float | None = None
        self.pushed_fmt: str | None = None
        self.layers: tuple[tuple[str, int], ...] | None = None
        self.fmts: tuple[str, ...] = (
            fmt,
        )  # formats that listed it (a tuple: a set per image costs time at 100,000 images)
        self.index_entry = False  # a manifest list / index as its registry lists it: no layers of its own
        self.skip = False


class _Inventory:
    def __init__(self) -> None:
        self.repos: dict[str, dict[str, _Version]] = {}
        self.files: dict[str, str] = {}  # file name -> format key
        self.notes: list[str] = []
        self.indexes: list[
            tuple[str, str, list[tuple[str, str, bool]]]
        ] = []  # (file, repo, [(digest, platform words, attestation)])
        self.aliases: dict[str, dict[str, str]] = {}  # repo -> any digest a manifest is known by -> its version key
        self.index_digests: dict[str, set[str]] = {}
        self.foreign_layers = 0
        self.unfoldered = 0
        self.missing: list[str] = []  # notes on platform manifests an index lists but the files lack

    def version(self, repo: str, digest: str, fmt: str) -> _Version:
        r = self.repos.get(repo)
        if r is None:
            r = self.repos[repo] = {}
        v = r.get(digest)
        if v is None:
            v = r[digest] = _Version(fmt)
        elif fmt not in v.fmts:
            v.fmts += (fmt,)
        return v


def _add(
    v: _Version,
    fmt: str,
    size: int | None = None,
    pushed: float | None = None,
    layers: tuple[tuple[str, int], ...] | None = None,
) -> None:
    if layers is not None:  # layer sizes are the most exact size there is
        v.layers, v.size, v.size_fmt = layers, sum(s for _, s in layers), fmt
    elif size is not None and v.layers is None and v.size is None:
        v.size, v.size_fmt = size, fmt
    if pushed is not None and (v.pushed is None or pushed < v.pushed):
        v.pushed, v.pushed_fmt = pushed, fmt


def _parse_ecr(doc: dict[str, Any], src: Source, inv: _Inventory, probs: list[str]) -> None:
    details = doc.get("imageDetails")
    if not isinstance(details, list):
        probs.append(_("imageDetails: expected a list of images, got {got}").format(got=_show(details)))
        return
    repos = inv.repos
    for i, d in enumerate(details):
        if len(probs) >= MAX_PROBLEMS:
            return
        w = f"imageDetails[{i}]"
        if not isinstance(d, dict):
            probs.append(_("{where}: expected an object, got {got}").format(where=w, got=_show(d)))
            continue
        # the common, well-formed case is checked inline (100,000 images in well under a second);
        # anything else goes through the checks that name the problem
        repo = d.get("repositoryName")
        if type(repo) is not str or not repo or len(repo) > MAX_NAME:
            repo = _text(repo, f"{w}.repositoryName", probs)
        digest = d.get("imageDigest")
        if type(digest) is not str or not digest or len(digest) > MAX_NAME:
            digest = _text(digest, f"{w}.imageDigest", probs, required=False) or f"{src.name}#{i}"
        size = d.get("imageSizeInBytes")
        if type(size) is not int or not 0 <= size <= MAX_BYTES_VALUE:
            size = _size(size, f"{w}.imageSizeInBytes", probs)
        pushed = _when(d.get("imagePushedAt"), f"{w}.imagePushedAt", probs)
        mt = _str(d.get("imageManifestMediaType"))
        if repo is None:
            continue
        versions = repos.get(repo)
        if versions is None:
            versions = repos[repo] = {}
        v = versions.get(digest)
        if v is None:  # the usual case, inline: a new image
            v = versions[digest] = _Version("ecr")
            v.size, v.size_fmt, v.pushed, v.pushed_fmt = (
                size,
                "ecr" if size is not None else None,
                pushed,
                "ecr" if pushed is not None else None,
            )
        else:
            v = inv.version(repo, digest, "ecr")
            _add(v, "ecr", size=size, pushed=pushed)
        if mt in INDEX_TYPES:
            # AWS reports an index's size as its largest child's; the children are listed as images of
            # their own, so the index is set aside (and used only if no child is in the file)
            v.index_entry = True


def _parse_manifest(doc: dict[str, Any], src: Source, inv: _Inventory, probs: list[str], kind: str) -> None:
    repo = src.repo
    if repo is None:
        repo = "(manifests without a folder)"
        inv.unfoldered += 1
    # a platform manifest saved under its digest (sha256:<hex>.json or sha256-<hex>.json) is known by
    # that name even if it was re-indented; otherwise by the sha256 of its bytes, as a registry computes it
    m = DIGEST_RE.match(_stem(src.name))
    content = "sha256:" + hashlib.sha256(src.data).hexdigest()
    key = f"{m.group(1)}:{m.group(2)}" if m else content
    aliases = inv.aliases.setdefault(repo, {})
    aliases.setdefault(key, key)
    aliases.setdefault(content, key)
    if src.data.endswith((b"\n", b"\r")):  # saved with a newline the registry's bytes do not have
        aliases.setdefault("sha256:" + hashlib.sha256(src.data.rstrip(b"\r\n")).hexdigest(), key)
    if kind == "index":
        children = doc.get("manifests")
        if not isinstance(children, list):
            probs.append(_("manifests: expected a list of platform manifests, got {got}").format(got=_show(children)))
            return
        kids = []
        for i, c in enumerate(children):
            if len(probs) >= MAX_PROBLEMS:
                return
            if not isinstance(c, dict):
                probs.append(
                    _("{where}: expected a descriptor object, got {got}").format(where=f"manifests[{i}]", got=_show(c))
                )
                continue
            dg = _text(c.get("digest"), f"manifests[{i}].digest", probs)
            plat: dict[str, Any] = c["platform"] if isinstance(c.get("platform"), dict) else {}
            ann: dict[str, Any] = c["annotations"] if isinstance(c.get("annotations"), dict) else {}
            words = "/".join(str(plat.get(k))[:20] for k in ("os", "architecture", "variant") if plat.get(k)) or _(
                "a platform"
            )
            att = ann.get("vnd.docker.reference.type") == ATTESTATION or plat.get("os") == "unknown"
            if dg:
                kids.append((dg, words, att))
        inv.indexes.append((src.name, repo, kids))
        inv.index_digests.setdefault(repo, set()).update({key, content})
        return
    layers = doc.get("layers")
    if not isinstance(layers, list):
        probs.append(_("layers: expected a list of layer descriptors, got {got}").format(got=_show(layers)))
        return
    out = []
    for i, layer in enumerate(layers):
        if len(probs) >= MAX_PROBLEMS:
            return
        if not isinstance(layer, dict):
            probs.append(
                _("{where}: expected a descriptor object, got {got}").format(where=f"layers[{i}]", got=_show(layer))
            )
            continue
        dg, size = layer.get("digest"), layer.get("size")
        if type(dg) is not str or not dg or len(dg) > MAX_NAME:
            dg = _text(dg, f"layers[{i}].digest", probs)
        if type(size) is not int or not 0 <= size <= MAX_BYTES_VALUE:
            if size is None:
                probs.append(_("{where}: missing (a descriptor must give its size)").format(where=f"layers[{i}].size"))
            size = _size(size, f"layers[{i}].size", probs)
        if dg is None or size is None:
            continue
        lmt = layer.get("mediaType")
        if layer.get("urls") or (type(lmt) is str and ("foreign" in lmt or "nondistributable" in lmt)):
            inv.foreign_layers += 1  # pulled from elsewhere (e.g. Windows base layers): not stored by the registry
            continue
        out.append((dg, size))
    ann = doc["annotations"] if isinstance(doc.get("annotations"), dict) else {}
    created = ann.get("org.opencontainers.image.created")
    scratch: list[str] = []
    pushed = _when(created, "annotations", scratch) if isinstance(created, str) else None
    v = inv.version(repo, key, "manifest")
    _add(v, "manifest", layers=tuple(out), pushed=pushed)


def _hub_repo(doc: dict[str, Any], src: Source, results: list[Any]) -> str:
    for k in ("next", "previous"):
        u = doc.get(k)
        if isinstance(u, str):
            m = HUB_URL_RE.search(u)
            if m:
                return f"{unquote(m.group(1) or m.group(2))}/{unquote(m.group(3))}"
    ids = {t.get("repository") for t in results if isinstance(t, dict)}
    ids.discard(None)
    if len(ids) == 1:
        rid = ids.pop()
        if isinstance(rid, int) and not isinstance(rid, bool):
            return f"Docker Hub repository {rid}"
    return PurePosixPath(src.name).stem


def _parse_dockerhub(results: list[Any], doc: dict[str, Any], src: Source, inv: _Inventory, probs: list[str]) -> None:
    repo = _hub_repo(doc, src, results)
    for i, t in enumerate(results):
        if len(probs) >= MAX_PROBLEMS:
            return
        w = f"results[{i}]"
        if not isinstance(t, dict):
            probs.append(_("{where}: expected a tag object, got {got}").format(where=w, got=_show(t)))
            continue
        tag_time = _when(t.get("tag_last_pushed") or t.get("last_updated"), f"{w}.last_updated", probs)
        images = t.get("images")
        if images is None:
            images = []
        if not isinstance(images, list):
            probs.append(_("{where}: expected a list, got {got}").format(where=f"{w}.images", got=_show(images)))
            continue
        if not images:  # no per-platform detail: the tag itself, with its full size
            dg = t["digest"] if isinstance(t.get("digest"), str) and t["digest"] else f"tag:{t.get('name')}"
            v = inv.version(repo, dg, "dockerhub")
            _add(v, "dockerhub", size=_size(t.get("full_size"), f"{w}.full_size", probs), pushed=tag_time)
            continue
        for j, im in enumerate(images):
            wi = f"{w}.images[{j}]"
            if not isinstance(im, dict):
                probs.append(_("{where}: expected an object, got {got}").format(where=wi, got=_show(im)))
                continue
            dg = _text(im.get("digest"), f"{wi}.digest", probs)
            size = _size(im.get("size"), f"{wi}.size", probs)
            pushed = _when(im.get("last_pushed"), f"{wi}.last_pushed", probs) or tag_time
            if dg:
                _add(inv.version(repo, dg, "dockerhub"), "dockerhub", size=size, pushed=pushed)


def _gh_repo(v: dict[str, Any], src: Source) -> str:
    for k in ("url", "package_html_url", "html_url"):
        u = v.get(k)
        if isinstance(u, str):
            m = GH_URL_RE.search(u)
            if m and m.group(1) != "package":
                return unquote(m.group(1))
    return PurePosixPath(src.name).stem


def _parse_github(doc: list[Any], src: Source, inv: _Inventory, probs: list[str]) -> None:
    for i, v in enumerate(doc):
        if len(probs) >= MAX_PROBLEMS:
            return
        w = f"[{i}]"
        if not isinstance(v, dict):
            probs.append(_("{where}: expected a package version object, got {got}").format(where=w, got=_show(v)))
            continue
        if v.get("deleted_at"):
            continue  # listed with ?state=deleted: no longer stored
        meta = v.get("metadata")
        if not isinstance(meta, dict) or meta.get("package_type") not in ("container", "docker"):
            probs.append(
                _("{where}: expected 'container', got {got}").format(
                    where=f"{w}.metadata.package_type",
                    got=_show(meta.get("package_type") if isinstance(meta, dict) else meta),
                )
            )
            continue
        digest = _text(v.get("name"), f"{w}.name", probs)
        created = _when(v.get("created_at"), f"{w}.created_at", probs)
        if digest:
            _add(inv.version(_gh_repo(v, src), digest, "github"), "github", pushed=created)


def _read(sources: list[Source]) -> _Inventory:
    inv = _Inventory()
    problems: list[str] = []
    for src in sources:
        probs: list[str] = []
        try:
            docs = _json_docs(src)
        except _FileProblems as e:
            problems += [f"{src.name}: {p}" for p in e.problems]
            continue
        kinds = set()
        for doc in docs:
            kind = detect(doc)
            if kind is None:
                probs.append(_foreign(doc))
                break
            if kind == "schema1":
                probs.append(
                    _(
                        "a Docker v2 schema 1 manifest: it carries no layer sizes; save the manifest with "
                        "`crane manifest` or `skopeo inspect --raw` from a registry that serves schema 2 or OCI"
                    )
                )
                break
            kinds.add(kind)
            if kind == "ecr":
                _parse_ecr(doc, src, inv, probs)
            elif kind in ("manifest", "index"):
                _parse_manifest(doc, src, inv, probs, kind)
            elif kind == "dockerhub":
                _parse_dockerhub(doc["results"], doc, src, inv, probs)
            elif kind == "dockerhub_list":
                _parse_dockerhub(doc, {}, src, inv, probs)
            else:
                _parse_github(doc, src, inv, probs)
            if len(probs) >= MAX_PROBLEMS:
                probs.append(_("(further problems in this file not listed)"))
                break
        if probs:
            problems += [f"{src.name}: {p}" for p in probs]
        else:
            fmt = kinds.pop() if len(kinds) == 1 else "mixed"
            inv.files[src.name] = {"index": "manifest", "dockerhub_list": "dockerhub"}.get(fmt, fmt)
    if problems:
        if len(problems) > MAX_LISTED:  # enough to see what is wrong; the rest counted, not listed
            rest = problems[MAX_LISTED:]
            files = len({p.split(": ", 1)[0] for p in rest} - {p.split(": ", 1)[0] for p in problems[:MAX_LISTED]})
            problems = problems[:MAX_LISTED] + [
                _("... and {problems} in {files}").format(
                    problems=ngettext("{n:,} more problem", "{n:,} more problems", len(rest)).format(n=len(rest)),
                    files=ngettext("{n:,} more file", "{n:,} more files", files).format(n=files),
                )
            ]
        raise InputError(problems)
    if not sources:
        raise InputError(_("no inputs: name at least one file or folder"))
    _resolve(inv)
    return inv


def _resolve(inv: _Inventory) -> None:
    """Follow indexes to the platform manifests they list; set aside what is not an image."""
    missing = []
    for fname, repo, kids in inv.indexes:
        aliases = inv.aliases.get(repo, {})
        repo_versions = inv.repos.get(repo, {})
        for dg, words, att in kids:
            key = aliases.get(dg, dg)
            if att:  # provenance / SBOM attached by buildx: stored, but not an image version
                if key in repo_versions:
                    repo_versions[key].skip = True
                continue
            if key not in repo_versions and key not in inv.index_digests.get(repo, set()):
                missing.append(
                    _(
                        "{file}: the {platform} manifest ({digest}...) is not among the files, so that "
                        "platform is not counted"
                    ).format(file=fname, platform=words, digest=dg[:19])
                )
    if missing:
        more = (
            [_("... and {n} more platform manifests missing").format(n=len(missing) - 10)] if len(missing) > 10 else []
        )
        inv.missing = missing[:10] + more
        inv.notes += inv.missing
    # GitHub lists an index as a version of its own: drop it when its manifest is known to be an index
    dropped = 0
    for repo, digests in inv.index_digests.items():
        for d in digests:
            v = inv.repos.get(repo, {}).get(d)
            if v is not None and v.layers is None:
                v.skip = True
                dropped += 1
    # ECR lists an index as an image whose size is its largest child's: set it aside when the
    # children are there (they are listed as images of their own)
    set_aside = 0
    for versions in inv.repos.values():
        idx = [v for v in versions.values() if v.index_entry]
        if idx and len(idx) < len(versions):
            for v in idx:
                v.skip = True
            set_aside += len(idx)
    if set_aside:
        inv.notes.append(
            _(
                "{n} multi-platform image index(es) in the ECR listing were set aside: their "
                "platform images are listed (and counted) as images of their own"
            ).format(n=set_aside)
        )
    if dropped:
        inv.notes.append(
            _(
                "{n} GitHub version(s) are multi-platform indexes (their manifests say so); their "
                "platform manifests are counted instead"
            ).format(n=dropped)
        )
    if inv.foreign_layers:
        inv.notes.append(
            _("{n} foreign (non-distributable) layer(s) were left out: the registry does not store them").format(
                n=inv.foreign_layers
            )
        )
    if inv.unfoldered:
        inv.notes.append(
            _(
                "{n} manifest(s) came without a REPOSITORY folder and were counted as one "
                "repository (upload a zip of the REPOSITORY/TAG.json tree to keep repositories apart)"
            ).format(n=inv.unfoldered)
        )


# ---- measurement -------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    field: str
    value: float
    source: str  # which inputs, in words
    how: str  # how it was worked out, in words


@dataclass(frozen=True)
class Result:
    measured: tuple[Measured, ...]
    not_measured: tuple[tuple[str, str], ...]  # (field, why)
    notes: tuple[str, ...]
    files: tuple[tuple[str, str], ...]  # (file, format in words)
    stats: dict[str, int] = field(default_factory=dict)

    def values(self) -> dict[str, float]:
        return {m.field: m.value for m in self.measured}

    def workload(self, base: Workload = DEFAULT) -> Workload:
        return from_dict({**base.to_dict(), **self.values()})

    def description(self) -> str:
        fmts = sorted({f for _, f in self.files})
        n = len(self.files)
        return ngettext(
            "Measured from {n} file ({formats}) by python -m lib measure",
            "Measured from {n} files ({formats}) by python -m lib measure",
            n,
        ).format(n=n, formats=", ".join(fmts))


def format_value(name: str, v: float) -> str:
    if name == "image_size_mb":
        return f"{v:,.2f} MB"
    if name == "shared_layer_fraction":
        return f"{v:.1%}"
    if name == "pushes_per_month":
        return f"{v:,.1f}"
    return f"{v:,}"


def format_words(fmt: str) -> str:
    """An inventory format in the reader's words ("image manifests")."""
    return _(FORMAT_WORDS[fmt])


def field_words(name: str) -> str:
    """A measured field in the reader's words ("Shared layers"): what the upload page's table shows."""
    return _(FIELD_WORDS[name])


def half_up(x: float) -> int:
    """Rounding as people do it (2.5 -> 3), not Python's round-half-to-even."""
    return int(math.floor(x + 0.5))


def _sources(inv: _Inventory, fmts: AbstractSet[str | None]) -> str:
    files = [f for f, k in inv.files.items() if k in fmts or (k == "mixed")]
    words = ", ".join(format_words(f) for f in sorted(f for f in fmts if f is not None) if f in FORMAT_WORDS)
    if not files:
        return words
    return (
        f"{words} ({_stem(files[0].replace(':', '/'))}.json)"
        if len(files) == 1
        else _("{formats} ({n:,} files)").format(formats=words, n=len(files))
    )


def _clamp(name: str, value: _Number, notes: list[str]) -> _Number:
    s = SPECS[name]
    if s.min is not None and value < s.min:
        notes.append(
            _("{field}: measured {value:g}, below the smallest value the calculator takes; {used:g} is used").format(
                field=field_words(name), value=value, used=s.min
            )
        )
        return type(value)(s.min)
    if s.max is not None and value > s.max:
        notes.append(
            _("{field}: measured {value:g}, above the largest value the calculator takes; {used:g} is used").format(
                field=field_words(name), value=value, used=s.max
            )
        )
        return type(value)(s.max)
    return value


@contextmanager
def _no_gc() -> Iterator[None]:
    """Parsing creates millions of small objects and no cycles: the cyclic collector would walk
    them again and again (a third of the time at 100,000 images). Restored afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def measure(sources: list[Source]) -> Result:
    """Read the inputs and measure the five inventory fields; raises InputError naming every bad file."""
    with _no_gc():
        return _measure(sources)


def _measure(sources: list[Source]) -> Result:
    inv = _read(sources)
    notes = list(inv.notes)
    repos = {r: [v for v in vs.values() if not v.skip] for r, vs in inv.repos.items()}
    repos = {r: vs for r, vs in repos.items() if vs}
    measured: list[Measured] = []
    not_measured: list[tuple[str, str]] = []
    stats: dict[str, int] = {}
    if not repos:
        # the notes say why when there was something (an index whose platform manifests are
        # missing, images set aside): "empty" would send the user looking at the wrong thing
        why = list(inv.missing)  # what was missing, kept apart from the other notes: never matched by its words
        raise InputError(
            why
            or [_("{files}: no images in these files (empty listings)").format(files=", ".join(list(inv.files)[:3]))]
        )

    all_versions = [v for vs in repos.values() for v in vs]
    n, r = len(all_versions), len(repos)
    fmts_all = {f for v in all_versions for f in v.fmts}
    measured.append(
        Measured(
            "repositories",
            _clamp("repositories", r, notes),
            _sources(inv, fmts_all),
            ngettext(
                "{n:,} repository with at least one image", "{n:,} repositories with at least one image", r
            ).format(n=r),
        )
    )
    v_mean = n / r
    versions_kept = _clamp("versions_kept", max(1, half_up(v_mean)), notes)
    measured.append(
        Measured(
            "versions_kept",
            versions_kept,
            _sources(inv, fmts_all),
            _("{images} / {repositories} = {mean:,.2f}, rounded").format(
                images=ngettext("{n:,} stored image", "{n:,} stored images", n).format(n=n),
                repositories=ngettext("{n:,} repository", "{n:,} repositories", r).format(n=r),
                mean=v_mean,
            ),
        )
    )
    stats.update(versions=n, repositories=r)

    sized = [v for v in all_versions if v.size is not None]
    size_mb = None
    if sized:
        total = sum(v.size or 0 for v in sized)  # all sized: "or 0" only tells the checker
        mean = total / len(sized) / MB
        size_mb = _clamp("image_size_mb", round(mean, 2), notes)
        measured.append(
            Measured(
                "image_size_mb",
                size_mb,
                _sources(inv, {v.size_fmt for v in sized}),
                ngettext(
                    "{mb:,.1f} MB over {n:,} image (compressed; 1 MB = 1,000,000 bytes)",
                    "{mb:,.1f} MB over {n:,} images (compressed; 1 MB = 1,000,000 bytes)",
                    len(sized),
                ).format(mb=total / MB, n=len(sized)),
            )
        )
        if len(sized) < n:
            notes.append(
                _(
                    "Image size: {n:,} of {total:,} images have no size in these files "
                    "(GitHub's API gives none: add their manifests)"
                ).format(n=n - len(sized), total=n)
            )
        stats["total_bytes"] = total
    else:
        not_measured.append(("image_size_mb", _("no sizes in these files (GitHub's API gives none: add manifests)")))

    _shared(repos, all_versions, versions_kept, size_mb, r, inv, measured, not_measured, notes, stats)
    _pushes(all_versions, inv, measured, not_measured)

    measured_names = {m.field for m in measured}
    for name in MEASURED_FIELDS:
        if name not in measured_names and name not in {f for f, _ in not_measured}:
            not_measured.append((name, _("not in these files")))
    files = tuple((f, format_words(k) if k in FORMAT_WORDS else _("several formats")) for f, k in inv.files.items())
    return Result(tuple(measured), tuple(not_measured), tuple(notes), files, stats)


def _shared(
    repos: dict[str, list[_Version]],
    all_versions: list[_Version],
    versions_kept: int,
    size_mb: float | None,
    r: int,
    inv: _Inventory,
    measured: list[Measured],
    not_measured: list[tuple[str, str]],
    notes: list[str],
    stats: dict[str, int],
) -> None:
    layered = {repo: [v for v in vs if v.layers is not None] for repo, vs in repos.items()}
    layered = {repo: vs for repo, vs in layered.items() if vs}
    if not layered:
        not_measured.append(("shared_layer_fraction", _("needs layer lists: add image manifests")))
        return
    # unique layer bytes within each repository (a repository stores a layer once however many
    # images use it); a layer in two repositories counts twice, as ECR bills each repository's storage
    unique = 0
    everywhere: dict[str, int] = {}
    for vs in layered.values():
        seen: dict[str, int] = {}
        for v in vs:
            for dg, size in v.layers or ():  # all have layers: "or ()" only tells the checker
                seen[dg] = size
        unique += sum(seen.values())
        everywhere.update(seen)
    unique_global = sum(everywhere.values())
    n_l = sum(len(vs) for vs in layered.values())
    r_l = len(layered)
    total_l = sum(v.size or 0 for vs in layered.values() for v in vs)  # sized: they have layers
    stats.update(unique_bytes=unique, unique_bytes_across_repositories=unique_global)
    V: float  # versions per repository: the scenario's whole number, or the measured mean
    if n_l == len(all_versions) and size_mb is not None:
        # every image has its layers: solve with the scenario's own (rounded) inputs, so the
        # model's stored bytes equal the measured unique bytes exactly
        R, S, V = r, size_mb * MB, versions_kept
        basis = _("this scenario's repositories, image size and versions kept")
    else:
        R, S, V = r_l, (total_l / n_l if n_l else 0.0), n_l / r_l
        basis = _("the {n:,} images that have layer lists").format(n=n_l)
        notes.append(
            _("Shared layers: measured on {n:,} of {total:,} images (those with manifests)").format(
                n=n_l, total=len(all_versions)
            )
        )
    if S <= 0:
        not_measured.append(("shared_layer_fraction", _("the images with layer lists have no layers")))
        return
    if V <= 1:
        not_measured.append(
            ("shared_layer_fraction", _("one version per repository: nothing is shared between versions"))
        )
        return
    # stored = R * S * (s + (1 - s) * V)  =>  s = (V - k) / (V - 1), k = unique / (R * S)
    k = unique / (R * S)
    s = (V - k) / (V - 1)
    if s < 0 or s > 1:
        notes.append(
            _(
                "Shared layers: the solution {s:.3f} is outside 0..1 (rounding of versions kept); {used:g} is used"
            ).format(s=s, used=min(max(s, 0.0), 1.0))
        )
        s = min(max(s, 0.0), 1.0)
    s = round(s, 4)
    cross = unique - unique_global
    measured.append(
        Measured(
            "shared_layer_fraction",
            s,
            format_words("manifest")
            + " ("
            + ngettext("{n:,} repository", "{n:,} repositories", len(layered)).format(n=len(layered))
            + ")",
            _(
                "unique layer bytes per repository {mb:,.1f} MB, solved so the model stores exactly that "
                "(from {basis}); layers shared across repositories are counted once per repository"
            ).format(mb=unique / MB, basis=basis),
        )
    )
    if cross > 0:
        notes.append(
            _(
                "Layers shared across repositories: {cross:,.1f} MB is counted in each repository that "
                "uses it (ECR bills storage per repository); a registry that de-duplicates across "
                "repositories would store {once:,.1f} MB instead of {each:,.1f} MB"
            ).format(cross=cross / MB, once=unique_global / MB, each=unique / MB)
        )


def _pushes(
    all_versions: list[_Version], inv: _Inventory, measured: list[Measured], not_measured: list[tuple[str, str]]
) -> None:
    times = [v.pushed for v in all_versions if v.pushed is not None]
    if len(times) < 2:
        not_measured.append(("pushes_per_month", _("needs push or creation times of at least two images")))
        return
    span = max(times) - min(times)
    if span < 86_400:
        not_measured.append(
            ("pushes_per_month", _("the images were all pushed within one day: too short to tell a monthly rate"))
        )
        return
    days = span / 86_400
    rate = len(times) / days * DAYS_PER_MONTH
    rate = _clamp("pushes_per_month", round(rate, 2), [])
    first = datetime.fromtimestamp(min(times), UTC).date()
    last = datetime.fromtimestamp(max(times), UTC).date()
    measured.append(
        Measured(
            "pushes_per_month",
            rate,
            _sources(inv, {v.pushed_fmt for v in all_versions if v.pushed is not None}),
            _(
                "{n:,} images pushed over {days:,.1f} days ({first} to {last}), per 30 days; deleted images "
                "are not listed, so this is a lower bound"
            ).format(n=len(times), days=days, first=first, last=last),
        )
    )


def measure_paths(paths: Iterable[str | Path]) -> Result:
    with _no_gc():
        return _measure(sources_from_paths(paths))


# ---- output -------------------------------------------------------------------------------


def scenario_doc(result: Result) -> dict[str, Any]:
    """What `python -m lib measure` prints: a scenario file every other command loads."""
    return {"name": _("Measured registry"), "description": result.description(), **result.values()}


def dumps(result: Result, fmt: str = "yaml") -> str:
    doc = scenario_doc(result)
    if fmt == "json":
        return json.dumps(doc, indent=2)
    import yaml

    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def report_lines(result: Result) -> list[str]:
    out = [_("Measured:")]
    for m in result.measured:
        out.append(
            f"  {m.field:<24} {format_value(m.field, m.value):<14} "
            + _("from {source}: {how}").format(source=m.source, how=m.how)
        )
    out.append(_("Not measured (defaults kept):"))
    for name, why in result.not_measured:
        out.append(f"  {name:<24} {SPECS[name].default!s:<14} {why}")
    out.append("  " + _("every other input (pulls, where pulls come from, plans, ...) keeps its default"))
    out.append(_("Files read:"))
    out += [f"  {f}  ({what})" for f, what in result.files[:20]]
    if len(result.files) > 20:
        out.append("  " + _("... and {n:,} more").format(n=len(result.files) - 20))
    if result.notes:
        out.append(_("Notes:"))
        out += [f"  - {n}" for n in result.notes]
    return out


# ---- what a lifecycle rule would save -----------------------------------------------------


@dataclass(frozen=True)
class Saving:
    registry: str
    keep: int
    kept: int
    gb: float  # stored GB-month saved (every storage component, replicas included)
    dollars: float  # monthly total saved


def lifecycle_saving(w: Workload, keep: int, book: PriceBook, registry: str = "ecr") -> Saving:
    """Keeping `keep` versions instead of w.versions_kept, priced by the engine (no second formula)."""
    from . import engine

    keep = int(keep)
    now = engine.estimate(w, book, ids=(registry,))[registry]
    later = engine.estimate(w.replace(versions_kept=keep), book, ids=(registry,))[registry]

    def stored(e: engine.RegistryEstimate) -> float:
        return sum(c.quantity for c in e.components if c.category == "storage" and c.unit == "GB-month")

    return Saving(now.name, keep, w.versions_kept, stored(now) - stored(later), now.monthly_cost - later.monthly_cost)
