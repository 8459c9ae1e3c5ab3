"""Split lines into segments and find header blocks.

One pass over the lines, in order. Each line is first classed on its own (furniture, schedule,
blank, labelled field, separator); then runs of labelled lines become header blocks, and what lies
between blocks becomes body, furniture, schedule or other.

A block needs a sender and at least one other of ``Sent``/``Date``/``To``/``Cc``/``Subject``, so
that ``From: the desk of …`` in prose does not start one. A memorandum's heading
(``To: Hillary`` / ``From: Sid`` / ``Re: N. Ireland forum``) is not a block either.

Patterns read each line through a *view* (:func:`views`): the line with its quote prefix
(``> > From:``) and quoted-printable blanks (``Sent:=09Tuesday``) turned into spaces of the same
width, so that a quoted header block is found like any other and columns stay where they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cablethread import patterns as p
from cablethread.models import SegmentKind
from cablethread.pages import edge_furniture
from cablethread.parties import Fragment
from cablethread.redactions import is_code_line, is_stamp_filler, split_margin_codes, stamp_kind
from cablethread.source import SourceText

__all__ = ["RawBlock", "RawField", "Scan", "scan", "views"]


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
    label_column: int = 0
    #: Lines where the same label was printed again (``To: Lona Valmoro`` / ``To: PIR``).
    repeated: list[int] = field(default_factory=list)
    #: Lines of withholding codes printed beside the field, in the margin (``B6``).
    margin: list[Fragment] = field(default_factory=list)


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


# _MARGIN: a blank line at a page break (with the furniture there), margin rather than spacing.
_FURNITURE, _SCHEDULE, _BLANK, _LABEL, _TEXT, _MARGIN = range(6)


def views(source: SourceText) -> list[str]:
    """Every line as the patterns read it: ``> > Sent:=09Monday`` → ``    Sent:   Monday``."""
    out: list[str] = []
    for number in range(1, len(source) + 1):
        line = source.content(number)
        quote = p.QUOTE_PREFIX.match(line)
        if quote is not None:
            line = " " * quote.end() + line[quote.end() :]
        if "=" in line:
            line = p.QP_BLANKS.sub("   ", line)
        out.append(line)
    return out


def _is_separator(line: str) -> bool:
    """``-----Original Message-----``, ``    Original Message          B5``; not a sentence."""
    match = p.SEPARATOR.match(line)
    return match is not None and len(match.group("rest").strip(" \t\r-:")) <= p.SEPARATOR_MARGIN


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_stamp_line(line: str, stripped: str) -> tuple[bool, bool]:
    """Whether a line is a release stamp, and whether a banner: ``PART B5,B6`` is (True, True)."""
    kind = stamp_kind(stripped)
    if kind in ("banner", "classification"):
        return True, kind == "banner"
    # ``on: 07/08/2024`` alone far right: the tail of a declassification mark.
    if _indent(line) >= p.MARGIN_COLUMN and is_stamp_filler(stripped):
        return True, False
    return False, False


def _classify(lines: list[str], running: frozenset[int] | set[int] = frozenset()) -> list[int]:
    """Class each line on its own: ``RELEASE IN PART`` is furniture, ``Sent: …`` a label.

    ``running`` holds the lines repeated at page heads and feet (page numbers, running headers).
    """
    classes: list[int] = []
    in_schedule = False
    after_banner = 0
    after_doc_stamp = 0
    for number, line in enumerate(lines, start=1):
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
        if after_doc_stamp and p.STAMP_DATE_LINE.match(line):
            classes.append(_FURNITURE)
            after_doc_stamp = 0
            continue
        after_doc_stamp = max(0, after_doc_stamp - 1)
        if p.FURNITURE.match(line) or number in running:
            classes.append(_FURNITURE)
            after_banner = 3 if "RELEASE" in line.upper() else 0
            after_doc_stamp = 2 if p.STAMP_DOC_LINE.match(line) else 0
            continue
        stamp, banner = _is_stamp_line(line, stripped)
        if stamp:
            classes.append(_FURNITURE)
            after_banner = 3 if banner else after_banner
            continue
        if after_banner and stamp_kind(stripped) == "codes":
            # ``B5,B6`` on the line under ``RELEASE IN PART``: the banner's own codes.
            classes.append(_FURNITURE)
            after_banner = 0
            continue
        # The banner's codes stand on the next printed line; a field or text line in between
        # means a later code belongs to what it is printed beside.
        after_banner = 0
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
    raw_field: RawField, line: str, blanks: int, previous: str, across_page: bool
) -> tuple[bool, bool]:
    """Whether ``line`` continues ``raw_field``; and whether the continuation is tentative.

    ``previous`` is the line last read into the block; ``across_page`` says a page break
    (stamps and blank lines) stands between the two.
    """
    stripped = line.strip()
    if _is_separator(line) or p.ENDS_LINE.match(line):
        return False, False
    indent = _indent(line)
    in_column = (
        raw_field.value_column >= 8 and abs(indent - raw_field.value_column) <= p.COLUMN_SLACK
    )
    if not in_column and p.FOREIGN_LABEL.match(line):
        return False, False
    # A wide right-margin stamp makes a short line look long enough to have wrapped.
    printed = split_margin_codes(previous)[0].rstrip()
    if raw_field.name == "subject":
        tail = (
            _subject_ends_with_code(raw_field)
            and p.UPPER_TAIL.match(line) is not None
            and stripped.upper() not in p.SECTION_HEADS
            and not is_code_line(stripped)
        )
        if across_page:
            # Over a page break only a sure continuation: the value column, or the tail of a
            # subject cut after a withholding code.
            return (in_column or tail), False
        if blanks == 0:
            return (in_column or len(printed) >= p.WRAP_LENGTH or tail), False
        return (blanks == 1 and tail), False
    if blanks:
        return False, False
    if raw_field.name == "from":
        # A sender wraps only in Outlook's value column, where its address was pushed onto the
        # next line (``[mailto:…``) or is still open (``[mailto:IMCEANOTES-+22Morrill…``), or
        # after a quoted-printable soft line break (``Office of=``); elsewhere the next line is
        # not it.
        printed_value = " ".join(f.text for f in raw_field.fragments)
        still_open = printed_value.count("[") > printed_value.count("]") or printed_value.count(
            "<"
        ) > printed_value.count(">")
        wraps = (
            in_column
            or still_open
            or previous.rstrip().endswith("=")
            or p.FROM_ADDRESS_WRAP.match(line) is not None
        )
        return wraps, False
    if raw_field.name in p.WRAPPING_FIELDS:
        if in_column:
            return True, False
        sure = printed.endswith((";", ",")) or ";" in stripped
        # A page ends a block far more often than a wrapped list runs on over it.
        return (sure or not across_page), not sure
    return False, False


def _match_label(
    line: str, fields: list[RawField], blanks: int, loose_start: bool = False
) -> tuple[str, str, int, int, bool] | None:
    """(name, label as printed, value column, label column, lost colon) of a label line.

    ``loose_start`` allows a block to begin with ``From`` that lost its colon, where a separator
    or the next label says a block begins here.
    """
    match = p.LABEL_LINE.match(line)
    if match is not None:
        label = " ".join(match.group("label").split())
        return p.LABELS[label.lower()], label, match.start("value"), match.end("indent"), False
    loose = p.LABEL_LINE_NO_COLON.match(line)
    if loose is None:
        return None
    label = loose.group("label")
    name = p.LABELS[label.lower()]
    opening = not fields and loose_start
    if (name == "from") != opening or (not fields and not opening):
        return None
    indent = len(loose.group("indent"))
    if loose.group("value") is None:
        # A bare label: only ``From`` opening a block, its sender withheld or lost.
        return (name, label, len(line.rstrip()), indent, True) if name == "from" else None
    gap = loose.group("gap")
    mark = loose.group("mark")
    if (mark is None or mark == "-") and not gap:
        return None
    if opening and p.PROSE_AFTER_FROM.search(loose.group("value")):
        return None
    if mark is None and "\t" not in gap and len(gap) < 2 and fields:
        # One space after a bare label (``Sent Tuesday, …``, ``To Ranz, David J; …``) is a label
        # only where the block's labels stand; a Sent value must look like a date and time, and
        # To/Cc/Subject come only once a send time has shown the block is a header, not prose
        # (``From: the desk of …`` / ``To be honest …``).
        if abs(indent - fields[0].label_column) > p.COLUMN_SLACK:
            return None
        value = loose.group("value")
        if name == "sent":
            if not (p.NO_COLON_SENT_VALUE.match(value) and p.TIME_IN_VALUE.search(value)):
                return None
        elif blanks or fields[-1].name == "subject" or all(f.name != "sent" for f in fields):
            return None
    return name, label, loose.start("value"), indent, True


def _opens_loose_block(lines: list[str], classes: list[int], number: int) -> bool:
    """Whether ``From`` without its colon on line ``number`` opens a block.

    It does when the next line is a ``Sent:``, ``Date:`` or ``To:`` label printed where it
    stands (``From Hanley, Monica R [mailto:…]`` / ``Sent: …``), and the line is not prose
    (``From Washington: the Secretary will travel``).
    """
    loose = p.LABEL_LINE_NO_COLON.match(lines[number - 1])
    if loose is None or loose.group("label") != "From" or number >= len(lines):
        return False
    if p.PROSE_AFTER_FROM.search(loose.group("value") or ""):
        return False
    below = p.LABEL_LINE.match(lines[number])
    return (
        below is not None
        and p.LABELS[" ".join(below.group("label").split()).lower()] in ("sent", "to")
        and abs(below.end("indent") - len(loose.group("indent"))) <= p.COLUMN_SLACK
    )


def _page_run(classes: list[int], number: int) -> tuple[int, bool]:
    """The end (exclusive) of the run of blank and furniture lines at ``number``; has furniture."""
    end = number
    furniture = False
    while (
        end <= len(classes)
        and classes[end - 1] in (_BLANK, _FURNITURE, _MARGIN)
        and end - number <= p.MAX_PAGE_BREAK_LINES
    ):
        furniture = furniture or classes[end - 1] in (_FURNITURE, _MARGIN)
        end += 1
    return end, furniture


def _is_speck(line: str, stripped: str) -> bool:
    """OCR noise between two fields: ``■`` anywhere, a lone ``I`` far right in the margin."""
    if p.SPECK.match(line):
        return True
    return len(stripped) <= p.MARGIN_SPECK_LENGTH and _indent(line) >= p.MARGIN_COLUMN


def _is_memo(fields: list[RawField]) -> bool:
    """A memo's heading: no time of day sent, and ``To:`` printed first or labels in capitals.

    ``To: Sid Blumenthal`` / ``From: Scott Horton`` / ``Date: June 17, 2010`` is a memo; an
    email's ``Sent:`` carries a time even when OCR damaged the rest.
    """
    for raw_field in fields:
        if raw_field.name == "sent":
            value = " ".join(f.text for f in raw_field.fragments)
            if p.TIME_IN_VALUE.search(value):
                return False
    return fields[0].name == "to" or all(f.label.isupper() for f in fields)


@dataclass(frozen=True)
class _Memo:
    """A memorandum's heading read from ``start`` to ``end``: no block, and no block inside."""

    end: int


