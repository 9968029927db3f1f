"""What Harbor and Nexus share: nodes, disks, object storage, in-VPC transfer, people's time."""
from ..components import Line


def infrastructure(w, q, p, product: str):
    az = w.availability_zones
    return [
        Line(f"{product} nodes (4 vCPU / 8 GB)", "compute", "instance-hour", w.selfhosted_nodes * p.hours,
             p("aws.ec2_4vcpu_8gb_hourly"), "aws.ec2_4vcpu_8gb_hourly"),
        Line("Node disks (gp3)", "storage", "GB-month", w.selfhosted_nodes * w.node_disk_gb, p("aws.ebs_gp3_gb_month"), "aws.ebs_gp3_gb_month"),
        Line("Image storage on S3", "storage", "GB-month", q.stored_gb, p("aws.s3_storage_gb_month"), "aws.s3_storage_gb_month"),
        # pulls spread evenly over AZs: the share from other AZs pays cross-AZ in both directions
        Line("Cross-AZ pulls inside the VPC", "transfer", "GB", q.same_gb * (az - 1) / az,
             2 * p("aws.cross_az_gb"), "aws.cross_az_gb"),
        Line("Cross-region transfer", "transfer", "GB", q.cross_gb, p("aws.inter_region_gb"), "aws.inter_region_gb"),
    ]


def operations(w, name="Operations (upgrades, backups, on-call)"):
    return [Line(name, "operations", "engineer-hour", w.ops_hours_per_month, w.engineer_hourly_rate)]
