"""Issue 27, last item: "Today's bill against the model" in the deck and the ADR, only when a bill was
applied. The EKS team's November (tests/fixtures/bill/eks-cur2-2026-11.csv) worked out by hand: NAT hours
720 h x $0.045 = $32.40 against the model's 730 h = $32.85, -$0.45 put down to the month's length; the
period's total $2,996.40 against $2,996.85. A hostile file name stays text in both."""

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from lib import bill, cli
from lib.analyses.analysis import analyse
from lib.bill.section import Section, section
from lib.core import i18n
from lib.exports import adr, deck
from lib.inputs import pricebook
from lib.inputs.workload import DEFAULT
from tests.conftest import EKS_TEAM

FIX = Path(__file__).resolve().parent / "fixtures" / "bill"
BOOK = pricebook.load()
EKS = DEFAULT.replace(**EKS_TEAM, same_region_share=0.9, cross_region_share=0.1, internet_share=0.0)
TODAY = dt.date(2026, 12, 7)
HOSTILE = "[x](javascript:alert(1)) | # h\x1b.csv"  # a link, a cell, a heading and a control character
TITLE = "Today’s bill against the model"


def eks_section(tmp_path: Path, name: str = "eks-cur2-2026-11.csv") -> Section:
    p = tmp_path / name
    shutil.copy(FIX / "eks-cur2-2026-11.csv", p)
    return section(bill.read([bill.Input(p.name, path=p)]), EKS, BOOK, {"nat": 1.0})


def slides(data: bytes) -> list:
    return list(Presentation(io.BytesIO(data)).slides)


def texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def table_of(slide) -> list[list[str]]:
    (t,) = [s.table for s in slide.shapes if s.has_table]
    return [[c.text_frame.text for c in row.cells] for row in t.rows]


# ---- the ADR ----------------------------------------------------------------------------


def test_the_adr_has_the_section_only_when_a_bill_was_applied(tmp_path):
    a = analyse(EKS, BOOK)
    plain = adr.adr(a, "", TODAY)
    assert "bill against the model" not in plain
    record = adr.adr(a, "", TODAY, bill=eks_section(tmp_path))
    assert record.count(f"## {TITLE}\n") == 1
    # its own section after the consequences, before the references; the rest of the record unchanged
    assert record.index("## Consequences") < record.index(TITLE) < record.index("## References")
    before, _sep, after = record.partition(f"\n## {TITLE}\n")
    assert before + "\n" + after[after.index("## References") :] == plain
    assert "billing period 2026\\-11\\-01 to 2026\\-12\\-01 \\(720 hours\\)" in record
    assert (
        "| NAT gateway hours | 730\\.00 hour = \\$32\\.85 | 720\\.00 hour = \\$32\\.40 | −\\$0\\.45 | the month's"
        in record
    )
    assert "| **Total for the period** | \\$2,996\\.85 | \\$2,996\\.40 | −\\$0\\.45 | |" in record
    assert "Share of the NAT gateway counted as registry traffic: 100 %" in record


def test_a_hostile_file_name_stays_text_in_the_adr(tmp_path):
    record = adr.adr(analyse(EKS, BOOK), "", TODAY, bill=eks_section(tmp_path, HOSTILE))
    assert "\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\| \\# h\\\\x1b\\.csv" in record
    assert "](javascript" not in record and "\x1b" not in record
    section_rows = [x for x in record.partition(TITLE)[2].splitlines() if x.startswith("| ")]
    assert len(section_rows) == 6 and all(x.count(" | ") == 4 for x in section_rows)  # header, 4 lines, total


# ---- the deck ---------------------------------------------------------------------------


def test_the_deck_has_the_slide_only_when_a_bill_was_applied(tmp_path):
    a = analyse(EKS, BOOK)
    without = slides(deck.build(a, "", pictures=False, today=TODAY)[0])
    assert not any(TITLE in t for s in without for t in texts(s))
    data, _missing = deck.build(a, "", pictures=False, today=TODAY, bill=eks_section(tmp_path))
    with_bill = slides(data)
    assert len(with_bill) == len(without) + 1
    (s,) = [s for s in with_bill if TITLE in texts(s)]
    rows = table_of(s)
    assert rows[0] == ["Component", "Model", "Bill", "Difference", "Likely cause"]
    nat = next(r for r in rows if r[0] == "NAT gateway hours")
    assert nat[1:4] == ["730.00 hour = $32.85", "720.00 hour = $32.40", "−$0.45"]
    assert nat[4].startswith("the month's length")
    # storage: 30 days x 48 GB-month = 1,440 GB-month at $0.10 on both sides
    assert next(r for r in rows if r[0] == "Registry storage")[1:4] == ["1,440.00 GB-month = $144.00"] * 2 + ["$0.00"]
    assert rows[-1] == ["Total for the period", "$2,996.85", "$2,996.40", "−$0.45", ""]
    subtitle = " ".join(texts(s))
    assert "2026-11-01 to 2026-12-01 (720 hours)" in subtitle and "Amazon ECR" in subtitle
    assert "Share of the NAT gateway counted as registry traffic: 100 %" in subtitle
    # before the sources, after the sensitivity slide
    titles = [texts(x)[0] for x in with_bill]
    assert titles.index(TITLE) == next(i for i, t in enumerate(titles) if t.startswith("Assumptions")) - 1


