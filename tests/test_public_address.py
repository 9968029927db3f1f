"""Issue 24 item 4: the share link in exports is built from a public address (the setting, or the
request's host behind the proxy), never a loopback one, and says so when there is none."""

import io

import pytest
from pptx import Presentation

from lib.analyses.analysis import analyse
from lib.core.public_address import ENV, has_address, is_loopback, public_address, share_link
from lib.exports import adr, deck
from lib.inputs.workload import from_dict

LOCAL_PAGE = "http://127.0.0.1:8501/export"
QUERY = "runs_on=aws&network=nat"


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("localhost", True),
        ("localhost:8501", True),
        ("127.0.0.1:8501", True),
        ("127.8.9.1", True),
        ("[::1]:8501", True),
        ("0.0.0.0:8501", True),
        ("registry.example.com", False),
        ("10.0.0.5:8501", False),
        ("[2001:db8::1]:443", False),
    ],
)
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_the_setting_wins_and_keeps_its_path():
    a = public_address({ENV: "https://tools.example.com/registry"}, {"Host": "127.0.0.1:8501"}, LOCAL_PAGE)
    assert (a.base, a.source) == ("https://tools.example.com/registry/", "setting")
    assert share_link(a, QUERY) == "https://tools.example.com/registry/?runs_on=aws&network=nat"


def test_behind_the_proxy_the_requests_own_host():
    headers = {"host": "dash.example.com", "x-forwarded-proto": "https"}
    a = public_address({}, headers, "http://dash.example.com/registry/export")
    assert (a.base, a.source) == ("https://dash.example.com/registry/", "request")
    # a chain of proxies: the first forwarded host is the one the browser used
    a = public_address({}, {"X-Forwarded-Host": "a.example.com, b.internal", "Host": "b.internal"}, "")
    assert a.base == "https://a.example.com/"


@pytest.mark.parametrize("setting", ["", "http://127.0.0.1:8501/", "ftp://x.example.com", "not a url"])
def test_never_a_loopback_address(setting):
    a = public_address({ENV: setting}, {"Host": "127.0.0.1:8501"}, LOCAL_PAGE)
    assert (a.base, a.source) == ("", "none")
    assert bool(a.problem) is bool(setting)
    link = share_link(a, QUERY)
    assert link == "?runs_on=aws&network=nat" and not has_address(link)


def test_exports_say_when_no_public_address_is_set(book):
    w = from_dict({"network": "nat"})
    record = adr.adr(analyse(w, book), "?" + QUERY)
    assert "no public address is set for this dashboard (REGISTRY_DASHBOARD_PUBLIC_URL)" in record
    assert "127.0.0.1" not in record and "localhost" not in record
    data, _missing = deck.build(analyse(w, book), "?" + QUERY, pictures=False)
    slide1 = Presentation(io.BytesIO(data)).slides[0]
    runs = [r for s in slide1.shapes if s.has_text_frame for p in s.text_frame.paragraphs for r in p.runs]
    note = next(r for r in runs if "public address" in r.text)
    assert ENV in note.text and note.hyperlink.address is None


def test_exports_link_to_the_public_address(book):
    w = from_dict({"network": "nat"})
    link = "https://tools.example.com/registry/?" + QUERY
    assert f"- Scenario (reopens every input and figure): {link}" in adr.adr(analyse(w, book), link)
    data, _missing = deck.build(analyse(w, book), link, pictures=False)
    slide1 = Presentation(io.BytesIO(data)).slides[0]
    runs = [r for s in slide1.shapes if s.has_text_frame for p in s.text_frame.paragraphs for r in p.runs]
    opened = next(r for r in runs if r.hyperlink.address)
    assert opened.hyperlink.address == link and "tools.example.com" in opened.text
