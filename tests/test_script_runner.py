"""How Streamlit runs the app's scripts: settings whose effect is not drawn on any page."""

from __future__ import annotations

import ast
import threading

from apphelpers import open_app


def test_running_a_page_parses_no_python_syntax_tree(monkeypatch):
    """With magic on, Streamlit's runner calls ast.parse on every script it runs for the first time.
    Python 3.11's parser counts its recursion in one process-wide variable, so another thread parsing
    at the same moment (the traceback module does, for its carets, whenever a background thread logs an
    error) fails the page with "AST constructor recursion depth mismatch". `runner.magicEnabled = false`
    in .streamlit/config.toml removes the runner's parse of every script it runs (AppTest, like a new
    server, starts with an empty bytecode cache); this fails if it comes back."""
    parsed: list[str] = []
    real = ast.parse

    def counting(source, filename="<unknown>", *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(f"{threading.current_thread().name}: {filename}")
        return real(source, filename, *args, **kwargs)

    open_app(page="pages/compare.py")  # what a process parses once (the menu's page declarations, numpy.ma)
    monkeypatch.setattr(ast, "parse", counting)
    at = open_app(page="pages/compare.py")  # the page CI saw fail (stop 34)
    assert not at.exception
    assert at.get("plotly_chart"), "Compare was drawn"
    assert parsed == []
