"""Every file through its parser into one inventory; indexes followed to their platform manifests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.errors import InputError
from ..core.i18n import N_, _, ngettext
from . import cloudtrail, cloudwatch, hubusage
from .detect import detect, foreign
from .dockerhub import parse_dockerhub
from .ecr import parse_ecr, set_aside_attestations
from .github import merge_owners, parse_github
from .inventory import Inventory
from .jsondocs import FileProblems, json_docs
from .limits import MAX_LISTED, MAX_PROBLEMS
from .manifests import parse_manifest
from .sources import Source

SAME_WORDS = {
    "index": "manifest",
    "dockerhub_list": "dockerhub",
    "dockerhub_tag": "dockerhub",
    "cloudwatch_data": "cloudwatch",
}  # formats named alike in the list of files read
DOCKER_INSPECT = N_(
    "`docker inspect` output: it describes an image on one machine (uncompressed, no push dates), not "
    "what a registry stores; save the registry's manifests with `crane manifest` or `skopeo inspect --raw` "
    "instead"
)


# what each kind of document is read by: (document, its file, the inventory, the file's problems)
Parser = Callable[[Any, Source, Inventory, list[str]], None]
PARSERS: dict[str, Parser] = {
    "ecr": parse_ecr,
    "manifest": lambda doc, src, inv, probs: parse_manifest(doc, src, inv, probs, "manifest"),
    "index": lambda doc, src, inv, probs: parse_manifest(doc, src, inv, probs, "index"),
    "dockerhub": lambda doc, src, inv, probs: parse_dockerhub(doc["results"], doc, src, inv, probs),
    "dockerhub_list": lambda doc, src, inv, probs: parse_dockerhub(doc, {}, src, inv, probs),
    "dockerhub_tag": lambda doc, src, inv, probs: parse_dockerhub([doc], {}, src, inv, probs),
    "cloudwatch": cloudwatch.parse_statistics,
    "cloudwatch_data": cloudwatch.parse_metric_data,
    "cloudtrail": cloudtrail.parse_cloudtrail,
    "ipranges": cloudtrail.parse_ip_ranges,
}


def read_inventory(sources: list[Source]) -> Inventory:
    inv = Inventory()
    problems: list[str] = []
    for src in sources:
        probs, kinds = _read_file(src, inv)
        if probs:
            problems += [f"{src.name}: {p}" for p in probs]
        else:
            fmt = kinds.pop() if len(kinds) == 1 else ("empty" if not kinds else "mixed")
            inv.files[src.name] = SAME_WORDS.get(fmt, fmt)
    if problems:
        raise InputError(_listed(problems))
    if not sources:
        raise InputError(_("no inputs: name at least one file or folder"))
    resolve(inv)
    return inv


def _read_file(src: Source, inv: Inventory) -> tuple[list[str], set[str]]:
    """One file into the inventory: its problems, and the kinds of document it held."""
    if src.name.lower().endswith(".csv") or hubusage.looks_like(src.data):
        return hubusage.parse_usage(src, inv), {"hubusage"}
    try:
        docs = json_docs(src)
    except FileProblems as e:
        return list(e.problems), set()
    probs: list[str] = []
    kinds: set[str] = set()
    if len(docs) == 1 and detect(docs[0]) == "slurped":
        docs = docs[0]  # an array of pages: each page is a document, as if printed one after the other
    for doc in docs:
        kind = detect(doc)
        if kind is None or kind == "slurped":
            probs.append(foreign(doc))
            break
        if kind == "docker_inspect":
            probs.append(_(DOCKER_INSPECT))
            break
        if kind == "empty":
            continue  # a trailing empty page: nothing in it, nothing wrong
        kinds.add(kind)
        if kind == "schema1":
            # legacy, carries no layer sizes: left out and named, the rest of the tree is measured
            inv.schema1.append(src.name)
            break
        parser: Parser = PARSERS.get(kind, parse_github)  # GitHub's package versions: a list
        parser(doc, src, inv, probs)
        if len(probs) >= MAX_PROBLEMS:
            probs.append(_("(further problems in this file not listed)"))
            break
    return probs, kinds


def _listed(problems: list[str]) -> list[str]:
    """Enough problems to see what is wrong; the rest counted, not listed."""
    if len(problems) <= MAX_LISTED:
        return problems
    rest = problems[MAX_LISTED:]
    files = len({p.split(": ", 1)[0] for p in rest} - {p.split(": ", 1)[0] for p in problems[:MAX_LISTED]})
    return problems[:MAX_LISTED] + [
        _("... and {problems} in {files}").format(
            problems=ngettext("{n:,} more problem", "{n:,} more problems", len(rest)).format(n=len(rest)),
            files=ngettext("{n:,} more file", "{n:,} more files", files).format(n=files),
        )
    ]


def resolve(inv: Inventory) -> None:
    """Follow indexes to the platform manifests they list; set aside what is not an image."""
    merge_owners(inv)
    missing = _follow_indexes(inv)
    if missing:
        more = (
            [_("... and {n} more platform manifests missing").format(n=len(missing) - 10)] if len(missing) > 10 else []
        )
        inv.missing = missing[:10] + more
        inv.notes += inv.missing
    dropped = _drop_github_indexes(inv)
    set_aside_attestations(inv)
    set_aside = _set_aside_ecr_indexes(inv)
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
    _not_images(inv)


def _follow_indexes(inv: Inventory) -> list[str]:
    """Each index's platform manifests: attestations set aside, the ones not among the files named."""
    missing = []
    unclaimed = dict(inv.attested)
    for fname, repo, kids in inv.indexes:
        aliases = inv.aliases.get(repo, {})
        repo_versions = inv.repos.get(repo, {})
        for dg, words, att in kids:
            key = aliases.get(dg, dg)
            if att:  # provenance / SBOM attached by buildx: stored, but not an image version
                if key in repo_versions and not repo_versions[key].skip:
                    repo_versions[key].skip = True
                    inv.attestations += 1
                continue
            if key in repo_versions or key in inv.index_digests.get(repo, set()):
                continue
            if not words and unclaimed.get(repo, 0) > 0:
                # no platform, and an attestation of this repository was found under another name or
                # reformatted (its digest no longer matches): that is the one listed
                unclaimed[repo] -= 1
                continue
            missing.append(
                _(
                    "{file}: the {platform} manifest ({digest}...) is not among the files, so that "
                    "platform is not counted"
                ).format(file=fname, platform=words, digest=dg[:19])
                if words
                else _("{file}: a manifest it lists ({digest}...) is not among the files, so it is not counted").format(
                    file=fname, digest=dg[:19]
                )
            )
    return missing


