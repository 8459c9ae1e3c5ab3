"""Lotus Notes: the sender and the send time on lines of their own above ``To:``, ``From: Name/ORG
on 03/08/2001 08:47 AM``, and ``---- Forwarded by … ----`` lines."""

from __future__ import annotations

from collections.abc import Sequence

from cablethread.fields.parties import Fragment
from cablethread.lexicon import patterns as p
from cablethread.scan.labelled import _try_block
from cablethread.scan.lines import _BLANK, _LABEL, _TEXT, _Words
from cablethread.scan.raw import RawBlock, RawField


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
    lines: list[str], classes: bytearray, number: int, after: int, words: _Words
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
    classes: bytearray,
    number: int,
    after: int,
    words: _Words,
    pages: Sequence[int] | None,
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
