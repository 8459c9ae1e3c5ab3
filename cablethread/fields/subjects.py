"""Subject normalisation: reply/forward prefixes, the ``FORMAL MESSAGE:`` marker, the thread key.

``RE: FORMAL MESSAGE: s6(a) XINJIANG LETTER`` and ``FORMAL MESSAGE: s6(a) XINJIANG LETTER`` have
the thread key ``XINJIANG LETTER``.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from cablethread.datafiles import SubjectTagsFile, load_data
from cablethread.lexicon.languages import languages as language_table
from cablethread.lexicon.redactions import strip_codes
from cablethread.models import PrefixKind, Redaction, Subject, trusted

__all__ = [
    "MOST_PREFIXES",
    "bare_key",
    "parse_subject",
    "prefix_kinds",
    "read_subject",
    "variant_of",
]

#: The most reply and forward prefixes a subject's record keeps (``prefixes``, ``prefix_kinds``):
#: far above any printed chain, and a subject of two million ``RE:`` would otherwise hold two
#: lists of two million. The subject's text keeps every one as printed.
MOST_PREFIXES = 100


@cache
def _prefix_table(codes: tuple[str, ...] | None) -> dict[str, dict[str, PrefixKind]]:
    """Upper-cased prefix → {language: reply or forward}, from the language tables."""
    table: dict[str, dict[str, PrefixKind]] = {}
    for code, language in language_table().items():
        if codes is not None and code not in codes:
            continue
        for kind, prefixes in (
            ("reply", language.reply_prefixes),
            ("forward", language.forward_prefixes),
        ):
            for prefix in prefixes:
                table.setdefault(prefix.upper(), {}).setdefault(code, kind)  # type: ignore[arg-type]
    return table


def prefix_kinds(codes: Iterable[str] | None = None) -> dict[str, PrefixKind]:
    """What each prefix marks when the language is not known: ``AW`` → reply, ``WG`` → forward.

    A prefix that two languages read apart takes the reading of most of them, a reply on a tie:
    ``VS:`` forwards in Danish and Norwegian but replies in Finnish, Hungarian and Estonian.
    """
    return _prefix_kinds(tuple(codes) if codes else None)


@cache
def _prefix_kinds(codes: tuple[str, ...] | None) -> dict[str, PrefixKind]:
    kinds: dict[str, PrefixKind] = {}
    for prefix, by_language in _prefix_table(codes).items():
        votes = Counter(by_language.values())
        kinds[prefix] = "forward" if votes["forward"] > votes["reply"] else "reply"
    return kinds


@cache
def _prefix_pattern(codes: tuple[str, ...] | None) -> re.Pattern[str]:
    """``RE:``, ``AW:``, ``Antw:``, ``TR :``, ``RE[2]:``, ``回复：`` at the start of a subject
    (``prefix``); and ``Re. Thanks``, ``FW; Budget``, an English prefix whose colon OCR printed
    as a full stop or a semicolon (``marked`` and ``mark``), a blank or the end after it. Other
    languages' prefixes are read with their colon only: ``R. Smith``, ``Ed. note`` and ``Vs.``
    open subjects as abbreviations."""
    table = _prefix_table(codes)
    names = sorted(table, key=len, reverse=True)
    english = [name for name in names if "en" in table[name]]
    number = r"(?:\[\d{1,4}\]|\(\d{1,4}\))?[ \t]*"
    forms = [rf"(?P<prefix>{'|'.join(map(re.escape, names))}){number}[:：]"]
    if english:
        forms.append(
            rf"(?P<marked>{'|'.join(map(re.escape, english))}){number}(?P<mark>[.;])(?=[ \t]|$)"
        )
    # No ``^``: the pattern is matched at a position (``match(text, at)``), where ``^`` fails.
    return re.compile(rf"[ \t]*(?:{'|'.join(forms)})[ \t]*", re.IGNORECASE)


_FORMAL = re.compile(r"[ \t]*FORMAL[ \t]+MESSAGE[ \t]*:[ \t]*", re.IGNORECASE)
_KEY_JUNK = re.compile(r"[^\w]+")

#: Share of words a subject must have in common with another to be its variant.
VARIANT_OVERLAP = 0.75


def parse_subject(
    raw: str,
    redactions: list[Redaction] | None = None,
    language: str | None = None,
    languages: tuple[str, ...] | None = None,
) -> Subject:
    """Read a subject value (continuation lines joined by newlines) into a :class:`Subject`.

    ``WG: AW: Budget`` has the prefixes ``WG`` (a forward) and ``AW`` (a reply); ``language``
    (the block's) settles a prefix that languages read apart (``VS:``), ``languages`` restricts
    the prefixes read to those of the policy's languages. At most :data:`MOST_PREFIXES` are
    kept (:func:`read_subject` says how many more there were).

    >>> parse_subject("AW: WG: Budget 2019").prefix_kinds
    ['reply', 'forward']
    """
    return read_subject(raw, redactions, language, languages)[0]


def read_subject(
    raw: str,
    redactions: list[Redaction] | None = None,
    language: str | None = None,
    languages: tuple[str, ...] | None = None,
) -> tuple[Subject, int, list[str]]:
    """:func:`parse_subject`; how many prefixes past :data:`MOST_PREFIXES` were not kept; and
    each prefix read with a mark printed for its colon, as printed (``Re.``).

    >>> subject, cut, marked = read_subject("RE: " * 102 + "Budget")
    >>> len(subject.prefixes), cut, subject.topic, marked
    (100, 2, 'Budget', [])
    >>> read_subject("Re. FW: Budget")[1:]
    (0, ['Re.'])
    """
    cut = 0
    marked: list[str] = []
    text = " ".join(raw.split())
    at = 0  # where the rest of the subject begins; matched in place, never cut off prefix by prefix
    prefixes: list[str] = []
    kinds: list[PrefixKind] = []
    formal = False
    pattern = _prefix_pattern(languages)
    by_language = _prefix_table(languages)
    default = prefix_kinds(languages)
    # Bounded by the text's length: each turn passes at least one character.
    while True:
        match = pattern.match(text, at)
        if match is not None:
            at = match.end()
            if len(prefixes) >= MOST_PREFIXES:
                cut += 1
                continue
            # Without English among the languages the pattern has no ``marked`` form.
            groups = match.groupdict()
            printed = groups["prefix"] or groups["marked"]
            prefix = printed.upper()
            if groups.get("mark") is not None:
                marked.append(printed + groups["mark"])
            prefixes.append(prefix)
            kinds.append(
                by_language.get(prefix, {}).get(language or "", default.get(prefix, "reply"))
            )
            continue
        match = _FORMAL.match(text, at)
        if match is not None:
            formal = True
            at = match.end()
            continue
        break
    rest = text[at:]
    subject = trusted(
        Subject,
        raw=raw,
        text=text,
        prefixes=prefixes,
        prefix_kinds=kinds,
        formal_message=formal,
        topic=rest,
        thread_key=thread_key(rest),
        redactions=list(redactions or []),
    )
    return subject, cut, marked


def thread_key(topic: str) -> str:
    """Upper-cased words of ``topic`` without codes or punctuation: ``XINJIANG LETTER``."""
    return " ".join(_KEY_JUNK.sub(" ", strip_codes(topic).upper()).split())


def variant_of(key_a: str, key_b: str) -> bool:
    """True when two thread keys are equal or one is a variant of the other.

    ``PROPOSED LETTER TO THE PRESIDENT …`` and ``LETTER TO THE PRESIDENT …`` are variants: most
    words are shared. ``XINJIANG`` and ``TPS FOR XINJIANG STATEMENT …`` are not: one shared word
    is not most of the longer subject.
    """
    if key_a == key_b:
        return True
    words_a, words_b = set(key_a.split()), set(key_b.split())
    if not words_a or not words_b:
        return False
    shared = len(words_a & words_b)
    return shared / max(len(words_a), len(words_b)) >= VARIANT_OVERLAP


@cache
def _tags() -> frozenset[str]:
    """The gateway tags of ``data/subject_tags.toml``: ``EXTERNAL``."""
    return frozenset(tag.upper() for tag in load_data(SubjectTagsFile).tags)


def bare_key(subject: Subject) -> tuple[str, bool]:
    """The thread key without the reply and forward prefixes and gateway tags that stand before
    it as words (printed without a colon, or behind a tag), and whether any marked a reply or
    forward (a prefix parsed or set aside).

    ``[EXTERNAL] RE: Thank you so much`` gives ``('THANK YOU SO MUCH', True)``, as do ``RE Thank
    you so much`` and ``RE: Thank you so much``; ``Thank you so much`` gives ``('THANK YOU SO
    MUCH', False)``.
    """
    prefixes, tags = _prefix_kinds(None), _tags()
    words = subject.thread_key.split()
    marked = bool(subject.prefixes)
    start = 0
    while start < len(words) and (words[start] in prefixes or words[start] in tags):
        marked = marked or words[start] in prefixes
        start += 1
    return " ".join(words[start:]), marked


#: How many words, and what share of the shorter subject, the two subjects of a run-on or cut
#: subject must begin with alike.
RUN_ON_WORDS = 2
RUN_ON_SHARE = 0.6


def run_on(key_a: str, key_b: str) -> bool:
    """Whether two thread keys are one subject, one of them run on into body text or cut short
    by OCR: they begin with the same words, at least :data:`RUN_ON_WORDS` and
    :data:`RUN_ON_SHARE` of the shorter (``IMPORTANT REGARDING CORONAVIRUS`` and ``IMPORTANT
    REGARDING CORONAVIRUS RESPECTED DR ANTHONY``; ``CNNI INTERVIEW WITH`` and ``CNNI INTERVIEW
    REQUEST DR ANTHONY FAUCI``)."""
    words_a, words_b = key_a.split(), key_b.split()
    shorter = min(len(words_a), len(words_b))
    same = 0
    while same < shorter and words_a[same] == words_b[same]:
        same += 1
    return same >= RUN_ON_WORDS and same >= RUN_ON_SHARE * shorter


#: The fewest words two thread keys must have to be alike without being equal.
NEAR_KEY_WORDS = 4
#: How many words of two alike keys may differ, and how alike each pair must still be
#: (``difflib.SequenceMatcher`` ratio): ``FORCE`` / ``FOREE`` is 0.8, ``OK-`` / ``MEATY`` 0.
NEAR_KEY_DIFFERENT = 2
NEAR_KEY_WORD = 0.6


def near_keys(key_a: str, key_b: str) -> bool:
    """Whether two thread keys are one subject read differently by OCR: word for word the
    same, but for up to :data:`NEAR_KEY_DIFFERENT` words each misread by a letter or two
    (``… TOP CORONAVIRUS TASK FORCE EXPERT`` and ``… TASK FOREE EXPERT``)."""
    if key_a == key_b:
        return True
    words_a, words_b = key_a.split(), key_b.split()
    if len(words_a) != len(words_b) or len(words_a) < NEAR_KEY_WORDS:
        return False
    different = [(a, b) for a, b in zip(words_a, words_b, strict=True) if a != b]
    return len(different) <= NEAR_KEY_DIFFERENT and all(
        difflib.SequenceMatcher(None, a, b).ratio() >= NEAR_KEY_WORD for a, b in different
    )