def _drop_github_indexes(inv: Inventory) -> int:
    """GitHub lists an index as a version of its own: dropped when its manifest is known to be an index."""
    dropped = 0
    for repo, digests in inv.index_digests.items():
        for d in digests:
            v = inv.repos.get(repo, {}).get(d)
            if v is not None and v.layers is None:
                v.skip = True
                dropped += 1
    return dropped


def _set_aside_ecr_indexes(inv: Inventory) -> int:
    """ECR lists an index as an image whose size is its largest child's: set aside when the children are
    there (they are listed as images of their own)."""
    set_aside = 0
    for versions in inv.repos.values():
        idx = [v for v in versions.values() if v.index_entry]
        if idx and len(idx) < len(versions):
            for v in idx:
                v.skip = True
            set_aside += len(idx)
    return set_aside


def _not_images(inv: Inventory) -> None:
    """Notes on what was read but is not an image version, and on listings read in part."""
    if inv.attestations:
        inv.notes.append(
            _(
                "{n} attestation manifest(s) (build provenance, SBOM) were set aside: stored with the images, "
                "but not images"
            ).format(n=inv.attestations)
        )
    if inv.artifacts:
        inv.notes.append(
            _(
                "{n} OCI artifact(s) (signatures, SBOMs, charts: anything whose config or type is not an "
                "image's) were set aside: stored, but not image versions"
            ).format(n=inv.artifacts)
        )
    if inv.referrers:
        inv.notes.append(
            _(
                "{n} sha256-<digest> file(s) are OCI referrers lists (the artifacts that refer to an image), "
                "not that image's manifest: not counted"
            ).format(n=inv.referrers)
        )
    for name in inv.schema1[:10]:
        inv.left_out.append(
            _(
                "{file}: a legacy Docker v2 schema 1 manifest carries no layer sizes and is not counted; save it "
                "with `crane manifest` or `skopeo inspect --raw` from a registry that serves schema 2 or OCI"
            ).format(file=name)
        )
    inv.notes += inv.left_out
    for repo, (count, read) in sorted(inv.hub_pages.items()):
        if read < count:
            ns_repo = repo if "/" in repo else "NS/REPO"
            inv.partial.append(
                _(
                    "Docker Hub {repository}: the listing is partial ({read:,} of {count:,} tags read); get every "
                    "page with: for p in $(seq 1 {pages}); do curl -s "
                    '"https://hub.docker.com/v2/namespaces/{namespace}/repositories/{name}/tags'
                    '?page_size=100&page=$p"; '
                    "done > {name}-tags.json"
                ).format(
                    repository=repo,
                    read=read,
                    count=count,
                    pages=-(-count // 100),
                    namespace=ns_repo.split("/", 1)[0],
                    name=ns_repo.split("/", 1)[1],
                )
            )
    inv.notes += inv.partial
