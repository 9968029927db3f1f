"""Check the model against the bill: read cloud bills (FOCUS 1.0+, AWS CUR 2.0 and legacy CUR, GitHub's
usage report), keep the lines that price a registry, compare them with the estimate and measure the
inputs they imply. Modules: stream (bounded reading), focus / cur / github (each format's documented
columns), mapping (lines to components), reader (rows to sums), compare (model against bill, with
comparison, units, causes and implied)."""

from .compare import compare
from .comparison import Comparison, Implied, Row
from .reader import Bill, FileRead, Group, inputs_from_paths, read, shared_groups
from .stream import Input

__all__ = [
    "Bill",
    "Comparison",
    "FileRead",
    "Group",
    "Implied",
    "Input",
    "Row",
    "compare",
    "inputs_from_paths",
    "read",
    "shared_groups",
]
