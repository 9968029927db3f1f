"""Korean pages in Korean (issue 18): the language choice, the link's `lang`, `krw_rate` and `krw_date`,
the browser's locale, and no English left on a Korean page.

The scan reads every text a person sees on a page run by AppTest with `lang=ko` (titles, Markdown,
captions, alerts, toasts, labels and help of every input and button, options, metric labels and
values, expander and tab labels, page links, table headers) and reports words of three or more
ASCII letters that are not names or units (ALLOWED). Code blocks and code spans are commands, and
charts are checked by their own tests (tests/test_chart_specs.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from typing import NamedTuple

import pytest

from lib.core import i18n
from lib.pricing import labels
from tests.apphelpers import EKS_LINK, open_app
from ui import language

# ---- the scan --------------------------------------------------------------------------------

# Names and units a Korean engineer reads as they are (the brief's vocabulary keeps product names).
ALLOWED = {
    # bill formats and their columns, named as their vendors name them (issue 27)
    "FOCUS",
    "CUR",
    "gzip",
    "Parquet",
    "BilledCost",
    "Amazon",
    "ECR",
    "GitHub",
    "GHCR",
    "Docker",
    "Hub",
    "CloudWatch",
    "CloudTrail",
    "Harbor",
    "Nexus",
    "Sonatype",
    "Google",
    "Azure",
    "NAT",
    "VPC",
    "AWS",
    "GCP",
    "EKS",
    "ECS",
    "GKE",
    "AKS",
    "IAM",
    "OCI",
    "API",
    "CLI",
    "YAML",
    "JSON",
    "PNG",
    "SVG",
    "PDF",
    "PPTX",
    "XLSX",
    "CSV",
    "ADR",
    "KRW",
    "USD",
    "vCPU",
    "English",
    "Chromium",
    "Kubernetes",
    "Helm",
    "Packages",
    "Actions",  # GitHub Packages, GitHub Actions
    "zip",
    # products, plans, standards and tools named as their makers write them (Korean pages keep them so)
    "Microsoft",
    "GitLab",
    "Jenkins",
    "PowerPoint",
    "Postgres",
    "Redis",
    "Trivy",
    "Scout",
    "Defender",
    "Lifecycle",
    "Pro",
    "Team",
    "Business",
    "Enterprise",
    "Premium",
    "Basic",
    "Standard",
    "Personal",
    "OIDC",
    "SSO",
    "SAML",
    "LDAP",
    "Free",
    "GiB",
    "EBS",  # GitHub's Free plan; Google's billing unit; Amazon EBS
    "RBAC",
    "SBOM",
    "cosign",
    "Notation",
    "tar",
    "Firewall",
    "purge",  # ACR's purge task, by its name
    "egress",  # 인터넷 송신(egress): the practitioners' own word, given with the Korean
    "Linux",
    "CPU",
    "CNCF",
    "IPv",  # the price book's units: Linux on-demand, 4 CPU, CNCF graduated, IPv4/IPv6
    "Inspector",  # Amazon Inspector, the service ECR's enhanced scanning is billed by
}
# Names of more than one word, taken out before the scan ("Registry" alone is English; inside a
# product name it is a name).
PHRASES = (
    "GitHub Container Registry",
    "Google Artifact Registry",
    "Azure Container Registry",
    "Artifact Registry",
    "Container Registry",
    "docker save",
    "docker pull",
    "describe-images",
    "Google Cloud",
    "Artifact Analysis",
    "Private Link",
    "Microsoft Defender for Containers",
    "Nexus Repository Community Edition",
    "Community Edition",
    "East US",
    "Korea Central",  # Azure's region names, as Microsoft's price page lists them
    "'currently free'",  # GitHub's own words, quoted
    "ECR Public",
    "REPOSITORY/TAG.json",
    "Docker Hub",
)
# The link's field names are the interface, named in messages about a link (`lang`, `krw_rate`).
FIELD_NAMES = re.compile(r"\b(?:krw_rate|krw_date|lang)\b")
CODE = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
DOMAIN = re.compile(r"\b[\w-]+(?:\.[a-z][\w-]*)+\b")  # aws.amazon.com, ecr.api: names of hosts and services
URL = re.compile(r"https?://\S+")
ICON = re.compile(r":material/[a-z_]+:")
WORD = re.compile(r"[A-Za-z]{3,}")
ENV_NAME = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")  # GITHUB_TOKEN, IMAGE_REGISTRY: names a pipeline uses
EXTENSION = re.compile(r"\.(?:pptx|xlsx|csv|json|png|svg|yaml|md)\b")  # a file's kind, as its name ends


def _region_codes() -> re.Pattern[str]:
    """The clouds' own region codes (us-east-1, eastus, us-east4): identifiers, shown beside their names."""
    from lib.inputs import regions

    codes = {c for m in regions.load().values() for c in (m.aws, m.azure, m.gcp)}
    # ASCII edges: Korean particles follow codes without a space ("us-east-1은"), and \b sees Hangul as a word
    alternatives = "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
    return re.compile(r"(?<![A-Za-z0-9-])(?:" + alternatives + r")(?![A-Za-z0-9-])")


