"""The import graph of lib/: figures for issue 23 (lines per layer, modules over 400 lines, imports
made inside functions, circles).

    python tools/import_graph.py [--edges]

Imports under `if TYPE_CHECKING:` are counted apart (they never run); an import inside a function is
counted as an edge of the graph too, since it is one a circle can hide behind.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIB = ROOT / "lib"


def module_name(path: Path, lib: Path = LIB) -> str:
    parts = list(path.relative_to(lib.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolve(mod: str, is_pkg: bool, node: ast.ImportFrom | ast.Import, modules: set[str]) -> list[str]:
    out = []
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        base = mod.split(".") if is_pkg else mod.split(".")[:-1]
        if node.level:
            base = base[: len(base) - (node.level - 1)]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module or ""
        names = [f"{prefix}.{a.name}" for a in node.names] + [prefix]
        names = [n for n in names if n in modules] or [prefix]
        if f"{prefix}" in modules and any(f"{prefix}.{a.name}" in modules for a in node.names):
            names = [n for n in names if n != prefix] or names
    for n in names:
        while n and n not in modules:
            n = n.rpartition(".")[0]
        if n.startswith("lib") and n:
            out.append(n)
    return out


def graph(
    lib: Path = LIB,
) -> tuple[dict[str, int], dict[str, set[str]], list[tuple[str, int, str]], dict[str, set[str]]]:
    files = {module_name(p, lib): p for p in lib.rglob("*.py")}
    modules = set(files)
    lines = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in files.items()}
    edges: dict[str, set[str]] = defaultdict(set)
    typing_edges: dict[str, set[str]] = defaultdict(set)
    inner: list[tuple[str, int, str]] = []
    for m, p in files.items():
        _scan(m, p, modules, edges, typing_edges, inner)
    return lines, edges, inner, typing_edges


def _scan(
    m: str,
    p: Path,
    modules: set[str],
    edges: dict[str, set[str]],
    typing_edges: dict[str, set[str]],
    inner: list[tuple[str, int, str]],
) -> None:
    if True:
        tree = ast.parse(p.read_text(encoding="utf-8"))
        is_pkg = p.name == "__init__.py"

        def walk(node: ast.AST, in_func: bool, in_typing: bool) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                    for c in child.body:
                        walk_one(c, in_func, True)
                    for c in child.orelse:
                        walk_one(c, in_func, in_typing)
                    continue
                walk_one(child, in_func, in_typing)

        def walk_one(child: ast.AST, in_func: bool, in_typing: bool) -> None:
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                targets = [t for t in resolve(m, is_pkg, child, modules) if t != m]
                if in_typing:
                    typing_edges[m].update(targets)
                    return
                edges[m].update(targets)
                if in_func and targets:
                    inner.append((m, child.lineno, ", ".join(sorted(set(targets)))))
                return
            f = in_func or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                walk(ast.Module(body=[child], type_ignores=[]), f, in_typing)
                return
            walk(child, f, in_typing)

        walk(tree, False, False)


def sccs(edges: dict[str, set[str]], nodes: set[str]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]
    sys.setrecursionlimit(10000)

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            strong(v)
    return out


def main() -> None:
    lines, edges, inner, typing_edges = graph()
    # a package's __init__ importing its own children is not a circle worth naming: drop parent->child
    # edges where the child imports back only through the package (the usual re-export)
    layer_lines: dict[str, int] = defaultdict(int)
    for m, n in lines.items():
        parts = m.split(".")
        layer_lines[parts[1] if len(parts) > 2 or (len(parts) == 2 and (LIB / parts[1]).is_dir()) else "(flat)"] += n
    print("lines per top-level package of lib:")
    for k, v in sorted(layer_lines.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<24} {v:>6}")
    print(f"  {'total':<24} {sum(lines.values()):>6}")
    big = sorted(((n, m) for m, n in lines.items() if n > 400), reverse=True)
    print(f"modules over 400 lines: {len(big)}")
    for n, m in big:
        print(f"  {m:<40} {n}")
    print(f"imports inside functions (lib-internal, not TYPE_CHECKING): {len(inner)}")
    for m, ln, t in inner:
        print(f"  {m}:{ln} -> {t}")
    cyc = sccs(edges, set(lines))
    print(f"import circles (strongly connected groups, counting function-level imports): {len(cyc)}")
    for c in cyc:
        print(f"  {len(c)} modules: {' '.join(c)}")
    both = {m: edges.get(m, set()) | typing_edges.get(m, set()) for m in set(edges) | set(typing_edges)}
    cyc = sccs(both, set(lines))
    print(f"... counting the imports made for type checking only too: {len(cyc)}")
    for c in cyc:
        print(f"  {len(c)} modules: {' '.join(c)}")
    if "--edges" in sys.argv:
        for m in sorted(edges):
            print(m, "->", " ".join(sorted(edges[m])))


if __name__ == "__main__":
    main()
