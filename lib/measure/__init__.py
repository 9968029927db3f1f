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

and, for pulls (what inventories don't carry):

- CloudWatch's `RepositoryPullCount` (namespace AWS/ECR): `aws cloudwatch get-metric-statistics` JSON
  (`Label`, `Datapoints[]` of `Timestamp`, `Sum`, `Unit`) and `get-metric-data` JSON
  (`MetricDataResults[]` of `Id`, `Label`, `Timestamps[]`, `Values[]`, `StatusCode`; `NextToken`);
- a CloudTrail JSON export (`Records[]`: `eventSource`, `eventName` BatchGetImage, `eventTime`,
  `awsRegion`, `sourceIPAddress`, `vpcEndpointId`), with AWS's `ip-ranges.json` (`prefixes[]` of
  `ip_prefix`, `region`) to tell the region's NAT gateways, other regions and the internet apart;
- Docker Hub's pull usage export CSV (`datehour`, `repository`, `pulls`).

A version is one stored image manifest (one platform of a multi-platform image counts once, as
ECR lists it); tags pointing to the same digest are one version. Index / manifest-list entries hold
no layers of their own: their platform manifests are the versions. Attestation manifests (buildx
provenance and SBOMs) and OCI artifacts (signatures, charts: an artifactType or a config that is not an
image's) are stored but are not versions.

One module per input format (ecr, manifests, dockerhub, github, cloudwatch, cloudtrail, hubusage);
sources and jsondocs read files (jsondocs.json_docs is the one place bytes become JSON), detect and read
dispatch them into an inventory, statistics and pulls work out the fields, result and output say them.

Everything read is untrusted: sizes, nesting and types are checked, and a file that is not one of
these formats is refused with its name and what is wrong (InputError), never a traceback.
"""

from __future__ import annotations

from ..core.errors import InputError
from .checks import when
from .detect import detect
from .lifecycle import Saving, lifecycle_saving
from .limits import FIELD_WORDS, FORMAT_WORDS, MAX_LISTED, MAX_PROBLEMS, MB, MEASURED_FIELDS, PULL_FIELDS
from .output import dumps, report_lines, scenario_doc
from .result import Measured, Result, field_words, format_value, format_words, half_up
from .sources import Source, sources_from_paths, sources_from_uploads, sources_from_zip
from .statistics import measure, measure_paths

__all__ = [
    "FIELD_WORDS",
    "FORMAT_WORDS",
    "MAX_LISTED",
    "MAX_PROBLEMS",
    "MB",
    "MEASURED_FIELDS",
    "PULL_FIELDS",
    "InputError",
    "Measured",
    "Result",
    "Saving",
    "Source",
    "detect",
    "dumps",
    "field_words",
    "format_value",
    "format_words",
    "half_up",
    "lifecycle_saving",
    "measure",
    "measure_paths",
    "report_lines",
    "scenario_doc",
    "sources_from_paths",
    "sources_from_uploads",
    "sources_from_zip",
    "when",
]
