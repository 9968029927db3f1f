"""Korean pictures and files (issue 18): the deck, the chart pictures, the tables, the ADR and the
command line speak Korean when asked, and what is drawn has a font with Hangul (no boxes).

The deck is rendered by LibreOffice to PDF; `pdffonts` must list an embedded Noto CJK face, and
every Hangul syllable `pdftotext` reads back must be in that face's character map (fontTools), so
none of them can have been drawn as a missing-glyph box. A contact sheet of the Korean pages goes
to tests/artifacts/ for a person to look at (no text outside its box is checked here too).
"""

import csv
import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from lib.analyses.analysis import analyse
from lib.core import i18n
from lib.exports import adr, deck, export
from lib.inputs.workload import from_dict
from lib.presentation import charts, report
from tests.conftest import EKS_TEAM, need
from tests.test_exports import ARTIFACTS, _contact_sheet, _words

EKS = from_dict(EKS_TEAM)
LINK = "http://localhost:8501/?network=nat&repositories=40&image_size_mb=1200&versions_kept=30&b_network=endpoints"
TODAY = dt.date(2026, 11, 29)
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
HANGUL = re.compile(r"[\uac00-\ud7a3]")  # the precomposed syllables Korean text is written in


@pytest.fixture(scope="module")
def korean_deck(book):
    need("chromium", "chromium-browser", "google-chrome")
    with i18n.using("ko"):
        data, missing = deck.build(analyse(EKS, book), LINK, today=TODAY)
    return Presentation(io.BytesIO(data)), missing, data


def _xml_parts(data: bytes):
    z = zipfile.ZipFile(io.BytesIO(data))
    for name in z.namelist():
        if re.match(r"ppt/(slides/slide|charts/chart)\d+\.xml$", name):
            yield name, etree.fromstring(z.read(name))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_text_run_of_the_deck_names_a_hangul_font(book, lang):
    with i18n.using(lang):
        data, _ = deck.build(analyse(EKS, book), LINK, pictures=False, today=TODAY)
    runs = fonts = 0
    # issue 28: 맑은 고딕, which Windows and Office for Mac have, in a Korean deck; Noto Sans CJK KR otherwise
    want = "맑은 고딕" if lang == "ko" else "Noto Sans CJK KR"
    for name, root in _xml_parts(data):
        for run in root.iterfind(".//a:r", NS):  # every run of text on a slide
            runs += 1
            ea = run.find("a:rPr/a:ea", NS)
            assert ea is not None and ea.get("typeface") == want, (name, run.findtext("a:t", namespaces=NS))
            # issue 28: a Korean deck marks its runs Korean, an English one leaves PowerPoint's default
            assert run.find("a:rPr", NS).get("lang") == ("ko-KR" if lang == "ko" else None)
        for props in root.iterfind(".//a:defRPr", NS):  # chart text: axes, legends, labels, categories
            if props.find("a:latin", NS) is not None:
                fonts += 1
                assert props.find("a:ea", NS).get("typeface") == want, name
    assert runs > 50 and fonts > 10


def test_the_korean_deck_speaks_korean(korean_deck):
    prs, missing, _ = korean_deck
    assert missing == []
    titles = [sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.name == "Title"]  # slide 1: a question
    with i18n.using("ko"):
        assert titles[1] == i18n._("Monthly cost by registry, cheapest first")
        assert titles[2] == i18n._("Where the money goes")
        assert titles[-1].startswith(i18n._("Assumptions and sources"))
    assert all(HANGUL.search(t) for t in titles), titles
    footer = [sh.text_frame.text for sh in prs.slides[1].shapes if sh.name == "Footnote"][0]
    assert "2026년 11월 29일" in footer  # the date as Korean writes it (Babel's ko_KR long format)


@pytest.mark.parametrize("preset", ["worked-example", "startup-a", "midsize-b", "financial-c", "large", "doc-project"])
def test_the_korean_summary_gives_the_same_reasons_as_the_english_one(book, preset):
    # the steps that only say "no" are skipped by what they are, not by their English words: the
    # bullets come from the same decision steps in both languages
    from lib.inputs import presets
    from lib.presentation import wording

    w, _ = presets.load(preset)
    nodes = []
    for lang in ("en", "ko"):
        with i18n.using(lang):
            a = analyse(w, book)
            said = {wording.reason(s.reasons[0]): s.node for s in a.recommendation.path}
            nodes.append([said.get(x, "cost note") for x in deck.story.why_bullets(a)])
    assert nodes[0] == nodes[1] and 1 <= len(nodes[0]) <= 3


def _cjk_fonts(pdf: Path) -> list[str]:
    """The embedded fonts pdffonts lists whose name says CJK, without the subset prefix."""
    out = subprocess.run([need("pdffonts"), str(pdf)], check=True, capture_output=True, text=True, timeout=60).stdout
    names = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        if cols and "CJK" in cols[0]:
            assert cols[-5] == "yes", f"{cols[0]} is not embedded"  # the emb column
            names.append(cols[0].split("+", 1)[-1])
    return names


