"""Reply attribution lines: who wrote the quoted text below, and when.

Mail clients introduce a quoted message with one sentence instead of a header block::

    On Tue, Jul 2, 2019 at 5:13 AM, Jane Doe <jane@x.org> wrote:
    Le 4 juil. 2019 à 05:26, Jean Dupont <jean@x.fr> a écrit :
    Am 28.10.2021 um 12:46 schrieb Max Muster <max@x.de>:
    John Doe <john.doe@acme.com> kirjoitti 28/10/2021 12.46:
    28/10/2021 12:46 időpontban John Doe (john.doe@acme.com) ezt írta:

The verb (``wrote``, ``a écrit``, ``schrieb``) and the words around it come from the language
tables; where the date and the name stand is read here: the date is the longest run of words
before (or after) the name that reads as a send time. A line with neither a date nor an address
(``As Ken wrote:``) is prose, not an attribution.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cablethread.fields.dates import parse_sent
from cablethread.fields.parties import Fragment
from cablethread.lexicon import patterns as p
from cablethread.lexicon.redactions import (
    split_margin_codes,
)
from cablethread.scan.lines import _LABEL, _TEXT, _nth_mark, _open_bracket, _Words
from cablethread.scan.raw import RawBlock, RawField

__all__ = ["Attribution", "read_attribution"]


@dataclass(frozen=True)
class Attribution:
    """An attribution read from a text: the name and date as printed, with their offsets."""

    name: str
    name_at: int
    date: str | None
    date_at: int | None
    verb: str
    opening: str | None
    language: str | None
    #: 2: the date reads as a send time; 1: a date is printed but does not read; 0: no date.
    strength: int


def _strip(text: str, start: int, end: int, chars: str) -> tuple[int, int]:
    """The bounds of ``text[start:end]`` without ``chars`` at either end."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _drop_words(text: str, start: int, end: int, words: p.BetweenWords | None) -> tuple[int, int]:
    """The bounds of a part without the words between date and name at its ends (``heeft``)."""
    if words is None:
        return _strip(text, start, end, " \t,;，")
    for _ in range(3):
        start, end = _strip(text, start, end, " \t,;，")
        lead = words.lead.match(text, start, end)
        trail = words.trail.search(text, start, end)
        if lead is not None and lead.end() > start:
            start = lead.end()
        elif trail is not None and trail.start() > start:
            end = trail.start()
        else:
            break
    return _strip(text, start, end, " \t,;，")


def _reads(date: str, dayfirst: bool, language: str | None, codes: tuple[str, ...] | None) -> bool:
    # Words without a digit are no date (a name, ``Johnson, Richard Allen``): a third of the
    # parts tried on an OCR'd release, each costing a failed read in every language.
    if not any(map(str.isnumeric, date)):
        return False
    return parse_sent(date, dayfirst, (language,), codes).value is not None


def _split(
    text: str,
    start: int,
    end: int,
    dayfirst: bool,
    language: str | None,
    codes: tuple[str, ...] | None,
) -> tuple[tuple[int, int], tuple[int, int] | None, int]:
    """Cut ``text[start:end]``, which holds a date and a name, into (name, date, strength).

    The longest run of words at the start that reads as a date, up to a semicolon, is the date
    (``Wed, Oct 27, 2021 at 9:31 AM John Doe <j@acme.com>``), else the longest at the end
    (``John Doe, 28/10/2021 12:46``); else a date that does not read stands before the last
    comma (``El jueves, 21 de noviembre de 2013, codinghorror``); text without a digit is a name.
    """
    quoted = [m.span() for m in p.ATTRIBUTION_QUOTED.finditer(text, start, end)]
    cuts = [
        cut
        for cut in p.ATTRIBUTION_SPLIT.finditer(text, start, end)
        if not any(a < cut.start() < b for a, b in quoted)
    ]
    # A semicolon parts the date from the name (``… at 4:27 PM; Marshall, Capricia P …``): the
    # date does not run over it, though a date read alone leaves a list after one out.
    first_list = next((cut.start() for cut in cuts if text[cut.start()] == ";"), end)
    for cut in reversed(cuts):
        if (
            cut.end() < end
            and cut.start() <= first_list
            and _reads(text[start : cut.start()], dayfirst, language, codes)
        ):
            return (cut.end(), end), (start, cut.start()), 2
    for cut in cuts:
        if cut.start() > start and _reads(text[cut.end() : end], dayfirst, language, codes):
            return (start, cut.start()), (cut.end(), end), 2
    if not any(ch.isdigit() for ch in text[start:end]):
        return (start, end), None, 0
    address = p.ATTRIBUTION_ADDRESS.search(text, start, end)
    commas = [cut for cut in cuts if text[cut.start()] in ",;，"]
    if commas and (address is None or address.start() > commas[-1].start()):
        date = (start, commas[-1].start())
        if any(ch.isdigit() for ch in text[date[0] : date[1]]):
            return (commas[-1].end(), end), date, 1
    return (start, start), None, 0


