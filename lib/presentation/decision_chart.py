"""The decision tree drawn as Graphviz DOT, the path a recommendation took in red."""

from __future__ import annotations

import unicodedata

from ..core.i18n import lang, text as local
from ..decide.decision import Recommendation
from ..decide.decision_tree import Text, Tree

HIGHLIGHT = "#d62728"


def _width(s: str) -> int:
    """Columns a string takes: a Hangul syllable is as wide as two Latin letters."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _label(text: Text, width: int = 34) -> str:
    """In the run's language, wrapped at about `width` columns, quotes made safe for a DOT string."""
    words, lines, line = local(text).split(), [], ""
    for word in words:
        if _width(line) + _width(word) > width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    lines.append(line)
    return "\\n".join(x.replace('"', "'") for x in lines)


def _question_lines(tree: Tree, visited: set[str], path_only: bool) -> list[str]:
    """The questions, those asked bold and coloured; in one column (a group: dot draws their edges
    straight), the answers to either side: the chain of "no"s used to step right at every question, a
    picture 1,772 pt wide."""
    out = []
    for nid, node in tree.nodes.items():
        if path_only and nid not in visited:
            continue
        style = f', color="{HIGHLIGHT}", penwidth=2.5' if nid in visited else ""
        out.append(
            f'  "{nid}" [shape=box, style="rounded", group=questions, label="{_label(node.question, 24)}"{style}];'
        )
    return out


def _leaf_lines(tree: Tree, rec: Recommendation | None, path_only: bool) -> list[str]:
    """The answers the tree can give, the chosen one filled."""
    out = []
    for lid, leaf in tree.leaves.items():
        chosen = rec is not None and rec.leaf == lid
        if path_only and not chosen:
            continue
        style = f', style="filled", fillcolor="#fde0dd", color="{HIGHLIGHT}", penwidth=2.5' if chosen else ""
        out.append(f'  "leaf_{lid}" [shape=ellipse, label="{_label(leaf.title, 14)}"{style}];')
    return out


def _edge_lines(tree: Tree, on_path: set[tuple[str, str]], path_only: bool, edge_width: int) -> list[str]:
    """Each deciding answer as an edge to the next question or a leaf, those taken coloured; note branches
    never decide, so they draw nothing."""
    out = []
    for nid, node in tree.nodes.items():
        for b in node.branches:
            if not b.deciding:
                continue
            dest = b.goes_to
            taken = (nid, dest) in on_path
            if path_only and not taken:
                continue
            target = dest if b.next else f"leaf_{dest}"
            style = f', color="{HIGHLIGHT}", fontcolor="{HIGHLIGHT}", penwidth=2.5' if taken else ""
            out.append(f'  "{nid}" -> "{target}" [label="{_label(b.answer, edge_width)}"{style}];')
    return out


def to_dot(tree: Tree, rec: Recommendation | None = None, path_only: bool = False) -> str:
    """Graphviz DOT of the whole tree, the path taken drawn bold and coloured. `path_only` (with `rec`): the
    questions asked, the answers given and the chosen leaf, one column a phone shows whole (the sixth Korean
    review: at 390 px the chosen leaf of the whole tree sat off the screen, to the right of its scrolling box)."""
    # The browser's Graphviz measures Hangul narrower than it draws it: Korean labels wrap sooner and
    # parallel edges sit further apart, or their labels run into each other.
    korean = lang() == "ko"
    # The page fits the drawing to its column: a 1,772 pt wide tree of 10 pt text came out about 7 px on a
    # 1440 px screen (issue 28). The questions now stand in one column (below), labels wrap narrower, and
    # the drawing is about 1,000 pt wide, so its 12 pt text shows at 11 px or more in a 1440 px window.
    edge_width, spacing = (12, " nodesep=0.45; ranksep=0.5;") if korean else (18, " nodesep=0.4; ranksep=0.5;")
    steps = rec.path if rec else ()
    on_path = {(s.node, s.goes_to) for s in steps}
    visited = {s.node for s in steps}
    fonts = 'node [fontname="Helvetica", fontsize=12]; edge [fontname="Helvetica", fontsize=12];'
    return "\n".join(
        [
            "digraph tree {",
            f"  rankdir=TB;{spacing} {fonts}",
            *_question_lines(tree, visited, path_only),
            *_leaf_lines(tree, rec, path_only),
            *_edge_lines(tree, on_path, path_only, edge_width),
            "}",
        ]
    )
