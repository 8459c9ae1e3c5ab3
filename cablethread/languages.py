"""Mail-client words per language, loaded from ``data/languages.toml``.

A new language is a table in that file, not new code: header labels (``Von:``, ``Envoyé :``),
separator lines (``-----Ursprüngliche Nachricht-----``), reply and forward prefixes (``AW:``,
``TR:``), month and weekday names, and the words around an attribution line
(``Le … a écrit :``). A header block's language is decided from all of its labels together,
so a label that several languages share (``De``) does not decide on its own.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["FIELDS", "Language", "detect_languages", "label_fields", "languages"]

#: Header fields that languages name, in the order a table lists them.
FIELDS = ("from", "sent", "to", "cc", "bcc", "subject")


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


def _names(groups: list[list[str]]) -> dict[str, int]:
    table: dict[str, int] = {}
    for number, names in enumerate(groups, start=1):
        for name in names:
            table.setdefault(name.lower().rstrip("."), number)
    return table


@cache
def languages() -> dict[str, Language]:
    """Every language of the package's table, by code (``en``, ``fr``, ``de`` …)."""
    raw = tomllib.loads(
        resources.files("cablethread").joinpath("data/languages.toml").read_text("utf-8")
    )
    table: dict[str, Language] = {}
    for code, entry in raw.items():
        table[code] = Language(
            code=code,
            name=entry["name"],
            labels={field: tuple(entry.get(field, ())) for field in FIELDS},
            separators=tuple(entry.get("separators", ())),
            reply_prefixes=tuple(entry.get("reply_prefixes", ())),
            forward_prefixes=tuple(entry.get("forward_prefixes", ())),
            months=_names(entry["months"]),
            # Weekdays count from Monday = 0, as datetime.weekday() does.
            weekdays={name: number - 1 for name, number in _names(entry["weekdays"]).items()},
            attribution_before=tuple(entry.get("attribution", {}).get("before", ())),
            attribution_after=tuple(entry.get("attribution", {}).get("after", ())),
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
                key = label.casefold()
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
        entry = table.get(label.casefold())
        if entry is None:
            continue
        candidates = set(entry[1]) if candidates is None else candidates & entry[1]
    order = list(languages())
    return sorted(candidates or (), key=order.index)
