"""What reading a PDF costs: time and peak memory of extracting its text, and of ``parse_file``.

    python benchmarks/pdf_memory.py [--pages 1240] [--runs 2]

Prints a PDF of Clinton documents (``corpora.clinton_documents``, repeated as the other
benchmarks repeat them), 60 lines a page in 9-point Helvetica, its content streams uncompressed
as a printer's driver writes them, and reads it in fresh interpreters: ``extract_pages`` alone,
then ``parse_file``. Each row: CPU seconds, the peak resident memory above the process's own
(``VmHWM``) and what stays resident after, as multiples of the file's size. Needs the ``pdf``
extra.
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpora, hostile
from benchmarks.run import _peak_bytes, _reset_peak, _rss_bytes

_LINES_A_PAGE = 60


def make_pdf(pages: int) -> bytes:
    """A PDF of ``pages`` pages of Clinton documents, a line of the text for each printed line."""
    path = corpora.clinton_path()
    if path is None:
        raise SystemExit("the Clinton corpus is not found (benchmarks/corpora.py)")
    lines: list[bytes] = []
    for document in corpora.repeated(corpora.clinton_documents(path), pages * 4_000):
        for line in document.replace("\x0c", "").split("\n"):
            escaped = line.encode("latin-1", "replace").replace(b"\\", b"\\\\")
            lines.append(escaped.replace(b"(", b"\\(").replace(b")", b"\\)"))
    contents = []
    for first in range(0, min(len(lines), pages * _LINES_A_PAGE), _LINES_A_PAGE):
        shown = [b"(" + line + b") Tj T*" for line in lines[first : first + _LINES_A_PAGE]]
        contents.append(b"\n".join([b"BT /F1 9 Tf 12 TL 36 760 Td", *shown, b"ET"]))
    return hostile.pages_pdf(contents)


def measure(path: str, what: str) -> tuple[float, int, int]:
    """CPU seconds, peak and resident bytes above the process's own, of one reading."""
    import cablethread
    from cablethread.reading.pdf import extract_pages

    extract_pages("tests/data/mfat_xinjiang_oia.pdf")  # PDFium loaded before the count
    gc.collect()
    _reset_peak()
    before = _rss_bytes()
    start = time.process_time()
    result: object = (
        extract_pages(path) if what == "extract" else cablethread.parse_file(path).messages
    )
    seconds = time.process_time() - start
    peak, resident = _peak_bytes() - before, _rss_bytes() - before
    del result
    return seconds, peak, resident


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1240, help="pages of the PDF (default 1240)")
    parser.add_argument("--runs", type=int, default=2, help="fresh runs of each, the best kept")
    parser.add_argument("--one", nargs=2, metavar=("PDF", "WHAT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(*measure(*args.one))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "clinton.pdf"
        pdf.write_bytes(make_pdf(args.pages))
        size = pdf.stat().st_size
        print(f"{args.pages} pages, {size / 1e6:.1f} MB\n")
        print("| reading | CPU s | peak × file | resident after × file |")
        print("| --- | ---: | ---: | ---: |")
        for what in ("extract", "parse"):
            runs = []
            for _ in range(args.runs):
                done = subprocess.run(
                    [sys.executable, "-m", "benchmarks.pdf_memory", "--one", str(pdf), what],
                    capture_output=True,
                    text=True,
                    check=True,
                    cwd=Path(__file__).resolve().parent.parent,
                )
                seconds, peak, resident = done.stdout.split()
                runs.append((float(seconds), int(peak), int(resident)))
            seconds, peak, resident = min(runs)
            name = "extract_pages" if what == "extract" else "parse_file"
            print(f"| {name} | {seconds:.2f} | {peak / size:.1f} | {resident / size:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
