"""Every message the code translates reaches the catalogue: a `_("...")` inside an f-string is
invisible to Babel's extractor (Python 3.11 tokenizes an f-string as one string), so the page
would stay English in Korean with no untranslated entry to warn about."""

import ast
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locales" / "ko" / "LC_MESSAGES" / "messages.po"


def _literal_calls(tree):
    """(line, message) of every _("literal") and N_("literal") call, f-strings included."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "N_")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def _missing(files):
    with PO.open("rb") as f:
        ids = {m.id for m in read_po(f, locale="ko") if m.id}
    return [
        f"{p.name}:{line}: {msg!r}"
        for p in files
        for line, msg in _literal_calls(ast.parse(p.read_text(encoding="utf-8")))
        if msg not in ids
    ]


def test_every_translated_literal_is_in_the_catalogue():
    files = [
        ROOT / "app.py",
        *sorted((ROOT / "lib").rglob("*.py")),
        *sorted((ROOT / "ui").rglob("*.py")),
        *sorted((ROOT / "pages").rglob("*.py")),
    ]
    assert _missing(files) == []


def test_the_check_sees_into_f_strings(tmp_path):
    page = tmp_path / "page.py"
    page.write_text(
        "from lib.core.i18n import _\nx = f\"<th>{_('A header nobody extracted')}</th>\"\n", encoding="utf-8"
    )
    assert _missing([page]) == ["page.py:2: 'A header nobody extracted'"]
