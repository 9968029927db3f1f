"""`aws ecr describe-images` output (AWS CLI v1 and v2)."""

from __future__ import annotations

from typing import Any

from ..core.i18n import _
from .checks import byte_size, name_text, show, string, when
from .inventory import Inventory, Version, add
from .limits import (
    ATTESTATION_SHARE,
    COSIGN_TAG_RE,
    IMAGE_CONFIG_TYPES,
    INDEX_TYPES,
    MAX_BYTES_VALUE,
    MAX_NAME,
    MAX_PROBLEMS,
    PUSH_WINDOW_S,
    REFERRERS_TAG_RE,
)
from .sources import Source


def parse_ecr(doc: dict[str, Any], src: Source, inv: Inventory, probs: list[str]) -> None:
    details = doc.get("imageDetails")
    if not isinstance(details, list):
        probs.append(_("imageDetails: expected a list of images, got {got}").format(got=show(details)))
        return
    seen: set[str] = set()
    for i, d in enumerate(details):
        if len(probs) >= MAX_PROBLEMS:
            return
        if not isinstance(d, dict):
            probs.append(_("{where}: expected an object, got {got}").format(where=f"imageDetails[{i}]", got=show(d)))
            continue
        repo = _image(d, i, src, inv, probs)
        if repo is not None:
            seen.add(repo)
    token = doc.get("nextToken", doc.get("NextToken"))
    if isinstance(token, str) and token:
        inv.partial.append(_partial(src, len(details), sorted(seen), token))


def _checked(d: dict[str, Any], i: int, src: Source, probs: list[str]) -> tuple[str | None, str, int | None]:
    """The image's repository, digest and size. The common, well-formed case is checked inline (100,000
    images in well under a second); anything else goes through the checks that name the problem. An image
    without a digest is known by its place in the file."""
    w = f"imageDetails[{i}]"
    repo = d.get("repositoryName")
    if type(repo) is not str or not repo or len(repo) > MAX_NAME:
        repo = name_text(repo, f"{w}.repositoryName", probs)
    digest = d.get("imageDigest")
    if type(digest) is not str or not digest or len(digest) > MAX_NAME:
        digest = name_text(digest, f"{w}.imageDigest", probs, required=False) or f"{src.name}#{i}"
    size = d.get("imageSizeInBytes")
    if type(size) is not int or not 0 <= size <= MAX_BYTES_VALUE:
        size = byte_size(size, f"{w}.imageSizeInBytes", probs)
    return repo, digest, size


def _version(inv: Inventory, repo: str, digest: str, size: int | None, pushed: float | None) -> Version:
    """The image's version in the inventory: a new one made inline (the usual case), or one another
    file listed too, with what this listing adds."""
    versions = inv.repos.get(repo)
    if versions is None:
        versions = inv.repos[repo] = {}
    v = versions.get(digest)
    if v is None:  # the usual case, inline: a new image
        v = versions[digest] = Version("ecr")
        v.size, v.size_fmt, v.pushed, v.pushed_fmt = (
            size,
            "ecr" if size is not None else None,
            pushed,
            "ecr" if pushed is not None else None,
        )
        return v
    v = inv.version(repo, digest, "ecr")
    add(v, "ecr", size=size, pushed=pushed)
    return v


def _classify(v: Version, d: dict[str, Any], mt: str | None, inv: Inventory) -> None:
    """What kind of thing the listing says it is: an index, typed or not, tagged or not, an image or
    another artifact set aside."""
    if mt in INDEX_TYPES:
        # AWS reports an index's size as its largest child's; the children are listed as images of
        # their own, so the index is set aside (and used only if no child is in the file)
        v.index_entry = True
    if mt is not None:
        v.typed = True
    tags = d.get("imageTags")
    v.tagged = type(tags) is list and len(tags) > 0
    amt = d.get("artifactMediaType")
    if (amt is not None and amt not in IMAGE_CONFIG_TYPES) or (v.tagged and _signature_tag(tags)):
        # a Helm chart, a signature or an SBOM (its config is not an image's, or cosign's / the OCI
        # referrers fallback's sha256-<digest> tag): stored, but not an image version
        if not v.skip:
            inv.artifacts += 1
        v.skip = True


