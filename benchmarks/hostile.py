"""Growth of the hostile inputs of issue 14: parse and every export, 1, 2, 4 and 8 MB each.

    python -m benchmarks.hostile                      # every shape at 1, 2, 4, 8 MB
    python -m benchmarks.hostile --sizes 1,2 --shapes cc-recipients,long-from
    python -m benchmarks.hostile --shapes tiny-blocks --folder /dev/shm

Each shape is a text an attacker would write (or a PDF, for ``pdf-gaps``), grown to each size.
Every (shape, size) runs in a fresh interpreter: ``parse`` (``parse_file`` for the PDF), then
each writer in turn, each with its time and its peak memory above what the process held before
it (``VmHWM``, reset through ``/proc/self/clear_refs``). Prints a Markdown table, the one in
``benchmarks/README.md``; ``--json`` writes the figures. The exports are written in a new folder
under ``--folder`` (the system's temporary folder by default): on a disk, the cost of a file
changes with what was written and deleted there before, which the EML column (a file a message)
shows more than the library (``benchmarks/eml_files.py``); a ``tmpfs`` such as ``/dev/shm``
takes the disk out.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.run import _peak_bytes, _reset_peak, _rss_bytes

# The tests' hand-made PDFs: the same cross-reference table for the benchmark's pages.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from hostile_pdf import pages_pdf

_MB = 1_000_000
BLOCK = "From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\nSubject: LETTER\n"
_EXTREMES = (
    "Mon, 1 Jan 0001 00:00:00 +1400",
    "Fri, 31 Dec 9999 23:59:00 -1200",
    "Thursday, 4 July 2019 5:26 AM",
    "1 January 0001 00:00",
)


_PARAGRAPH = (
    "The delegation met the working group this morning and went through the draft line by line; "
    "the remaining points are set out below, with the wording each side proposed, for decision "
    "by the end of the week."
)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _messages(size: int, line_end: str = "\n", dates: tuple[str, ...] = ()) -> str:
    """Distinct messages with short bodies, replying down a chain of 20."""
    blocks: list[str] = []
    total = n = 0
    while total < size:
        sent = dates[n % len(dates)] if dates else f"{1 + n % 28} July 2019 {n % 24}:{n % 60:02d}"
        block = (
            f"From: POST{n % 997}\nSent: {sent}\nTo: NAD; UNHC\n"
            f"Subject: {'RE: ' * (n % 20)}TOPIC {n // 20}\n\nReport {n} follows. {_PARAGRAPH}\n\n"
        ).replace("\n", line_end)
        blocks.append(block)
        total += len(block)
        n += 1
    return "".join(blocks)


def _tiny_blocks(size: int) -> str:
    """Header blocks as short as a block can be, a sender and a recipient: a message every 20
    bytes or so, each with its own sender."""
    blocks: list[str] = []
    total = n = 0
    while total < size:
        blocks.append(f"From: A{n}\nTo: B\n\n")
        total += len(blocks[-1])
        n += 1
    return "".join(blocks)


def _recipients(size: int) -> str:
    listed: list[str] = []
    total = n = 0
    while total < size:
        listed.append(f"Person{n}, A")
        total += len(listed[-1]) + 2
        n += 1
    return BLOCK + "Cc: " + "; ".join(listed) + "\n"


def _pdf_gaps(size: int) -> bytes:
    """A PDF of header blocks at 1 point, each block 100,000 points below the one above it,
    about 4 KB of page content a page."""
    pages: list[bytes] = []
    total = group = 0
    while total < size:
        ops = ["BT /F1 1 Tf 10 700 Td"]
        for _ in range(12):
            for index, line in enumerate(BLOCK.splitlines()):
                step = 100_000 if index == 0 and len(ops) > 1 else 1.2
                ops.append(f"0 {-step} Td ({line} {group}) Tj")
            group += 1
        ops.append("ET")
        pages.append("\n".join(ops).encode("latin-1"))
        total += len(pages[-1])
    return pages_pdf(pages)


def _pdf_line_gaps(size: int) -> bytes:
    """Finding 2 as it was found: a PDF whose lines stand a million points apart at a 1-point
    size, each page a header block and then a word a line, about 4 KB of page content a page."""
    pages: list[bytes] = []
    total = group = 0
    while total < size:
        ops = ["BT /F1 1 Tf 10 700 Td"]
        ops += [f"0 -1.2 Td ({line} {group}) Tj" for line in BLOCK.splitlines()]
        while sum(map(len, ops)) < 4000:
            ops.append("0 -1000000 Td (Report) Tj")
        group += 1
        ops.append("ET")
        pages.append("\n".join(ops).encode("latin-1"))
        total += len(pages[-1])
    return pages_pdf(pages)


#: Each shape of the issue, grown to a size in bytes.
SHAPES: dict[str, Callable[[int], str | bytes]] = {
    "re-prefixes": lambda size: BLOCK.replace("LETTER", "RE: " * (size // 4) + "LETTER"),
    "long-subject": lambda size: BLOCK.replace("LETTER", _repeat("word ", size)),
    "long-from": lambda size: BLOCK.replace("From: NAD", "From: " + _repeat("Name ", size)),
    "unbroken-from": lambda size: BLOCK.replace("From: NAD", "From: " + "x" * size),
    "cc-recipients": _recipients,
    "many-messages": _messages,
    "cr-line-ends": lambda size: _messages(size, "\r"),
    "extreme-dates": lambda size: _messages(size, dates=_EXTREMES),
    "pdf-gaps": _pdf_gaps,
    "pdf-line-gaps": _pdf_line_gaps,
    "blank-lines": lambda size: BLOCK + "\n" * (size - len(BLOCK)),
    "page-a-line": lambda size: BLOCK + "\x0c\n" * ((size - len(BLOCK)) // 2),
    "quoted-page-a-line": lambda size: BLOCK + "> \x0c\n" * ((size - len(BLOCK)) // 4),
    "tiny-blocks": _tiny_blocks,
}


def _measure(run: Callable[[], object]) -> tuple[float, int, object]:
    gc.collect()
    _reset_peak()
    before = _rss_bytes()
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    return seconds, max(0, _peak_bytes() - before), result


def task(shape: str, megabytes: float, where: str | None = None) -> dict[str, Any]:
    """One shape at one size, in this interpreter: parse, then each export (into a new folder
    under ``where``)."""
    import cablethread

    data = SHAPES[shape](int(megabytes * _MB))
    cablethread.parse(BLOCK)  # tables and patterns loaded before measuring
    row: dict[str, Any] = {"shape": shape, "mb": megabytes, "bytes": len(data)}
    if isinstance(data, bytes):
        seconds, peak, release = _measure(lambda: cablethread.parse_file(io.BytesIO(data)))
    else:
        seconds, peak, release = _measure(lambda: cablethread.parse(data))
    assert isinstance(release, cablethread.Release)
    row["messages"] = len(release.messages)
    row["parse"] = (seconds, peak)
    with tempfile.TemporaryDirectory(prefix="cablethread-hostile-", dir=where) as folder:
        out = Path(folder)
        writers: dict[str, Callable[[], object]] = {
            "json": lambda: cablethread.write_json(release, out / "release.json"),
            "node-link": lambda: cablethread.write_node_link(release, out / "nodes.json"),
            "graphml": lambda: cablethread.write_graphml(release, out / "reply.graphml"),
            "csv": lambda: cablethread.write_csv(release, out / "csv"),
            "mbox": lambda: release.to_mbox(out / "release.mbox"),
            "eml": lambda: cablethread.write_eml(release, out / "eml"),
        }
        for name, write in writers.items():
            seconds, peak, _ = _measure(write)
            row[name] = (seconds, peak)
    return row


STAGES = ("parse", "json", "node-link", "graphml", "csv", "mbox", "eml")


def _cell(seconds: float, peak: int, size: int) -> str:
    return f"{seconds:.2f} s / {peak / size:.0f}×"


def table(rows: list[dict[str, Any]]) -> str:
    """The Markdown growth table: time and peak memory (× the input) of every stage."""
    lines = [
        "| shape | MB | messages | " + " | ".join(STAGES) + " |",
        "| --- | ---: | ---: | " + " | ".join("---:" for _ in STAGES) + " |",
    ]
    for row in rows:
        cells = [_cell(*row[stage], row["bytes"]) for stage in STAGES]
        lines.append(
            f"| {row['shape']} | {row['mb']:g} | {row['messages']:,} | " + " | ".join(cells) + " |"
        )
    return "\n".join(lines)


def growth(rows: list[dict[str, Any]]) -> str:
    """Per shape and stage, time at the largest size over time at the smallest, per byte."""
    lines = ["| shape | " + " | ".join(STAGES) + " | largest peak |", "| --- |" + " ---: |" * 8]
    for shape in dict.fromkeys(row["shape"] for row in rows):
        own = sorted((r for r in rows if r["shape"] == shape), key=lambda r: r["bytes"])
        small, large = own[0], own[-1]
        ratios = []
        for stage in STAGES:
            per_small = max(small[stage][0], 1e-3) / small["bytes"]
            ratios.append(f"{large[stage][0] / large['bytes'] / per_small:.2f}")
        peak = max(max(r[stage][1] / r["bytes"] for stage in STAGES) for r in own)
        lines.append(f"| {shape} | " + " | ".join(ratios) + f" | {peak:.0f}× |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="megabytes, comma-separated")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="shapes, comma-separated")
    parser.add_argument("--json", metavar="OUT", help="write the figures as JSON")
    parser.add_argument(
        "--folder", help="where the exports are written (default: the temporary folder)"
    )
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "MB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(task(args.one[0], float(args.one[1]), args.folder)))
        return 0
    rows: list[dict[str, Any]] = []
    for shape in args.shapes.split(","):
        for size in args.sizes.split(","):
            done = subprocess.run(
                [sys.executable, "-m", "benchmarks.hostile", "--one", shape, size]
                + (["--folder", args.folder] if args.folder else []),
                capture_output=True,
                text=True,
                check=True,
            )
            rows.append(json.loads(done.stdout))
            print(f"measured {shape} {size} MB", file=sys.stderr)
    print("Time / peak memory above the process's own, as a multiple of the input size.\n")
    print(table(rows))
    print("\nTime per byte at the largest size over that at the smallest (1.00: linear).\n")
    print(growth(rows))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