REGION_CODE = _region_codes()


def _texts_of(node, where: str, out: list):
    t = getattr(node, "type", None)
    proto = getattr(node, "proto", None)
    if proto is not None and t not in ("code", "html", "iframe", "plotly_chart", "json", "exception"):
        fields = {f.name for f in proto.DESCRIPTOR.fields}
        # a widget's key: its element id ends with it ("$$ID-<hash>-share_preset")
        key = proto.id.split("-", 2)[-1] if "id" in fields and proto.id.startswith("$$ID-") else ""
        for name in ("body", "label", "help", "placeholder", "text", "caption"):
            if name in fields:
                v = getattr(proto, name)
                if isinstance(v, str) and v:
                    out.append(Text(where, t, name, key, v))
        if "options" in fields:
            for o in proto.options:
                v = o if isinstance(o, str) else getattr(o, "content", "")
                if v:
                    out.append(Text(where, t, "option", key, v))
        if t == "dataframe" and proto.columns:
            for col in json.loads(proto.columns).values():
                if isinstance(col, dict) and col.get("label"):
                    out.append(Text(where, t, "header", key, col["label"]))
    if t == "exception":
        out.append(Text(where, t, "message", "", proto.message))
    if t == "sidebar":
        where = "sidebar"
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for c in children.values():
            _texts_of(c, where, out)


class Text(NamedTuple):
    where: str  # "main" or "sidebar"
    kind: str  # the element: "caption", "selectbox", "dataframe", ...
    field: str  # "body", "label", "help", "option", "header", ...
    key: str  # a widget's key, or ""
    text: str

    def __str__(self):
        return f"{self.where} {self.kind}.{self.field}{'[' + self.key + ']' if self.key else ''}: {self.text[:100]!r}"


def visible_texts(at) -> list[Text]:
    """Every text on the page, sidebar included."""
    out: list = []
    _texts_of(at._tree, "main", out)
    out += [Text("main", "toast", "body", "", e.value) for e in at.toast]
    return out


def english_words(text: str) -> list[str]:
    for p in PHRASES:
        text = text.replace(p, " ")
    for cleaner in (CODE, LINK_TARGET, URL, ICON, FIELD_NAMES, DOMAIN, ENV_NAME, EXTENSION, REGION_CODE):
        text = cleaner.sub(" ", text)
    return [w for w in WORD.findall(text) if w not in ALLOWED]


def english_left(at) -> list[str]:
    """Every text of the page with English words in it, and the first of those words."""
    found = []
    for t in visible_texts(at):
        words = english_words(t.text)
        if words:
            found.append(f"{t}  -> {words[:6]}")
    return found


