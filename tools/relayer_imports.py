"""Rewrites imports and paths from lib's old flat layout (lib·engine, lib/labels·py) to its layers
(lib.pricing.engine, lib/pricing/labels.py): for a branch written before the move (issue 23, item 5).
(The old names are written with a middle dot here, or this file would rewrite its own docstring.)

    python tools/relayer_imports.py [FILE ...]     # default: every .py, .md, .toml, .cfg of the repo

Absolute imports (`from lib import engine, labels`, `from lib·decision import x`), dotted names in code
and strings (`"lib·engine.estimate"`), paths (lib/ + `registries/ecr.py`), and relative imports inside
lib that no longer resolve (`from .labels import x` in a file now in lib/decide/) are rewritten;
anything that already names the new place is left as it is, so running it twice changes nothing. Then
run `ruff check --fix . && ruff format .` to sort and wrap the imports. Names that moved inside the
deck's package (lib.exports.deck.price_sources.sources, ...) are not followed: fix those by hand.
"""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
L = {
    "core": "errors i18n numbers frozen safeyaml bounded months public_address",
    "inputs": "regions pricebook workload scenario presets links price_lists price_pages price_update",
    "pricing": "components registries engine network setups features labels",
    "decide": "decision decision_tree decision_text serving",
    "analyses": "analysis compare timeline sensitivity migration decision_sweep scenario_cache",
    "presentation": "wording charts palette tables report decision_chart",
    "exports": "deck adr export",
}
MOVE = {m: k for k, v in L.items() for m in v.split()}


def new_name(mod: str) -> str:
    parts = mod.split(".")
    if parts[0] == "lib" and len(parts) > 1 and parts[1] in MOVE:
        return ".".join(["lib", MOVE[parts[1]]] + parts[1:])
    return mod


def old_name(mod: str) -> str:
    parts = mod.split(".")
    if parts[0] == "lib" and len(parts) > 2 and parts[1] in L and parts[2] in MOVE and MOVE[parts[2]] == parts[1]:
        return ".".join(["lib"] + parts[2:])
    return mod


def modname(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(mod: str) -> bool:
    """Does `mod` (new name) exist as a module or package in the new tree?"""
    p = ROOT.joinpath(*mod.split("."))
    return p.with_suffix(".py").exists() or (p / "__init__.py").exists()


def rel(importer_new: str, importer_is_pkg: bool, target: str) -> str:
    pkg = importer_new.split(".") if importer_is_pkg else importer_new.split(".")[:-1]
    t = target.split(".")
    common = 0
    while common < min(len(pkg), len(t)) and pkg[common] == t[common]:
        common += 1
    level = len(pkg) - common + 1
    return "." * level + ".".join(t[common:])


def render(frm: str, names: list[str], trailer: str, indent: str) -> str:
    one = f"{indent}from {frm} import {', '.join(names)}{trailer}"
    return one


def rewrite_file(path: Path) -> bool:
    src = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return False
    lines = src.splitlines(keepends=True)
    new_mod = modname(path) if path.is_relative_to(ROOT / "lib") else None
    is_pkg = path.name == "__init__.py"
    old_mod = old_name(new_mod) if new_mod else None
    edits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level and not new_mod:
                continue
            if node.level:
                here = new_mod.split(".") if is_pkg else new_mod.split(".")[:-1]
                here = here[: len(here) - (node.level - 1)]
                now = ".".join(here + ([node.module] if node.module else []))
                if is_module(now):
                    continue  # resolves where the file is now
                base = old_mod.split(".") if is_pkg else old_mod.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                absmod = ".".join(base + ([node.module] if node.module else []))
            else:
                absmod = node.module or ""
            if not (absmod == "lib" or absmod.startswith("lib.")):
                continue
            # group the names by the new module they come from
            groups: dict[str, list[str]] = {}
            for a in node.names:
                sub = f"{absmod}.{a.name}"
                if is_module(new_name(sub)):
                    frm_abs = new_name(sub).rpartition(".")[0]
                else:
                    frm_abs = new_name(absmod)
                text = a.name + (f" as {a.asname}" if a.asname else "")
                groups.setdefault(frm_abs, []).append(text)

            relative = bool(new_mod and node.level)

            def frm(t: str, relative: bool = relative) -> str:
                return rel(new_mod, is_pkg, t) if relative else t

            s_line, e_line = node.lineno - 1, node.end_lineno - 1
            indent = re.match(r"\s*", lines[s_line]).group(0)
            trailer_src = lines[e_line][node.end_col_offset :]
            inner = "".join(lines[s_line : e_line + 1])
            if inner.count("#") > trailer_src.count("#"):
                print("COMMENT LOST?", path, node.lineno, file=sys.stderr)
            out = []
            items = list(groups.items())
            for i, (k, names) in enumerate(items):
                tr = trailer_src if i == len(items) - 1 else "\n"
                out.append(render(frm(k), names, tr, indent if i == 0 else indent))
            new = "".join(out)
            original = "." * node.level + (node.module or "")
            if len(items) == 1 and frm(items[0][0]) == original:
                continue
            if new != inner:
                edits.append((s_line, e_line, new))
        elif isinstance(node, ast.Import):
            changed = False
            parts = []
            for a in node.names:
                n = new_name(a.name)
                changed |= n != a.name
                parts.append(n + (f" as {a.asname}" if a.asname else ""))
            if changed:
                s_line, e_line = node.lineno - 1, node.end_lineno - 1
                indent = re.match(r"\s*", lines[s_line]).group(0)
                trailer_src = lines[e_line][node.end_col_offset :]
                edits.append((s_line, e_line, f"{indent}import {', '.join(parts)}{trailer_src}"))
    for s, e, new in sorted(edits, reverse=True):
        lines[s : e + 1] = [new]
    out = "".join(lines)
    # dotted names in code and strings: lib·engine -> lib.pricing.engine
    out = re.sub(DOTTED, _dotted, out)
    out = path_refs(out)
    if out != src:
        path.write_text(out, encoding="utf-8")
        return True
    return False


DOTTED = r"(?<![\w.])lib\.(" + "|".join(MOVE) + r")\b"


def _dotted(m: re.Match[str]) -> str:
    return f"lib.{MOVE[m.group(1)]}.{m.group(1)}"


def path_refs(text: str) -> str:
    return re.sub(
        r"(?<![\w/])lib/(" + "|".join(MOVE) + r")(\.py|/)",
        lambda m: f"lib/{MOVE[m.group(1)]}/{m.group(1)}{m.group(2)}",
        text,
    )


TEXT = (".md", ".toml", ".cfg", ".env", ".yaml", ".ini")


def main(args: list[str]) -> None:
    if args:
        files = [Path(a).resolve() for a in args]
    else:
        skip = (".venv", ".git", "node_modules", "mutants")
        files = [
            p
            for p in ROOT.rglob("*")
            if p.is_file()
            and not any(part in skip for part in p.relative_to(ROOT).parts)
            and (p.suffix in (".py", *TEXT) or p.name in ("Makefile", "Dockerfile"))
        ]
    for p in files:
        if p.suffix == ".py":
            changed = rewrite_file(p)
        else:
            t = p.read_text(encoding="utf-8")
            u = re.sub(DOTTED, _dotted, path_refs(t))
            changed = u != t
            if changed:
                p.write_text(u, encoding="utf-8")
        if changed:
            print(p.relative_to(ROOT))


if __name__ == "__main__":
    main(sys.argv[1:])
