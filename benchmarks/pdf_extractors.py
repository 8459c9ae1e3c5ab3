"""Which PDF text extractor gives the parser back what was printed, and how fast.

Prints PDFs from text whose parse is known (the seed release, typeset; documents of the Clinton
FOIA sample, page for page in monospace), extracts their text with each candidate library, parses
it, and compares with the parse of the source text::

    python benchmarks/pdf_extractors.py [--clinton 40] [--corpus PATH]

Needs the candidates (``pypdf``, ``pdfminer.six``, ``pdfplumber``, ``pypdfium2``), ``fpdf2`` and the
DejaVu fonts (see ``tests/data/make_pdfs.py``). The table it prints is the one in ``docs/pdf.md``.

Columns: *messages* — source messages found again with the same sender, wall clock and subject
(in brackets: found with the same sender and wall clock but another subject);
*fields* — of those, the ones whose To and Cc lists are the same too; *edges* — reply links
between the same messages; *pages* — occurrences on the page they were printed on; *lines* —
printed non-blank lines given back with the same words; *exact* — and with the same spaces (only
the monospace Clinton pages can be given back so); *blanks* — printed blank lines kept (the
parser reads a blank line as the end of a wrapped subject); *ms/page* — extraction time.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "data")]

import make_pdfs  # noqa: E402

import cablethread  # noqa: E402
from cablethread.reading.pdf import join_pages  # noqa: E402

DEFAULT_CORPUS = (
    ROOT.parent.parent / "shared" / "corpora" / "clinton-foia" / "clinton_foia_sample.jsonl"
)


def _pypdf(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def _pypdf_layout(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text(extraction_mode="layout") for page in pypdf.PdfReader(path).pages]


def _pdfminer(path: Path) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    return [
        "".join(element.get_text() for element in page if isinstance(element, LTTextContainer))
        for page in extract_pages(path)
    ]


def _pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def _pdfplumber_layout(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text(layout=True) for page in pdf.pages]


def _pypdfium2(path: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return [
            document[i].get_textpage().get_text_range().replace("\r\n", "\n")
            for i in range(len(document))
        ]
    finally:
        document.close()


def _cablethread(path: Path) -> list[str]:
    from cablethread.reading.pdf import extract_pages

    return extract_pages(path)


EXTRACTORS: dict[str, Callable[[Path], list[str]]] = {
    "pypdf": _pypdf,
    "pypdf (layout)": _pypdf_layout,
    "pdfminer.six": _pdfminer,
    "pdfplumber": _pdfplumber,
    "pdfplumber (layout)": _pdfplumber_layout,
    "pypdfium2 (text range)": _pypdfium2,
    "cablethread.reading.pdf": _cablethread,
}


Key = tuple[str, str, str]


def _key(message: cablethread.Message) -> Key:
    sender = " ".join(message.sender.raw.split()) if message.sender else ""
    when = message.sent_local.isoformat() if message.sent_local else ""
    subject = message.subject.text if message.subject else ""
    return sender, when, subject


def _recipients(message: cablethread.Message) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (
        tuple(" ".join(p.raw.split()) for p in message.to),
        tuple(" ".join(p.raw.split()) for p in message.cc),
    )


def _edges(release: cablethread.Release) -> set[tuple[Key, Key]]:
    keys = {m.id: _key(m) for m in [*release.messages, *release.placeholders]}
    return {(keys[e.parent_id], keys[e.child_id]) for e in release.edges}


@dataclass
class Score:
    messages: int = 0
    messages_of: int = 0
    fields: int = 0
    edges: int = 0
    edges_of: int = 0
    pages: int = 0
    lines: int = 0
    exact: int = 0
    lines_of: int = 0
    changed: int = 0
    blanks: int = 0
    blanks_of: int = 0
    seconds: float = 0.0
    page_count: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            if name != "failures":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures += other.failures


def _words(line: str) -> str:
    return " ".join(line.split())


def _line_score(drawn: list[make_pdfs.DrawnLine], text: str, score: Score) -> None:
    printed = [_words(d.text.replace("\t", " ")) for d in drawn]
    got = [_words(line.replace("\x0c", "")) for line in text.split("\n")]
    wanted = [line for line in printed if line]
    found = [line for line in got if line]
    matcher = difflib.SequenceMatcher(None, wanted, found, autojunk=False)
    score.lines += sum(block.size for block in matcher.get_matching_blocks())
    score.lines_of += len(wanted)
    exact_wanted = [d.text.rstrip() for d in drawn if d.text.strip()]
    exact_found = [line.replace("\x0c", "").rstrip() for line in text.split("\n") if line.strip()]
    exact = difflib.SequenceMatcher(None, exact_wanted, exact_found, autojunk=False)
    score.exact += sum(block.size for block in exact.get_matching_blocks())
    # A printed blank line is kept when the extracted text has a blank line between the same
    # two printed lines.
    position = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            position[block.a + k] = block.b + k
    index_of_nonblank = [i for i, line in enumerate(got) if line]
    nonblank = 0
    for i, line in enumerate(printed):
        if line:
            nonblank += 1
            continue
        before, after = nonblank - 1, nonblank
        if before < 0 or after >= len(wanted) or (i + 1 < len(printed) and not printed[i + 1]):
            continue
        score.blanks_of += 1
        if before in position and after in position:
            gap = index_of_nonblank[position[after]] - index_of_nonblank[position[before]]
            score.blanks += gap > 1


def _score(
    reference: cablethread.Release,
    drawn: list[make_pdfs.DrawnLine],
    pages: list[str],
    seconds: float,
    pages_of_lines: dict[str, int] | None,
) -> Score:
    text = join_pages(pages)
    release = cablethread.parse(text)
    score = Score(seconds=seconds, page_count=len(pages))
    got = {_key(m): m for m in release.messages}
    for message in reference.messages:
        score.messages_of += 1
        twin = got.get(_key(message))
        if twin is None:
            near = [k for k in got if k[:2] == _key(message)[:2]]
            score.changed += bool(near)
            score.failures.append(
                f"missing {_key(message)}" + (f", found as {near}" if near else "")
            )
            continue
        score.messages += 1
        score.fields += _recipients(twin) == _recipients(message)
        if pages_of_lines is not None:
            score.pages += twin.occurrences[0].page == pages_of_lines.get(message.id)
    want_edges = _edges(reference)
    score.edges_of += len(want_edges)
    score.edges += len(want_edges & _edges(release))
    _line_score(drawn, text, score)
    return score


def _printed_pages(
    reference: cablethread.Release, drawn: list[make_pdfs.DrawnLine]
) -> dict[str, int]:
    """The page each message's first header line was printed on, from the drawing."""
    page_of = {}
    for line in drawn:
        page_of.setdefault(line.source_line, line.page)
    return {m.id: page_of[m.occurrences[0].span.start] for m in reference.messages}