def test_the_scan_finds_english_and_passes_names():
    # the scan must be able to fail: an English word on a Korean page is found; names and code are not
    assert english_words("월 비용 Monthly cost") == ["Monthly", "cost"]
    assert english_words("Amazon ECR, GitHub Container Registry, 500 MB, `fr`, :material/info: 링크") == []
    assert english_words("[공급사 페이지](https://aws.amazon.com/ecr/pricing/)") == []


MY_PAGES = [
    None,
    "pages/compare.py",
    "pages/break_even.py",
    "pages/cost_over_time.py",
    "pages/network_path.py",
    "pages/measure.py",
    "pages/bill.py",
    "pages/about.py",
]
OTHER_PAGES = ["pages/recommendation.py", "pages/features.py", "pages/migration.py", "pages/export.py"]
# inputs that make the pages show more: a NAT path, a comparison scenario B, a won rate
RICH = {"lang": "ko", "network": "nat", "b_versions_kept": "30", "krw_rate": "1380.5", "krw_date": "2026-11-20"}


@pytest.mark.parametrize("page", MY_PAGES + OTHER_PAGES, ids=[p or "overview" for p in MY_PAGES + OTHER_PAGES])
def test_every_page_in_korean(page):
    """Every page, every element, sidebar included: no English left on a Korean page."""
    at = open_app(RICH, page=page)
    assert not at.exception
    assert at.title[0].value and not english_words(at.title[0].value)
    assert english_left(at) == []


# ---- the language choice and the link ---------------------------------------------------------------


def _language_control(at):
    return at.segmented_control(key="lang_choice")


def _query(at) -> dict:
    return {
        k: at.query_params[k][0] if isinstance(at.query_params[k], list) else at.query_params[k]
        for k in at.query_params
    }


@pytest.fixture
def browser_locale(monkeypatch):
    """Set the browser's language as Streamlit reports it (navigator.language, via st.context.locale)."""
    import streamlit as st

    def set_to(value):
        monkeypatch.setattr(type(st.context), "locale", property(lambda self: value))

    return set_to


def test_english_by_default_and_no_lang_in_the_link():
    at = open_app()
    assert at.title[0].value == "Container registry cost"
    assert _language_control(at).value == "en"
    assert "lang" not in _query(at)  # not chosen: the same link opens in each reader's own language


def test_lang_ko_in_the_link_opens_in_korean_and_stays_in_the_link():
    at = open_app({"lang": "ko"})
    assert at.title[0].value == "컨테이너 레지스트리 비용"
    assert _language_control(at).value == "ko"
    assert _query(at)["lang"] == "ko"
    # the page links keep it, so moving between pages stays in Korean
    links = [e.proto for e in at.get("page_link")]
    assert links and all("lang=ko" in p.query_string for p in links)
    assert "비교" in [p.label for p in links]


def test_a_korean_browser_gets_korean_without_lang_in_the_link(browser_locale):
    browser_locale("ko-KR")
    at = open_app()
    assert at.title[0].value == "컨테이너 레지스트리 비용"
    assert "lang" not in _query(at)  # the browser's language is not written into a link others open


def test_lang_en_in_the_link_overrides_a_korean_browser(browser_locale):
    browser_locale("ko-KR")
    at = open_app({"lang": "en"})
    assert at.title[0].value == "Container registry cost"
    assert _query(at)["lang"] == "en"


def test_switching_language_is_one_run_keeps_the_scenario_and_updates_the_link():
    at = open_app({"versions_kept": "30", "network": "nat", "b_versions_kept": "5"}, page="pages/compare.py")
    at.number_input(key="wl_repositories").set_value(40).run()
    before = {k: v for k, v in _query(at).items()}
    table_before = at.dataframe[0].value
    _language_control(at).set_value("ko").run()  # one run
    assert not at.exception
    assert at.title[0].value == "두 시나리오 비교"
    after = _query(at)
    assert after == {**before, "lang": "ko"}  # every input kept, the language added
    assert at.number_input(key="wl_repositories").value == 40
    assert table_before["B"].tolist() == at.dataframe[0].value["B"].tolist()  # the same figures, scenario B too
    # AppTest reads the Korean page's choice inputs back through their format functions in this
    # thread (a browser sends them from the page): this thread must read them in the page's language
    with i18n.using("ko"):
        _language_control(at).set_value("en").run()
    assert at.title[0].value == "Compare two scenarios" and _query(at)["lang"] == "en"


