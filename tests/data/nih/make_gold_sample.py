"""Pick the 50 header blocks of the NIH OCR release that ``gold_sample.toml`` describes.

Run from the repository root::

    python tests/data/nih/make_gold_sample.py

The candidates are the lines of ``nih_fauci_foia_ocr.txt`` whose text, once leading blanks and
``>`` quote marks are set aside, starts with ``From`` and a colon, blanks allowed before the colon
(``From: Fauci, Anthony (NIH/NIAID) [E]``, ``> From : Mak, Tak``); ``FROM:`` and ``from:`` are
not candidates, nor are ``On … wrote:`` attributions. Fifty of them are drawn with
``random.Random(20261204).sample`` and printed one line number (1-based) a line, in order.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SOURCE = Path(__file__).parent / "nih_fauci_foia_ocr.txt"
SEED = 20261204
SIZE = 50

#: ``> > From : Mak, Tak``: a From field after blanks and quote marks.
FROM_LINE = re.compile(r"^[\s>]*From\s*:")


def candidates(text: str) -> list[int]:
    """The 1-based numbers of the lines that open with a ``From:`` field."""
    return [n for n, line in enumerate(text.split("\n"), 1) if FROM_LINE.match(line)]


def sample(text: str) -> list[int]:
    """The 50 sampled line numbers, in order."""
    return sorted(random.Random(SEED).sample(candidates(text), SIZE))


def main() -> None:
    """Print the sampled line numbers."""
    for number in sample(SOURCE.read_text(encoding="utf-8")):
        print(number)


if __name__ == "__main__":
    main()
