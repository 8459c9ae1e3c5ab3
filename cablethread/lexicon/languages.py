"""Mail-client words per language, loaded from ``data/languages.toml``.

A new language is a table in that file, not new code: header labels (``Von:``, ``Envoyé :``),
separator lines (``-----Ursprüngliche Nachricht-----``), reply and forward prefixes (``AW:``,
``TR:``), month and weekday names and the words a date is printed with (``um``, ``kl.``), the
words around an attribution line (``Le … a écrit :``) and phone sign-offs. A header block's
language is decided from all of its labels together, so a label that several languages share
(``De``) does not decide on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cache, cached_property

from cablethread.datafiles import LanguagesFile, load_data

__all__ = [
    "FIELDS",
    "Language",
    "block_language",
    "detect_languages",
    "label_fields",
    "languages",
    "try_order",
]

#: Header fields that languages name, in the order a table lists them; the last two are labels a
#: block prints between its fields (``Reply-To:``, ``Anlagen:``).
FIELDS = ("from", "sent", "to", "cc", "bcc", "subject", "reply_to", "attachments")


@dataclass(frozen=True)
class Language:
    """One language's words: labels per field, separators, prefixes, months, weekdays."""

    code: str
    name: str
    labels: dict[str, tuple[str, ...]]
    separators: tuple[str, ...]
    reply_prefixes: tuple[str, ...]
    forward_prefixes: tuple[str, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    attribution_before: tuple[str, ...]
    attribution_after: tuple[str, ...]
    #: Words between the date and the name of an attribution (``heeft``, ``időpontban``).
    attribution_words: tuple[str, ...] = ()
    #: True where numeric dates are day first (``27.10.2021``); None leaves it to the policy.
    dayfirst: bool | None = None
    #: Words printed between the parts of a date, case-folded, dots dropped (``um``, ``kl``).
    date_words: frozenset[str] = frozenset()
    #: Words for the morning and afternoon halves of a 12-hour clock (``vorm.``, ``下午``).
    am: tuple[str, ...] = ()
    pm: tuple[str, ...] = ()
    #: Zone abbreviations of the language and the English ones they stand for (``MEZ`` → ``CET``).
    zones: dict[str, str] = dataclass_field(default_factory=dict)
    #: Openings of a phone's sign-off (``Sent from my``, ``Envoyé de mon``).
    signoffs: tuple[str, ...] = ()
    #: Separator words only between two runs of dashes (``------ Original ------``).
    framed_separators: tuple[str, ...] = ()

    @cached_property
    def halves(self) -> dict[str, str]:
        """``AM`` or ``PM`` of each word of :attr:`am` and :attr:`pm`, case-folded, dots dropped
        at the end (``vorm`` → ``AM``)."""
        halves = {word.casefold().rstrip("."): "AM" for word in self.am}
        halves.update({word.casefold().rstrip("."): "PM" for word in self.pm})
        return halves


def _words(words: Iterable[str]) -> frozenset[str]:
    """Date words one by one, case-folded and without dots: ``alle ore`` gives alle, ore."""
    return frozenset(part.casefold().rstrip(".") for word in words for part in word.split())


def _names(groups: Iterable[Iterable[str]]) -> dict[str, int]:
    table: dict[str, int] = {}
    for number, names in enumerate(groups, start=1):
        for name in names:
            table.setdefault(name.lower().rstrip("."), number)
    return table


@cache
def languages() -> dict[str, Language]:
    """Every language of the package's table, by code (``en``, ``fr``, ``de`` …)."""
    table: dict[str, Language] = {}
    for code, entry in load_data(LanguagesFile).root.items():
        table[code] = Language(
            code=code,
            name=entry.name,
            labels={field: entry.labels(field) for field in FIELDS},
            separators=entry.separators,
            reply_prefixes=entry.reply_prefixes,
            forward_prefixes=entry.forward_prefixes,
            months=_names(entry.months),
            # Weekdays count from Monday = 0, as datetime.weekday() does.
            weekdays={name: number - 1 for name, number in _names(entry.weekdays).items()},
            attribution_before=entry.attribution.before,
            attribution_after=entry.attribution.after,
            attribution_words=entry.attribution.words,
            dayfirst=entry.dayfirst,
            date_words=_words(entry.date_words),
            am=entry.am,
            pm=entry.pm,
            zones=dict(entry.zones),
            signoffs=entry.signoffs,
            framed_separators=entry.framed_separators,
        )
    return table


def _selected(codes: Iterable[str] | None) -> list[Language]:
    table = languages()
    if codes is None:
        return list(table.values())
    unknown = [code for code in codes if code not in table]
    if unknown:
        raise ValueError(
            f"unknown language code(s) {', '.join(unknown)}; known: {', '.join(sorted(table))}"
        )
    return [table[code] for code in codes]


@cache
def _label_fields(codes: tuple[str, ...] | None) -> dict[str, tuple[str, frozenset[str]]]:
    fields: dict[str, tuple[str, set[str]]] = {}
    for language in _selected(codes):
        for field, labels in language.labels.items():
            for label in labels:
                key = " ".join(label.casefold().split())
                known = fields.get(key)
                if known is None:
                    fields[key] = (field, {language.code})
                elif known[0] == field:
                    known[1].add(language.code)
                # A label naming different fields in two languages keeps its first meaning;
                # the table is checked for such clashes by the tests.
    return {key: (field, frozenset(codes_)) for key, (field, codes_) in fields.items()}


def label_fields(codes: Iterable[str] | None = None) -> dict[str, tuple[str, frozenset[str]]]:
    """Case-folded label → (field, languages that use it): ``'von'`` → (``'from'``, {``'de'``})."""
    return _label_fields(tuple(codes) if codes is not None else None)


def detect_languages(labels: Iterable[str], codes: Iterable[str] | None = None) -> list[str]:
    """Languages whose tables hold every one of ``labels``, in table order.

    >>> detect_languages(["De", "Envoyé", "À", "Objet"])
    ['fr']
    """
    table = label_fields(codes)
    candidates: set[str] | None = None
    for label in labels:
        entry = table.get(" ".join(label.casefold().split()))
        if entry is None:
            continue
        candidates = set(entry[1]) if candidates is None else candidates & entry[1]
    order = list(languages())
    return sorted(candidates or (), key=order.index)


def block_language(labels: Iterable[str], codes: Iterable[str] | None = None) -> str | None:
    """The language of a block's labels: the first that holds them all, else the one holding most.

    Gmail prints its forward header with the From label in the reader's language and the others
    in English (``De :`` / ``Date:`` / ``Subject:``); no one table holds them all, and English,
    holding most of them, is the block's language. Ties go to the earlier language in the table.

    >>> block_language(["Von", "Gesendet", "An", "Betreff"])
    'de'
    """
    printed = list(labels)
    both = detect_languages(printed, codes)
    if both:
        return both[0]
    table = label_fields(codes)
    counts: dict[str, int] = {}
    for label in printed:
        entry = table.get(" ".join(label.casefold().split()))
        for code in entry[1] if entry is not None else ():
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    order = list(languages())
    return min(counts, key=lambda code: (-counts[code], order.index(code)))


def try_order(prefer: Iterable[str | None], codes: Iterable[str] | None = None) -> tuple[str, ...]:
    """Languages to read a value in: ``prefer`` first (the block's), then the rest of the table.

    English comes right after the preferred languages, as most releases are English.

    >>> try_order(["hr"], ["en", "pl", "hr"])
    ('hr', 'en', 'pl')
    """
    return _try_order(tuple(prefer), tuple(codes) if codes else None)


@cache
def _try_order(prefer: tuple[str | None, ...], codes: tuple[str, ...] | None) -> tuple[str, ...]:
    # One order for each preference and choice of languages (a few of each in a release).
    allowed = [language.code for language in _selected(codes)]
    order: list[str] = []
    for code in [*prefer, "en", *allowed]:
        if code is not None and code in allowed and code not in order:
            order.append(code)
    return tuple(order)