def test_a_bad_lang_gets_a_clear_warning_and_english(browser_locale):
    browser_locale("ko-KR")
    at = open_app({"lang": "fr", "repositories": "40"})
    assert at.title[0].value == "Container registry cost"
    warning = at.warning[0].value
    assert warning.startswith("Some inputs could not be used; everything else was applied:")
    assert (
        "Link: lang: `fr` is not a language of this app (en: English, ko: Korean); the page is shown in English"
        in warning
    )
    assert _query(at)["repositories"] == "40" and _query(at)["lang"] == "en"


def test_the_language_fields_are_not_unknown_parameters():
    at = open_app({"lang": "ko", "krw_rate": "1380.5", "krw_date": "2026-11-20"})
    assert not at.warning


# ---- won at the reader's rate ------------------------------------------------------------------------

TEAM = EKS_LINK


def test_won_at_the_links_rate_in_tables_and_caption():
    at = open_app({**TEAM, "lang": "ko", "krw_rate": "1380.5", "krw_date": "2026-11-20"})
    assert not at.exception
    assert not at.warning
    df = at.dataframe[0].value
    ecr = df[df["registry"] == "Amazon ECR"].iloc[0]
    # issue 11's team in ECR's best setup (issue 24): $563.245 (tests/test_best_setup_shown.py, by hand);
    # 563.245 x 1,380.5 = 777,559.72 won, shown to the won; through the NAT, as set up now, beside it:
    # 2,996.85 x 1,380.5 = 4,137,151.425 won
    assert ecr["monthly_cost"] == 777560
    assert ecr["other_cost"] == 4137151
    assert "(원)" in json.loads(at.dataframe[0].proto.columns)["monthly_cost"]["label"]
    caption = at.caption[0].value
    assert "1달러당 1,380.50원" in caption and "2026년 11월 20일" in caption and "미국 달러" in caption
    q = _query(at)
    assert (q["krw_rate"], q["krw_date"]) == ("1380.5", "2026-11-20")


def test_won_in_english_too_and_dollars_without_a_rate():
    at = open_app({**TEAM, "krw_rate": "1000", "krw_date": "2026-11-20"})
    assert at.caption[0].value.startswith(
        ":material/payments: Amounts in won at 1,000 won per US dollar (20 November 2026, the rate you entered)."
    )
    df = at.dataframe[0].value
    assert (
        df[df["registry"] == "Amazon ECR"].iloc[0]["other_cost"] == 2996850
    )  # 2,996.85 x 1,000  (as set up now, beside the best setup)
    at = open_app(TEAM)
    df = at.dataframe[0].value
    assert df[df["registry"] == "Amazon ECR"].iloc[0]["other_cost"] == pytest.approx(2996.85, abs=0.005)


def test_entering_a_rate_in_the_sidebar_puts_it_in_the_link():
    at = open_app(TEAM)
    assert not [w for w in at.number_input if w.key == "lang_rate_in"]  # drawn once its section is open
    at.session_state[language.KRW_OPEN] = True  # what a click on "Amounts in won (KRW)" does, then a rerun
    at.run()
    at.number_input(key="lang_rate_in").set_value(1400.0).run()
    at.date_input(key="lang_date_in").set_value(dt.date(2026, 11, 2)).run()
    q = _query(at)
    assert (q["krw_rate"], q["krw_date"]) == ("1400", "2026-11-02")
    df = at.dataframe[0].value
    assert df[df["registry"] == "Amazon ECR"].iloc[0]["other_cost"] == 4195590  # 2,996.85 x 1,400 = 4,195,590
    at.session_state[language.KRW_OPEN] = False  # closed, the rate stays in use; opened again, it is shown
    at.run()
    assert (_query(at)["krw_rate"], at.dataframe[0].value.iloc[0]["other_cost"]) == ("1400", df.iloc[0]["other_cost"])
    at.session_state[language.KRW_OPEN] = True
    at.run()
    assert at.number_input(key="lang_rate_in").value == 1400.0
    at.number_input(key="lang_rate_in").set_value(None).run()
    assert "krw_rate" not in _query(at) and "krw_date" not in _query(at)


