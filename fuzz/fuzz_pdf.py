"""Fuzz target for reading PDFs (``cablethread.parse_file`` on a PDF), under atheris (libFuzzer).

Run: ``python fuzz/fuzz_pdf.py -max_total_time=600 fuzz/pdf-corpus`` (see ``fuzz/README.md``).

Each input is made into a PDF of one to four pages whose content streams the input writes: text
shown at any place, size and angle (``Tf``, ``Td``, ``Tm``, ``TL``, ``T*``, ``Tj``, ``TJ``), from
header lines, the input's own bytes and page furniture, with numbers from the extremes of what a
page can hold (a million points out, a size of a thousandth of a point, a size of zero). One input
in eight is handed to the reader as it is, a file no printer made. Whatever the PDF, the reader
may raise only :class:`~cablethread.InputError` (no readable PDF, a page laid out over too many
characters, no text layer); the pages it gives back hold at most
:data:`~cablethread.reading.pdf.MAX_PAGE_CHARACTERS` each, and the lenient parse of them returns a
release whose segments rebuild their text. Anything else is a crash.
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import cablethread
    from cablethread.reading.pdf import MAX_PAGE_CHARACTERS, extract_pages, is_pdf, join_pages

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from hostile_pdf import pages_pdf

#: Numbers a page may be given: the ends of what a PDF reader meets, and ordinary ones.
_NUMBERS = (0, 1, -1, 0.001, -0.001, 1.2, 12, 14.4, 700, -700, 1e6, -1e6, 1e8, -1e9, 32767)
#: Lines the parser reads, to be laid out at the fuzzer's places.
_LINES = (
    b"From: NAD",
    b"Sent: Thursday, 11 July 2019 11:25 AM",
    b"To: BEIJING; UNHC",
    b"Cc: GENEVA",
    b"Subject: RE: LETTER",
    b"-----Original Message-----",
    b"s9(2)(a)",
    b"RELEASED UNDER THE OFFICIAL INFORMATION ACT",
    b"Page 1 of 2",
)


def _number(data: atheris.FuzzedDataProvider) -> bytes:
    if data.ConsumeBool():
        value: float = data.PickValueInList(list(_NUMBERS))
    else:
        value = data.ConsumeFloatInRange(-1e9, 1e9)
    # A PDF number has no exponent.
    return f"{value:.6f}".encode()


def _string(data: atheris.FuzzedDataProvider) -> bytes:
    if data.ConsumeBool():
        text: bytes = data.PickValueInList(list(_LINES))
    else:
        text = data.ConsumeBytes(data.ConsumeIntInRange(0, 40))
    escaped = text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + escaped + b")"


def _operation(data: atheris.FuzzedDataProvider) -> bytes:
    kind = data.ConsumeIntInRange(0, 7)
    if kind == 0:
        return b"/F1 " + _number(data) + b" Tf"
    if kind == 1:
        return _number(data) + b" " + _number(data) + b" Td"
    if kind == 2:
        return b" ".join(_number(data) for _ in range(6)) + b" Tm"
    if kind == 3:
        return _number(data) + b" TL T*"
    if kind == 4:
        return b"[" + _string(data) + b" " + _number(data) + b" " + _string(data) + b"] TJ"
    if kind == 5:
        return b"ET BT"
    return _string(data) + b" Tj"


def _page(data: atheris.FuzzedDataProvider) -> bytes:
    operations = [b"BT /F1 10 Tf 36 760 Td"]
    for _ in range(data.ConsumeIntInRange(0, 40)):
        operations.append(_operation(data))
    operations.append(b"ET")
    return b"\n".join(operations)


def _pdf(data: atheris.FuzzedDataProvider) -> bytes:
    if data.ConsumeIntInRange(0, 7) == 0:
        return data.ConsumeBytes(data.remaining_bytes())
    return pages_pdf([_page(data) for _ in range(data.ConsumeIntInRange(1, 4))])


def check(pdf: bytes) -> None:
    """Read ``pdf`` and hold what comes back to the invariants."""
    if not is_pdf(pdf):
        # Bytes without the marker are read as text, as parse_file reads any file.
        with contextlib.suppress(cablethread.InputError):
            cablethread.parse_file(io.BytesIO(pdf))
        return
    try:
        pages = extract_pages(pdf, "fuzz.pdf")
    except cablethread.InputError:
        pages = None
    if pages is not None:
        for number, page in enumerate(pages, start=1):
            if not isinstance(page, str) or len(page) > MAX_PAGE_CHARACTERS:
                raise AssertionError(f"page {number}: {len(page):,} characters")
    try:
        release = cablethread.parse_file(io.BytesIO(pdf))
    except cablethread.InputError:
        return
    if pages is None:
        raise AssertionError("the pages were refused but the file was parsed")
    if release.text != join_pages(pages):
        raise AssertionError("segments do not rebuild the pages' text")


def test_one_input(raw: bytes) -> None:
    """libFuzzer's entry point."""
    check(_pdf(atheris.FuzzedDataProvider(raw)))


if __name__ == "__main__":
    from _harness import run

    run(test_one_input)
