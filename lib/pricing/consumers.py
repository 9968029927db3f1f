"""Where the consumers run: the cloud the pulling workloads are in (multi-cloud priced as AWS), and
whether they sit in private AWS subnets. Every registry's transfer and network lines start here."""

from __future__ import annotations

from typing import Literal

from ..core.i18n import N_
from ..inputs.workload import PricingInputs

ConsumersCloud = Literal["aws", "gcp", "azure", "on_prem"]


def consumers_cloud(w: PricingInputs[object]) -> ConsumersCloud:
    """The cloud the pulling workloads run in: aws, gcp, azure or on_prem.

    Multi-cloud is priced as AWS consumers in the chosen region (the dashboard's stated
    assumption): pulls from the other clouds belong in the internet share.
    """
    return "aws" if w.runs_on == "multi_cloud" else w.runs_on


def private_aws_subnets(w: PricingInputs[object]) -> bool:
    """The network-path inputs (NAT gateways, interface endpoints) describe an AWS VPC."""
    return w.network in ("nat", "endpoints") and consumers_cloud(w) == "aws"


# Korean names Google's cloud Google Cloud, as every other Korean text does (seventh Korean review: "워크로드가
# GCP 밖에서 실행되므로 … Google Cloud의 인터넷 송신 요금"); English keeps GCP
WHERE: dict[ConsumersCloud, str] = {"aws": "AWS", "gcp": N_("GCP"), "azure": "Azure", "on_prem": N_("on-premises")}