def _font_file(ps_name: str) -> tuple[str, int | None]:
    """The installed file (and index in a collection) whose PostScript name the embedded one starts with."""
    out = subprocess.run(
        ["fc-list", "-f", "%{file}|%{index}|%{postscriptname}\n"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    for line in out.splitlines():
        file, index, ps = line.split("|", 2)
        if ps and ps_name.startswith(ps):
            return file, int(index) if file.endswith(".ttc") else None
    raise AssertionError(f"no installed font file for {ps_name}")


def _cmap(file: str, index: int | None) -> set[int]:
    from fontTools.ttLib import TTCollection, TTFont

    font = TTCollection(file).fonts[index] if index is not None else TTFont(file)
    return set(font.getBestCmap())


def _render(prs, data: bytes, tmp_path: Path) -> Path:
    """LibreOffice's PDF of the deck, checked as tests/test_exports.py checks the English one: every word
    inside the page and inside a shape's box, and each text box's last word inside that box (text that
    overflows ends below it). Words are compared by their letters: LibreOffice spaces Hangul apart from
    Latin letters and punctuation ("합니다 ."), so the PDF splits "합니다." in two. Writes a contact sheet."""
    soffice = need("soffice", "libreoffice")
    (tmp_path / "deck.pptx").write_bytes(data)
    # a profile of its own: a LibreOffice already running under the default profile (another test, a
    # person's session) makes a second one exit with status 1 and no PDF
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "deck.pptx")],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "deck.pdf"
    pages = _words(pdf)
    assert len(pages) == len(prs.slides)
    pt, tol = 12700, 3.0  # EMU per point; points of slack
    for n, (slide, words) in enumerate(zip(prs.slides, pages, strict=True), 1):
        boxes = [
            (sh.left / pt, sh.top / pt, (sh.left + sh.width) / pt, (sh.top + sh.height) / pt) for sh in slide.shapes
        ]
        assert words, f"slide {n} rendered no text"
        for x0, y0, x1, y1, word in words:
            assert 0 <= x0 and x1 <= prs.slide_width / pt and 0 <= y0 and y1 <= prs.slide_height / pt, (n, word)
            assert any(
                bx0 - tol <= x0 and x1 <= bx1 + tol and by0 - tol <= y0 and y1 <= by1 + tol
                for bx0, by0, bx1, by1 in boxes
            ), f"slide {n}: {word!r} lies outside every box"
        for sh in slide.shapes:
            tokens = re.findall(r"\w+", sh.text_frame.text) if sh.has_text_frame else []
            if tokens:
                box = (sh.left / pt, sh.top / pt, (sh.left + sh.width) / pt, (sh.top + sh.height) / pt)
                spots = [(x0, y0, x1, y1) for x0, y0, x1, y1, word in words if tokens[-1] in re.findall(r"\w+", word)]
                assert any(
                    box[0] - tol <= x0 and x1 <= box[2] + tol and box[1] - tol <= y0 and y1 <= box[3] + tol
                    for x0, y0, x1, y1 in spots
                ), f"slide {n}: {sh.name} ends outside its box ({tokens[-1]!r})"
    subprocess.run([need("pdftoppm"), "-r", "48", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=180)
    _contact_sheet(sorted(tmp_path.glob("page-*.png")), ARTIFACTS / "deck-contact-sheet-ko.png")
    return pdf


def test_the_korean_deck_embeds_a_hangul_font_that_covers_every_syllable(korean_deck, tmp_path):
    prs, _, data = korean_deck
    need("fc-list")
    pdf = _render(prs, data, tmp_path)  # nothing spills: Korean is wider and taller
    embedded = _cjk_fonts(pdf)
    assert embedded, "no Noto CJK font embedded: Hangul would be boxes or missing"
    text = subprocess.run(
        [need("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    syllables = set(HANGUL.findall(text))
    # what the deck's text frames hold is what the PDF reads back: nothing was dropped or boxed
    in_deck = {
        ch for s in prs.slides for sh in s.shapes if sh.has_text_frame for ch in HANGUL.findall(sh.text_frame.text)
    }
    assert len(syllables) > 100 and in_deck <= syllables
    covered: set[int] = set()
    for name in embedded:
        covered |= _cmap(*_font_file(name))
    assert not {ch for ch in syllables if ord(ch) not in covered}


def test_the_coverage_check_finds_a_syllable_a_latin_font_lacks():
    # the check above can fail: DejaVu Sans has no Hangul
    file = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True).stdout
    if not file.endswith(".ttf"):
        pytest.skip("DejaVu Sans is not installed as a .ttf here")
    assert ord("한") not in _cmap(file, None)


def test_a_korean_chart_picture_names_a_hangul_font(book):
    need("chromium", "chromium-browser", "google-chrome")
    with i18n.using("ko"):
        a = analyse(EKS, book)
        fig = export.slide_figure(
            charts.cost_breakdown(a.estimate, recommended=a.recommendation.recommended),
            charts.scenario_title(a.estimate),
        )
        title = i18n._("Monthly cost by registry")
        svg = export.image(fig, "svg").decode("utf-8")
        png = export.image(fig, "png")
    assert HANGUL.search(title) and title in svg
    assert "Noto Sans CJK KR" in svg  # the family kaleido's Chromium was told to use for the Hangul
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "chart-ko.png").write_bytes(png)  # for a person to look at
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 1920


def test_korean_tables_and_record_keep_the_figures(book):
    a = analyse(EKS, book)
    english_rows = list(csv.reader(io.StringIO(report.to_csv(a.estimate))))
    with i18n.using("ko"):
        rows = list(csv.reader(io.StringIO(report.to_csv(a.estimate))))
        record = adr.adr(a, LINK, today=TODAY)
        xlsx = export.xlsx_table(a.estimate, book)
    assert HANGUL.search(rows[0][0]) and len(rows) == len(english_rows)
    # the figures are the English file's, to the digit: only the words change
    # (the unit, column 5, is in the file's language: GB-월 for GB-month, as the spreadsheet writes it)
    figures = [[r[4], *r[6:]] for r in rows[1:] if r[2] != rows[-1][2]]
    assert figures == [[r[4], *r[6:]] for r in english_rows[1:] if r[2] != "TOTAL"]
    assert record.startswith("# ADR: ") and HANGUL.search(record.splitlines()[0])
    assert "173.25" in record  # ECR with endpoints: 144 + 29.20 + 0.05 (tests/test_exports.py's hand arithmetic)
    import openpyxl

    book_ = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert all(HANGUL.search(name) for name in book_.sheetnames)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "lib", *args], capture_output=True, text=True, timeout=300)