def _image(d: dict[str, Any], i: int, src: Source, inv: Inventory, probs: list[str]) -> str | None:
    """One image of the listing into the inventory; its repository, or None when it has no readable one."""
    repo, digest, size = _checked(d, i, src, probs)
    pushed = when(d.get("imagePushedAt"), f"imageDetails[{i}].imagePushedAt", probs)
    mt = string(d.get("imageManifestMediaType"))
    if repo is None:
        return None
    _classify(_version(inv, repo, digest, size, pushed), d, mt, inv)
    return repo


def _partial(src: Source, n: int, names: list[str], token: str) -> str:
    """What to run to read the whole listing, when it ends with a NextToken."""
    return _(
        "{file}: the ECR listing is partial ({n:,} images of {repositories} read; it ends with a "
        "NextToken): run `aws ecr describe-images --repository-name {repository} --output json` without "
        "--max-items or --no-paginate (the AWS CLI then reads every page), or continue with "
        "--starting-token {token}"
    ).format(
        file=src.name,
        n=n,
        repositories=", ".join(names[:3]) + (" ..." if len(names) > 3 else ""),
        repository=names[0] if len(names) == 1 else "REPOSITORY",
        token=token[:200],
    )


def _signature_tag(tags: Any) -> bool:  # a non-empty list: checked by the caller
    for t in tags:
        if type(t) is str and t.startswith("sha256-") and (COSIGN_TAG_RE.match(t) or REFERRERS_TAG_RE.match(t)):
            return True
    return False


def set_aside_attestations(inv: Inventory) -> None:
    """buildx (BuildKit 0.11 and later) pushes an attestation manifest of 1-2 KB beside each platform image;
    ECR lists it as an untagged image. Taken as one: untagged, pushed within minutes of an index of the same
    repository, and under 2 % of the index's size (AWS gives an index its largest image's size). Without
    imageManifestMediaType, an index is a tagged entry of exactly an untagged entry's size, pushed with it."""
    for versions in inv.repos.values():
        if all(v.tagged for v in versions.values()):
            continue  # every entry tagged (the usual listing): no attestation to find
        ecr = [v for v in versions.values() if "ecr" in v.fmts and not v.skip]
        if len(ecr) >= 2:  # an attestation comes with an index: one entry alone is neither
            inv.attestations += _set_aside_in(ecr)


def _set_aside_in(ecr: list[Version]) -> int:
    """Set aside the attestations among one repository's ECR entries; how many there were."""
    if not any(v.typed for v in ecr):
        _find_untyped_indexes(ecr)
    found = 0
    for i in [v for v in ecr if v.index_entry and v.size and v.pushed is not None]:
        for v in ecr:
            if _attestation_of(v, i):
                v.skip = True
                found += 1
    return found


def _find_untyped_indexes(ecr: list[Version]) -> None:
    """Without media types: an index is a tagged entry of exactly an untagged entry's size, pushed with it."""
    loose: dict[int, list[float]] = {}
    for v in ecr:
        if not v.tagged and v.size is not None and v.pushed is not None:
            loose.setdefault(v.size, []).append(v.pushed)
    for v in ecr:
        if v.tagged and v.size in loose and v.pushed is not None:
            at = v.pushed
            if any(abs(at - p) <= PUSH_WINDOW_S for p in loose[v.size]):
                v.index_entry = True


def _attestation_of(v: Version, index: Version) -> bool:
    """An untagged entry still counted, pushed within minutes of the index, under 2 % of its size."""
    return (
        not v.tagged
        and not v.index_entry
        and not v.skip
        and v.size is not None
        and v.pushed is not None
        and abs(v.pushed - (index.pushed or 0.0)) <= PUSH_WINDOW_S
        and v.size < ATTESTATION_SHARE * (index.size or 0)
    )
