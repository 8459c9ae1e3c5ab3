"""Blocks opened by a separator line (``-----Original Message-----``), and Yahoo's forwarded header
run into one line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cablethread.fields.parties import Fragment
from cablethread.lexicon import patterns as p
from cablethread.scan.labelled import _labels_language, _try_block
from cablethread.scan.lines import _ALL, _FURNITURE, _LABEL, _TEXT, _page_run, _Words
from cablethread.scan.raw import RawBlock, RawField


def _separator_block(
    lines: list[str],
    classes: bytearray,
    number: int,
    pages: Sequence[int] | None = None,
    words: _Words = _ALL,
) -> RawBlock | None:
    """The block under a separator line (``-----Original Message-----``), if one follows.

    Blank lines may stand between, and a page break (stamps and blank lines) when the page
    ended under the separator.
    """
    run_end, has_furniture = _page_run(classes, number + 1)
    limit = p.MAX_PAGE_BREAK_LINES if has_furniture else p.MAX_SEPARATOR_GAP
    ahead = run_end
    if ahead > len(lines) or ahead - number - 1 > limit:
        return None
    loose = classes[ahead - 1] == _TEXT and p.LABEL_LINE_NO_COLON.match(lines[ahead - 1])
    if classes[ahead - 1] != _LABEL and not loose:
        return None
    block = _try_block(lines, classes, ahead, loose_start=True, pages=pages, words=words)
    if not isinstance(block, RawBlock):
        return None
    block.start = number
    block.separator = lines[number - 1].strip()
    block.furniture = [
        n for n in range(number + 1, ahead) if classes[n - 1] == _FURNITURE
    ] + block.furniture
    return block


def _one_line_block(
    line: str, number: int, words: _Words, match: re.Match[str] | None
) -> RawBlock | None:
    """Yahoo's forwarded header run into its separator line::

    ----- Forwarded Message ----- From: John Doe <john.doe@acme.com>To: "b@acme.com" <…

    ``match`` is the separator pattern's match of the line.
    """
    if match is None:
        return None
    at = match.start("rest")
    while at < len(line) and line[at] in " \t-":
        at += 1
    found = list(words.inline.finditer(line, at))
    if not found or found[0].start() != at:
        return None
    fields: list[RawField] = []
    for index, label in enumerate(found):
        value_end = found[index + 1].start() if index + 1 < len(found) else len(line)
        printed = " ".join(label.group("label").split())
        value = line[label.end() : value_end].strip()
        fields.append(
            RawField(words.field(printed), printed, number, label.end(), [Fragment(number, value)])
        )
    names = [f.name for f in fields]
    if names[0] != "from" or not set(names) & p.BLOCK_FIELDS or len(set(names)) != len(names):
        return None
    return RawBlock(
        start=number,
        end=number,
        fields=fields,
        separator=line[:at].strip(),
        language=_labels_language(fields, words),
    )
