"""Split lines into segments and find header blocks.

One pass over the lines, in order. Each line is first classed on its own (furniture, schedule,
blank, labelled field, separator); then runs of labelled lines become header blocks, and what lies
between blocks becomes body, furniture, schedule or other.

A block needs a sender and at least one other of ``Sent``/``Date``/``To``/``Cc``/``Subject``, so
that ``From: the desk of …`` in prose does not start one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cablethread import patterns as p
from cablethread.models import SegmentKind
from cablethread.pages import edge_furniture
from cablethread.parties import Fragment
from cablethread.redactions import is_code_line
from cablethread.source import SourceText

__all__ = ["RawBlock", "RawField", "Scan", "scan"]


@dataclass
class RawField:
    """A labelled field as printed: the label line and its continuation lines."""

    name: str
    label: str
    line: int
    value_column: int
    fragments: list[Fragment]
    no_colon: bool = False
    joined_after_blank: int | None = None
    tentative_from: int | None = None


@dataclass
class RawBlock:
    """A header block: where it stands and its fields in print order."""

    start: int
    end: int
    fields: list[RawField]
    separator: str | None = None
    furniture: list[int] = field(default_factory=list)

    def get(self, name: str) -> RawField | None:
        for raw_field in self.fields:
            if raw_field.name == name:
                return raw_field
        return None


@dataclass
class Scan:
    """What the scan found: a kind and an owner block for every line, the blocks, the chains."""

    kinds: list[SegmentKind]
    owners: list[int | None]
    blocks: list[RawBlock]
    chains: list[int]
    separators_alone: list[int]


_FURNITURE, _SCHEDULE, _BLANK, _LABEL, _TEXT, _MARGIN = range(6)


def _classify(source: SourceText) -> list[int]:
    classes: list[int] = []
    in_schedule = False
    after_banner = 0
    running = edge_furniture(source)
    for number in range(1, len(source) + 1):
        line = source.content(number)
        stripped = line.strip()
        if not stripped:
            classes.append(_BLANK)
            continue
        if p.SCHEDULE_HEADING.match(line):
            in_schedule = True
            classes.append(_SCHEDULE)
            continue
        if in_schedule:
            if p.SCHEDULE_ROW.match(line) or "\t" in line:
                classes.append(_SCHEDULE)
                continue
            in_schedule = False
        if p.FURNITURE.match(line) or number in running:
            classes.append(_FURNITURE)
            after_banner = 3 if "RELEASE" in line.upper() else 0
            continue
        if after_banner and p.FURNITURE_CODES_LINE.match(line):
            classes.append(_FURNITURE)
            after_banner = 0
            continue
        after_banner = max(0, after_banner - 1)
        classes.append(_LABEL if p.LABEL_LINE.match(line) else _TEXT)
    # Blank lines inside a schedule belong to it when schedule rows follow.
    for index, cls in enumerate(classes):
        if cls == _BLANK and index > 0 and classes[index - 1] == _SCHEDULE:
            nxt = index + 1
            while nxt < len(classes) and classes[nxt] == _BLANK:
                nxt += 1
            if nxt < len(classes) and classes[nxt] == _SCHEDULE:
                for fill in range(index, nxt):
                    classes[fill] = _SCHEDULE
    _mark_margins(source, classes)
    return classes


def _mark_margins(source: SourceText, classes: list[int]) -> None:
    """Blank lines around a page break (with the furniture there) are margin, not spacing."""
    if source.page_count < 2:
        return
    number = 1
    while number <= len(classes):
        if classes[number - 1] not in (_BLANK, _FURNITURE):
            number += 1
            continue
        first = number
        while number <= len(classes) and classes[number - 1] in (_BLANK, _FURNITURE):
            number += 1
        if first > 1 and number <= len(classes) and source.page(first - 1) != source.page(number):
            for n in range(first, number):
                if classes[n - 1] == _BLANK:
                    classes[n - 1] = _MARGIN


def _subject_ends_with_code(raw_field: RawField) -> bool:
    words = " ".join(f.text for f in raw_field.fragments).split()
    return bool(words) and is_code_line(words[-1])


def _continues(
    raw_field: RawField, line: str, blanks: int, previous: str, crossed: bool = False
) -> tuple[bool, bool]:
    """Whether ``line`` continues ``raw_field``; and whether the continuation is tentative.

    Over a page break (``crossed``) only a sure continuation is taken: a page ends a block far
    more often than a wrapped value runs on over it.
    """
    stripped = line.strip()
    if p.SEPARATOR.match(line) or p.ENDS_LINE.match(line):
        return False, False
    indent = len(line) - len(line.lstrip())
    in_column = (
        raw_field.value_column >= 8 and abs(indent - raw_field.value_column) <= p.COLUMN_SLACK
    )
    if raw_field.name == "subject":
        tail = (
            _subject_ends_with_code(raw_field)
            and p.UPPER_TAIL.match(line) is not None
            and stripped.upper() not in p.SECTION_HEADS
            and not is_code_line(stripped)
        )
        if crossed:
            return (blanks == 0 and (in_column or tail)), False
        if blanks == 0:
            return (in_column or len(previous.rstrip()) >= p.WRAP_LENGTH or tail), False
        return (blanks == 1 and tail), False
    if blanks:
        return False, False
    if raw_field.name in p.WRAPPING_FIELDS:
        if in_column:
            return True, False
        sure = previous.rstrip().endswith((";", ",")) or ";" in stripped
        return (sure or not crossed), not sure
    return False, False


def _match_label(line: str, started: bool) -> tuple[str, str, int, bool] | None:
    match = p.LABEL_LINE.match(line)
    no_colon = False
    if match is None and started:
        match = p.LABEL_LINE_NO_COLON.match(line)
        no_colon = match is not None
    if match is None:
        return None
    label = " ".join(match.group("label").split())
    name = p.LABELS[label.lower()]
    return name, label, match.start("value"), no_colon


def _try_block(source: SourceText, classes: list[int], start: int) -> RawBlock | None:
    """Read a block whose first field is on line ``start`` (1-based); None if it is not one."""
    fields: list[RawField] = []
    seen: set[str] = set()
    furniture: list[int] = []
    blanks = 0
    end = start
    number = start
    total = len(source)
    while number <= total:
        cls = classes[number - 1]
        line = source.content(number)
        if cls == _FURNITURE:
            furniture.append(number)
            number += 1
            continue
        if cls == _MARGIN:
            number += 1
            continue
        if cls == _SCHEDULE:
            break
        if cls == _BLANK:
            blanks += 1
            if blanks > p.MAX_BLANKS_BETWEEN_FIELDS:
                break
            number += 1
            continue
        label = _match_label(line, started=bool(fields))
        if label is not None:
            name, printed, column, no_colon = label
            if name in seen:
                break
            value = line[column:].rstrip() if not no_colon else line[column:].strip()
            fields.append(
                RawField(
                    name=name,
                    label=printed,
                    line=number,
                    value_column=column,
                    fragments=[Fragment(number, value)],
                    no_colon=no_colon,
                )
            )
            seen.add(name)
            blanks = 0
            end = number
            number += 1
            continue
        if fields:
            last = fields[-1]
            crossed = source.page(number) != source.page(end)
            ok, tentative = _continues(last, line, blanks, source.content(end), crossed)
            if ok:
                if blanks:
                    last.joined_after_blank = number
                if tentative and last.tentative_from is None:
                    last.tentative_from = len(last.fragments)
                elif not tentative:
                    last.tentative_from = None
                last.fragments.append(Fragment(number, line.strip()))
                blanks = 0
                end = number
                number += 1
                continue
        break
    if "from" not in seen or not (seen & p.BLOCK_FIELDS):
        return None
    last = fields[-1]
    if last.tentative_from is not None:
        # A wrapped address list must be followed by another field to be believed.
        last.fragments = last.fragments[: last.tentative_from]
        end = last.fragments[-1].line
    return RawBlock(
        start=start,
        end=end,
        fields=fields,
        furniture=[n for n in furniture if n < end],
    )


def _separator_block(source: SourceText, classes: list[int], number: int) -> RawBlock | None:
    ahead = number + 1
    gap = 0
    while ahead <= len(source) and gap < p.MAX_SEPARATOR_GAP:
        cls = classes[ahead - 1]
        if cls == _LABEL:
            block = _try_block(source, classes, ahead)
            if block is None:
                return None
            block.start = number
            block.separator = source.content(number).strip()
            block.furniture = [
                n for n in range(number + 1, ahead) if classes[n - 1] == _FURNITURE
            ] + block.furniture
            return block
        if cls not in (_BLANK, _FURNITURE, _MARGIN):
            return None
        ahead += 1
        gap += 1
    return None


def _breaks_below(upper: RawBlock, lower: RawBlock, source: SourceText, classes: list[int]) -> bool:
    """Whether the printed chain ends between two blocks.

    It does where the agency cut it (``The remainder of this email thread is out of scope``) and
    where the release's schedule stands between. Text after a body's end mark (``ENDS``) does not
    end it: attachments are printed there, and the subject and time checks of threading keep
    unrelated documents apart.
    """
    for n in range(upper.end + 1, lower.start):
        cls = classes[n - 1]
        if cls == _SCHEDULE:
            return True
        if cls == _TEXT and p.CHAIN_CUT.search(source.content(n)):
            return True
    return False


def scan(source: SourceText) -> Scan:
    """Find header blocks and class every line of ``source``."""
    classes = _classify(source)
    total = len(source)
    blocks: list[RawBlock] = []
    separators_alone: list[int] = []
    number = 1
    while number <= total:
        cls = classes[number - 1]
        if cls == _LABEL:
            block = _try_block(source, classes, number)
            if block is not None:
                blocks.append(block)
                number = block.end + 1
                continue
        elif cls == _TEXT and p.SEPARATOR.match(source.content(number)):
            block = _separator_block(source, classes, number)
            if block is not None:
                blocks.append(block)
                number = block.end + 1
                continue
            separators_alone.append(number)
        number += 1

    kinds: list[SegmentKind] = []
    for cls in classes:
        if cls == _FURNITURE:
            kinds.append("furniture")
        elif cls == _SCHEDULE:
            kinds.append("schedule")
        else:
            kinds.append("other")
    owners: list[int | None] = [None] * total
    chains: list[int] = []
    chain = 0
    for index, block in enumerate(blocks):
        for n in range(block.start, block.end + 1):
            if kinds[n - 1] != "furniture":
                kinds[n - 1] = "header"
                owners[n - 1] = index
        if index > 0 and _breaks_below(blocks[index - 1], block, source, classes):
            chain += 1
        chains.append(chain)
        stop = blocks[index + 1].start - 1 if index + 1 < len(blocks) else total
        closed = False
        for n in range(block.end + 1, stop + 1):
            if kinds[n - 1] in ("furniture", "schedule"):
                continue
            if closed:
                continue
            kinds[n - 1] = "body"
            owners[n - 1] = index
            line = source.content(n)
            if p.ENDS_LINE.match(line) or p.CHAIN_CUT.search(line):
                closed = True
    return Scan(kinds, owners, blocks, chains, separators_alone)
