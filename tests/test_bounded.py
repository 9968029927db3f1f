"""lib/core/bounded.py: JSON, zip and CSV readers refuse before a parser allocates (issue 30, findings 1 and 4)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from lib.core import bounded

ROOT = Path(__file__).resolve().parent.parent


def _depth(v: object) -> int:
    """Nesting depth worked out by walking the parsed value (the guard never parses)."""
    if isinstance(v, list):
        return 1 + max((_depth(x) for x in v), default=0)
    if isinstance(v, dict):
        return 1 + max((_depth(x) for x in v.values()), default=0)
    return 0


DOCS = [
    {"a": 'x[[[\\"{{', "b": [1, [2, {"c": "]]]\\\\"}]], "d": "q" * 50},
    [[[[]]]],
    's\\"[',
    {"tags": ["v1[", "[[[[", "]]]]]]]]"], "n": [[1], [2, [3]]]},
]


@pytest.mark.parametrize("doc", DOCS, ids=range(len(DOCS)))
@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 20])
def test_depth_is_counted_as_the_parser_sees_it_across_any_chunking(doc, chunk):
    data = json.dumps(doc).encode()
    want = _depth(doc)
    for limit in (want - 1, want) if want else (0,):
        g = bounded.JsonGuard(max_depth=limit)
        pieces = [data[i : i + chunk] for i in range(0, len(data), chunk)]
        if limit < want:
            with pytest.raises(bounded.BoundExceeded, match="nested too deeply"):
                for p in pieces:
                    g.feed(p)
        else:
            for p in pieces:
                g.feed(p)
            assert g.depth == 0 and not g.in_string and not g.escaped


def test_values_are_an_upper_bound_of_what_json_builds():
    # [1,[2,3],{"k":[]}] builds 7 values (1, 2, 3 and four containers); the bound: 3 commas + 4 opened
    # containers + 1 for the document = 8, never fewer than json builds
    data = b'[1,[2,3],{"k":[]}]'
    assert bounded.check_json(data) == 8 >= 7
    with pytest.raises(bounded.BoundExceeded, match="about 7 JSON values, more than the 6 allowed"):
        bounded.check_json(data, max_values=6)
    bounded.check_json(data, max_values=7)
    # commas and brackets inside strings are text: one value
    assert bounded.check_json(json.dumps("a,b,[c],{d}" * 100).encode()) == 1


def test_expanded_bytes_are_bounded():
    with pytest.raises(bounded.BoundExceeded, match="more than 10 bytes"):
        bounded.check_json(b"[" + b" " * 20 + b"]", max_bytes=10)


def test_zip_member_expanding_past_its_bound_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.json", b" " * 100_000)
    zf = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    assert len(bounded.read_member(zf, zf.infolist()[0], 100_000)) == 100_000
    with pytest.raises(bounded.BoundExceeded, match="expands past 1,000 bytes"):
        bounded.read_member(zf, zf.infolist()[0], 1000)


def test_csv_rows_fields_and_field_length_are_bounded():
    assert list(bounded.csv_rows("a,b\n1,2\n")) == [["a", "b"], ["1", "2"]]
    with pytest.raises(bounded.BoundExceeded, match="more than 2 rows"):
        list(bounded.csv_rows("a\nb\nc\n", max_rows=2))
    with pytest.raises(bounded.BoundExceeded, match="row 1: more than 3 fields"):
        list(bounded.csv_rows("a,b,c,d\n", max_fields=3))
    with pytest.raises(bounded.BoundExceeded, match="row 2: a field longer than 5 characters"):
        list(bounded.csv_rows("a\nbbbbbb\n", max_field=5))


def _run_limited(code: str, limit_mb: int = 1024) -> subprocess.CompletedProcess[str]:
    """Run code in a child with its address space capped (RLIMIT_AS): an allocation past it fails
    there instead of the test machine swapping; the child prints its peak resident memory in MB last."""
    prelude = textwrap.dedent(
        f"""
        import resource, sys
        sys.path.insert(0, {str(ROOT)!r})
        resource.setrlimit(resource.RLIMIT_AS, ({limit_mb} << 20, {limit_mb} << 20))
        """
    )
    # VmHWM, not ru_maxrss: Linux carries the forking parent's high-water mark into ru_maxrss across
    # exec (a big pytest process read as this child's peak); VmHWM belongs to this program's memory
    tail = "\nprint(next(int(l.split()[1]) // 1024 for l in open('/proc/self/status') if l.startswith('VmHWM:')))\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code) + tail], capture_output=True, text=True, timeout=120
    )


def test_a_47_kb_zip_of_nested_lists_is_refused_in_little_memory():
    """Finding 1: before, this zip took RSS to ~890 MB and 2.6 s of CPU before a refusal (measured
    here: 92 MB and 0.2 s after); under a 1 GiB address-space cap the old code ran out of memory."""
    r = _run_limited(
        """
        import io, zipfile
        from lib import measure
        from lib.core.errors import InputError
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("repo/v1.json", (b"[" * 900 + b"]" * 900) * 11104)
        assert len(buf.getvalue()) < 60_000
        try:
            measure.measure(measure.sources_from_uploads([("bomb.zip", buf.getvalue())], max_total=100 * measure.MB))
        except InputError as e:
            print(e)
        """
    )
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.strip().splitlines()
    assert "bomb.zip:repo/v1.json: JSON nested too deeply (more than 32 levels)" in lines[0]
    assert int(lines[-1]) < 300, f"peak RSS {lines[-1]} MB"


def test_shallow_nesting_of_many_values_is_refused_by_count_not_depth():
    """30 levels (under the depth bound) of empty lists, 12 MB: about 6 million lists (~430 MB of
    memory for json.loads) from a file that size allows at most 1.5 million values."""
    r = _run_limited(
        """
        from lib import measure
        from lib.core.errors import InputError
        data = (b"[" * 30 + b"]" * 30) * 200_000
        try:
            measure.measure([measure.Source("flat.json", data, None)])
        except InputError as e:
            print(e)
        """
    )
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.strip().splitlines()
    assert "flat.json: about" in lines[0] and "JSON values, more than the 1,500,000 allowed" in lines[0]
    assert int(lines[-1]) < 300, f"peak RSS {lines[-1]} MB"
