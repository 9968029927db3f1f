"""Issue 23, item 5: lib/ is in layers (.importlinter) and `make test` runs `lint-imports`. A check that
passes is only worth something if it fails when the rule is broken: each test below copies lib/ to a
temporary folder, plants one breach, and runs the same command with the same contracts on the copy."""

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(tmp_path: Path, plant: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`lint-imports` over a copy of lib/ with `plant` (path -> text added at the end) applied."""
    shutil.copytree(ROOT / "lib", tmp_path / "lib", ignore=shutil.ignore_patterns("__pycache__"))
    for rel, text in (plant or {}).items():
        f = tmp_path / rel
        f.write_text((f.read_text(encoding="utf-8") if f.exists() else "") + text, encoding="utf-8")
    return subprocess.run(
        [str(LINT), "--no-cache", "--config", str(ROOT / ".importlinter")],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path)},  # the copy's lib, not the real one
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_lib_as_it_is_keeps_both_contracts(tmp_path):
    out = _lint(tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "2 kept, 0 broken" in out.stdout


@pytest.mark.parametrize(
    ("plant", "broken"),
    [
        # a lower layer importing an upper one: the price book reading the engine
        (
            {"lib/inputs/pricebook.py": "\nfrom ..pricing import engine as _engine\n"},
            "lib.inputs.pricebook -> lib.pricing.engine",
        ),
        # the same, hidden inside a function (the old way of dodging a circle): it counts all the same
        (
            {"lib/core/errors.py": "\n\ndef _late() -> object:\n    from ..exports import deck\n\n    return deck\n"},
            "lib.core.errors -> lib.exports.deck",
        ),
        # two siblings of one layer that must not know each other
        (
            {"lib/measure/limits.py": "\nfrom ..bill import mapping as _mapping\n"},
            "lib.measure.limits -> lib.bill.mapping",
        ),
        # a module at lib/'s top that no layer holds
        ({"lib/stray.py": '"""A module nobody placed."""\n'}, "lib.stray"),
        # streamlit in the library
        ({"lib/pricing/engine.py": "\nimport streamlit as _st\n"}, "lib.pricing.engine -> streamlit"),
    ],
    ids=["upward", "upward-inside-a-function", "siblings", "unplaced-module", "streamlit"],
)
def test_a_breach_breaks_a_contract_and_names_the_import(tmp_path, plant, broken):
    out = _lint(tmp_path, plant)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "BROKEN" in out.stdout and "1 broken" in out.stdout, out.stdout
    assert broken in out.stdout, out.stdout


# ---- no circles, and imports inside functions only where they buy start-up time ----------------------

_spec = importlib.util.spec_from_file_location("import_graph", ROOT / "tools" / "import_graph.py")
assert _spec and _spec.loader
import_graph = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_graph)

# the imports lib makes inside a function, and why: each loads something heavy only for the command that
# needs it (`python -m lib estimate` never loads python-pptx or plotly; `measure` never loads the engine)
LATE = {
    ("lib.cli", "lib.exports.adr, lib.exports.deck, lib.exports.export"),  # `export` only
    ("lib.cli", "lib.presentation.charts, lib.presentation.wording"),  # `export --png/--svg` only
    ("lib.measure.lifecycle", "lib.pricing.engine"),  # `measure` starts without the engine
}


def _circles(lib: Path) -> list[list[str]]:
    lines, edges, _inner, typing_edges = import_graph.graph(lib)
    both = {m: edges.get(m, set()) | typing_edges.get(m, set()) for m in set(edges) | set(typing_edges)}
    return import_graph.sccs(both, set(lines))


def test_lib_has_no_import_circle_counting_late_and_type_only_imports():
    assert _circles(ROOT / "lib") == []


def test_a_circle_hidden_in_a_function_is_found(tmp_path):
    shutil.copytree(ROOT / "lib", tmp_path / "lib", ignore=shutil.ignore_patterns("__pycache__"))
    errors = tmp_path / "lib/core/errors.py"
    errors.write_text(errors.read_text(encoding="utf-8") + "\n\ndef _late() -> None:\n    from . import i18n\n")
    assert _circles(tmp_path / "lib") == [["lib.core.errors", "lib.core.i18n"]]


def test_imports_inside_functions_are_only_the_late_loads_for_start_up_time():
    _lines, _edges, inner, _typing = import_graph.graph(ROOT / "lib")
    assert {(m, targets) for m, _line, targets in inner} == LATE
