"""What Harbor and Nexus share: nodes, disks, object storage, in-VPC transfer, people's time."""

from ...core.i18n import N_
from ..components import Inputs, Line, Prices, Quantities, say
from ..consumers import private_aws_subnets
from ..shared_lines import cross_region_nat, replication_transfer


def infrastructure(w: Inputs, q: Quantities, p: Prices, product: str) -> list[Line]:
    """One installation per site: the main region plus each replica region (replication
    targets are other installations of the same product)."""
    az = w.availability_zones
    sites = 1 + w.replica_regions
    many = bool(w.replica_regions)  # "x N sites" only when there is more than one installation
    out = [
        Line(
            say(N_("{product} nodes (4 vCPU / 8 GB) x {sites} sites"), product=product, sites=sites)
            if many
            else say(N_("{product} nodes (4 vCPU / 8 GB)"), product=product),
            "compute",
            "instance-hour",
            sites * w.selfhosted_nodes * p.hours,
            "aws.ec2_4vcpu_8gb_hourly",
        ),
        Line(
            say(N_("Node disks (gp3) x {sites} sites"), sites=sites) if many else say(N_("Node disks (gp3)")),
            "storage",
            "GB-month",
            sites * w.selfhosted_nodes * w.node_disk_gb,
            "aws.ebs_gp3_gb_month",
        ),
        Line(
            say(N_("Image storage on S3 x {sites} sites"), sites=sites) if many else say(N_("Image storage on S3")),
            "storage",
            "GB-month",
            sites * q.stored_gb,
            "aws.s3_storage_gb_month",
        ),
        # pulls spread evenly over AZs: the share from other AZs pays cross-AZ in both directions
        Line(
            say(N_("Cross-AZ pulls inside the VPC")),
            "transfer",
            "GB",
            q.same_gb * (az - 1) / az,
            p.ref("aws.cross_az_gb", times=2),
        ),
        Line(
            say(N_("Cross-region transfer")),
            "transfer",
            "GB",
            q.cross_gb,
            "aws.inter_region_gb",
        ),
    ]
    if private_aws_subnets(w):
        # consumers in another region reach the installation's address from their private subnets through
        # their own NAT gateway, as they reach ECR: the same line (hidden when no pull comes from elsewhere)
        out.append(cross_region_nat(q, hide_if_zero=True))
    if w.replica_regions:
        out.append(replication_transfer(w, p, q.pushed_gb))
    return out


OPERATIONS = N_("Operations (upgrades, backups, on-call)")  # operations()'s default name


def operations(w: Inputs, name: str = "Operations (upgrades, backups, on-call)") -> list[Line]:
    return [Line(say(name), "operations", "engineer-hour", w.ops_hours_per_month, w.engineer_hourly_rate)]