def test_the_command_line_speaks_the_language_asked_for(tmp_path):
    preset = "data/presets/worked-example.yaml"
    english, korean = _cli("recommend", preset), _cli("recommend", preset, "--lang", "ko")
    assert english.returncode == korean.returncode == 0
    assert "\nWhy:\n" in english.stdout and "\n이유:\n" in korean.stdout
    out = _cli("export", preset, "--adr", str(tmp_path / "adr.md"), "--csv", str(tmp_path / "c.csv"), "--lang", "ko")
    assert out.returncode == 0, out.stderr
    assert HANGUL.search((tmp_path / "adr.md").read_text(encoding="utf-8").splitlines()[0])
    assert (tmp_path / "c.csv").read_text(encoding="utf-8").startswith("레지스트리 ID,")
    bad = _cli("estimate", preset, "--lang", "fr")
    assert bad.returncode == 2 and "en" in bad.stderr and "ko" in bad.stderr


def test_the_korean_spreadsheet_speaks_korean_and_formats_its_figures(book):
    # issue 28, round 3: units were English ("GB-month"), the scenario sheet raw keys and "False",
    # and no figure had a number format (1130.02 beside 7774.977083333334)
    import openpyxl

    from lib.pricing.components import UNITS

    a = analyse(EKS, book)
    with i18n.using("ko"):
        data = export.xlsx_table(a.estimate, book, a)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    totals, parts, scenario = wb.worksheets
    heads = [c.value for c in parts[1]]
    units = {r[heads.index("단위")] for r in parts.iter_rows(min_row=2, values_only=True)}
    assert units and not units & (set(UNITS) - {"GB", "TB"}), units  # GB-월, not GB-month
    money = [c for c in totals["C"][1:]] + [c for c in parts["G"][1:]]
    assert money and {c.number_format for c in money} == {"#,##0.00"}
    shown = [r for r in scenario.iter_rows(min_row=2, values_only=True)]
    assert all(HANGUL.search(r[0]) for r in shown)  # each input named as the sidebar names it
    # the scenario file's value beside the sidebar's words: false, never Python's False (ninth review W3)
    assert not {r[1] for r in shown} & {"True", "False"} and {r[3] for r in shown} & {"true", "false"}
    assert not {r[3] for r in shown} & {"True", "False", "()"}
    # English keeps its file as it was: keys and values only, no formats asked for
    wb_en = openpyxl.load_workbook(io.BytesIO(export.xlsx_table(a.estimate, book, a)))
    assert [c.value for c in wb_en.worksheets[2][1]] == ["field", "value"]


def test_a_source_page_section_is_named_in_korean():
    # the deck's sources read "aws.amazon.com/ec2/pricing/on-demand (Data Transfer)" in Korean
    from lib.exports.deck.price_sources import page_words

    url = "https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region"
    with i18n.using("ko"):
        korean = page_words(url)
    assert korean.startswith("aws.amazon.com/ec2/pricing/on-demand (") and not re.search(r"\([A-Za-z ]+\)$", korean)
    assert page_words(url).endswith("(Data Transfer within the same AWS Region)")


@pytest.mark.parametrize("command", ["recommend", "estimate", "export"])
def test_the_command_line_help_speaks_korean_when_asked(command):
    korean, english = _cli(command, "--lang", "ko", "--help"), _cli(command, "--help")
    assert korean.returncode == english.returncode == 0
    text = korean.stdout
    assert text.startswith("사용법: ") and "위치 인수:" in text and "옵션:" in text
    for word in ("usage:", "positional arguments", "options:", "show this help", "scenario YAML file"):
        assert word not in text, word
    assert english.stdout.startswith("usage: ") and "show this help message and exit" in english.stdout