def test_a_hostile_file_name_stays_text_on_the_slide(tmp_path):
    data, _missing = deck.build(
        analyse(EKS, BOOK), "", pictures=False, today=TODAY, bill=eks_section(tmp_path, HOSTILE)
    )
    (s,) = [s for s in slides(data) if TITLE in texts(s)]
    words = " ".join(texts(s))
    assert "[x](javascript:alert(1)) | # h\\x1b.csv (AWS CUR 2.0)" in words  # as it is, the escape shown
    assert "\x1b" not in words
    links = [
        r.hyperlink.address for sh in s.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs for r in p.runs
    ]
    assert not any(links)


def _fits(slide) -> None:
    """The table and its notes end above the body's bottom (deck.layout.BODY_BOTTOM), by the deck's measure."""
    (frame,) = [s for s in slide.shapes if s.has_table]
    bottom = Emu(frame.top + sum(r.height for r in frame.table.rows)).inches
    notes = [s for s in slide.shapes if s.name == "Bill notes"]
    assert bottom <= deck.layout.BODY_BOTTOM
    for n in notes:
        assert n.top >= frame.top + sum(r.height for r in frame.table.rows)
        assert Emu(n.top + n.height).inches <= deck.layout.BODY_BOTTOM + 1e-6


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_many_lines_shrink_the_table_to_fit(tmp_path, lang):
    with i18n.using(lang):
        sec = eks_section(tmp_path)
        c = sec.comparison
        # every component a bill can have (one row each: rows are per component), each with every cause
        import dataclasses

        from lib.bill.compare import UNIT_OF
        from lib.bill.words import CAUSE_WORDS

        r0 = c.rows[2]  # NAT gateway hours
        long_rows = tuple(dataclasses.replace(r0, kind=k, causes=tuple(CAUSE_WORDS)) for k in UNIT_OF)
        big = dataclasses.replace(sec, comparison=dataclasses.replace(c, rows=long_rows))
        data, _m = deck.build(analyse(EKS, BOOK), "", pictures=False, today=TODAY, bill=big)
        title = i18n._(TITLE)
        (s,) = [s for s in slides(data) if title in texts(s)]
    assert len(table_of(s)) == 12
    _fits(s)
    sizes = {
        r.font.size.pt
        for sh in s.shapes
        if sh.has_table
        for row in sh.table.rows
        for c in row.cells
        for p in c.text_frame.paragraphs
        for r in p.runs
    }
    assert max(sizes) < deck.slide_bill.BILL_PTS[0]  # it had to shrink


def test_the_eks_slide_fits_at_the_largest_size(tmp_path):
    data, _m = deck.build(analyse(EKS, BOOK), "", pictures=False, today=TODAY, bill=eks_section(tmp_path))
    (s,) = [s for s in slides(data) if TITLE in texts(s)]
    _fits(s)
    sizes = {
        r.font.size.pt
        for sh in s.shapes
        if sh.has_table
        for row in sh.table.rows
        for c in row.cells
        for p in c.text_frame.paragraphs
        for r in p.runs
    }
    assert sizes == {deck.slide_bill.BILL_PTS[0]}


def test_the_korean_slide_and_section(tmp_path):
    with i18n.using("ko"):
        sec = eks_section(tmp_path)
        record = adr.adr(analyse(EKS, BOOK), "", TODAY, bill=sec)
        data, _m = deck.build(analyse(EKS, BOOK), "", pictures=False, today=TODAY, bill=sec)
    assert "## 실제 청구서와 모델 비교" in record
    (s,) = [s for s in slides(data) if "실제 청구서와 모델 비교" in texts(s)]
    rows = table_of(s)
    assert all(not r[0].isascii() for r in rows)  # component names in Korean


# ---- the command line -------------------------------------------------------------------


def test_cli_export_with_a_bill(tmp_path, capsys):
    f = str(FIX / "eks-cur2-2026-11.csv")
    out = tmp_path / "adr.md"
    assert (
        cli.main(["export", "data/presets/eks-private.yaml", "--bill", f, "--share", "nat=100", "--adr", str(out)]) == 0
    )
    text = out.read_text()
    assert f"## {TITLE}" in text and "| **Total for the period** | \\$2,996\\.85 | \\$2,996\\.40 |" in text
    assert cli.main(["export", "data/presets/eks-private.yaml", "--adr", str(out)]) == 0
    assert TITLE not in out.read_text()
    capsys.readouterr()
    assert cli.main(["export", "data/presets/eks-private.yaml", "--share", "nat=100", "--adr", str(out)]) == 2
    assert "--share needs --bill" in capsys.readouterr().err
