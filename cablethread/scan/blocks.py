"""Split lines into segments and find header blocks.

One pass over the lines, in order. Each line is first classed on its own (furniture, schedule,
blank, labelled field, separator); then runs of labelled lines become header blocks, and what lies
between blocks becomes body, furniture, schedule or other.

A block needs a sender and at least one other of ``Sent``/``Date``/``To``/``Cc``/``Subject``, so
that ``From: the desk of …`` in prose does not start one. A memorandum's heading
(``To: Hillary`` / ``From: Sid`` / ``Re: N. Ireland forum``) is not a block either. Labels,
separators and attribution words come from :mod:`cablethread.lexicon.languages`, restricted to the
policy's languages.

Besides labelled blocks the scan finds a reply's attribution line (``On … wrote:``, over up to
three lines), Lotus Notes blocks (the sender and the send time on lines of their own above
``To:``) and Notes ``Forwarded by`` lines, and Yahoo's forwarded header run into one line. An
attribution's body is the text quoted below it; where the quote ends, the lines after it are the
enclosing message's again (a reply written below or between quotes).

Patterns read each line through a *view* (:func:`views`): the line with its quote prefix
(``> > From:``) and quoted-printable blanks (``Sent:=09Tuesday``) turned into spaces of the same
width, so that a quoted header block is found like any other and columns stay where they were.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass, field
from functools import lru_cache

from cablethread.fields.parties import Fragment, is_withheld_words
from cablethread.fields.subjects import (
    bare_key,
    near_keys,
    parse_subject,
    run_on,
    variant_of,
)
from cablethread.lexicon import patterns as p
from cablethread.lexicon.languages import block_language
from cablethread.lexicon.redactions import (
    is_code_line,
    is_stamp_filler,
    may_be_stamp,
    split_margin_codes,
    stamp_kind,
)
from cablethread.models import HeaderLayout, SegmentKind
from cablethread.reading.source import SourceText
from cablethread.scan.attribution import Attribution, read_attribution
from cablethread.scan.pages import edge_furniture

__all__ = ["RawBlock", "RawField", "Scan", "scan", "views"]


@dataclass(slots=True)
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
    #: (Tuples: most fields have neither, and an empty tuple costs nothing.)
    repeated: tuple[int, ...] = ()
    #: Lines of withholding codes printed beside the field, in the margin (``B6``).
    margin: tuple[Fragment, ...] = ()
    #: The label an OCR-damaged printed label stands for (``Ce`` → ``Cc``), if it is one.
    ocr_label: str | None = None
    #: Whether the field begins inside a line, after another field's value (``From: X Sent: …``).
    inline: bool = False
    #: Body text run onto a subject's line, cut off the subject (``favor Dear Dr. Fauci,``).
    body_cut: str | None = None
    #: Whether lines under the block were read into the subject on the evidence of the subject
    #: printed below it.
    extended: bool = False
    #: The debris of a redaction box over a subject's words, cut off it (``MOO E``).
    withheld_cut: str | None = None
    #: Whether the value was printed on the line above its label (``Mon, 2 Mar 2020 09:20:56
    #: -0500`` / ``Sent: To: …``).
    displaced: bool = False
    #: What the OCR left of a label it lost (``i`` of ``i Kadlec, Robert …``; empty if nothing),
    #: where a recipient list stands unlabelled between the block's fields; None for a label.
    lost_label: str | None = None


@dataclass(slots=True)
class RawBlock:
    """A header block: where it stands and its fields in print order."""

    start: int
    end: int
    fields: list[RawField]
    separator: str | None = None
    furniture: list[int] = field(default_factory=list)
    layout: HeaderLayout = "fields"
    language: str | None = None
    quote_depth: int = 0

    def get(self, name: str) -> RawField | None:
        for raw_field in self.fields:
            if raw_field.name == name:
                return raw_field
        return None


@dataclass(slots=True)
class Scan:
    """What the scan found: a kind and an owner block for every line, the blocks, the chains."""

    kinds: list[SegmentKind]
    owners: list[int | None]
    blocks: list[RawBlock]
    chains: list[int]
    separators_alone: list[int]


#: Fields that hold a list of recipients.
_LISTS = frozenset({"to", "cc", "bcc"})

# _MARGIN: a blank line at a page break (with the furniture there), margin rather than spacing.
_FURNITURE, _SCHEDULE, _BLANK, _LABEL, _TEXT, _MARGIN = range(6)


@dataclass(frozen=True)
class _Words:
    """The patterns of the languages a policy allows, and how it orders numeric dates."""

    codes: tuple[str, ...] | None
    label: p.LinePattern
    separator: p.LinePattern
    inline: re.Pattern[str]
    dayfirst: bool
    further: re.Pattern[str]

    @classmethod
    def of(cls, codes: tuple[str, ...] | None, dayfirst: bool) -> _Words:
        """The patterns of ``codes`` (``('en', 'fr')``; None for every language)."""
        return cls(
            codes,
            p.label_line(codes),
            p.separator(codes),
            p.inline_label(codes),
            dayfirst,
            p.inline_field(codes),
        )

    def field(self, label: str) -> str:
        """The field a printed label names: ``Objet`` → ``subject``."""
        return p.label_field(label, self.codes)


_ALL = _Words.of(None, True)


def views(source: SourceText) -> list[str]:
    """Every line as the patterns read it: ``> > Sent:=09Monday`` → ``    Sent:   Monday``.

    (The source's own list when no line changes: do not change it.)
    """
    if ">" not in source.text and "=" not in source.text:
        return source.contents
    out = list(source.contents)
    prefixes = _quote_prefixes(source.contents) if ">" in source.text else {}
    for index, line in enumerate(out):
        width = prefixes.get(index, (0, 0))[0]
        if width:
            line = " " * width + line[width:]
        if "=" in line:
            line = p.QP_BLANKS.sub("   ", line)
        out[index] = line
    return out


def quote_depths(source: SourceText) -> list[int]:
    """How many ``>`` quote marks open each line: ``> > From: x`` → 2."""
    depths = [0] * len(source)
    if ">" not in source.text:
        return depths
    for index, (_, marks) in _quote_prefixes(source.contents).items():
        depths[index] = marks
    return depths


def _quote_prefixes(contents: list[str]) -> dict[int, tuple[int, int]]:
    """(width, quote marks) of the quote prefix of each line that has one, by line index.

    ``Davey, Richard (NIH/NIAID) [E]`` / ``>; Palmore, Tara …``: marks that open a line more
    deeply than the line of text above it, right before a list's ``;`` or ``,``, close an
    address blanked by the releasing agency and wrapped onto the line; they are the list's
    text, not quote marks (the marks of the line above still are).
    """
    found: dict[int, tuple[int, int]] = {}
    above = 0
    for index, line in enumerate(contents):
        marks = 0
        if ">" in line:
            quote = p.QUOTE_PREFIX.match(line)
            if quote is not None:
                width, marks = quote.end(), quote.group().count(">")
                if marks > above and line[width : width + 1] in (";", ","):
                    width = _nth_mark(line, above) + 1 if above else 0
                    while width and width < len(line) and line[width] in " \t":
                        width += 1
                    marks = above
                if marks:
                    found[index] = (width, marks)
        if marks or line.strip():
            above = marks
    return found


def _is_separator(line: str, words: _Words = _ALL) -> bool:
    """``-----Original Message-----``, ``    Original Message          B5``; not a sentence."""
    return _separates(words.separator.match(line))


def _separates(match: re.Match[str] | None) -> bool:
    """Whether a match of the separator pattern is a separator line: little or nothing after it."""
    return match is not None and len(match.group("rest").strip(" \t\r-:*")) <= p.SEPARATOR_MARGIN


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_stamp_line(line: str, stripped: str) -> tuple[bool, bool]:
    """Whether a line is a release stamp, and whether a banner: ``PART B5,B6`` is (True, True).

    Only for a line whose first word may open a stamp (``may_be_stamp``; the caller asks first).
    """
    kind = stamp_kind(stripped)
    if kind in ("banner", "classification"):
        return True, kind == "banner"
    # ``on: 07/08/2024`` alone far right: the tail of a declassification mark.
    if _indent(line) >= p.MARGIN_COLUMN and is_stamp_filler(stripped):
        return True, False
    return False, False


def _classify(
    lines: list[str], running: frozenset[int] | set[int] = frozenset(), words: _Words = _ALL
) -> list[int]:
    """Class each line on its own: ``RELEASE IN PART`` is furniture, ``Sent: …`` a label.

    ``running`` holds the lines repeated at page heads and feet (page numbers, running headers).
    """
    classes: list[int] = []
    append = classes.append
    schedule_heading, furniture = p.SCHEDULE_HEADING.match, p.FURNITURE.match
    label = words.label.match
    in_schedule = False
    after_banner = 0
    after_doc_stamp = 0
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            append(_BLANK)
            continue
        if schedule_heading(line):
            in_schedule = True
            append(_SCHEDULE)
            continue
        if in_schedule:
            if p.SCHEDULE_ROW.match(line) or "\t" in line:
                append(_SCHEDULE)
                continue
            in_schedule = False
        if after_doc_stamp:
            if p.STAMP_DATE_LINE.match(line):
                append(_FURNITURE)
                after_doc_stamp = 0
                continue
            after_doc_stamp -= 1
        if furniture(line) or number in running:
            append(_FURNITURE)
            after_banner = 3 if "RELEASE" in line.upper() else 0
            after_doc_stamp = 2 if p.STAMP_DOC_LINE.match(line) else 0
            continue
        # Most lines open with a word no stamp opens with, and are text or a label at once.
        if may_be_stamp(stripped):
            stamp, banner = _is_stamp_line(line, stripped)
            if stamp:
                append(_FURNITURE)
                after_banner = 3 if banner else after_banner
                continue
            if after_banner and stamp_kind(stripped) == "codes":
                # ``B5,B6`` on the line under ``RELEASE IN PART``: the banner's own codes.
                append(_FURNITURE)
                after_banner = 0
                continue
        # The banner's codes stand on the next printed line; a field or text line in between
        # means a later code belongs to what it is printed beside.
        after_banner = 0
        append(_LABEL if label(line) else _TEXT)
    # Blank lines inside a schedule belong to it when schedule rows follow.
    for index, cls in enumerate(classes if _SCHEDULE in classes else ()):
        if cls == _BLANK and index > 0 and classes[index - 1] == _SCHEDULE:
            nxt = index + 1
            while nxt < len(classes) and classes[nxt] == _BLANK:
                nxt += 1
            if nxt < len(classes) and classes[nxt] == _SCHEDULE:
                for fill in range(index, nxt):
                    classes[fill] = _SCHEDULE
    return classes


def _mark_margins(source: SourceText, classes: list[int]) -> None:
    """Blank lines around a page break (with the furniture there) are margin, not spacing.

    Only the lines at each page break are read: the run of blank and furniture lines the break
    falls in or next to, when text stands on both sides of it.
    """
    pages = source.pages
    if source.page_count < 2 or pages is None:
        return
    spacing = (_BLANK, _FURNITURE)
    total = len(classes)
    done = 0  # the last line of the last run marked
    for page in range(2, pages[-1] + 1):
        # ``pages[first - 1] == page``: the break falls between lines first - 1 and first.
        first = bisect.bisect_left(pages, page) + 1
        if not 1 < first <= total or first <= done or pages[first - 1] != page:
            continue
        if classes[first - 2] in spacing:
            first -= 1
        elif classes[first - 1] not in spacing:
            continue
        while first > 1 and classes[first - 2] in spacing:
            first -= 1
        number = first
        while number <= total and classes[number - 1] in spacing:
            number += 1
        done = number - 1
        if first > 1 and number <= total:
            for n in range(first, number):
                if classes[n - 1] == _BLANK:
                    classes[n - 1] = _MARGIN


def _subject_ends_with_code(raw_field: RawField) -> bool:
    words = " ".join(f.text for f in raw_field.fragments).split()
    return bool(words) and is_code_line(words[-1])


def _continues(
    raw_field: RawField,
    line: str,
    blanks: int,
    previous: str,
    across_page: bool,
    words: _Words = _ALL,
    before_field: bool = False,
    closes_header: bool = False,
) -> tuple[bool, bool]:
    """Whether ``line`` continues ``raw_field``; and whether the continuation is tentative.

    ``previous`` is the line last read into the block; ``across_page`` says a page break
    (stamps and blank lines) stands between the two; ``closes_header`` says a blank line
    follows ``line``, as one parts a header from its body.
    """
    stripped = line.strip()
    if _is_separator(line, words) or p.ENDS_LINE.match(line):
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
            if in_column or tail:
                return True, False
            # OCR drops the blank line under a header: ``Subject: FW: Possible treatment`` /
            # ``Dear Dr. Fauci,``. A salutation, a request or a sign-off opens the body.
            if (
                p.opens_body(stripped)
                or p.SENTENCE_END.search(stripped)
                or p.SIGNATURE.match(stripped)
            ):
                return False, False
            if before_field:
                return True, False
            # A wrapped subject goes on with the rest of a phrase in lower case, or with a
            # remainder shorter than the line it filled where that line broke mid-phrase
            # (``… convalescent serum for`` / ``Coronavirus``) or where a blank line closes
            # the header under it and the line is set as a title or opens with a bracket
            # (``… GENEVA HUMAN RIGHTS`` / ``REVIEW`` / blank). OCR drops that blank line: a line in capitals after a whole
            # phrase, with more text under it or written as a sentence, is the body's first
            # (``… FW: Sky News`` / ``We should discuss``; ``We don't have to decide this`` /
            # blank) unless the subject printed below shows otherwise (:func:`_extend_subjects`).
            if raw_field.inline and len(raw_field.fragments) == 1:
                # ``Sent: … To: Michael Gerson Subject: RE: Q`` / ``See my edits in red``: the
                # subject wraps in its own column, so its width counts from its label, not from
                # the start of the line the OCR ran the fields into.
                printed = printed[raw_field.label_column :]
            if len(printed) < p.WRAP_LENGTH:
                return False, False
            if stripped[0].islower():
                return True, False
            return len(stripped) <= len(printed.strip()) and (
                p.ends_open(printed)
                or (closes_header and (p.titled(stripped) or stripped.startswith("(")))
            ), False
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
            # ``From:`` / ``Conrad, Patricia (NIH/NIAID) [E]`` / ``Sent: …``: OCR put the sender
            # on the line under its empty label.
            or (not printed_value.strip() and before_field and len(raw_field.fragments) == 1)
            or previous.rstrip().endswith("=")
            or p.FROM_ADDRESS_WRAP.match(line) is not None
        )
        return wraps, False
    if raw_field.name == "attachments" and not in_column:
        # ``Attachments: image.png, POSTING.jpg`` / ``Thanks!``: only more file names go on.
        names = p.FILE_NAME.search(stripped) is not None or printed.endswith((",", ";"))
        return names and not p.opens_body(stripped), False
    if raw_field.name in p.WRAPPING_FIELDS:
        if in_column:
            return True, False
        sure = printed.endswith((";", ",")) or ";" in stripped
        # A page ends a block far more often than a wrapped list runs on over it.
        return (sure or not across_page), not sure
    return False, False


def _match_label(
    line: str,
    fields: list[RawField],
    blanks: int,
    loose_start: bool = False,
    words: _Words = _ALL,
) -> tuple[str, str, int, int, bool] | None:
    """(name, label as printed, value column, label column, lost colon) of a label line.

    ``loose_start`` allows a block to begin with ``From`` that lost its colon, where a separator
    or the next label says a block begins here.
    """
    match = words.label.match(line)
    if match is not None:
        label = " ".join(match.group("label").split())
        return words.field(label), label, match.start("value"), match.end("indent"), False
    loose = p.LABEL_LINE_NO_COLON.match(line)
    if loose is None:
        return None
    label = loose.group("label")
    name = p.label_field(label)
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


def _opens_loose_block(
    lines: list[str], classes: list[int], number: int, words: _Words = _ALL
) -> bool:
    """Whether ``From`` without its colon on line ``number`` opens a block.

    It does when the next line is a ``Sent:``, ``Date:`` or ``To:`` label printed where it
    stands (``From Hanley, Monica R [mailto:…]`` / ``Sent: …``), and the line is not prose
    (``From Washington: the Secretary will travel``).
    """
    if "From" not in lines[number - 1]:
        return False
    loose = p.LABEL_LINE_NO_COLON.match(lines[number - 1])
    if loose is None or loose.group("label") != "From" or number >= len(lines):
        return False
    if p.PROSE_AFTER_FROM.search(loose.group("value") or ""):
        return False
    below = words.label.match(lines[number])
    return (
        below is not None
        and words.field(below.group("label")) in ("sent", "to")
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


def _further_fields(
    line: str, start: int, current: str, seen: set[str], languages: frozenset[str], words: _Words
) -> list[tuple[str, str, int, int, bool]]:
    """Further fields that begin inside ``line`` after column ``start``: (name, label as
    printed, label column, value column, lost colon) of each, in print order.

    ``From: X Sent: Tuesday, March 3, 2020 5:00 AM`` and ``Sent: … +0000 To: Y Subject: FW: …``
    print several fields on one line. A label splits the line only where it names a field the
    block has not read yet, in a language of the block's labels (``languages``), after a blank.
    Inside a subject only a label that plainly begins a field ends it (:func:`_ends_subject`):
    ``Re: Subject: change`` and ``Welcome To: the team`` stay whole. A sender's line may hold
    its send time under a label that lost its colon, before a weekday: ``From: Mark Zuckerberg
    Sent Sunday, March 15, 2020 12: 18 PM``.
    """
    if ":" not in line[start:] and "：" not in line[start:]:
        return []
    found: list[tuple[str, str, int, int, bool]] = []
    taken = set(seen)
    if current == "from" and "sent" not in taken and "en" in languages:
        bare = p.INLINE_SENT_NO_COLON.search(line, start)
        if bare is not None:
            found.append(("sent", bare.group("label"), bare.start(), bare.end(), True))
            taken.add("sent")
            current = "sent"
            start = bare.end()
    allowed = languages if words.codes is None else languages & frozenset(words.codes)
    # Only the labels of the block's languages: the alternation of every language's is slow.
    further = p.inline_field(tuple(sorted(allowed))) if allowed else words.further
    for match in further.finditer(line, start):
        printed = match.group("label")
        name = words.field(printed)
        if name in taken or name == "memo" or not (p.label_languages(printed) & languages):
            continue
        if current == "subject" and not _ends_subject(name, line[match.end() :]):
            continue
        found.append((name, printed, match.start(), match.end(), False))
        taken.add(name)
        current = name
    return found


def _ends_subject(name: str, rest: str) -> bool:
    """Whether a label inside a subject line begins a field of its own: nothing after it
    (``… (Failure) To:``), a field no subject text names (``… COVID-19 Attachments: a.pdf``),
    or recipients (``… (O2 desaturation) To: Dr. Josh Backon <backon@mail.huji.ac.il>``)."""
    if not rest.strip() or name not in _LISTS:
        return True
    return any(mark in rest for mark in ",;<@(")


def _block_languages(fields: list[RawField]) -> frozenset[str]:
    """The languages of a block's first printed label (English for a block read without one)."""
    for raw_field in fields:
        if raw_field.label:
            found = p.label_languages(raw_field.label)
            if found:
                return found
    return frozenset({"en"})


def _add_fields(
    fields: list[RawField],
    seen: set[str],
    line: str,
    number: int,
    start: int,
    words: _Words,
) -> str:
    """Read the fields that begin inside ``line`` after column ``start`` into ``fields``; the
    text before the first of them (the value of the field the line continues or opens)."""
    splits = _further_fields(line, start, fields[-1].name, seen, _block_languages(fields), words)
    if not splits:
        return line[start:].strip()
    head = line[start : splits[0][2]].strip()
    for index, (name, printed, label_column, value_column, no_colon) in enumerate(splits):
        end = splits[index + 1][2] if index + 1 < len(splits) else len(line)
        fields.append(
            RawField(
                name=name,
                label=printed,
                line=number,
                value_column=value_column,
                fragments=[Fragment(number, line[value_column:end].strip())],
                label_column=label_column,
                ocr_label=p.ocr_label(printed),
                inline=True,
                no_colon=no_colon,
            )
        )
        seen.add(name)
    return head


def _cut_body(raw_field: RawField) -> bool:
    """Cut body text run onto a subject's only line off it (``Subject: favor Dear Dr. Fauci,``),
    or onto an attachment list's (``Attachments: VIP visit.pptx John:``); whether there was any. The body begins on that line, so nothing continues the subject."""
    if raw_field.name not in ("subject", "attachments") or len(raw_field.fragments) != 1:
        return False
    fragment = raw_field.fragments[0]
    at = p.body_on_subject_line(fragment.text)
    if at is None:
        return False
    raw_field.body_cut = fragment.text[at:].strip()
    raw_field.fragments[0] = Fragment(fragment.line, fragment.text[:at].rstrip())
    return True


def _list_goes_on(
    lines: list[str],
    classes: list[int],
    number: int,
    seen: set[str],
    languages: frozenset[str],
    words: _Words,
) -> bool:
    """Whether the recipient list a block is reading goes on at line ``number``, over blank
    lines, page stamps and stray fragments, to a field of the block below it (``Cc:``,
    ``Subject:``), within ``LIST_REACH`` lines.

    A separator, a new sender, an end mark or a sentence on the way says the list ended.
    """
    limit = min(len(lines), number + p.LIST_REACH)
    for ahead in range(number, limit + 1):
        cls = classes[ahead - 1]
        if cls in (_BLANK, _FURNITURE, _MARGIN):
            continue
        if cls == _SCHEDULE:
            return False
        line = lines[ahead - 1]
        label = words.label.match(line) if cls == _LABEL else None
        if label is not None:
            name = words.field(label.group("label"))
            return name in p.AFTER_LIST_FIELDS and name not in seen
        if _is_separator(line, words) or p.ENDS_LINE.match(line):
            return False
        stripped = line.strip()
        if p.PROSE_LINE.match(stripped) and len(stripped.split()) >= p.PROSE_WORDS:
            return False
        further = _further_fields(line, 0, "to", seen, languages, words)
        if further:
            return further[0][0] in p.AFTER_LIST_FIELDS
    return False


def _lost_list_label(
    last: RawField, stripped: str, seen: set[str], below: str
) -> tuple[str, str] | None:
    """(field, what is left of its label) of a recipient list printed without its label, on a
    line that continues nothing, between the sender or send time and a later field of the block
    on the next line: ``Sent: Monday, April 6, 2020 1:36 PM`` / ``i Kadlec, Robert
    (OS/ASPR/IO); Conrad, Patricia (NIH/NIAID) [E]; …`` / ``Subject: …``.

    The list is the first of ``To``/``Cc`` the block has not read; it holds two recipients or
    more. A mark or letter of the label the OCR left before it (``i``) is not a recipient.
    """
    if last.name not in ("from", "sent") or below in seen or below not in p.AFTER_LIST_FIELDS:
        return None
    name = next((field for field in ("to", "cc") if field not in seen), None)
    if name is None or name == below:
        return None
    remnant = p.LOST_LABEL_REMNANT.match(stripped)
    value = stripped[remnant.end() :] if remnant is not None else stripped
    names = [piece for piece in value.split(";") if p.NAME_WORD_START.search(piece)]
    if len(names) < 2 or _is_separator(stripped):
        return None
    return name, remnant.group() if remnant is not None else ""


def _displaced_clock(lines: list[str], classes: list[int], number: int, words: _Words) -> bool:
    """Whether line ``number`` is a send time alone whose ``Sent:`` label, printed empty, follows
    within two lines (blank lines between): the layout of a withheld sender's box, where OCR
    read the time above its label."""
    stripped = lines[number - 1].strip()
    if (
        len(stripped) > p.DISPLACED_CLOCK_LENGTH
        or not p.NO_COLON_SENT_VALUE.match(stripped)
        or not p.TIME_IN_VALUE.search(stripped)
    ):
        return False
    for ahead in range(number + 1, min(number + 3, len(lines)) + 1):
        if classes[ahead - 1] == _BLANK:
            continue
        label = words.label.match(lines[ahead - 1]) if classes[ahead - 1] == _LABEL else None
        if label is None or words.field(label.group("label")) != "sent":
            return False
        value = label.group("value").strip()
        return (
            not value
            or words.further.match(value, 0) is not None
            or value[:3]
            in (
                "To:",
                "Cc:",
            )
        )
    return False


def _try_block(
    lines: list[str],
    classes: list[int],
    start: int,
    loose_start: bool = False,
    pages: list[int] | None = None,
    words: _Words = _ALL,
    initial: tuple[RawField, ...] = (),
) -> RawBlock | _Memo | None:
    """Read a block whose first field is on line ``start`` (1-based); None if it is not one.

    ``loose_start``: the first line may be ``From`` without its colon (see :func:`_match_label`).
    ``initial``: fields read before ``start`` (a Lotus Notes sender and send time).
    """
    fields: list[RawField] = list(initial)
    seen: set[str] = {f.name for f in initial}
    furniture: list[int] = []
    pending_margin: list[Fragment] = []
    displaced: Fragment | None = None
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
                if blanks > p.MAX_BLANKS_BETWEEN_FIELDS and not (
                    fields
                    and fields[-1].name in _LISTS
                    and _list_goes_on(
                        lines, classes, run_end, seen, _block_languages(fields), words
                    )
                ):
                    break
            number = run_end
            continue
        if cls == _SCHEDULE:
            break
        label = _match_label(line, fields, blanks, loose_start and number == start, words)
        if label is not None:
            name, printed, column, label_column, no_colon = label
            value = line[column:].strip()
            if name == "from" and fields and across_page:
                # ``To: Bob Tober Sent: … Subject: …`` / ``NIH-000666`` / ``From: …``: a sender
                # after a page break opens the next block, never ends this one.
                break
            if name in seen:
                last = fields[-1]
                if name == last.name and name in ("to", "cc", "bcc") and not blanks:
                    # ``To: Lona Valmoro`` / ``To: PIR``: one recipient per printed line.
                    last.margin += tuple(pending_margin)
                    pending_margin = []
                    last.fragments.append(Fragment(number, value))
                    last.repeated += (number,)
                    last.tentative_from = None
                    blanks, across_page, end = 0, False, number
                    number += 1
                    continue
                break
            if fields and pending_margin:
                fields[-1].margin += tuple(pending_margin)
            pending_margin = []
            opened = RawField(
                name=name,
                label=printed,
                line=number,
                value_column=column,
                fragments=[Fragment(number, value)],
                no_colon=no_colon,
                label_column=label_column,
                ocr_label=p.ocr_label(printed),
            )
            fields.append(opened)
            seen.add(name)
            opened.fragments[0] = Fragment(
                number, _add_fields(fields, seen, line, number, column, words)
            )
            if displaced is not None and name == "sent" and not opened.fragments[0].text:
                # ``From:`` / ``Mon, 2 Mar 2020 09:20:56 -0500`` / ``Sent: To: …``: OCR read the
                # send time, printed beside its label, on the line above it.
                opened.line = displaced.line
                opened.fragments.insert(0, displaced)
                opened.displaced = True
            displaced = None
            blanks, across_page, end = 0, False, number
            number += 1
            if _cut_body(fields[-1]):
                break
            continue
        if not fields:
            break
        if (
            displaced is None
            and [f.name for f in fields] == ["from"]
            and not fields[0].fragments[0].text
            and _displaced_clock(lines, classes, number, words)
        ):
            displaced = Fragment(number, line.strip())
            number += 1
            continue
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
        # A line between a field and the next field of the block continues the field
        # (``Subject: Some subject that`` / ``spans over 2 lines`` / ``To: …``).
        below = words.label.match(lines[number]) if number < total and not blanks else None
        before_field = below is not None and words.field(below.group("label")) not in seen
        ok, tentative = _continues(
            last,
            line,
            blanks,
            lines[end - 1],
            across_page or turned,
            words,
            before_field,
            number >= total or not lines[number].strip(),
        )
        if (
            not (ok and not tentative)
            and last.name in _LISTS
            and _list_goes_on(lines, classes, number, seen, _block_languages(fields), words)
        ):
            # ``To: Redfield, Robert R. [E]`` / (blank) / ``(NIH/NIAID) [E]`` / … / ``Cc: …``:
            # a list broken by blank lines and page stamps, with its block's next field below.
            ok, tentative = True, False
        if not ok:
            lost = None
            if below is not None and not (across_page or turned):
                lost = _lost_list_label(last, stripped, seen, words.field(below.group("label")))
            if lost is None:
                break
            # ``Sent: …`` / ``i Kadlec, Robert (OS/ASPR/IO); Conrad, Patricia …`` / ``Subject:
            # …``: a recipient list whose label the OCR lost, where its field stands.
            if pending_margin:
                last.margin += tuple(pending_margin)
            pending_margin = []
            name, remnant = lost
            column = _indent(line) + len(remnant)
            fields.append(
                RawField(
                    name=name,
                    label="",
                    line=number,
                    value_column=column,
                    fragments=[Fragment(number, "")],
                    label_column=_indent(line),
                    lost_label=remnant.strip(),
                )
            )
            seen.add(name)
            fields[-1].fragments[0] = Fragment(
                number, _add_fields(fields, seen, line, number, column, words)
            )
            blanks, across_page, end = 0, False, number
            number += 1
            continue
        if pending_margin:
            last.margin += tuple(pending_margin)
        pending_margin = []
        if blanks:
            last.joined_after_blank = number
        if tentative and last.tentative_from is None:
            last.tentative_from = len(last.fragments)
        elif not tentative:
            last.tentative_from = None
        # ``Conrad, Patricia [E]; Billet, Courtney Subject: RE: …``: a field begins inside it.
        last.fragments.append(
            Fragment(number, _add_fields(fields, seen, line, number, _indent(line), words))
        )
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
        last.margin = tuple(m for m in last.margin if m.line < last.fragments[-1].line)
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
    pages: list[int] | None = None,
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


def _breaks_below(upper: RawBlock, lower: RawBlock, lines: list[str], classes: list[int]) -> bool:
    """Whether the printed chain ends between two blocks.

    It does where the agency cut it (``The remainder of this email thread is out of scope``) and
    where the release's schedule stands between. Text after a body's end mark (``ENDS``) does not
    end it: attachments are printed there, and the subject and time checks of threading keep
    unrelated documents apart.

    It also ends below a reply's attribution (``On Mar 2, 2020, at 6:57 PM, Johnson … wrote:``)
    whose quoted text runs to the end of a page, where the next page opens with a labelled block
    (``From:`` / ``Sent:``, no separator line) not quoted deeper than the attribution: a new
    document's top block, not the quoted message (which stands within the attribution's quote).
    A labelled block printed after text on the next page, or another attribution, continues it.
    The page stamp is page furniture (the Bates number ``NIH-001033`` alone on a line).

    Likewise a page that opens with a labelled block, not quoted and with no separator line,
    whose subject is not the block's above (:func:`_subjects_agree`), or is marked a reply or
    forward where the one above is not (:func:`_reply_below_unmarked`), begins a new document:
    a release prints each document from a new page, its newest message first.
    """
    for n in range(upper.end + 1, lower.start):
        cls = classes[n - 1]
        if cls == _SCHEDULE:
            return True
        if cls == _TEXT and p.CHAIN_CUT.search(lines[n - 1]):
            return True
    if (
        upper.layout == "attribution"
        and lower.layout == "fields"
        and lower.separator is None
        and lower.quote_depth <= upper.quote_depth
    ):
        n = lower.start - 1
        while n > upper.end and classes[n - 1] in (_BLANK, _MARGIN):
            n -= 1
        return n > upper.end and classes[n - 1] == _FURNITURE
    return (
        upper.layout == "fields"
        and lower.layout == "fields"
        and lower.separator is None
        and lower.quote_depth == upper.quote_depth == 0
        and _opens_page(upper, lower, classes)
        and (not _subjects_agree(upper, lower) or _reply_below_unmarked(upper, lower))
    )


def _opens_page(upper: RawBlock, lower: RawBlock, classes: list[int]) -> bool:
    """Whether ``lower`` opens a page: only blank lines and page furniture (a Bates stamp)
    stand between it and the last line of text above it, which is below ``upper``."""
    n = lower.start - 1
    while n > upper.end and classes[n - 1] in (_BLANK, _MARGIN):
        n -= 1
    return n > upper.end and classes[n - 1] == _FURNITURE


def _subjects_agree(upper: RawBlock, lower: RawBlock) -> bool:
    """Whether two blocks' subjects may be one thread's: equal or variants once reply and
    forward prefixes are set aside, one run on or cut short, or either missing."""
    keys = []
    for block in (upper, lower):
        raw_field = block.get("subject")
        if raw_field is None:
            return True
        subject = parse_subject(" ".join(f.text for f in raw_field.fragments))
        keys.append(bare_key(subject)[0])
    if not keys[0] or not keys[1]:
        return True
    return variant_of(keys[0], keys[1]) or run_on(keys[0], keys[1])


def _reply_below_unmarked(upper: RawBlock, lower: RawBlock) -> bool:
    """Whether ``lower``'s subject is marked a reply or forward and ``upper``'s, printed above
    it, is not: ``Subtitled Coronavirus Video`` above ``FW: Subtitled Coronavirus Video``. A
    message is printed above the one it answers, whose subject never carries more prefixes than
    its own; a writer who rewrote a reply's subject (``Industrial Park traffic`` above ``Re:``)
    leaves no words in common."""
    marks = []
    for block in (upper, lower):
        raw_field = block.get("subject")
        if raw_field is None:
            return False
        key, marked = bare_key(parse_subject(" ".join(f.text for f in raw_field.fragments)))
        if not key:
            return False
        marks.append(marked)
    return marks == [False, True]


def _labels_language(fields: list[RawField], words: _Words) -> str | None:
    """The language of a block's printed labels: ``Von`` / ``Gesendet`` / ``An`` → ``de``."""
    return block_language((f.label for f in fields if f.label and f.name != "memo"), words.codes)


def _notes_from(block: RawBlock, lines: list[str]) -> None:
    """Take the send time out of a Lotus Notes sender: ``From: Jason R Williams/ENRON@enronXgate
    on 03/19/2001 12:17 PM`` gives the sender and a ``sent`` field of its own.
    """
    sender = block.get("from")
    if sender is None or block.get("sent") is not None or not sender.fragments:
        return
    last = sender.fragments[-1]
    if len(sender.fragments) > 1 and p.NOTES_TIME_LINE.match(last.text):
        # ``From:  "Pergher, Gunther" <…>`` / ``     08/23/2000 12:26 PM``: the time wrapped.
        sender.fragments.pop()
        line = lines[last.line - 1]
        sent = RawField("sent", "", last.line, len(line) - len(line.lstrip()), [last])
    else:
        first = sender.fragments[0]
        value = first.text.rstrip()
        match = p.NOTES_FROM_TIME.search(value)
        if match is None:
            return
        sender.fragments[0] = Fragment(first.line, value[: match.start()].strip())
        column = sender.value_column + match.start("when")
        sent = RawField(
            "sent", "on", first.line, column, [Fragment(first.line, match.group("when"))]
        )
    block.fields.insert(block.fields.index(sender) + 1, sent)
    block.layout = "lotus-notes"


def _notes_sender(
    lines: list[str], classes: list[int], number: int, after: int, words: _Words
) -> list[RawField] | None:
    """The sender (and delegate) above a Notes send time alone on line ``number``::

        Paul T Lucci@ENRON                    From:  "Pergher, Gunther" <…>
        Sent by: Paul T Lucci@ENRON                 08/23/2000 12:26 PM
        10/12/2000 12:55 PM

    A plain line, a ``From:`` whose time wrapped (the London template), or a ``Sent by:`` line
    with the sender above it.
    """
    fields: list[RawField] = []
    at = number - 1
    if at > after and classes[at - 1] == _LABEL:
        label = words.label.match(lines[at - 1])
        name = words.field(label.group("label")) if label is not None else None
        if label is None or name not in ("from", "sent_by"):
            return None
        value = label.group("value").strip()
        fields.append(
            RawField(name, label.group("label"), at, label.start("value"), [Fragment(at, value)])
        )
        if name == "from":
            return fields if value else None
        at -= 1
    sender = lines[at - 1].strip() if at > after else ""
    if (
        classes[at - 1] != _TEXT
        or sender[-1:] in ("", *".:;!?,")
        or len(sender) > p.NOTES_SENDER_LENGTH
    ):
        return None
    column = len(lines[at - 1]) - len(lines[at - 1].lstrip())
    return [RawField("from", "", at, column, [Fragment(at, sender)]), *fields]


def _notes_block(
    lines: list[str],
    classes: list[int],
    number: int,
    after: int,
    words: _Words,
    pages: list[int] | None,
) -> RawBlock | None:
    """A Lotus Notes block whose send time is on line ``number``: alone, the sender above it::

        James D Steffes@ENRON
        05/03/2001 05:44 AM
        To: Phillip K Allen/HOU/ECT@ECT
        cc:
        Subject: Re: Western Wholesale Activities - Gas & Power Conf. Call

    or after the sender: ``"Curley, Kim" <KCurley@tmh.tmc.edu> on 10/03/2000 01:00:38 PM``.
    ``Please respond to …`` may stand between the time and ``To:``, ``Sent by:`` before it or
    above the time (:func:`_notes_sender`). ``after`` is the last line of the block found before.
    """
    line = lines[number - 1]
    if "/" not in line or ":" not in line:
        # Both layouts print the time as ``05/03/2001 05:44 AM``.
        return None
    indent = len(line) - len(line.lstrip())
    above: list[RawField] = []
    if p.NOTES_TIME_LINE.match(line):
        found = _notes_sender(lines, classes, number, after, words)
        if found is None:
            return None
        above = found
        time, time_column = line.strip(), indent
    else:
        stripped = line.rstrip()
        match = p.NOTES_FROM_TIME.search(stripped)
        if match is None or " on" not in stripped[match.start() : match.start("when")]:
            return None
        sender = stripped[: match.start()].strip()
        if not sender or len(sender) > p.NOTES_SENDER_LENGTH:
            return None
        above = [RawField("from", "", number, indent, [Fragment(number, sender)])]
        time, time_column = match.group("when"), match.start("when")
    ahead = number + 1
    while ahead <= len(lines) and classes[ahead - 1] != _LABEL:
        between = classes[ahead - 1] == _BLANK or p.NOTES_BETWEEN.match(lines[ahead - 1])
        if not between or ahead - number > p.NOTES_MAX_GAP:
            return None
        ahead += 1
    label = words.label.match(lines[ahead - 1]) if ahead <= len(lines) else None
    if label is None or words.field(label.group("label")) not in ("to", "cc", "sent_by"):
        return None
    initial = (*above, RawField("sent", "", number, time_column, [Fragment(number, time)]))
    block = _try_block(lines, classes, ahead, pages=pages, words=words, initial=initial)
    if not isinstance(block, RawBlock):
        return None
    block.start = above[0].line
    block.layout = "lotus-notes"
    return block


def _forwarded_by(lines: list[str], number: int) -> RawBlock | None:
    """A Lotus Notes forward: the forwarder and the time, on one line or wrapped over two::

    ---------------------- Forwarded by Phillip K Allen/HOU/ECT on 05/07/2001
    07:26 AM ---------------------------
    """
    match = p.FORWARDED_BY.match(lines[number - 1])
    if match is None:
        return None
    rest = match.group("rest").rstrip(" \t\r-")
    # A quoted-printable soft line break (``… on 10/05/2000 08:=`` / ``29=20``) joins the next
    # line with no blank between.
    soft = rest.endswith("=")
    rest = rest.removesuffix("=")
    end = number
    # The date, the time or its AM/PM may have wrapped onto the next lines
    # (``… on`` / ``06/16/2000`` / ``02:57 PM ------``).
    for ahead in range(number + 1, min(number + p.FORWARDED_BY_LINES, len(lines)) + 1):
        when = p.FORWARDED_BY_WHEN.search(rest)
        if when is not None and when.group("when").upper().endswith("M"):
            break
        tail = lines[ahead - 1].rstrip(" \t\r-")
        if not tail.strip():
            if not soft:
                break
            # ``=20``: the blank a soft line break left; a real line break follows it.
            soft = False
            continue
        tail = tail if soft else tail.lstrip()
        if len(tail.strip()) > p.FORWARDED_BY_TAIL or not p.FORWARDED_BY_TAIL_TEXT.match(
            tail.strip()
        ):
            break
        joined = f"{rest}{tail}" if soft else f"{rest} {tail}"
        if p.FORWARDED_BY_WHEN.search(joined) is None:
            break
        rest, end, soft = joined, ahead, False
    when = p.FORWARDED_BY_WHEN.search(rest)
    if when is None:
        return None
    who = rest[: when.start()].strip()
    fields = [
        RawField("from", "Forwarded by", number, match.start("rest"), [Fragment(number, who)]),
        RawField("sent", "on", end, 0, [Fragment(end, when.group("when"))]),
    ]
    return RawBlock(start=number, end=end, fields=fields, layout="forwarded-by", language="en")


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


def _open_bracket(parts: list[str]) -> bool:
    """Whether text read so far opens more ``<`` than it closes."""
    return sum(part.count("<") - part.count(">") for part in parts) > 0


def _nth_mark(line: str, count: int) -> int:
    """The column of the ``count``-th ``>`` of a line: 2 in ``> >:`` is column 2."""
    seen = 0
    for column, char in enumerate(line):
        if char == ">":
            seen += 1
            if seen == count:
                return column
    return 0


def _attribution_block(
    lines: list[str],
    contents: list[str],
    classes: list[int],
    depths: list[int],
    number: int,
    after: int,
    words: _Words,
) -> RawBlock | None:
    """A reply attribution ending on line ``number``, printed on up to three lines::

        On Wed, Oct 27, 2021 at 9:31 AM John Doe <john.doe@acme.com>
        wrote:

    Of the readings that start one, two or three lines up, the one whose date reads wins, then
    one that opens with its opening word or a date; then the shortest.
    """
    end_line = lines[number - 1].rstrip()
    if classes[number - 1] != _TEXT:
        return None
    if not end_line.endswith((":", "：", "--")) and ":" in end_line:
        # ``… <                > wrote:                        B6``: a code in the margin.
        end_line = split_margin_codes(end_line)[0].rstrip()
    if not end_line.endswith((":", "：", "--")):
        return None
    best: tuple[tuple[int, int, int], int, list[tuple[int, int, int]], Attribution] | None = None
    for up in range(p.ATTRIBUTION_MAX_LINES):
        first = number - up
        if first <= after or classes[first - 1] not in (_TEXT, _LABEL):
            break
        base = depths[first - 1]
        offsets: list[tuple[int, int, int]] = []
        parts: list[str] = []
        at = 0
        for n in range(first, number + 1):
            view = lines[n - 1] if n < number else end_line
            part, column = view.strip(), len(view) - len(view.lstrip())
            if depths[n - 1] == base + 1 and n > first and _open_bracket(parts):
                # ``… <noreply@discourse.pseuco.com`` / ``>:``: the ``>`` closes the address
                # wrapped by Gmail; it is no quote mark.
                column = _nth_mark(contents[n - 1], base + 1)
                part = contents[n - 1][column:].strip()
            elif depths[n - 1] != base:
                parts = []
                break
            offsets.append((at, n, column))
            parts.append(part)
            at += len(part) + 1
        if not parts:
            continue
        text = " ".join(parts)
        found = read_attribution(text, words.dayfirst, words.codes)
        if found is None:
            continue
        opens = found.opening is not None or text[:1].isdigit()
        score = (found.strength, int(opens), -up)
        if best is None or score > best[0]:
            best = (score, first, offsets, found)
    if best is None:
        return None
    _, first, offsets, found = best

    def place(offset: int) -> tuple[int, int]:
        start, line_number, indent = next(o for o in reversed(offsets) if o[0] <= offset)
        return line_number, indent + offset - start

    name_line, name_column = place(found.name_at)
    fields = [
        RawField("from", found.verb, name_line, name_column, [Fragment(name_line, found.name)])
    ]
    if found.date is not None and found.date_at is not None:
        date_line, date_column = place(found.date_at)
        fields.append(
            RawField(
                "sent",
                found.opening or found.verb,
                date_line,
                date_column,
                [Fragment(date_line, found.date)],
            )
        )
    return RawBlock(
        start=first,
        end=number,
        fields=fields,
        layout="attribution",
        language=found.language,
    )


def _run_in_separators(
    lines: list[str], contents: list[str], words: _Words
) -> tuple[list[str], dict[int, str]]:
    """Separators with their block's first label run into the same line, each blanked out of
    the lines so that the label opens the line: ``----- Original Message----- From: Daniel
    Kölliker Sent: Sunday, April 12, 2020 4:53 AM``, ``Begin forwarded message: From: "Coulter,
    Margaret (HELP Committee)"``. The lines (copied first if they are the source's own
    ``contents``, and only when one changes) and the separators' text, by line number.
    """
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        if ":" not in line and "：" not in line:
            continue
        match = words.separator.match(line)
        if match is None or _separates(match):
            continue
        at = match.start("rest")
        while at < len(line) and line[at] in " \t-:*":
            at += 1
        label = words.label.match(line[at:])
        if label is None or words.field(label.group("label")) != "from":
            continue
        found[index + 1] = line[:at].strip()
        if lines is contents:
            lines = list(lines)
        lines[index] = " " * at + line[at:]
    return lines, found


@lru_cache(maxsize=4096)
def _subject_key(text: str) -> str:
    """The thread key of a subject as printed (a chain prints one subject many times)."""
    return parse_subject(text).thread_key


def _extend_subjects(blocks: list[RawBlock], lines: list[str], classes: list[int]) -> None:
    """Read a subject on onto the lines under its block where the subject printed below shows
    them to be its remainder.

    With no blank line, value column or field to show it, a subject is not read on onto a line
    in capitals after a whole phrase (:func:`_continues`): ``Subject: FW: The National
    Organization of Italian Americans in Film & Television`` / ``(NOIAFT) - Interview Request``.
    Where the subject of the message printed below (reply and forward prefixes aside) is this
    subject with those words after it, alike but for OCR noise (:func:`near_keys`), they are
    read into it, up to its end; the rest of a line after them is body text where it reads as
    such (``Covid-19`` / ``http://bit.ly/…``). Read bottom up, as each block's subject is the
    evidence for the one above it.
    """
    for index in range(len(blocks) - 2, -1, -1):
        block = blocks[index]
        upper = block.fields[-1]
        if upper.name != "subject" or upper.fragments[-1].line != block.end:
            continue
        lower = next(
            (
                b.get("subject")
                for b in blocks[index + 1 : index + 3]
                if b.get("subject") is not None
            ),
            None,
        )
        if lower is None or upper.body_cut is not None:
            continue
        below = _subject_key(" ".join(f.text for f in lower.fragments))
        text = " ".join(f.text for f in upper.fragments)
        if not _heads(_subject_key(text), below):
            continue
        added, rest = _remainder(
            text, below, lines, classes, block.end + 1, blocks[index + 1].start
        )
        if not added:
            continue
        upper.fragments.extend(added)
        upper.extended = True
        upper.body_cut = rest or None
        block.end = added[-1].line


def _heads(key: str, below: str) -> bool:
    """Whether the thread key ``key`` is the first words of ``below``, alike but for OCR noise."""
    if below.startswith(key + " "):
        return True
    words, lower = key.split(), below.split()
    return len(lower) > len(words) and near_keys(key, " ".join(lower[: len(words)]))


def _remainder(
    text: str, below: str, lines: list[str], classes: list[int], start: int, stop: int
) -> tuple[list[Fragment], str]:
    """The lines from ``start`` (before ``stop``) that make ``text`` the subject ``below``, the
    last up to the word where it ends, and the body text after that word on its line; no lines
    where they do not reach it."""
    added: list[Fragment] = []
    number = start
    while number < stop and classes[number - 1] == _TEXT and len(added) < p.SUBJECT_EXTEND_LINES:
        words = lines[number - 1].split()
        reach = next(
            (
                k
                for k in range(1, len(words) + 1)
                if near_keys(_subject_key(" ".join([text, *words[:k]])), below)
            ),
            None,
        )
        if reach is not None:
            if reach < len(words) and not p.reads_as_body(" ".join(words[reach:])):
                # ``Calculation for the JLI POS System`` under ``FW: Final Report - Sales
                # Tax`` above ``Final Report - Sales Tax Calculation``: lengthened.
                reach = len(words)
            added.append(Fragment(number, " ".join(words[:reach])))
            return added, " ".join(words[reach:])
        text = " ".join([text, *words])
        if not _heads(_subject_key(text), below):
            return [], ""
        added.append(Fragment(number, lines[number - 1].strip()))
        number += 1
    return [], ""


def _subject_cut(tokens: list[tuple[int, str]], lower: RawField) -> int | None:
    """Where the subject below shows the words of ``tokens`` (each with its fragment) to end.

    The subject below is the first words of this one: ``FW: Possible treatment of COVID-19
    pneumonia Pls respond`` above ``Possible treatment of COVID-19 pneumonia``. Or the subject
    below ran on as well, onto a line of its own: its first lines are this subject's first lines,
    and each goes on with other words on its next line (``… Close Hold`` / ``ll ask, unless
    Tony knows.`` above ``… Close Hold`` / ``ES``); the cut is then at this one's line end.
    """
    whole = _subject_key(" ".join(word for _, word in tokens))
    texts = [f.text for f in lower.fragments]
    full = _subject_key(" ".join(texts))
    # The two subjects part: neither is the first words of the other.
    parted = not (f"{whole} ".startswith(f"{full} ") or f"{full} ".startswith(f"{whole} "))
    for lines in range(len(texts), 0 if parted else len(texts) - 1, -1):
        below = _subject_key(" ".join(texts[:lines]))
        if not below or whole == below or not whole.startswith(below + " "):
            continue
        for k in range(1, len(tokens)):
            if _subject_key(" ".join(word for _, word in tokens[:k])) != below:
                continue
            if lines == len(texts) or tokens[k][0] != tokens[k - 1][0]:
                return k
    return None


def _trim_subjects(blocks: list[RawBlock]) -> None:
    """Cut off a subject what the subject of the message printed below shows to be body text.

    OCR drops the blank line under a header, and a reply's first words run on from its subject:
    ``Subject: FW: Possible treatment of COVID-19 pneumonia Pls respond`` above ``Subject:
    Possible treatment of COVID-19 pneumonia``; ``Subject: RE: Q`` / ``See my edits in red``
    above ``Subject: Q``. Where the subject below is the first words of this one (reply and
    forward prefixes aside), the words after them are body: a whole line after the subject's
    first or on its line, where they read as body text (:func:`~cablethread.lexicon.patterns.reads_as_body`:
    ``Pls respond``, ``Bob:``, a sentence, a signature); a subject its writer lengthened
    (``Libya HRC Update: Brazil thanks the US`` above ``RE: Libya HRC Update``) is kept. Read
    bottom up, as each block's subject is the evidence for the one above it.
    """
    for index in range(len(blocks) - 2, -1, -1):
        upper = blocks[index].get("subject")
        # The next block with a subject: an attribution (``On … wrote:``) prints none.
        lower = next(
            (
                b.get("subject")
                for b in blocks[index + 1 : index + 3]
                if b.get("subject") is not None
            ),
            None,
        )
        if upper is None or lower is None:
            continue
        tokens = [(n, word) for n, f in enumerate(upper.fragments) for word in f.text.split()]
        if len(tokens) > p.TRIM_MAX_WORDS:
            continue
        cut = _subject_cut(tokens, lower)
        if cut is None:
            continue
        fragment = tokens[cut][0]
        rest = " ".join(word for _, word in tokens[cut:])
        own_line = tokens[cut - 1][0] == fragment
        if not p.reads_as_body(rest):
            # ``Libya HRC Update: Brazil thanks the US`` above ``RE: Libya HRC Update``: a
            # subject its writer lengthened.
            continue
        kept = upper.fragments[: fragment + 1] if own_line else upper.fragments[:fragment]
        if own_line:
            head = " ".join(word for n, word in tokens[:cut] if n == fragment)
            kept[-1] = Fragment(kept[-1].line, head)
        upper.body_cut = rest
        upper.fragments = kept
        block = blocks[index]
        block.end = max(f.fragments[-1].line for f in block.fields)
        block.furniture = [n for n in block.furniture if n < block.end]


def _cut_subject_debris(blocks: list[RawBlock]) -> None:
    """Cut the debris of a redaction box printed over a subject's words off its end:
    ``Subject: Re: MOO E`` is ``Re:``, ``Subject: URGENT: [lll OO`` is ``URGENT:``
    (:func:`~cablethread.fields.parties.is_withheld_words`, after the subject's last colon)."""
    for block in blocks:
        subject = block.get("subject")
        if subject is None:
            continue
        last = subject.fragments[-1]
        head, colon, tail = last.text.rpartition(":")
        if colon and tail.strip() and is_withheld_words(tail):
            subject.withheld_cut = tail.strip()
            subject.fragments[-1] = Fragment(last.line, head + colon)


def _cut_forward_notes(blocks: list[RawBlock]) -> None:
    """Cut a forwarder's note (``FYI``, :func:`~cablethread.lexicon.patterns.forward_notes`) off the end
    of a forward's one-line subject: ``Subject: FW: White House Coronavirus Task Force Meeting -
    4.24.20 FYI`` over a signature. A forward's subject is the forwarded message's, so a note
    closing it is the forwarder's body run on; kept where the subject printed below (the
    forwarded message's) ends with the note too (``FW: My column, just FYI``)."""
    notes = p.forward_notes()
    for index, block in enumerate(blocks):
        upper = block.get("subject")
        if upper is None or len(upper.fragments) != 1 or upper.body_cut is not None:
            continue
        text = upper.fragments[0].text
        words = text.split()
        if len(words) < 3 or words[-1] not in notes:
            continue
        head = text[: text.rstrip().rindex(words[-1])].rstrip()
        subject = parse_subject(head)
        if not subject.prefix_kinds or subject.prefix_kinds[0] != "forward" or not subject.topic:
            continue
        lower = next(
            (b.get("subject") for b in blocks[index + 1 : index + 3] if b.get("subject")),
            None,
        )
        if lower is not None:
            below = _subject_key(" ".join(f.text for f in lower.fragments)).split()
            if below and below[-1] == words[-1].upper():
                continue
        upper.body_cut = words[-1]
        upper.fragments[0] = Fragment(upper.fragments[0].line, head)


def _enclosing(kinds: list[SegmentKind], owners: list[int | None], start: int) -> int | None:
    """The message whose header or body stands nearest above line ``start``, if any: the reply
    holding ``> On … wrote:`` in its quoted text, to which the lines after that quote return.
    """
    for n in range(start - 1, 0, -1):
        if kinds[n - 1] in ("header", "body"):
            return owners[n - 1]
        if kinds[n - 1] == "other":
            return None
    return None


def scan(
    source: SourceText, languages: tuple[str, ...] | None = None, dayfirst: bool = True
) -> Scan:
    """Find header blocks and class every line of ``source``.

    ``languages`` restricts labels, separators and attribution words to those languages (all
    when None); ``dayfirst`` orders the numeric dates of attribution lines in English.
    """
    words = _Words.of(languages, dayfirst) if (languages, dayfirst) != (None, True) else _ALL
    lines = views(source)
    contents = source.contents
    depths = quote_depths(source)
    lines, run_in = _run_in_separators(lines, contents, words)
    classes = _classify(lines, edge_furniture(source), words)
    _mark_margins(source, classes)
    pages = source.pages if source.page_count > 1 else None
    total = len(source)
    blocks: list[RawBlock] = []
    separators_alone: list[int] = []
    number = 1
    while number <= total:
        cls = classes[number - 1]
        if cls != _LABEL and cls != _TEXT:
            number += 1
            continue
        after = blocks[-1].end if blocks else 0
        found: RawBlock | _Memo | None = None
        if cls == _LABEL:
            found = _try_block(lines, classes, number, pages=pages, words=words)
            if isinstance(found, _Memo):
                number = found.end + 1
                continue
            if number in run_in:
                if found is None:
                    # Yahoo runs the labels together with no blank between: ``----- Forwarded
                    # Message ----- From: John Doe <john.doe@acme.com>To: "b@acme.com" …``.
                    line = contents[number - 1]
                    found = _one_line_block(line, number, words, words.separator.match(line))
                else:
                    found.separator = run_in[number]
        elif cls == _TEXT:
            line = lines[number - 1]
            separator = words.separator.match(line)
            if "From" in line and _opens_loose_block(lines, classes, number, words):
                found = _try_block(
                    lines, classes, number, loose_start=True, pages=pages, words=words
                )
            elif _separates(separator):
                found = _separator_block(lines, classes, number, pages, words)
                if found is None:
                    separators_alone.append(number)
            elif separator is not None or ":" in line or "：" in line or "--" in line:
                # A Notes time, an attribution and a forward line all hold one of these.
                found = (
                    _one_line_block(line, number, words, separator)
                    or _forwarded_by(lines, number)
                    or _notes_block(lines, classes, number, after, words, pages)
                    or _attribution_block(lines, contents, classes, depths, number, after, words)
                )
        if isinstance(found, RawBlock):
            if found.layout == "fields":
                _notes_from(found, lines)
            if found.language is None and found.layout != "forwarded-by":
                found.language = _labels_language(found.fields, words)
            found.quote_depth = depths[
                found.start - 1 if found.layout == "attribution" else found.fields[0].line - 1
            ]
            blocks.append(found)
            number = found.end + 1
            continue
        number += 1

    _cut_subject_debris(blocks)
    _extend_subjects(blocks, lines, classes)
    _trim_subjects(blocks)
    _cut_forward_notes(blocks)
    kind_of: dict[int, SegmentKind] = {_FURNITURE: "furniture", _SCHEDULE: "schedule"}
    kinds: list[SegmentKind] = [kind_of.get(cls, "other") for cls in classes]
    body_ends = _body_ends(source, lines)
    owners: list[int | None] = [None] * total
    chains: list[int] = []
    chain = 0
    for index, block in enumerate(blocks):
        enclosing = _enclosing(kinds, owners, block.start)
        for n in range(block.start, block.end + 1):
            if kinds[n - 1] != "furniture":
                kinds[n - 1] = "header"
                owners[n - 1] = index
        if index > 0 and _breaks_below(blocks[index - 1], block, lines, classes):
            chain += 1
        chains.append(chain)
        stop = blocks[index + 1].start - 1 if index + 1 < len(blocks) else total
        # An attribution's body is the text quoted below it; where the quote ends, the lines
        # are the enclosing message's again (a reply written below or between quotes).
        below = _first_content(lines, kinds, block.end + 1, stop)
        quoted = (
            block.layout == "attribution"
            and below is not None
            and depths[below - 1] > block.quote_depth
        )
        owner: int | None = index
        closed = False
        for n in range(block.end + 1, stop + 1):
            if kinds[n - 1] in ("furniture", "schedule"):
                continue
            if quoted and lines[n - 1].strip() and depths[n - 1] <= block.quote_depth:
                quoted, owner, closed = False, enclosing, False
            if closed or owner is None:
                continue
            kinds[n - 1] = "body"
            owners[n - 1] = owner
            if n in body_ends:
                closed = True
    return Scan(kinds, owners, blocks, chains, separators_alone)


#: What every line that ends a body holds (:data:`~cablethread.lexicon.patterns.ENDS_LINE`,
#: :data:`~cablethread.lexicon.patterns.CHAIN_CUT`): the word each of the two opens with, each looked
#: for on its own (an alternation of the two would be tried at every character).
_BODY_END_WORDS = (re.compile(r"ENDS"), re.compile(r"remainder", re.IGNORECASE))


def _body_ends(source: SourceText, lines: list[str]) -> frozenset[int]:
    """The lines that end a message's body: an end mark (``ENDS``) or a chain cut by the release
    (``The remainder of this email thread is out of scope``).

    A pass over the text for each of the words the two open with finds the lines holding one;
    only those are read whole. (Each line as the patterns read it holds no letter its text lacks,
    unless the text holds characters that reading deletes: then every line is read.)
    """

    def ends(line: str) -> bool:
        return p.ENDS_LINE.match(line) is not None or p.CHAIN_CUT.search(line) is not None

    text = source.text
    if "\ufeff" in text or "\x00" in text:
        return frozenset(n for n, line in enumerate(lines, start=1) if ends(line))
    found: set[int] = set()
    number, counted = 1, 0
    for at in heapq.merge(*((m.start() for m in word.finditer(text)) for word in _BODY_END_WORDS)):
        number += text.count(source.newline, counted, at)
        counted = at
        if number <= len(lines) and number not in found and ends(lines[number - 1]):
            found.add(number)
    return frozenset(found)


def _first_content(lines: list[str], kinds: list[SegmentKind], start: int, stop: int) -> int | None:
    """The first line from ``start`` to ``stop`` with text that is not furniture, if any."""
    for n in range(start, stop + 1):
        if lines[n - 1].strip() and kinds[n - 1] not in ("furniture", "schedule"):
            return n
    return None
