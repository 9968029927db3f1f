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
    on_path = {(s.node, s.goes_to) for s in rec.path} if rec else set()
    visited = {s.node for s in rec.path} if rec else set()
    hl = HIGHLIGHT
    out = [
        "digraph tree {",
        f'  rankdir=TB;{spacing} node [fontname="Helvetica", fontsize=12]; edge [fontname="Helvetica", fontsize=12];',
    ]
    for nid, node in tree.nodes.items():
        if path_only and nid not in visited:
            continue
        style = f', color="{hl}", penwidth=2.5' if nid in visited else ""
        # the questions in one column (a group: dot draws their edges straight), the answers to either
        # side: the chain of "no"s used to step right at every question, a picture 1,772 pt wide
        out.append(
            f'  "{nid}" [shape=box, style="rounded", group=questions, label="{_label(node.question, 24)}"{style}];'
        )
    for lid, leaf in tree.leaves.items():
        chosen = rec is not None and rec.leaf == lid
        if path_only and not chosen:
            continue
        style = f', style="filled", fillcolor="#fde0dd", color="{hl}", penwidth=2.5' if chosen else ""
        out.append(f'  "leaf_{lid}" [shape=ellipse, label="{_label(leaf.title, 14)}"{style}];')
    for nid, node in tree.nodes.items():
        for b in node.branches:
            if not b.deciding:
                continue
            dest = b.goes_to
            if path_only and (nid, dest) not in on_path:
                continue
            target = dest if b.next else f"leaf_{dest}"
            style = f', color="{hl}", fontcolor="{hl}", penwidth=2.5' if (nid, dest) in on_path else ""
            out.append(f'  "{nid}" -> "{target}" [label="{_label(b.answer, edge_width)}"{style}];')
    out.append("}")
    return "\n".join(out)
