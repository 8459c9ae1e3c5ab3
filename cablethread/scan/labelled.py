"""Labelled header blocks: ``From:`` / ``Sent:`` / ``To:`` / ``Cc:`` / ``Subject:`` in any language read,
their values wrapped over lines, OCR's lost labels and displaced clocks, a memorandum's heading."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cablethread.fields.parties import Fragment
from cablethread.lexicon import patterns as p
from cablethread.lexicon.languages import block_language
from cablethread.lexicon.redactions import (
    is_code_line,
    split_margin_codes,
    stamp_kind,
)
from cablethread.scan.lines import (
    _ALL,
    _BLANK,
    _FURNITURE,
    _LABEL,
    _MARGIN,
    _SCHEDULE,
    _indent,
    _is_separator,
    _is_speck,
    _page_run,
    _Words,
)
from cablethread.scan.raw import _LISTS, RawBlock, RawField


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
    lines: list[str], classes: bytearray, number: int, words: _Words = _ALL
) -> bool:
    """Whether ``From`` without its colon on line ``number`` opens a block.

    It does when the next line is a ``Sent:``, ``Date:`` or ``To:`` label printed where it
    stands (``From Hanley, Monica R [mailto:…]`` / ``Sent: …``), and the line is not prose
    (``From Washington: the Secretary will travel``). Where a mark stands for the colon
    (``From; NAD``, ``From. NAD``), blank lines may stand between them too, as between the
    fields of a block (``MAX_BLANKS_BETWEEN_FIELDS``).
    """
    if "From" not in lines[number - 1]:
        return False
    loose = p.LABEL_LINE_NO_COLON.match(lines[number - 1])
    if loose is None or loose.group("label") != "From" or number >= len(lines):
        return False
    if p.PROSE_AFTER_FROM.search(loose.group("value") or ""):
        return False
    if loose.group("mark") in (".", ";", "!"):
        reach = min(len(lines), number + p.MAX_BLANKS_BETWEEN_FIELDS)
        while number < reach and classes[number] == _BLANK:
            number += 1
        if number >= len(lines):
            return False  # ``From; NAD`` and blank lines to the end of the text
    below = words.label.match(lines[number])
    return (
        below is not None
        and words.field(below.group("label")) in ("sent", "to")
        and abs(below.end("indent") - len(loose.group("indent"))) <= p.COLUMN_SLACK
    )


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
    classes: bytearray,
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


def _displaced_clock(lines: list[str], classes: bytearray, number: int, words: _Words) -> bool:
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
    classes: bytearray,
    start: int,
    loose_start: bool = False,
    pages: Sequence[int] | None = None,
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


def _labels_language(fields: list[RawField], words: _Words) -> str | None:
    """The language of a block's printed labels: ``Von`` / ``Gesendet`` / ``An`` → ``de``."""
    return block_language((f.label for f in fields if f.label and f.name != "memo"), words.codes)
