"""The fields of the decision tree's answers (Situation): they change no price, but where the
consumers run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ...core.i18n import N_
from .choices import Ci, ComplianceNeed, Lifetime, Priority, RunsOn
from .spec import NETWORK_SECTION, field_spec


@dataclass(frozen=True)
class Situation:
    """The answers to the decision tree's questions (they do not change costs, but where consumers run)."""

    GROUP: ClassVar[str] = "decision"
    runs_on: RunsOn = field_spec(
        "choice",
        "aws",
        N_("Where workloads run"),
        N_(
            "The platform the consumers of the images run on, in the chosen region. "
            "A registry on another cloud bills internet egress for every pull; multi-cloud is priced as AWS consumers "
            "(count pulls from your other clouds as internet pulls)."
        ),
        priced=True,
        section=NETWORK_SECTION,
        place=1,
        question=1,
    )
    ci: Ci = field_spec(
        "choice",
        "github_actions",
        N_("CI system"),
        N_("What builds and pushes the images."),
        question=2,
    )
    lifetime: Lifetime = field_spec(
        "choice",
        "production",
        N_("How long it lives"),
        N_("demo: a few days; production: long-term."),
        question=4,
        screen_help=N_("A demo runs for a few days; production runs long-term."),
    )
    priority: Priority = field_spec(
        "choice",
        "auto",
        N_("What comes first"),
        N_(
            "cost: lowest cost and fastest setup; integration: cloud integration and security; "
            "auto: cost for a demo or for public images pulled mostly from the internet, integration in production."
        ),
        question=5,
        screen_help=N_(
            "Lowest cost and fastest setup, or cloud integration and security. Left on auto: "
            "cost first for a demo or for public images pulled mostly from the internet, integration first in "
            "production."
        ),
    )
    private_network_only: bool = field_spec(
        "bool",
        False,
        N_("Access only from a private network"),
        N_("Images may be pulled only from inside the VPC / private network."),
        question=6,
    )
    aws_only: bool = field_spec(
        "bool", False, N_("AWS-only environment"), N_("Builds, deploys and consumers all stay inside AWS."), question=7
    )
    avoid_cloud_iam: bool = field_spec(
        "bool",
        False,
        N_("Avoid cloud IAM setup"),
        N_("Speed of setup first: no IAM roles or policies to write."),
        question=8,
    )
    compliance: tuple[ComplianceNeed, ...] = field_spec(
        "set",
        (),
        N_("Compliance needs"),
        N_("What policy makes mandatory."),
        question=9,
    )
