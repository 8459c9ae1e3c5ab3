"""Make the PDFs under ``tests/data`` from the texts beside them, as a word processor would print them.

Run from the repository root::

    python tests/data/make_pdfs.py

Needs ``fpdf2`` (in the ``test`` extra) and the DejaVu fonts (Debian ``fonts-dejavu-core``, or
``--font-dir`` pointing at any folder holding ``DejaVuSansCondensed.ttf`` and ``DejaVuSansMono.ttf``). The
output is byte-for-byte the same on every run, so the committed PDFs can be checked by rebuilding.

Two ways of printing, because released PDFs come in both:

- ``typeset``: proportional type (DejaVu Sans Condensed 10 pt on A4), each input line a paragraph wrapped at
  the margin, tabs as tab stops, a bare page number at the foot of each page. This is how a
  ministry's word processor prints a release; the seed release is made this way.
- ``monospace_pages``: one PDF page per form-feed-separated page of a ``pdftotext -layout`` text, in
  DejaVu Sans Mono, each word placed at its column, so the extractor has to find the spaces from the
  gaps, as with the OCR layer of a scanned release. The Clinton document is made this way.

The functions are also used by ``benchmarks/pdf_extractors.py``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).parent
DEFAULT_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

#: A4 in points, and Word's "narrow" margins (half an inch): with a condensed 10 pt face a line
#: holds about 100 characters, as the released PDF's did, so the lines that the release printed
#: as lines (``Cc: … WASHINGTON; LONDON`` / ``CANBERRA; …``) stay lines and only its paragraphs wrap.
PAGE_WIDTH, PAGE_HEIGHT = 595.28, 841.89
MARGIN = 36.0
#: The margin of a page printed from a text layout, which uses nearly the whole sheet.
LAYOUT_MARGIN = 28.0
#: Tab stops every half inch, as in Word's default.
TAB_STOP = 36.0


@dataclass(frozen=True)
class DrawnLine:
    """One line as printed: the page it is on and its text (tabs kept)."""

    page: int
    text: str
    source_line: int


def _new_pdf(fonts: Path) -> FPDF:
    pdf = FPDF(unit="pt", format="A4")
    # A fixed date keeps the bytes the same on every run.
    pdf.set_creation_date(datetime(2019, 7, 24, tzinfo=UTC))
    pdf.set_producer("tests/data/make_pdfs.py")
    pdf.set_auto_page_break(False)
    pdf.add_font("Sans", fname=str(fonts / "DejaVuSansCondensed.ttf"))
    pdf.add_font("Mono", fname=str(fonts / "DejaVuSansMono.ttf"))
    return pdf


def _tab_width(x: float) -> float:
    return (int(x // TAB_STOP) + 1) * TAB_STOP - x


def _wrap(line: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Break one input line into printed lines at spaces (tabs advance to the next stop)."""
    printed: list[str] = []
    current = ""
    x = 0.0
    for token in re.findall(r"[^ \t]+|[ \t]", line):
        blank = token in (" ", "\t")
        if printed and not current and blank:
            continue  # a wrapped line starts at the margin
        advance = _tab_width(x) if token == "\t" else measure(token)
        if not blank and current.strip() and x + advance > width:
            printed.append(current.rstrip(" "))
            current, x = "", 0.0
            advance = measure(token)
        current += token
        x += advance
    printed.append(current.rstrip(" "))
    return printed


def typeset(text: str, path: Path, fonts: Path, size: float = 10.0) -> list[DrawnLine]:
    """Print ``text`` as a word processor would; return the lines as drawn, with their pages."""
    pdf = _new_pdf(fonts)
    pdf.set_font("Sans", size=size)
    leading = size * 1.2
    width = PAGE_WIDTH - 2 * MARGIN
    printed = [
        (number, piece)
        for number, line in enumerate(text.split("\n"), start=1)
        for piece in _wrap(line.rstrip("\r"), width, pdf.get_string_width)
    ]
    per_page = int((PAGE_HEIGHT - 2 * MARGIN - 2 * leading) // leading)
    pages = [printed[i : i + per_page] for i in range(0, len(printed), per_page)]
    drawn: list[DrawnLine] = []
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        y = MARGIN + size
        for source_line, line in lines:
            x = MARGIN
            for part in re.split(r"(\t)", line):
                if part == "\t":
                    x += _tab_width(x - MARGIN)
                elif part:
                    pdf.text(x, y, part)
                    x += pdf.get_string_width(part)
            drawn.append(DrawnLine(number, line, source_line))
            y += leading
        footer = str(number)
        pdf.text((PAGE_WIDTH - pdf.get_string_width(footer)) / 2, PAGE_HEIGHT - MARGIN / 2, footer)
        drawn.append(DrawnLine(number, footer, 0))
    pdf.output(str(path))
    return drawn


def monospace_pages(text: str, path: Path, fonts: Path) -> list[DrawnLine]:
    """Print a ``pdftotext -layout`` text page for page, each word at its column."""
    pages: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(text.split("\n"), start=1):
        while line.startswith("\x0c"):
            pages.append([])
            line = line[1:]
        pages[-1].append((number, line.replace("\x0c", "")))
    while pages and not any(line.strip() for _, line in pages[-1]):
        pages.pop()
    longest = max((len(line) for page in pages for _, line in page), default=80)
    tallest = max((len(page) for page in pages), default=60)
    # DejaVu Sans Mono's advance is 0.602 em; fit the widest line and the longest page.
    size = min(10.0, (PAGE_WIDTH - 2 * LAYOUT_MARGIN) / (0.602 * max(longest, 1)))
    leading = min(size * 1.2, (PAGE_HEIGHT - 2 * LAYOUT_MARGIN) / max(tallest, 1))
    pdf = _new_pdf(fonts)
    pdf.set_font("Mono", size=size)
    advance = pdf.get_string_width("x")
    drawn: list[DrawnLine] = []
    for page_number, page in enumerate(pages, start=1):
        pdf.add_page()
        y = LAYOUT_MARGIN + size
        for source_line, line in page:
            for match in re.finditer(r"\S+", line):
                pdf.text(LAYOUT_MARGIN + match.start() * advance, y, match.group())
            drawn.append(DrawnLine(page_number, line, source_line))
            y += leading
    pdf.output(str(path))
    return drawn


def clinton_document(doc_id: str, corpus: Path) -> str:
    """The text of one document of the Clinton FOIA sample, by State's document number."""
    with corpus.open(encoding="utf-8") as handle:
        for row in handle:
            record = json.loads(row)
            if record["id"] == doc_id:
                return str(record["text"])
    raise KeyError(doc_id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font-dir", type=Path, default=DEFAULT_FONT_DIR)
    args = parser.parse_args()
    seed = (HERE / "mfat_xinjiang_oia.txt").read_text(encoding="utf-8")
    drawn = typeset(seed, HERE / "mfat_xinjiang_oia.pdf", args.font_dir)
    print(f"mfat_xinjiang_oia.pdf: {drawn[-1].page} pages, {len(drawn)} lines")
    clinton = (HERE / "clinton_C05769379.txt").read_text(encoding="utf-8")
    drawn = monospace_pages(clinton, HERE / "clinton_C05769379.pdf", args.font_dir)
    print(f"clinton_C05769379.pdf: {drawn[-1].page} pages, {len(drawn)} lines")


if __name__ == "__main__":
    main()