def _try_block(
    lines: list[str],
    classes: list[int],
    start: int,
    loose_start: bool = False,
    pages: list[int | None] | None = None,
) -> RawBlock | _Memo | None:
    """Read a block whose first field is on line ``start`` (1-based); None if it is not one.

    ``loose_start``: the first line may be ``From`` without its colon (see :func:`_match_label`).
    """
    fields: list[RawField] = []
    seen: set[str] = set()
    furniture: list[int] = []
    pending_margin: list[Fragment] = []
    blanks = 0
    across_page = False
    memo = False
    end = start
    number = start
    total = len(lines)
    while number <= total:
        cls = classes[number - 1]
        line = lines[number - 1]
        if cls in (_BLANK, _FURNITURE, _MARGIN):
            run_end, has_furniture = _page_run(classes, number)
            length = run_end - number
            if has_furniture:
                if length > p.MAX_PAGE_BREAK_LINES:
                    break
                furniture.extend(n for n in range(number, run_end) if classes[n - 1] == _FURNITURE)
                across_page = True
            else:
                blanks += length
                if blanks > p.MAX_BLANKS_BETWEEN_FIELDS:
                    break
            number = run_end
            continue
        if cls == _SCHEDULE:
            break
        label = _match_label(line, fields, blanks, loose_start and number == start)
        if label is not None:
            name, printed, column, label_column, no_colon = label
            value = line[column:].strip()
            if name in seen:
                last = fields[-1]
                if name == last.name and name in ("to", "cc", "bcc") and not blanks:
                    # ``To: Lona Valmoro`` / ``To: PIR``: one recipient per printed line.
                    last.margin.extend(pending_margin)
                    pending_margin = []
                    last.fragments.append(Fragment(number, value))
                    last.repeated.append(number)
                    last.tentative_from = None
                    blanks, across_page, end = 0, False, number
                    number += 1
                    continue
                break
            if fields:
                fields[-1].margin.extend(pending_margin)
            pending_margin = []
            fields.append(
                RawField(
                    name=name,
                    label=printed,
                    line=number,
                    value_column=column,
                    fragments=[Fragment(number, value)],
                    no_colon=no_colon,
                    label_column=label_column,
                )
            )
            seen.add(name)
            blanks, across_page, end = 0, False, number
            number += 1
            continue
        if not fields:
            break
        stripped = line.strip()
        if p.MEMO_LABEL.match(line) and "subject" not in seen:
            # ``Re:`` / ``Thru:``: read on to the end of the memo's heading, to skip it whole.
            memo = True
            fields.append(RawField("memo", line.strip(), number, 0, [Fragment(number, "")]))
            blanks, across_page, end = 0, False, number
            number += 1
            continue
        if stamp_kind(stripped.strip(p.CODE_JUNK)) == "codes":
            # ``B6`` alone beside a withheld address: a redaction, not a value line.
            pending_margin.append(Fragment(number, stripped))
            number += 1
            continue
        if _is_speck(line, stripped):
            # OCR noise between two fields (``■``, a lone ``I`` in the margin): skipped over.
            number += 1
            continue
        last = fields[-1]
        # A form feed with no blank line around it is a page break all the same.
        turned = pages is not None and pages[number - 1] != pages[end - 1]
        ok, tentative = _continues(last, line, blanks, lines[end - 1], across_page or turned)
        if not ok:
            break
        last.margin.extend(pending_margin)
        pending_margin = []
        if blanks:
            last.joined_after_blank = number
        if tentative and last.tentative_from is None:
            last.tentative_from = len(last.fragments)
        elif not tentative:
            last.tentative_from = None
        last.fragments.append(Fragment(number, stripped))
        blanks, across_page, end = 0, False, number
        number += 1
    if fields and (memo or _is_memo(fields)):
        return _Memo(end)
    if "from" not in seen or not (seen & p.BLOCK_FIELDS):
        return None
    last = fields[-1]
    if last.tentative_from is not None:
        # A wrapped address list must be followed by another field to be believed.
        last.fragments = last.fragments[: last.tentative_from]
        last.margin = [m for m in last.margin if m.line < last.fragments[-1].line]
        end = last.fragments[-1].line
    return RawBlock(
        start=start,
        end=end,
        fields=fields,
        furniture=[n for n in furniture if n < end],
    )