TOMORROW = "tomorrow"  # worked out when the test runs: a run that crosses midnight made a collected day today


@pytest.mark.parametrize(
    "rate, day, message",
    [
        ("-3", "2026-11-20", "krw_rate: `-3` must be at least 0.01 won per US dollar; amounts are shown in US dollars"),
        ("0", "2026-11-20", "krw_rate: `0` must be at least 0.01 won per US dollar"),
        # issue 30: below the input's own minimum every amount was ₩0
        ("0.001", "2026-11-20", "krw_rate: `0.001` must be at least 0.01 won per US dollar"),
        ("abc", "2026-11-20", "krw_rate: `abc` is not a number"),
        ("nan", "2026-11-20", "krw_rate: `nan` is not a number"),
        # issue 30: float() reads Arabic-Indic digits and underscores; a link's rate is ASCII
        ("١٤٠٠", "2026-11-20", "krw_rate: `١٤٠٠` is not a number"),
        ("1_400", "2026-11-20", "krw_rate: `1_400` is not a number"),
        (
            "1380",
            "0001-01-01",
            "krw_date: `0001-01-01` is not a plausible day for an exchange rate (from 2000-01-01 on)",
        ),
        ("250000", "2026-11-20", "krw_rate: `250000` won per US dollar is not a plausible rate (at most 100,000)"),
        ("1380", TOMORROW, "krw_date: `{tomorrow}` is in the future"),
        ("1380", "2026-02-30", "krw_date: `2026-02-30` is not a date (write it as 2026-11-20)"),
        ("1380", None, "krw_date: missing: a won rate needs the day it is from"),
    ],
)
def test_a_bad_rate_or_date_is_named_and_amounts_stay_in_dollars(rate, day, message):
    if day == TOMORROW:
        day = (dt.date.today() + dt.timedelta(days=1)).isoformat()
        message = message.format(tomorrow=day)
    params = {**TEAM, "krw_rate": rate} | ({"krw_date": day} if day else {})
    at = open_app(params)
    assert not at.exception
    assert message in at.warning[0].value
    df = at.dataframe[0].value
    assert df[df["registry"] == "Amazon ECR"].iloc[0]["other_cost"] == pytest.approx(2996.85, abs=0.005)
    assert "krw_rate" not in _query(at)


def test_the_about_page_shows_korean_units():
    from lib.inputs import pricebook

    book = pricebook.load()
    at = open_app({"lang": "ko"}, page="pages/about.py")
    assert not at.exception
    table = next(m.value for m in at.markdown if m.value.startswith("| 가격 | 값 | 단위 |"))
    rows = [line[2:-2].split(" | ") for line in table.splitlines()[2:]]
    assert len(rows) == len(book.prices)
    units = [r[2] for r in rows]
    with i18n.using("ko"):
        assert units == [p.shown_unit for p in book.prices.values()]
    # by hand, from the comparison's vocabulary
    assert "USD/GB, 양방향 각각" in units and "GB/월(계정 전체, 프리 티어 토글이 켜져 있을 때 적용)" in units
    assert "USD/일" in units and "USD/GB-월" in units
    for p in book.prices.values():  # no English unit anywhere on the page's table ("USD/GB" is the same in both)
        if re.search(r"[a-z]{3,}", p.unit):
            assert p.unit not in table, p.unit
    at = open_app(page="pages/about.py")  # and English for an English reader
    table = next(m.value for m in at.markdown if m.value.startswith("| Price | Value | Unit |"))
    assert "| USD/GB each way |" in table and "| USD/day |" in table


