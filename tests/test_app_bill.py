"""The "Your bill" page: upload -> model against bill per component -> set the NAT share -> apply -> the
workload (sidebar, link) changed; a bad file changes nothing."""

from pathlib import Path

from tests.apphelpers import EKS_LINK, open_app

FIX = Path(__file__).resolve().parent / "fixtures" / "bill"
PAGE = "pages/bill.py"
EKS = "data/presets/eks-private.yaml"


def frame(at, column):
    """The table with this column (the comparison: "Component"; what the bill measures: "Input")."""
    return next(d.value for d in at.dataframe if column in d.value.columns).set_index(column)


def upload(at, *names):
    fu = at.file_uploader(key="bl_files")
    for name in names:
        fu.upload(name, (FIX / name).read_bytes(), "text/csv")
    return fu.run()


def test_upload_compare_share_and_apply():
    # the EKS team, with two inputs guessed wrong: 10 versions kept, 20,000 pulls a month
    link = {**EKS_LINK, "versions_kept": "10", "pulls_per_month": "20000"}
    at = upload(open_app(link, page=PAGE), "eks-cur2-2026-11.csv")
    assert not at.exception and not at.error
    table = frame(at, "Component")
    # the shared NAT is shown, not counted, until its share is typed
    assert table.loc["NAT gateway data processed (shared)", "Bill cost"] == "$2,700.00 (not counted)"
    assert table.loc["NAT gateway data processed (shared)", "Likely cause"].startswith("shared with other traffic")
    assert table.loc["Registry storage", "Bill cost"] == "$144.00"
    assert at.number_input(key="bl_share_nat").value is None
    at.number_input(key="bl_share_nat").set_value(100.0).run()
    table = frame(at, "Component")
    assert table.loc["NAT gateway data processed (shared)", "Bill cost"] == "$2,700.00"
    assert table.loc["NAT gateway hours (shared)", "Difference"] == "−$0.45"  # 720 h billed, 730 h modelled
    assert "month's length" in table.loc["NAT gateway hours (shared)", "Likely cause"]
    # storage: 1,440 GB billed, 480 GB modelled (40 x 1.2 GB x 10 versions): the quantity differs
    assert table.loc["Registry storage", "Model cost"] == "$48.00"
    assert "apply the measured inputs" in table.loc["Registry storage", "Likely cause"]
    measured = frame(at, "Input")
    assert measured.loc["Versions kept", "Measured"] == "30"  # 1,440 GB / (40 x 1.2 GB)
    assert measured.loc["Versions kept", "Now"] == "10"
    assert measured.loc["Pulls a month", "Measured"] == "50,000"  # 60,000 GB / 1.2 GB

    at.button(key="bl_apply").click().run()
    assert not at.exception
    assert at.query_params["versions_kept"] == "30" and at.query_params["pulls_per_month"] == "50000"
    assert at.number_input(key="wl_versions_kept").value == 30
    table = frame(at, "Component")
    assert table.loc["Registry storage", "Difference"] == "$0.00"  # the model now prices what was billed
    assert not any(".csv" in str(v) for v in at.query_params.values())  # values, never the files
    assert at.button(key="bl_apply").disabled


def test_a_bad_file_is_named_and_nothing_is_applied(tmp_path):
    at = open_app(page=PAGE)
    fu = at.file_uploader(key="bl_files")
    fu.upload("notes.csv", b"name,value\na,1\n", "text/csv")
    at = fu.run()
    assert not at.exception
    assert "nothing was compared or applied" in at.error[0].value
    assert "notes.csv: not a bill export" in at.code[-1].value
    assert all(b.key != "bl_apply" for b in at.button)


def test_the_comparison_reads_in_korean():
    # (the page itself is scanned in Korean by test_app_korean; AppTest cannot upload on a Korean page: it
    # re-reads the region box's options in English on the next run)
    from lib import bill
    from lib.bill import words
    from lib.core import i18n
    from lib.inputs import pricebook
    from lib.inputs.workload import DEFAULT
    from tests.test_app_korean import english_words

    b = bill.read(bill.inputs_from_paths([FIX / "eks-cur2-2026-11.csv"]))
    with i18n.using("ko"):
        c = bill.compare(b, DEFAULT.replace(network="nat"), pricebook.load(), {"nat": 1.0})
        lines = words.report(b, c, {"nat": 1.0})
    text = "\n".join(lines)
    assert "NAT 게이트웨이 사용 시간" in text and "한 달의 길이" in text and "기간 합계" in text
    # what comes from the file (its name, product codes, usage types) is data, as the file has it
    data = (
        str(FIX / "eks-cur2-2026-11.csv"),
        "AmazonEC2",
        "USE1-BoxUsage:m5.xlarge",
        "AWS CUR 2.0",
        "us-east-1",
        "nat",
    )
    for d in data:
        text = text.replace(d, "")
    assert english_words(text) == []


def test_an_applied_bill_goes_into_the_export_page_adr():
    export = "pages/export.py"
    fresh = open_app(EKS_LINK, page=export)
    assert not fresh.exception and all(t.key != "export_bill" for t in fresh.toggle)  # no bill: no choice
    assert "bill against the model" not in fresh.code[-1].value
    at = upload(open_app(EKS_LINK, page=PAGE), "eks-cur2-2026-11.csv")
    at.number_input(key="bl_share_nat").set_value(100.0).run()
    at.button(key="bl_apply").click().run()
    at.switch_page(export).run()
    assert not at.exception
    preview = at.code[-1].value
    assert "## Today’s bill against the model" in preview
    # against the scenario as applied: 720 h billed against 730 h modelled, the month's length
    assert "| NAT gateway hours | 730\\.00 hour = \\$32\\.85 | 720\\.00 hour = \\$32\\.40 | −\\$0\\.45 |" in preview
    at.toggle(key="export_bill").set_value(False).run()
    assert "bill against the model" not in at.code[-1].value
