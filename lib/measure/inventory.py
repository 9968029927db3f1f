"""What the parsers fill: repositories of versions, with sizes, push times and layers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PullSeries:
    """Pulls counted over a span: one CloudWatch series, or one Docker Hub usage export."""

    file: str
    fmt: str
    label: str
    pulls: float
    first: float  # seconds since 1970
    last: float  # end of the last period counted


class Version:
    __slots__ = ("size", "size_fmt", "pushed", "pushed_fmt", "layers", "fmts", "index_entry", "skip", "tagged", "typed")

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
        self.tagged = True  # an ECR entry without tags may be an index's attestation manifest
        self.typed = False  # its manifest media type is known (ECR's imageManifestMediaType)


class Inventory:
    def __init__(self) -> None:
        self.repos: dict[str, dict[str, Version]] = {}
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
        self.attestations = 0  # manifests set aside as attestations (provenance, SBOM): not images
        self.attested: dict[str, int] = {}  # repo -> attestation manifests known by their own layers
        self.artifacts = 0  # OCI artifacts set aside (signatures, SBOMs, Helm charts): not images
        self.referrers = 0  # sha256-<digest> referrers lists read as such, not as that digest's manifest
        self.schema1: list[str] = []  # legacy schema 1 manifests: left out, named
        self.left_out: list[str] = []  # notes on files left out (the error, when nothing else was measured)
        self.partial: list[str] = []  # notes on listings that have more pages than were read
        self.hub_pages: dict[str, list[int]] = {}  # Docker Hub repo -> [count the API gives, tags read]
        self.gh_owners: dict[str, set[str]] = {}  # GitHub package name -> its owners
        self.pulls: list[PullSeries] = []
        self.trail: dict[str, int] = {}  # CloudTrail pulls by where they came from
        self.trail_times: list[float] = []
        self.trail_files: list[str] = []
        self.trail_ips: dict[str, int] = {}  # "public address registry-region" -> pulls
        self.ip_ranges: dict[tuple[int, int], dict[int, str]] = {}  # (IP version, prefix length) -> network -> region

    def version(self, repo: str, digest: str, fmt: str) -> Version:
        r = self.repos.get(repo)
        if r is None:
            r = self.repos[repo] = {}
        v = r.get(digest)
        if v is None:
            v = r[digest] = Version(fmt)
        elif fmt not in v.fmts:
            v.fmts += (fmt,)
        return v


def add(
    v: Version,
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