def test_the_copy_button_speaks_the_language_of_the_page():
    from ui import copy_link

    ko = copy_link._html("ko")
    assert "공유 링크 복사" in ko and "Copy share link" not in ko and '<html lang="ko">' in ko
    assert "Copy share link" in copy_link._html("en")
    assert not re.search(r"@@[A-Z]+@@", ko)


def test_page_titles_may_be_marked_for_translation(tmp_path):
    from ui import shell

    f = tmp_path / "p.py"
    f.write_text('from lib.core.i18n import N_\nTITLE = N_("Overview")\nICON = ":material/info:"\nORDER = 5\n')
    info = shell._read(f)
    assert info.title == "Overview"
    with i18n.using("ko"):
        assert info.label() == "개요"
    f2 = tmp_path / "q.py"
    f2.write_text('TITLE = "Plain"\nICON = ":material/info:"\nORDER = 6\n')
    assert shell._read(f2).title == "Plain"


def test_callbacks_speak_the_language_of_the_page():
    # a callback runs before the frame sets the run's language: its message must still be Korean
    at = open_app({"lang": "ko"})
    with i18n.using("ko"):  # AppTest formats the page's choice inputs in this thread (see above)
        at.selectbox(key="share_preset").set_value("startup-a").run()
    assert not at.exception
    assert [t.value for t in at.toast] and all(t.value.startswith("프리셋을 불러왔습니다: ") for t in at.toast)


# ---- files built when clicked --------------------------------------------------------------------


def test_a_file_built_when_clicked_speaks_the_language_of_the_page_it_was_offered_on():
    # Streamlit calls a download's builder after the run, in a thread whose language is English: the
    # builder must carry the page's language and currency (a Korean page's deck came out in English)
    from ui import language

    rate = i18n.Krw(1380.5, dt.date(2026, 11, 20))
    with i18n.using("ko", krw=rate):
        build = language.deferred(lambda: (i18n._("Storage"), labels.money(2)))
    seen = []
    t = threading.Thread(target=lambda: seen.append(build()))
    t.start()
    t.join(10)
    assert seen == [("스토리지", "₩2,761")]  # 2 × 1,380.5 = 2,761 won
    assert i18n.lang() == "en"