def _clinton_ids(corpus: Path, count: int) -> list[tuple[str, str]]:
    """Multi-page documents with three or more header blocks, in document-number order."""
    chosen: list[tuple[str, str]] = []
    with corpus.open(encoding="utf-8") as handle:
        rows = [json.loads(row) for row in handle]
    for record in sorted(rows, key=lambda r: r["id"]):
        text = record["text"]
        if text.count("\x0c") >= 2 and text.count("\nFrom:") >= 3:
            chosen.append((record["id"], text))
        if len(chosen) == count:
            break
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clinton", type=int, default=40, help="how many Clinton documents")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--font-dir", type=Path, default=make_pdfs.DEFAULT_FONT_DIR)
    parser.add_argument("--only", help="run only this extractor")
    parser.add_argument("--verbose", action="store_true", help="list the messages missed")
    parser.add_argument("--repeat", type=int, default=3, help="time each extraction this often")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pdfbench-"))
    seed_text = (ROOT / "tests" / "data" / "mfat_xinjiang_oia.txt").read_text(encoding="utf-8")
    seed_pdf = work / "seed.pdf"
    seed_drawn = make_pdfs.typeset(seed_text, seed_pdf, args.font_dir)
    seed_reference = cablethread.parse(seed_text)
    seed_pages = _printed_pages(seed_reference, seed_drawn)
    clinton = []
    for doc_id, text in _clinton_ids(args.corpus, args.clinton):
        pdf = work / f"{doc_id}.pdf"
        drawn = make_pdfs.monospace_pages(text, pdf, args.font_dir)
        reference = cablethread.parse(text)
        clinton.append((doc_id, pdf, drawn, reference, _printed_pages(reference, drawn)))
    rows = []
    for name, extract in EXTRACTORS.items():
        if args.only and name != args.only:
            continue
        try:
            pages, seconds = _timed(extract, seed_pdf, args.repeat)
            seed = _score(seed_reference, seed_drawn, pages, seconds, seed_pages)
            total = Score()
            for _doc_id, pdf, drawn, reference, truth in clinton:
                pages, seconds = _timed(extract, pdf, args.repeat)
                total.add(_score(reference, drawn, pages, seconds, truth))
        except ImportError as exc:
            print(f"{name}: not installed ({exc})", file=sys.stderr)
            continue
        rows.append((name, seed, total))
        if args.verbose:
            for failure in seed.failures + total.failures:
                print(f"{name}: {failure}", file=sys.stderr)
    _print_table(rows, len(clinton))


def _timed(extract: Callable[[Path], list[str]], pdf: Path, repeat: int) -> tuple[list[str], float]:
    """The pages and the fastest of ``repeat`` runs (other load on the machine only slows)."""
    best = float("inf")
    pages: list[str] = []
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        pages = extract(pdf)
        best = min(best, time.perf_counter() - started)
    return pages, best


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "–"


def _print_table(rows: list[tuple[str, Score, Score]], documents: int) -> None:
    print(
        "| extractor | seed: messages | fields | edges | pages | lines | blanks | ms/page "
        f"| Clinton ({documents} docs): messages | fields | edges | pages | lines | exact "
        "| blanks | ms/page |"
    )
    print("| --- " * 16 + "|")
    for name, seed, clinton in rows:
        print(
            f"| {name} | {seed.messages}/{seed.messages_of}"
            f"{f' (+{seed.changed})' if seed.changed else ''} | {seed.fields}/{seed.messages} "
            f"| {seed.edges}/{seed.edges_of} | {seed.pages}/{seed.messages} "
            f"| {_pct(seed.lines, seed.lines_of)} | {_pct(seed.blanks, seed.blanks_of)} "
            f"| {1000 * seed.seconds / seed.page_count:.1f} "
            f"| {clinton.messages}/{clinton.messages_of}"
            f"{f' (+{clinton.changed})' if clinton.changed else ''} "
            f"| {clinton.fields}/{clinton.messages} "
            f"| {clinton.edges}/{clinton.edges_of} | {clinton.pages}/{clinton.messages} "
            f"| {_pct(clinton.lines, clinton.lines_of)} | {_pct(clinton.exact, clinton.lines_of)} "
            f"| {_pct(clinton.blanks, clinton.blanks_of)} "
            f"| {1000 * clinton.seconds / max(clinton.page_count, 1):.1f} |"
        )


if __name__ == "__main__":
    main()