def _separator_block(
    lines: list[str],
    classes: list[int],
    number: int,
    pages: list[int | None] | None = None,
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
    block = _try_block(lines, classes, ahead, loose_start=True, pages=pages)
    if not isinstance(block, RawBlock):
        return None
    block.start = number
    block.separator = lines[number - 1].strip()
    block.furniture = [
        n for n in range(number + 1, ahead) if classes[n - 1] == _FURNITURE
    ] + block.furniture
    return block


def _breaks_below(upper: RawBlock, lower: RawBlock, lines: list[str], classes: list[int]) -> bool:
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
        if cls == _TEXT and p.CHAIN_CUT.search(lines[n - 1]):
            return True
    return False


def scan(source: SourceText) -> Scan:
    """Find header blocks and class every line of ``source``."""
    lines = views(source)
    classes = _classify(lines, edge_furniture(source))
    _mark_margins(source, classes)
    pages = [source.page(n) for n in range(1, len(source) + 1)] if source.page_count > 1 else None
    total = len(source)
    blocks: list[RawBlock] = []
    separators_alone: list[int] = []
    number = 1
    while number <= total:
        cls = classes[number - 1]
        if cls == _LABEL:
            found = _try_block(lines, classes, number, pages=pages)
            if isinstance(found, _Memo):
                number = found.end + 1
                continue
            if found is not None:
                blocks.append(found)
                number = found.end + 1
                continue
        elif cls == _TEXT and _opens_loose_block(lines, classes, number):
            found = _try_block(lines, classes, number, loose_start=True, pages=pages)
            if isinstance(found, RawBlock):
                blocks.append(found)
                number = found.end + 1
                continue
        elif cls == _TEXT and _is_separator(lines[number - 1]):
            block = _separator_block(lines, classes, number, pages)
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
        if index > 0 and _breaks_below(blocks[index - 1], block, lines, classes):
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
            line = lines[n - 1]
            if p.ENDS_LINE.match(line) or p.CHAIN_CUT.search(line):
                closed = True
    return Scan(kinds, owners, blocks, chains, separators_alone)
