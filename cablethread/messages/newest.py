"""The newest message's own text: what the last writer of a printed chain typed.

An email printed with what it quotes holds the newest writer's text above (and sometimes between
or below) the messages it quotes::

    Thanks, I'll send it today.            <- the newest message's text

    On Tue, Jul 2, 2019 at 5:13 AM, Jane Doe <jane@x.org> wrote:
    > Could you send the draft?

:func:`newest_body` gives that text from a parsed release, from its segments alone: the lines no
header block or quoted message claims, up to the first header block or separator line. An
attribution's quote is stepped over, as replies are written below and between quotes; when the
text opens with a header block (a printed chain whose top header was printed, or a forward with
nothing typed above it), the newest text is that block's body.
"""

from __future__ import annotations

import re

from cablethread._arguments import release_first
from cablethread.codes import Code
from cablethread.lexicon import patterns as p
from cablethread.models import Message, Release, Segment

__all__ = ["newest_body"]

#: A line end as a release prints it. ``str.splitlines`` also ends lines at U+2028, U+0085 and
#: the separators \x1c–\x1e, which in a body are text the writer typed.
_LINE_END = re.compile(r"\r\n|\r|\n")


def _lines(text: str) -> list[str]:
    """The lines of a segment's text, at its line ends only; a last line end opens no line."""
    lines = _LINE_END.split(text)
    if not lines[-1]:
        lines.pop()
    return lines


def _quote_depth(line: str) -> int:
    quote = p.QUOTE_PREFIX.match(line)
    return quote.group().count(">") if quote is not None else 0


def _body_of(message: Message, segments: list[Segment], header_index: int, depth: int) -> list[str]:
    """The body lines printed after the header segment at ``header_index``, quotes below it left
    out (``> > On …`` quoted inside an attribution's quote is not its writer's text).
    """
    lines: list[str] = []
    for segment in segments[header_index + 1 :]:
        if segment.kind == "header" and segment.message_id != message.id:
            break
        if segment.kind == "body" and segment.message_id == message.id:
            lines.extend(line for line in _lines(segment.text) if _quote_depth(line) <= depth)
    return lines


def _blank(line: str) -> bool:
    """A line with nothing on it but quote marks: ``>``, ``> >``."""
    return not line.replace(">", "").strip()


def _trim(lines: list[str], strip_signature: bool, languages: tuple[str, ...] | None) -> str:
    """Lines without the rules, blank lines and mail trackers' marks at the end, and blank lines
    at the start; the signature cut when asked: ``Thanks`` / ``--`` / ``Jane Doe`` / ``____``
    gives ``Thanks``, and ``Thanks`` / ``ᐧ`` / ``--`` / ``Jane`` gives ``Thanks``.
    """
    if strip_signature:
        signoff = p.signoff(languages)
        for index, line in enumerate(lines):
            if p.SIGNATURE_DELIMITER.match(line) or signoff.match(line):
                lines = lines[:index]
                break
    lines = [line.rstrip("\r") for line in lines]
    while lines and (
        _blank(lines[-1]) or p.RULE_LINE.match(lines[-1]) or p.TRACKER_MARK_LINE.match(lines[-1])
    ):
        lines.pop()
    while lines and _blank(lines[0]):
        lines.pop(0)
    return "\n".join(lines)


@release_first
def newest_body(
    release: Release,
    *,
    strip_signature: bool = False,
    source: str | None = None,
    languages: tuple[str, ...] | None = None,
) -> str:
    """The text the newest writer of a printed chain typed, from the release's segments.

    Rules, blank lines and a mail tracker's mark (``ᐧ``) are left off its end.
    ``strip_signature`` also cuts it at a signature delimiter (``-- ``) or a phone's sign-off
    (``Sent from my iPhone``, ``Envoyé de mon iPad``; ``languages`` restricts which). ``source``
    picks the input of a release read from several (the first by default).

    >>> import cablethread
    >>> release = cablethread.parse(
    ...     "Sounds good.\\n\\nOn Tue, Jul 2, 2019 at 5:13 AM, Jane <jane@x.org> wrote:\\n> Lunch?\\n"
    ... )
    >>> cablethread.newest_body(release)
    'Sounds good.'
    """
    if source is None and release.segments:
        source = release.segments[0].source
    segments = [segment for segment in release.segments if segment.source == source]
    messages = {message.id: message for message in release.messages}
    separators = {
        diagnostic.span.start
        for diagnostic in release.diagnostics
        if diagnostic.code == Code.HEADER_SEPARATOR_ALONE
        and diagnostic.span is not None
        and diagnostic.source == source
    }
    written: list[str] = []
    opening: tuple[Message, int] | None = None
    skipping: str | None = None
    for index, segment in enumerate(segments):
        if segment.kind in ("furniture", "schedule"):
            continue
        if segment.kind == "body":
            if segment.message_id == skipping:
                continue
            break
        message = messages.get(segment.message_id or "")
        if segment.kind == "header" and message is not None and message.header is not None:
            blank = not any(line.strip() for line in written)
            if blank and opening is None:
                opening = (message, index)
            if message.header.layout == "attribution":
                skipping = message.id
                continue
            break
        texts = _lines(segment.text)
        cut = next((n for n in segment.span.lines if n in separators), None)
        if cut is not None:
            written.extend(texts[: cut - segment.span.start])
            break
        written.extend(texts)
    if not any(line.strip() for line in written) and opening is not None:
        message, index = opening
        occurrence = next(
            (o for o in message.occurrences if segments[index].span.start in o.span), None
        )
        depth = occurrence.quote_depth if occurrence is not None else 0
        written = _body_of(message, segments, index, depth)
    return _trim(written, strip_signature, languages)
