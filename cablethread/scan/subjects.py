"""Subjects across blocks: a subject wrapped onto the body's first line read whole by the subject
printed below it, OCR debris and forwarders' notes cut off."""

from __future__ import annotations

from cablethread.fields.parties import Fragment, is_withheld_words
from cablethread.fields.subjects import (
    near_keys,
    parse_subject,
)
from cablethread.lexicon import patterns as p
from cablethread.models import per_read
from cablethread.scan.lines import _TEXT
from cablethread.scan.raw import RawBlock, RawField


@per_read(maxsize=4096)
def _subject_key(text: str) -> str:
    """The thread key of a subject as printed (a chain prints one subject many times)."""
    return parse_subject(text).thread_key


def _extend_subjects(blocks: list[RawBlock], lines: list[str], classes: bytearray) -> None:
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
    text: str, below: str, lines: list[str], classes: bytearray, start: int, stop: int
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