def _download_data_args():
    """(file, line, the `data=` argument's source) for every download button of the app."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for f in sorted([*root.glob("pages/*.py"), *root.glob("ui/*.py")]):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "download_button":
                for kw in node.keywords:
                    if kw.arg == "data":
                        yield f.name, node.lineno, kw.value


def test_every_download_built_when_clicked_is_built_in_the_page_language():
    found = list(_download_data_args())
    assert len(found) >= 8  # deck, xlsx, csv, json, ADR, chart PNG and SVG, scenario file
    import ast

    def wrapped(v):
        return isinstance(v, ast.Call) and getattr(v.func, "attr", "") == "deferred"

    built_later = [(f, line) for f, line, v in found if wrapped(v) or isinstance(v, ast.Lambda | ast.Name)]
    unwrapped = [
        (f, line)
        for f, line, v in found
        if isinstance(v, ast.Lambda) or (isinstance(v, ast.Name) and v.id.startswith("build"))
    ]
    # the scenario file (ui/share.py) is the interface, English field names: it has no language
    assert {f for f, _line in unwrapped} <= {"share.py"}, unwrapped
    assert len(built_later) - len(unwrapped) >= 6  # deck, xlsx, csv, json, chart PNG and SVG


def test_the_cheaper_setup_beside_a_total_is_in_won_like_the_total():
    # issue 11's team: ECR with endpoints $144 + $120 + $29.20 + $0.045 + $270 = $563.245 a month,
    # $2,996.85 as set up; in won at 1,380.5: 563.245 × 1,380.5 = 777,559.7 -> ₩777,560, the total
    # 2,996.85 × 1,380.5 = 4,137,151.4 -> ₩4,137,151, and the saving as shown, so the three add up:
    # 4,137,151 − 777,560 = ₩3,359,591
    from lib.inputs import presets, pricebook
    from lib.pricing import setups

    w, _meta = presets.load("eks-private")
    s = setups.cheaper_setup(w, pricebook.load(), "ecr")
    assert s is not None and abs(s.monthly_cost - 563.245) < 1e-9
    assert setups.text(s).endswith(": $563.25/month, −$2,433.60")
    with i18n.using("en", krw=i18n.Krw(1380.5, dt.date(2026, 11, 20))):
        assert setups.text(s).endswith(": ₩777,560/month, −₩3,359,591")


@pytest.mark.parametrize(
    "page", ["pages/recommendation.py", "pages/overview.py", "pages/migration.py", "pages/network_path.py"]
)
def test_a_korean_page_writes_won_one_way_in_its_sentences(page):
    # issue 28, round 3: "차선책: Harbor, 월 ₩1,559,993" stood above "(월 약 156만 원, ...)" on one page.
    # Sentences say won in 만 ("약 156만 원"); the exact figures stay in the tables, headed (원)
    at = open_app({**TEAM, "lang": "ko", "krw_rate": "1380.5", "krw_date": "2026-11-20"}, page=page)
    assert not at.exception
    texts = [x.value for kind in ("markdown", "success", "info", "warning", "caption") for x in at.get(kind)]
    prose = [t for t in texts if isinstance(t, str) and "<" not in t]  # the page's own HTML (styles) aside
    if page == "pages/network_path.py":  # its metrics' notes are sentences too ("월 ₩3,650" for an IPv4 address)
        prose += [m.proto.help for m in at.metric]
    if page != "pages/migration.py":  # its amounts are metrics and a table
        assert any(re.search(r"\d만( \d천)? 원", t) for t in prose)
    assert [t for t in prose if re.search(r"₩\d", t)] == []


def test_the_korean_break_even_table_counts_a_month_as_korean_does():
    # "32회/월" in the break-even table under a sweep table that said "월 50,000회" (issue 28, round 3)
    at = open_app({**TEAM, "lang": "ko", "krw_rate": "1380.5", "krw_date": "2026-11-20"}, page="pages/break_even.py")
    assert not at.exception
    at_values = [v for df in at.dataframe if "at" in df.value.columns for v in df.value["at"]]
    assert at_values and all(re.fullmatch(r"월 [\d,]+회", v) for v in at_values), at_values[:3]


def test_network_path_names_its_region_one_way_in_the_chart_and_the_page():
    """The sixth review met "버지니아 북부(us-east-1)" in the subtitle and "미국 동부(버지니아 북부)" in the chart
    title of one page: the chart names the region as every other Korean text does (labels.choice)."""
    from tests.apphelpers import figure

    at = open_app({**EKS_LINK, "lang": "ko"}, page="pages/network_path.py")
    assert not at.exception
    title = figure(at)["layout"]["title"]["text"]
    assert title.endswith("버지니아 북부(us-east-1)"), title
    assert "미국 동부" not in title
    at = open_app(EKS_LINK, page="pages/network_path.py")
    assert figure(at)["layout"]["title"]["text"] == "Network path cost per month, US East (N. Virginia), us-east-1"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_an_early_style_keeps_placeholders_still_and_korean_whole(lang):
    """The early style (ui/accessibility.early_style, sent before any other element of a run) is an element of
    its own: the loading placeholders stand still in every language, and Korean breaks lines at spaces."""
    at = open_app({**TEAM, "lang": lang})
    rule = '[data-testid="stSkeleton"] { animation: none !important; }'
    early = [h.proto.body for h in at.get("html") if rule in h.proto.body]
    assert len(early) == 1 and len(early[0]) < 1_000  # not the frame's style sheet, sent at the end of the run
    assert ("word-break: keep-all" in early[0]) is (lang == "ko")