def read_attribution(
    text: str, dayfirst: bool = True, codes: tuple[str, ...] | None = None
) -> Attribution | None:
    """Read ``text`` (one line, or a wrapped attribution's lines joined by blanks) if it is one.

    >>> a = read_attribution("On Tue, Jul 2, 2019 at 5:13 AM, Jane Doe <jane@x.org> wrote:")
    >>> (a.name, a.date, a.language)
    ('Jane Doe <jane@x.org>', 'Tue, Jul 2, 2019 at 5:13 AM', 'en')
    """
    if len(text) > p.ATTRIBUTION_MAX_LENGTH:
        return None
    words = p.attribution_words(codes)
    start, end = _strip(text, 0, len(text), " \t\r")
    dashed = text[start:end].endswith("--")
    start, end = _strip(text, start, end, p.ATTRIBUTION_EDGES)
    if end > start and text[end - 1] in ":：":
        end -= 1
    elif not dashed:
        # ``wrote ----`` (Zoho) ends without a colon; anything else must end with one.
        return None
    if end <= start:
        return None
    verb = words.verb.search(text, start, end)
    opening = words.before.match(text[start:end])
    if opening is None:
        # OCR specks before the opening word: ``.444444 On Mar 19, 2009, at 4:57 PM, …``.
        junk = p.ATTRIBUTION_JUNK.match(text, start, end)
        if junk is not None and words.before.match(text[junk.end() : end]):
            start = junk.end()
            opening = words.before.match(text[start:end])
    first = start + opening.end() if opening is not None else start
    if verb is not None and p.ATTRIBUTION_PROSE.search(text, verb.end(), end):
        # ``… wrote: Per our conversation …``: the attribution ended on an earlier line.
        return None
    if verb is None:
        # Gmail once printed no verb: ``2016-10-24 15:36 GMT+02:00 Foo Bar <foo@bar.com>:``.
        if not (text[start:first].strip() == "" and text[start].isdigit() and text[end - 1] == ">"):
            return None
        (n_start, n_end), dated, strength = _split(text, start, end, dayfirst, None, codes)
        if strength < 2 or dated is None:
            return None
        return Attribution(
            text[n_start:n_end], n_start, text[dated[0] : dated[1]], dated[0], "", None, None, 2
        )
    language = words.verb_language.get(" ".join(verb.group().casefold().split()))
    between = words.between.get(language or "")
    left = _drop_words(text, first, verb.start(), between)
    right = _drop_words(text, verb.end(), end, between)
    name: tuple[int, int]
    date: tuple[int, int] | None
    if left[1] > left[0] and right[1] > right[0]:
        # ``Am 28.10.2021 schrieb Max <max@x.de>``, ``Max <max@x.de> schrieb am 28.10.2021``.
        left_text, right_text = text[left[0] : left[1]], text[right[0] : right[1]]
        right_is_date = "@" not in right_text and (
            "@" in left_text or any(ch.isdigit() for ch in right_text)
        )
        name, date = (left, right) if right_is_date else (right, left)
        strength = 2 if _reads(text[date[0] : date[1]], dayfirst, language, codes) else 1
        if not any(ch.isdigit() for ch in text[date[0] : date[1]]):
            return None
    elif left[1] > left[0]:
        cut = _middle_word(text, left, between)
        if cut is not None:
            # ``28/10/2021 12:46 időpontban John Doe (john.doe@acme.com)``.
            date, name = (left[0], cut[0]), (cut[1], left[1])
            date = _strip(text, *date, " \t,;，")
            name = _strip(text, *name, " \t,;，")
            strength = 2 if _reads(text[date[0] : date[1]], dayfirst, language, codes) else 1
        else:
            name, date, strength = _split(text, left[0], left[1], dayfirst, language, codes)
    elif right[1] > right[0]:
        name, date, strength = right, None, 0
    else:
        return None
    name_text = text[name[0] : name[1]]
    has_address = p.ATTRIBUTION_ADDRESS.search(name_text) is not None
    if not name_text or len(name_text.split()) > p.ATTRIBUTION_NAME_WORDS:
        return None
    if date is None and not has_address:
        # ``As Ken wrote:`` is prose; an attribution names a date or an address.
        return None
    return Attribution(
        name=name_text,
        name_at=name[0],
        date=text[date[0] : date[1]] if date is not None else None,
        date_at=date[0] if date is not None else None,
        verb=verb.group(),
        opening=opening.group() if opening is not None else None,
        language=language,
        strength=strength,
    )


def _middle_word(
    text: str, part: tuple[int, int], words: p.BetweenWords | None
) -> tuple[int, int] | None:
    """Where a word between date and name stands inside ``part``: ``… időpontban …``."""
    match = words.middle.search(text, part[0], part[1]) if words is not None else None
    if match is None or match.start() == part[0] or match.end() == part[1]:
        return None
    return match.start(), match.end()


def _attribution_block(
    lines: list[str],
    contents: list[str],
    classes: bytearray,
    depths: Sequence[int],
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
