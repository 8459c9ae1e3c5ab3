"""Recipient lists to parties: split, repair wraps, read names and addresses, resolve.

``GEELS, Deborah (NAD)``, ``Mills, Cheryl D [mailto:MillsCD@state.gov]``, ``FM.NAB (Seemail)``,
``'millscd@state.gov'`` and ``s9(2)(a)`` each become one :class:`~cablethread.Party`, resolved
against the :class:`~cablethread.fields.directory.Directory` of the release's profile:

1. :func:`split_tokens` cuts a field's lines on ``;``, on the wide gaps that ``pdftotext`` prints
   between columns, and drops the withholding codes printed in the margin beside a name;
2. :func:`repair_wrap` decides, by the directory, whether a token cut by a line wrap is one party
   (``DS`` + ``MLG``) or two whose separator was lost (``LONDON`` + ``CANBERRA``);
3. :func:`parse_party` reads one token: withheld code, address, channel, unit, person's name;
4. :func:`resolve_party` gives it the directory's code, kind, full name and time zone.

Every decision becomes a :class:`Note`, which the parser turns into a diagnostic.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from cablethread.codes import Code
from cablethread.datafiles import OcrAddressesFile, OcrDebrisFile, load_data
from cablethread.diagnostics import Note
from cablethread.lexicon.redactions import find_redactions, is_code_line
from cablethread.models import Party, PartyKind, Redaction, Span, replaced, span_of, trusted

if TYPE_CHECKING:
    from cablethread.fields.directory import Directory, Entry

__all__ = [
    "FieldReader",
    "Fragment",
    "Token",
    "is_redaction_debris",
    "is_withheld_words",
    "parse_party",
    "read_parties",
    "read_sender",
    "repair_wrap",
    "resolve_party",
    "split_tokens",
]


@dataclass(frozen=True, slots=True)
class _AddressOcr:
    """``data/ocr/addresses.toml``: what the OCR prints for the at sign, the ``mailto:`` label
    and the domain endings."""

    at_signs: tuple[str, ...]
    mailto_labels: tuple[str, ...]
    domain_endings: tuple[tuple[str, str], ...]


def _address_ocr() -> _AddressOcr:
    table = load_data(OcrAddressesFile)
    return _AddressOcr(
        at_signs=table.at_signs,
        mailto_labels=table.mailto_labels,
        domain_endings=tuple(table.domain_endings.items()),
    )


_ADDRESS_OCR = _address_ocr()
_TLD_REPAIRS = _ADDRESS_OCR.domain_endings
_AT = "(?:@|" + "|".join(re.escape(sign) for sign in _ADDRESS_OCR.at_signs) + ")"
_ADDRESS = rf"[\w.+'\-]+{_AT}[\w\-]+(?:\.[\w\-]+)+"
# Inside ``<…>`` or ``[mailto:…]`` the OCR may print a blank beside the at sign:
# ``<AllisonO @keystonesymposia.org>``; the brackets say where the address ends.
_BRACKETED_ADDRESS = rf"[\w.+'\-]+(?:[ \t]?{_AT}[ \t]?)[\w\-]+(?:\.[\w\-]+)+"
_MAILTO_LABEL = (
    "(?:mailto|" + "|".join(re.escape(label) for label in _ADDRESS_OCR.mailto_labels) + ")"
)
# ``H <hrod17@clintonemail.com >``: the OCR layer often puts a space inside the brackets.
# A name runs to its last character that is not a blank: a lazy ``.*?`` before ``[ \t]*<``
# would rescan the blanks at every position, quadratic in a long run of them (so too below).
_ANGLE = re.compile(
    rf"^(?P<name>(?:.*[^ \t\n])?)[ \t]*<[ \t]*(?:(?P<label>{_MAILTO_LABEL}):)?"
    rf"(?P<addr>{_BRACKETED_ADDRESS})[ \t]*>[ \t]*$"
)
# ``Hanley, Monica R [mailto:HanleyMR@state.gov]``; Outlook 97 printed ``[SMTP:…]`` (Enron).
_MAILTO = re.compile(
    rf"^(?P<name>(?:.*[^ \t\n])?)[ \t]*\[(?P<label>{_MAILTO_LABEL}|SMTP|smtp):[ \t]*"
    rf"(?P<addr>{_BRACKETED_ADDRESS})[ \t]*\][ \t]*$"
)
# ``'millscd@state.gov'``, and the OCR's stray full stop after it: ``'millscd@state.gov.``.
_BARE = re.compile(rf"^['\"]?(?P<addr>{_ADDRESS})['\"]?[.,]?$")
_CHANNEL = re.compile(
    r"^(?P<name>.*[^ \t\n]|[ \t])[ \t]*\((?P<channel>Seemail|SEEMAIL|Email|CWN)\)$"
)
# NIH's directory prints the staff category after the unit: ``[E]`` employee, ``[C]``
# contractor; the OCR drops its closing bracket or reads it as ``J`` (``[E``, ``[EJ``).
_STAFF_TAG = r"[ \t]*\[[A-Z](?:\]|J)?"
_UNIT = re.compile(
    rf"^(?P<name>[^()]+?)[ \t]*\((?P<unit>[A-Za-z][A-Za-z0-9 /&.,\-]{{0,60}})\)(?:{_STAFF_TAG})?$"
)
# One word of a name: letters, with apostrophes, hyphens and full stops inside (``O'Hare``,
# ``Jean-Louis``, ``V.W.``); never ending in a hyphen, which is a word cut by a wrap.
_NAME_WORD = r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_])|\.)*"
_PERSON = re.compile(
    rf"^(?P<surname>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*),[ \t]*"
    rf"(?P<given>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*)$"
)
# ``Sullivan, Jacob 3``: State's OCR reads the middle initial J as 3 and O as 0.
_PERSON_OCR_INITIAL = re.compile(
    rf"^(?P<surname>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*),[ \t]*"
    rf"(?P<given>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*)[ \t]+(?P<initial>[30])\.?$"
)
_OCR_INITIALS = {"3": "J", "0": "O"}
#: The longest text read as a person's name. The name patterns repeat a group per character,
#: and the regular expression engine keeps a record of every repetition: a megabyte read as a
#: name took 150 MB. No name is near this long; a longer token is read as printed, unknown.
MAX_NAME_LENGTH = 300
#: The longest token read as a party at all (name, address, unit, debris, directory code);
#: a longer one (a megabyte ``From:`` value) is kept as printed, an unknown party, unread.
MAX_PARTY_LENGTH = 1_000
#: The most recipients of one field read one by one. A printed list is never near this long;
#: the rest of a longer one (100,000 names) is kept as printed in one party, reported as
#: ``party-list-cut``, so that what a field costs stays a small multiple of its text.
MAX_RECIPIENTS = 1_000
# ``Huma Abedin``, ``Cheryl D. Mills``, ``Michael De Landsheer``: given names first, each word
# capitalised, initials allowed; surname particles stay with the surname.
_CAPITAL_WORD = (
    r"[^\W\d_a-z](?:['’][^\W\d_])?[^\W\d_A-Z]+(?:[^\W\d_a-z][^\W\d_A-Z]+)?"
    r"(?:['’\-][^\W\d_][^\W\d_A-Z]*)*"
)
_INITIAL = r"[^\W\d_a-z]\.?"
_PARTICLE = r"(?:de|De|del|Del|van|Van|von|Von|da|Da|di|Di|la|La|le|Le|bin|al|Al)"
_GIVEN_FIRST = re.compile(
    rf"^(?P<given>{_CAPITAL_WORD}(?:[ \t]+(?!{_PARTICLE}[ \t])(?:{_CAPITAL_WORD}|{_INITIAL}))?)"
    rf"[ \t]+(?P<surname>(?:{_PARTICLE}[ \t]+)?{_CAPITAL_WORD})$"
)
# Words that make ``Operations Center`` or ``Syria Unrest`` a desk, list or topic, not a person.
_NOT_A_NAME = frozenset(
    (
        "affairs", "alert", "alerts", "bureau", "center", "centre", "clips", "command",
        "committee", "cooperation", "council", "daily", "department", "desk", "division", "duty",
        "embassy", "force", "forum", "foundation", "group", "institute", "list", "mission",
        "monitoring", "news", "office", "operations", "post", "press", "report", "reports",
        "secretariat", "staff", "task", "team", "ticker", "unit", "university", "unrest",
        "update", "updates",
    )
)  # fmt: skip

# A run of spaces inside a printed value: pdftotext lays a second name, or a code in the margin,
# out after such a gap; one name never holds one.
_GAP = re.compile(r"[ \t]{3,}|\t")
# An address blanked by the releasing agency: ``Jose Agustin Aguerre <                >``.
_BLANK_ADDRESS = re.compile(r"(?:<|\[mailto:?)[ \t._•\-]*(?:[>\]]|$)")
# What a classifier writes in the margin beside a redaction: E.O. 13526 section 1.4 reasons,
# the statute of a B3 exemption, the classification banner. Never a party.
_MARGIN_NOTE = re.compile(
    r"1\.4[ \t]?\([A-Ha-h]\)|NATSECACT\d*|CIA[ \t]+PERS/ORG|Classified[ \t]+by\b.*|Reason:"
    r"|Declassify(?:[ \t]+on)?:?|\bon:[ \t]*[\d/]+|\b(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\b|[—–]"
)
# A classification banner printed on a header line runs to the end of it: ``CONFIDENTIAL —
# Reason: 1.4(B), 1.4(D) — Declassify on: 09/19/2026``; so does a release banner.
# A dash run is tried only where its blanks begin, so a long run of blanks costs its length.
_BANNER_TAIL = re.compile(
    r"(?:(?<![ \t])[ \t]*[—–][ \t]*)?(?<!\w)(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|Classified[ \t]+by"
    r"|Reason:|Declassify|RELEASE[ \t]+IN[ \t]+(?:PART|FULL))(?!\w).*$"
)
_US_CODE = r"B[1-9](?:\([A-Fa-f]\))?"
# A bare US code run into a name by a single space: ``Hale, David M B6 '``, ``B6' 'Daniel``.
_LEADING_CODES = re.compile(rf"^(?:{_US_CODE}['’.,]*[ \t]+)+")
# Tried only where a run of blanks begins: from inside a run it would match only if it did there.
_TRAILING_CODES = re.compile(rf"(?<![ \t])(?:[ \t]+{_US_CODE}(?![\w(])['’.,]*)+[ \t'’.,]*$")
_HAS_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class _Debris:
    """``data/ocr/redaction_debris.toml``: what the OCR makes of a redaction box."""

    letters: frozenset[str]
    marks: frozenset[str]
    mark_letters: frozenset[str]
    max_letters: int
    max_tail_run: int
    edge_word_letters: int
    names: frozenset[str]


def _debris_table() -> _Debris:
    table = load_data(OcrDebrisFile)
    return _Debris(
        letters=frozenset(table.box_letters.casefold()),
        marks=frozenset(table.box_marks),
        mark_letters=frozenset(table.mark_letters),
        max_letters=table.max_letters,
        max_tail_run=table.max_tail_run,
        edge_word_letters=table.edge_word_letters,
        names=frozenset(table.short_names),
    )


_DEBRIS = _debris_table()
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_BRACKETS = frozenset("()[]{}<>|")


def is_redaction_debris(text: str) -> bool:
    """True when ``text``, printed where a party stood, is what the OCR made of a redaction box.

    ``ee``, ``Oe``, ``(o) 6)``, ``ee 21.)``, ``OO``, ``0) ©``, ``8)``, ``IO)``: letters of the
    box alone (one of them lower case, or capital ``O`` twice or more), or short letter runs
    beside a ``©``/``@``, or digits in brackets, or the capitals the box's mark ``(b)(6)`` comes
    out as beside one of its brackets. ``E``, ``NAD``, ``Jon M``, ``c`` and ``Sa=`` (a word cut
    by a soft line break) are not. The caller asks the directory, and the name and address
    patterns, first.
    """
    text = text.strip()
    if not text or "=" in text or ":" in text:
        return False
    runs = _LETTER_RUN.findall(text)
    letters = "".join(runs)
    if len(letters) > _DEBRIS.max_letters:
        return False
    if not letters:
        return any(c.isdigit() for c in text) and any(c in _BRACKETS for c in text)
    if any(c in _DEBRIS.marks for c in text) and max(map(len, runs)) <= 2:
        return True
    if "O" in letters and set(letters) <= _DEBRIS.mark_letters and any(c in ")]" for c in text):
        # ``IO)``, ``KOO)``, ``(OLO)``: the withholding mark ``(b)(6)`` printed in the box, up
        # to a closing bracket (``(IO`` may be an office's code cut by a line wrap).
        return True
    if not set(letters.casefold()) <= _DEBRIS.letters:
        # ``Bees``, ``Tee``, ``Rs``: the box's edge read as a capital, then its grey as letters
        # of the box; never a short name of that shape (``Joe``, ``Lee``, ``Ross``).
        return (
            text == letters
            and 2 <= len(letters) <= _DEBRIS.edge_word_letters
            and letters[0].isupper()
            and set(letters[1:]) <= _DEBRIS.letters
            and letters not in _DEBRIS.names
        )
    if len(letters) == 1 and not any(c.isdigit() or c in _BRACKETS for c in text):
        # ``c`` alone may be a cut word; ``a)`` holds the box's bracket.
        return False
    return letters != letters.upper() or (len(letters) > 1 and set(letters) == {"O"})


def _is_tail_debris(tail: str) -> bool:
    """True when ``tail``, printed after a whole name, is the debris of its blanked address:
    ``Tyee``, ``M>``, ``9 @@>``, ``TY yee``, ``>``; never words (``Sent:``, ``Subject``) nor an
    address (``x@y.org``; ``@@`` is the box)."""
    if "=" in tail or ":" in tail or _REAL_AT.search(tail):
        return False
    runs = _LETTER_RUN.findall(tail)
    return sum(map(len, runs)) <= _DEBRIS.max_letters and all(
        len(run) <= _DEBRIS.max_tail_run for run in runs
    )


#: The withholding mark of a box as OCR reads it among words: capital ``O`` doubled at a word's
#: end, after one capital at most (``MOO``, ``OO``, ``[lll OO``).
_MARK_WORD = re.compile(r"^[\W\d_]*[A-Z]?OO[\W\d_]*$")


def is_withheld_words(text: str) -> bool:
    """True when ``text``, the end of a subject after its last colon, is what OCR made of a
    redaction box printed over the subject's words: ``MOO E`` (``Re: MOO E``), ``[lll OO``
    (``URGENT: [lll OO``). Two words or more, of short letter runs as debris after a name is
    (:func:`_is_tail_debris`), one of them the box's mark; a word alone (``ZOO``) is a word."""
    words = text.split()
    return (
        len(words) >= 2 and _is_tail_debris(text) and any(_MARK_WORD.match(word) for word in words)
    )


_REAL_AT = re.compile(r"[\w.]@\w")
#: The closing marks of a blanked address wrapped onto the next line of a list, before the
#: list's separator: ``>;``, ``> ,``, ``]``.
_CLOSING_MARKS = re.compile(r"^[ \t]*[>\]](?:[ \t]*[>\]])*(?=[ \t]*(?:[;,]|$))")
#: Most words of debris after a name that are tried.
_MAX_TAIL_WORDS = 8
#: Most parts of one wrapped token whose joins and splits are all tried (2**(n-1) ways); a part
#: without a word (``>``) is joined to the one before it and not counted.
MAX_WRAP_PARTS = 8


@dataclass(frozen=True, slots=True)
class Fragment:
    """One printed line of a field value, with its line number."""

    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """One recipient as printed, and the lines it stands on; ``wrapped`` when a wrap cut it.

    ``parts`` holds the text on each line and ``lines`` the line of each part.
    """

    text: str
    span: Span
    parts: tuple[str, ...]
    lines: tuple[int, ...] = ()

    @property
    def wrapped(self) -> bool:
        """True when the token straddles a line wrap."""
        return len(self.parts) > 1

    @property
    def part_lines(self) -> tuple[int, ...]:
        """The line of each part (the span's ends when the token was built without them)."""
        if len(self.lines) == len(self.parts):
            return self.lines
        if len(self.parts) == 1:
            return (self.span.start,)
        return (self.span.start,) * (len(self.parts) - 1) + (self.span.end,)


def _line_span(line: int) -> Span:
    return span_of(line, line)


_COMMA_OR_BRACKET = re.compile(r"[,<\[>\]]")


def _split_commas(value: str) -> list[str] | None:
    """Split ``a@x.org, b@y.org`` on commas, but only when every piece carries an address.

    A comma is kept when a ``>`` or ``]`` follows it before the next ``<`` or ``[`` (it is inside
    ``<…>`` or ``[mailto:…]``). One pass from the right decides every comma, so a list of
    100 000 addresses costs no more than its length (a lookahead per comma was quadratic).
    """
    if "," not in value:
        return None
    cuts: list[int] = []
    closed = False
    for match in reversed(list(_COMMA_OR_BRACKET.finditer(value))):
        char = match.group()
        if char in "<[":
            closed = False
        elif char in ">]":
            closed = True
        elif not closed:
            cuts.append(match.start())
    bounds = [-1, *reversed(cuts), len(value)]
    pieces = [
        piece for left, right in pairwise(bounds) if (piece := value[left + 1 : right].strip())
    ]
    if len(pieces) > 1 and all("@" in p for p in pieces):
        return pieces
    return None


def _classify(text: str) -> tuple[str, str, list[str]]:
    """What a printed cell is, its text cleaned, and the margin marks taken off its edges.

    The kind is ``content`` (a party), ``code`` (withholding codes alone: a withheld party, or a
    margin code), ``note`` (a classifier's margin note) or ``empty``. ``Hale, David M B6`` is
    content ``Hale, David M`` with ``B6`` taken off.
    """
    marks: list[str] = []
    if len(text) > MAX_PARTY_LENGTH:
        return "content", text.strip(), marks
    banner = _BANNER_TAIL.search(text)
    if banner is not None:
        marks.append(" ".join(banner.group(0).split()).strip(" —–"))
        text = text[: banner.start()]
    text = text.strip()
    if not _HAS_WORD.search(text):
        # Specks of punctuation (``•``, a lone quote) are OCR noise, not a mark worth a note.
        return "empty", text, marks
    # Stray quotes and dots are what is left of a blanked address around a code: ``B6 '``.
    rest = " ".join(_MARGIN_NOTE.sub(" ", text).split()).strip(" '’\".,•")
    if not _HAS_WORD.search(rest):
        return "note", text, marks
    if is_code_line(rest):
        return "code", rest.strip(" ,;"), marks
    for edge in (_LEADING_CODES, _TRAILING_CODES):
        match = edge.search(text)
        if match is not None and _HAS_WORD.search(text[: match.start()] + text[match.end() :]):
            marks.extend(match.group(0).strip(" \t'’.,").split())
            text = (text[: match.start()] + text[match.end() :]).strip()
    text = _BLANK_ADDRESS.sub(" ", text).strip()
    # ``[mailto:CONFIDENTIAL``: once the banner and the blanked address are gone, nothing is left.
    return ("content" if text else "empty"), text, marks


def _margin_note(mark: str, beside: str | None, line: int) -> Note:
    where = f"beside {beside!r}" if beside else "in the field"
    return Note(
        Code.REDACTION_MARGIN,
        f"{mark!r} printed {where} is a margin mark of a redaction or classification, "
        "not part of a party",
        _line_span(line),
    )


@dataclass(slots=True)
class _Pending:
    """A token being built: its pieces and how it was cut off at either end."""

    pieces: list[tuple[int, str, str]]
    gap_before: bool = False
    gap_after: bool = False


def _split(fragments: Sequence[Fragment]) -> tuple[list[Token], list[Note]]:
    """Tokens of a field, with notes for column splits and margin codes dropped."""
    notes: list[Note] = []
    built: list[_Pending] = []
    pending = _Pending([])

    def cut(by_gap: bool) -> None:
        nonlocal pending
        pending.gap_after = by_gap
        built.append(pending)
        pending = _Pending([], gap_before=by_gap)

    for fragment in fragments:
        text = fragment.text
        closing = _CLOSING_MARKS.match(text)
        if closing is not None and pending.pieces and pending.pieces[-1][2] == "content":
            # ``Davey, Richard (NIH/NIAID) [E]`` / ``>; Palmore, Tara …``: the ``>`` closes the
            # blanked address of the name above; the wrap joins them (:func:`repair_wrap`).
            pending.pieces.append((fragment.line, closing.group().strip(), "content"))
            text = text[closing.end() :]
        for piece in text.split(";"):
            if _BLANK_ADDRESS.search(piece) and not _HAS_WORD.search(
                _BLANK_ADDRESS.sub(" ", piece)
            ):
                notes.append(
                    Note(
                        Code.PARTY_NOISE_SKIPPED,
                        f"{piece.strip()!r} is an address blanked by the releasing agency with "
                        "no name beside it; not read as a party",
                        _line_span(fragment.line),
                    )
                )
        text = _BLANK_ADDRESS.sub(" ", text)
        for index, piece in enumerate(text.split(";")):
            if index > 0:
                cut(by_gap=False)
            for column, cell in enumerate(_GAP.split(piece)):
                if column > 0 and cell.strip():
                    cut(by_gap=True)
                kind, cell, marks = _classify(cell)
                if kind != "empty":
                    pending.pieces.append((fragment.line, cell, kind))
                elif cell.strip():
                    notes.append(
                        Note(
                            Code.PARTY_NOISE_SKIPPED,
                            f"{cell.strip()!r} in a recipient list holds no word; not read as a "
                            "party (it stays in the field's value)",
                            _line_span(fragment.line),
                        )
                    )
                beside = cell if kind == "content" else None
                notes.extend(_margin_note(mark, beside, fragment.line) for mark in marks)
    cut(by_gap=False)
    built = [b for b in built if b.pieces]
    field_has_content = any(kind == "content" for b in built for _, _, kind in b.pieces)
    tokens: list[Token] = []
    previous_content: Token | None = None
    for item in built:
        content = [(line, text) for line, text, kind in item.pieces if kind == "content"]
        codes = [(line, text) for line, text, kind in item.pieces if kind == "code"]
        # A code between separators is a withheld recipient; one beside a name, after a gap or
        # on the name's wrapped line, is the margin code of a redaction.
        margin = bool(content) or (field_has_content and (item.gap_before or item.gap_after))
        keep = content if content else ([] if margin else codes)
        beside = " ".join(t for _, t in content) or (
            previous_content.text if previous_content else None
        )
        for line, text, kind in item.pieces:
            if kind == "note" or (kind == "code" and margin):
                notes.append(_margin_note(text, beside, line))
        if not keep:
            continue
        token = Token(
            text=" ".join(text for _, text in keep),
            span=span_of(keep[0][0], keep[-1][0]),
            parts=tuple(text for _, text in keep),
            lines=tuple(line for line, _ in keep),
        )
        if item.gap_before and previous_content is not None and content:
            notes.append(
                Note(
                    Code.PARTY_COLUMN_SPLIT,
                    f"{previous_content.parts[-1]!r} and {token.parts[0]!r} are printed in "
                    "columns with no separator between them; read as two parties",
                    _line_span(previous_content.part_lines[-1]),
                    _line_span(token.part_lines[0]),
                )
            )
        tokens.append(token)
        if content:
            previous_content = token
    return _expand(tokens), notes


def _split_quoted(value: str) -> list[str] | None:
    """Split a list of quoted display names, as Apple Mail and Gmail print it: ``"Bell, Kathryn
    (HELP Committee)" <kb@x.gov>, "Vogt, Andrew (HELP Committee)" yyy WG>``, also where OCR lost
    the comma between two of them. A piece begins at each quote that opens a name (outside
    quotes and brackets); None unless there are two names or more and nothing before the first.
    """
    if value.count('"') < 4 or value.count('"') % 2 or not value.lstrip().startswith('"'):
        return None
    starts: list[int] = []
    quoted = False
    depth = 0
    for index, char in enumerate(value):
        if char == '"':
            if not quoted and depth == 0:
                starts.append(index)
            quoted = not quoted
        elif not quoted and char in "<[":
            depth += 1
        elif not quoted and char in ">]" and depth:
            depth -= 1
    if len(starts) < 2:
        return None
    bounds = [*starts, len(value)]
    pieces = [value[a:b].strip().rstrip(",;").strip() for a, b in pairwise(bounds)]
    return pieces if all(len(p) > 2 for p in pieces) else None


def _expand(tokens: list[Token]) -> list[Token]:
    expanded: list[Token] = []
    for token in tokens:
        quoted = _split_quoted(token.text)
        if quoted:
            expanded.extend(
                Token(text=q, span=token.span, parts=(q,), lines=token.lines) for q in quoted
            )
            continue
        commas = _split_commas(token.text) if not token.wrapped else None
        if commas:
            expanded.extend(
                Token(text=c, span=token.span, parts=(c,), lines=token.lines) for c in commas
            )
        elif is_code_line(token.text) and len(token.text.split()) > 1:
            # ``s9(2)(a) s9(2)(g)(i)``: one withheld recipient per code.
            expanded.extend(
                Token(text=r.raw, span=r.span, parts=(r.raw,), lines=(r.span.start,))
                for line, part in zip(token.part_lines, token.parts, strict=True)
                for r in find_redactions(part, line)
            )
        else:
            expanded.append(token)
    return expanded


def split_tokens(fragments: list[Fragment]) -> list[Token]:
    """Split a field's lines into recipient tokens; a token may straddle a wrap.

    ``Cc: ...; WASHINGTON; LONDON`` / ``CANBERRA; OTTAWA`` gives a token ``LONDON CANBERRA`` with
    parts ``('LONDON', 'CANBERRA')``, for :func:`repair_wrap` to decide.
    """
    tokens, _notes = _split(fragments)
    return tokens


def join_parts(parts: Sequence[str]) -> str:
    """Join the lines of a wrapped token; a word cut at a hyphen closes up.

    >>> join_parts(["Warnholz, Jean-", "Louis"])
    'Warnholz, Jean-Louis'
    """
    text = parts[0]
    for part in parts[1:]:
        if text.endswith("-") and text[-2:-1].isalpha() and part[:1].isalpha():
            text += part
        else:
            text += " " + part
    return text


def _recognised(text: str, directory: Directory) -> bool:
    """True when ``text`` reads as one party: a directory code, a person, an address, a code,
    also a person and the debris of the address blanked beside it (``Davey, Richard
    (NIH/NIAID) [E] >``, :func:`_without_debris_tail`).
    """
    if directory.resolve(text) is not None or is_code_line(text):
        return True
    span = span_of(1, 1)
    party, _ = parse_party(text, span)
    return party.kind != "unknown" or bool(_without_debris_tail(party, text, span, None)[1])


def repair_wrap(token: Token, directory: Directory) -> tuple[list[Token], list[Note]]:
    """Decide, by the directory, where a token cut by line wraps joins and where it splits.

    Every way of joining or splitting its lines is tried; the one whose pieces the directory and
    the name and address patterns recognise over the most lines wins, fewer pieces breaking ties:
    ``DS`` + ``MLG`` is ``DS MLG``; ``LONDON`` + ``CANBERRA`` is two posts; ``Nides,`` +
    ``Thomas R`` is one person.
    """
    if not token.wrapped:
        return [token], []
    parts, lines = token.parts, token.part_lines
    count = len(parts)
    # Where a cut may stand: never before a part without a word (``>``, the end of a blanked
    # address wrapped onto the next line), which is no party of its own.
    places = [i for i in range(1, count) if _HAS_WORD.search(parts[i])]
    best: tuple[int, ...] = ()
    if len(places) < MAX_WRAP_PARTS:
        best_score: tuple[int, int] | None = None
        # Each run of parts is read once, however many ways of cutting hold it.
        known: dict[tuple[int, int], bool] = {}
        for chosen in itertools.product((False, True), repeat=len(places)):
            cuts = tuple(place for place, cut in zip(places, chosen, strict=True) if cut)
            bounds = [0, *cuts, count]
            covered = 0
            for run in itertools.pairwise(bounds):
                if run not in known:
                    known[run] = _recognised(join_parts(parts[run[0] : run[1]]), directory)
                covered += run[1] - run[0] if known[run] else 0
            score = (covered, -(len(bounds) - 1))
            if best_score is None or score > best_score:
                best_score, best = score, cuts
    pieces: list[Token] = []
    notes: list[Note] = []
    bounds = [0, *best, count]
    for start, end in itertools.pairwise(bounds):
        own = parts[start:end]
        pieces.append(
            Token(
                text=join_parts(own),
                span=span_of(lines[start], lines[end - 1]),
                parts=own,
                lines=lines[start:end],
            )
        )
    for index in range(count - 1):
        before, after = parts[index], parts[index + 1]
        here, there = _line_span(lines[index]), _line_span(lines[index + 1])
        if index + 1 in best:
            notes.append(
                Note(
                    Code.PARTY_WRAP_SPLIT,
                    f"{before!r} (line {lines[index]}) and {after!r} (line {lines[index + 1]}) "
                    "run together where the separator was lost at a line wrap; read as two "
                    "parties",
                    here,
                    there,
                )
            )
        else:
            piece = next(p for p in pieces if lines[index] in p.lines and before in p.parts)
            notes.append(
                Note(
                    Code.PARTY_WRAP_JOINED,
                    f"{before!r} (line {lines[index]}) and {after!r} (line {lines[index + 1]}) "
                    f"are one party cut by a line wrap; read as {piece.text!r}",
                    here,
                    there,
                )
            )
    return pieces, notes


def repair_address(address: str) -> tuple[str, bool]:
    """Undo OCR damage in an address: ``MillsCD©state.gov`` → ``MillsCD@state.gov``.

    The confusions are those of ``data/ocr/addresses.toml``; a blank the OCR put beside the at
    sign (``AllisonO @keystonesymposia.org``) goes too.
    """
    fixed = address
    for sign in _ADDRESS_OCR.at_signs:
        fixed = fixed.replace(sign, "@")
    if " " in fixed or "\t" in fixed:
        fixed = "@".join(part.strip(" \t") for part in fixed.split("@"))
    lowered = fixed.lower()
    for bad, good in _TLD_REPAIRS:
        if lowered.endswith(bad):
            fixed = fixed[: -len(bad)] + good
            break
    return fixed, fixed != address


def _person_name(name: str) -> tuple[str, str] | None:
    """(surname, given names) of ``Surname, Given`` or ``Given Surname``; None if not a name."""
    if len(name) > MAX_NAME_LENGTH:
        return None
    match = _PERSON.match(name)
    if match is not None:
        return match.group("surname"), match.group("given")
    match = _GIVEN_FIRST.match(name)
    if match is not None and not any(w.casefold() in _NOT_A_NAME for w in name.split()):
        return match.group("surname"), match.group("given")
    return None


def parse_party(raw: str, span: Span, *, field: str | None = None) -> tuple[Party, bool]:
    """Read one token into a first-pass :class:`Party`; the flag tells an address was repaired.

    ``GEELS, Deborah (NAD)`` gives a person with surname ``GEELS``, given name ``Deborah`` and
    unit ``NAD``; the directory is not consulted here (see :func:`resolve_party`).
    """
    if len(raw) > MAX_PARTY_LENGTH:
        return trusted(Party, raw=raw, span=span, kind="unknown"), False
    text = " ".join(raw.split()).strip(" ,")
    redaction: Redaction | None = None
    if is_code_line(text):
        found = find_redactions(text, span.start, field=field)
        redaction = found[0] if found else None
        if redaction is not None:
            return trusted(Party, raw=raw, span=span, kind="withheld", redaction=redaction), False
    name: str | None = text or None
    address: str | None = None
    repaired = False
    for pattern in (_ANGLE, _MAILTO, _BARE):
        match = pattern.match(text)
        if match is not None:
            address, repaired = repair_address(match.group("addr"))
            label = match.groupdict().get("label")
            # ``[mallto:…]``: the label's OCR damage is an address repair too.
            repaired = repaired or (label is not None and label.lower() not in ("mailto", "smtp"))
            name = (match.groupdict().get("name") or "").strip(" '\"") or None
            break
    if name is not None and len(name) > 1 and name[0] == name[-1] and name[0] in "'\"":
        name = name[1:-1].strip() or None
    channel: str | None = None
    unit: str | None = None
    kind: PartyKind = "unknown"
    names: tuple[str, str] | None = None
    if name is not None:
        match = _CHANNEL.match(name)
        if match is not None:
            name, channel, kind = match.group("name"), match.group("channel"), "mailbox"
    if name is not None and channel is None:
        match = _UNIT.match(name)
        unit_names = _person_name(match.group("name").strip()) if match is not None else None
        if match is not None and unit_names is not None:
            name, unit, kind = match.group("name").strip(), match.group("unit").strip(), "person"
            names = unit_names
        else:
            names = _person_name(name)
            if names is not None:
                kind = "person"
    if kind == "unknown" and address is not None:
        kind = "person" if name else "mailbox"
    party = trusted(
        Party,
        raw=raw,
        span=span,
        name=name,
        address=address,
        kind=kind,
        unit=unit,
        channel=channel,
        surname=names[0] if names else None,
        given_name=names[1] if names else None,
    )
    return party, repaired


def _read_token(text: str, span: Span, field: str | None) -> tuple[Party, list[Note]]:
    """:func:`parse_party` plus the repairs it reports: OCR-damaged addresses and initials."""
    party, repaired = parse_party(text, span, field=field)
    notes: list[Note] = []
    if repaired:
        notes.append(
            Note(
                Code.PARTY_ADDRESS_REPAIRED,
                f"OCR-damaged address in {text!r} read as {party.address}",
                span,
            )
        )
    if party.kind == "unknown" and party.name is not None and len(party.name) <= MAX_NAME_LENGTH:
        match = _PERSON_OCR_INITIAL.match(party.name)
        if match is not None:
            given = f"{match.group('given')} {_OCR_INITIALS[match.group('initial')]}"
            name = f"{match.group('surname')}, {given}"
            party = replaced(
                party,
                name=name,
                kind="person",
                surname=match.group("surname"),
                given_name=given,
            )
            notes.append(
                Note(Code.PARTY_NAME_REPAIRED, f"OCR-damaged name {text!r} read as {name!r}", span)
            )
    if party.kind == "unknown" and len(text) <= MAX_PARTY_LENGTH:
        party, tail_notes = _without_debris_tail(party, text, span, field)
        notes.extend(tail_notes)
    return party, notes


def _without_debris_tail(
    party: Party, text: str, span: Span, field: str | None
) -> tuple[Party, list[Note]]:
    """``Fauci, Anthony (NIH/NIAID) [E] Tyee``, ``Del Rio, Carlos >``: a person's whole name and
    the debris of the address blanked beside it; read as the person, the address withheld.

    The name must be closed, by its unit (``(NIH/NIAID) [E]``) or by the ``>`` that closed the
    blanked address; the longest tail of debris (:func:`_is_tail_debris`) is taken off.
    """
    words = text.split()
    for cut in range(len(words) - 1, max(0, len(words) - _MAX_TAIL_WORDS - 1), -1):
        tail = " ".join(words[cut:])
        if not _is_tail_debris(tail):
            continue
        head_text = " ".join(words[:cut])
        head, _ = parse_party(head_text, span, field=field)
        if head.kind != "person" or head.address is not None:
            continue
        if head.unit is None and not tail.endswith(">"):
            continue
        note = Note(
            Code.PARTY_WITHHELD,
            f"{tail!r} printed after {head_text!r} is the debris of a redaction box where its "
            "address stood; read as the person, the address withheld",
            span,
        )
        return replaced(head, raw=party.raw), [note]
    return party, []


def _as_entry(party: Party, entry: Entry) -> Party:
    """``party`` with the code, kind, full name and zone of its directory entry."""
    return replaced(
        party,
        code=entry.code,
        kind=entry.kind,
        name=entry.name or party.name,
        time_zone=entry.time_zone,
        channel=party.channel or entry.channel,
    )


def resolve_party(party: Party, directory: Directory) -> tuple[Party, list[Note]]:
    """Give ``party`` the directory's code, kind, full name and zone; note what stays unknown.

    An address is looked up first, then the name; a person's unit resolves to its canonical
    code and lends the person its zone. Withheld parties stay withheld.
    """
    if party.kind == "withheld":
        return party, []
    if len(party.raw) > MAX_PARTY_LENGTH:
        shown = " ".join(party.raw[:60].split())
        return party, [
            Note(
                Code.PARTY_UNKNOWN,
                f"{shown!r}… ({len(party.raw):,} characters) is too long to be a party; kept as "
                "printed",
                party.span,
            )
        ]
    entry = directory.resolve_address(party.address) if party.address else None
    if entry is None and party.name:
        entry = directory.resolve(party.name)
    if entry is None and party.kind == "unknown":
        entry = directory.resolve(party.raw)
    if entry is not None:
        return _as_entry(party, entry), []
    if party.kind == "person":
        unit = directory.resolve(party.unit) if party.unit else None
        if unit is not None:
            return replaced(party, unit=unit.code, time_zone=unit.time_zone), []
        return party, []
    if party.kind == "mailbox" and party.address is not None:
        return party, []
    if is_redaction_debris(party.raw):
        withheld = trusted(Party, raw=party.raw, span=party.span, kind="withheld")
        return withheld, [
            Note(
                Code.PARTY_WITHHELD,
                f"{' '.join(party.raw.split())!r} is the debris of a redaction box printed where "
                "a sender or recipient stood; read as withheld",
                party.span,
            )
        ]
    if party.kind == "unknown":
        entry = directory.resolve_misread(party.raw)
        if entry is not None:
            # ``BElJING``, ``UNHG``: a code with a letter OCR misread, kept as printed.
            return _as_entry(party, entry), [
                Note(
                    Code.PARTY_CODE_OCR_REPAIRED,
                    f"{' '.join(party.raw.split())!r} read as {entry.code} (a letter of the "
                    "code misread by OCR)",
                    party.span,
                )
            ]
    where = f"the {directory.profile} directory" if directory.profile else "the directory"
    return party, [
        Note(
            Code.PARTY_UNKNOWN,
            f"{' '.join(party.raw.split())!r} is not in {where} and is not a person, address or "
            "withholding code; kept as printed (add it to a directory file to resolve it)",
            party.span,
        )
    ]


def _listed_fragments(
    fragments: Sequence[Fragment],
) -> tuple[Sequence[Fragment], Token | None]:
    """The fragments of a list's first recipients, and the rest of a longer list as one token.

    The list is cut at its :data:`MAX_RECIPIENTS`-th ``;``, before it is split: splitting
    100,000 recipients only to keep them whole would cost what the cut saves.
    """
    left = MAX_RECIPIENTS - 1
    for index, fragment in enumerate(fragments):
        count = fragment.text.count(";")
        if count < left:
            left -= count
            continue
        at = -1
        for _ in range(left):
            at = fragment.text.find(";", at + 1)
        head = [*fragments[:index], Fragment(fragment.line, fragment.text[:at])]
        rest = [fragment.text[at + 1 :], *(f.text for f in fragments[index + 1 :])]
        text = " ".join(part.strip() for part in rest).strip()
        span = span_of(fragment.line, fragments[-1].line)
        return head, Token(text=text, span=span, parts=(text,))
    return fragments, None


def _cut_list(tokens: list[Token], field: str, rest: Token | None) -> tuple[list[Token], Note]:
    """The first recipients of a list too long to read one by one, and the rest as one token."""
    if rest is None:
        rest = _joined(tokens[MAX_RECIPIENTS - 1 :])
        tokens = tokens[: MAX_RECIPIENTS - 1]
    count = len(tokens) + rest.text.count(";") + 1
    note = Note(
        Code.PARTY_LIST_CUT,
        f"the {field} field lists {count:,} recipients; the first {len(tokens):,} were "
        f"read one by one, the rest are kept as printed in one party",
        rest.span,
    )
    return [*tokens, rest], note


def _joined(tokens: list[Token]) -> Token:
    # One part: kept whole as printed, not a wrapped name whose lines are to be joined or split.
    text = "; ".join(token.text for token in tokens)
    return Token(text=text, span=span_of(tokens[0].span.start, tokens[-1].span.end), parts=(text,))


def read_parties(
    fragments: Sequence[Fragment], field: str, directory: Directory
) -> tuple[list[Party], list[Note]]:
    """Every party of a ``To:``/``Cc:``/``Bcc:`` field, resolved, with the notes of each decision."""
    listed, rest = _listed_fragments(fragments)
    tokens, notes = _split(listed)
    if rest is not None or len(tokens) > MAX_RECIPIENTS:
        tokens, cut_note = _cut_list(tokens, field, rest)
        # The notes on what the cut part held say no more than the party that keeps it whole.
        notes = [*notes[:MAX_RECIPIENTS], cut_note]
    parties: list[Party] = []
    for token in tokens:
        pieces, wrap_notes = repair_wrap(token, directory)
        notes.extend(wrap_notes)
        for piece in pieces:
            text = piece.text
            debris = _debris_before_party(text, directory)
            if debris is not None:
                head, text = debris
                parties.append(trusted(Party, raw=head, span=piece.span, kind="withheld"))
                notes.append(
                    Note(
                        Code.PARTY_WITHHELD,
                        f"{head!r} printed before {text!r}, whose address spells that name, is "
                        "not its surname but the debris of a redaction box where a recipient "
                        "stood (the list's ';' read as ','); read as withheld",
                        piece.span,
                    )
                )
            party, token_notes = _read_token(text, piece.span, field)
            notes.extend(token_notes)
            party, resolve_notes = resolve_party(party, directory)
            notes.extend(resolve_notes)
            parties.append(party)
    return parties, notes


def _debris_before_party(text: str, directory: Directory) -> tuple[str, str] | None:
    """``NG, Kircheis Dr. Ralf <RKircheis@syntacoll.de>``: (debris, party) where a short run of
    capitals before a comma is not the surname of the name and address after it.

    The name after the comma is whole (two words or more) and its address spells one of its
    words, not the capitals (``Ng, Andrew <andrew.ng@x.org>`` is a surname and a given name);
    the capitals are no more letters than a run of debris holds and name no party the
    directory knows.
    """
    match = _CAPITALS_BEFORE_PARTY.match(text)
    if match is None:
        return None
    head, rest = match.group("head"), match.group("rest")
    party, _ = parse_party(rest, span_of(1, 1))
    if party.address is None or party.name is None or len(party.name.split()) < 2:
        return None
    local = "".join(char for char in party.address.split("@")[0].casefold() if char.isalpha())
    spelled = any(
        len(word) >= _SPELLED_WORD and word.casefold() in local
        for word in _LETTER_RUN.findall(party.name)
    )
    if not spelled or head.casefold() in local or directory.resolve(head) is not None:
        return None
    return head, rest


#: A run of capitals, a comma, and a name with its address: ``NG, Kircheis Dr. Ralf <…>``.
_CAPITALS_BEFORE_PARTY = re.compile(
    rf"^(?P<head>[A-Z]{{1,{_DEBRIS.max_tail_run}}}),[ \t]*(?P<rest>[^,;]*<[^<>]*@[^<>]*>)$"
)
#: How many letters a word of a name must hold for its address to be taken to spell it.
_SPELLED_WORD = 4


def read_sender(fragments: Sequence[Fragment]) -> tuple[Party | None, list[Note]]:
    """The ``From:`` party as printed, not yet resolved: a sender is one party, so every line and
    column of the field is joined (a wrapped name closes up); margin codes are dropped.
    """
    tokens, notes = _split(fragments)
    notes = [n for n in notes if n.code != Code.PARTY_COLUMN_SPLIT]
    if not tokens:
        return None, notes
    parts = tuple(part for token in tokens for part in token.parts)
    lines = tuple(line for token in tokens for line in token.part_lines)
    text = join_parts(parts)
    span = span_of(min(lines), max(lines))
    if len(set(lines)) > 1:
        notes.append(
            Note(
                Code.PARTY_WRAP_JOINED,
                f"the sender is printed over lines {span}; read as one party {text!r}",
                _line_span(lines[0]),
                _line_span(lines[-1]),
            )
        )
    behalf = _ON_BEHALF.search(text)
    if behalf is not None and behalf.start() > 0 and text[behalf.end() :].strip():
        sender, mailbox = text[: behalf.start()], text[behalf.end() :].strip()
        party, token_notes = _read_token(sender, span, "from")
        party = replaced(party, raw=text, on_behalf_of=mailbox)
        token_notes.append(
            Note(
                Code.PARTY_ON_BEHALF,
                f"{text!r} names the sender and the mailbox it wrote for; read as the sender "
                f"{' '.join(sender.split())!r} on behalf of {mailbox!r}",
                span,
            )
        )
    else:
        party, token_notes = _read_token(text, span, "from")
    return party, notes + token_notes


# ``Folkers, Greg (NIH/NIAID) [E] on behalf of Fauci, Anthony …``; Outlook's ``On Behalf Of``;
# the OCR's ``o Behalf Of`` (its ``On`` cut by the debris before it).
_ON_BEHALF = re.compile(r"(?i:[ \t]+o[n]?[ \t]+behalf[ \t]+of[ \t]+)")


class FieldReader:
    """:func:`read_parties` and :func:`read_sender` for one document, each field read once.

    A printed chain quotes the same ``To:`` and ``Cc:`` lists in every message below the one that
    first sent them, and a release prints the same senders page after page. A field printed again
    with the same text on the same lines relative to its first line is not read again: the
    parties and notes of its first reading are moved to its lines, line numbers named in the
    notes' text included; a reading whose notes name other numbers is not kept.
    """

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self._read: dict[tuple[str, tuple[tuple[int, str], ...]], _Reading] = {}

    def parties(self, fragments: Sequence[Fragment], field: str) -> tuple[list[Party], list[Note]]:
        """:func:`read_parties` of ``fragments`` (a ``To:``, ``Cc:`` or ``Bcc:`` field)."""
        return self._reading(
            fragments, field, lambda: read_parties(fragments, field, self.directory)
        )

    def sender(self, fragments: Sequence[Fragment]) -> tuple[Party | None, list[Note]]:
        """:func:`read_sender` of ``fragments`` (not yet resolved, as there)."""
        parties, notes = self._reading(fragments, "from", lambda: _listed(read_sender(fragments)))
        return (parties[0] if parties else None), notes

    def _reading(
        self,
        fragments: Sequence[Fragment],
        field: str,
        read: Callable[[], tuple[list[Party], list[Note]]],
    ) -> tuple[list[Party], list[Note]]:
        if not fragments:
            return read()
        base = fragments[0].line
        key = (field, tuple((fragment.line - base, fragment.text) for fragment in fragments))
        kept = self._read.get(key)
        if kept is None:
            parties, notes = read()
            if all(_movable(note) for note in notes):
                self._read[key] = _Reading(base, parties, notes)
            return parties, notes
        delta = base - kept.base
        return (
            [_moved_party(party, delta) for party in kept.parties],
            [_moved_note(note, delta) for note in kept.notes],
        )


@dataclass(frozen=True, slots=True)
class _Reading:
    base: int
    parties: list[Party]
    notes: list[Note]


def _listed(read: tuple[Party | None, list[Note]]) -> tuple[list[Party], list[Note]]:
    party, notes = read
    return ([party] if party is not None else []), notes


def _moved_span(span: Span, delta: int) -> Span:
    return span_of(span.start + delta, span.end + delta)


def _moved_party(party: Party, delta: int) -> Party:
    if delta == 0:
        return party
    redaction = party.redaction
    if redaction is not None:
        redaction = replaced(redaction, span=_moved_span(redaction.span, delta))
    return replaced(party, span=_moved_span(party.span, delta), redaction=redaction)


#: Line numbers a note names in its text: ``'Fraser' (line 12) and 'Cc X' (line 13) …``, ``the
#: sender is printed over lines 3-4;``.
_LINE_REFS = re.compile(r"\(line (\d+)\)|over lines (\d+)(?:-(\d+))?;")


def _line_refs(note: Note) -> list[int]:
    return [int(n) for match in _LINE_REFS.finditer(note.message) for n in match.groups() if n]


def _movable(note: Note) -> bool:
    """Whether every line number ``note`` names in its text is a line of its spans, so that
    moving the spans and those numbers moves the note."""
    if "line" not in note.message:
        return True
    own = {line for span in (note.span, note.related) if span for line in (span.start, span.end)}
    return all(n in own for n in _line_refs(note))


def _moved_note(note: Note, delta: int) -> Note:
    if delta == 0:
        return note
    span = _moved_span(note.span, delta) if note.span is not None else None
    related = _moved_span(note.related, delta) if note.related is not None else None
    message = note.message
    if "line" in message:
        message = _LINE_REFS.sub(
            lambda match: re.sub(r"\d+", lambda n: str(int(n.group()) + delta), match.group()),
            message,
        )
    return Note(note.code, message, span, related)
