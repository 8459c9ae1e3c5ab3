"""Every regular expression and threshold of the line scanner, in one commented place.

Each pattern is anchored or bounded so that it runs in time linear in the line; none nests
unbounded repetitions. Values are matched greedily to the line end and stripped in code: a lazy
value followed by optional trailing blanks would rescan every run of spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from cablethread.datafiles import (
    BodyFile,
    OcrLabelsFile,
    SubjectWrapFile,
    load_data,
)
from cablethread.lexicon.languages import Language, label_fields, languages

# ---------------------------------------------------------------------------------------------
# Header labels, from the language tables (``data/languages.toml``) and English extras below.
# Patterns that depend on the languages a policy allows are built once per set of languages.
# ---------------------------------------------------------------------------------------------

#: English labels the language tables leave out, with their canonical field (lower-cased).
EXTRA_LABELS: dict[str, str] = {
    # AOL prints the subject as ``Subj:`` (forwarded AOL mail in the Clinton release).
    "subj": "subject",
    "attachments": "attachments",
    "attachment": "attachments",
    "importance": "importance",
    "security classification": "classification",
    "classification": "classification",
    # Known to end nothing: Outlook and list mail print these between the fields of one block
    # (``Reply-To:`` in list mail, ``Sent By:`` for a delegate, ``Conversation:`` in a post to
    # an Exchange folder). Read so the block goes on.
    "sent by": "sent_by",
    "conversation": "conversation",
    # An appointment printed as mail (``-----Original Appointment-----``): when and where it is.
    "when": "when",
    "where": "where",
    # Outlook prints the names of images pasted into a message.
    "inline-images": "inline_images",
}


@cache
def ocr_forms() -> dict[str, str]:
    """Label as OCR misread it, as printed → the English label it stands for: ``Ce`` → ``Cc``.

    From ``data/ocr/labels.toml``: the forms it lists, and every form one misread letter of its
    ``[confusions]`` makes of a label there, or a blank read inside it (``Scnt``, ``5ent``,
    ``Se nt`` → ``Sent``), unless that form is a label of some language already.
    """
    table = load_data(OcrLabelsFile)
    forms = dict(table.labels)
    sound = set(label_fields()) | set(EXTRA_LABELS)
    for label in table.confusions.labels:
        # One letter misread, or a blank read between two letters (``S ent``, ``Se nt``, …).
        blanks = (label[:at] + " " + label[at:] for at in range(1, len(label)))
        for form in (*misread_letters(label, table.confusions.letters), *blanks):
            if " ".join(form.casefold().split()) not in sound:
                forms.setdefault(form, label)
    return forms


def misread_letters(word: str, letters: Mapping[str, Sequence[str]]) -> Iterator[str]:
    """Each form of ``word`` with one letter read as ``letters`` says OCR reads it (keyed by
    the case-folded letter, a capital's reading in capitals): ``Sent`` → ``Scnt``, ``5ent``, …

    The labels of ``data/ocr/labels.toml`` and the directory's codes
    (:meth:`~cablethread.fields.directory.Directory.resolve_misread`) are misread so.
    """
    for index, letter in enumerate(word):
        for read in letters.get(letter.casefold(), ()):
            yield word[:index] + (read.upper() if letter.isupper() else read) + word[index + 1 :]


@cache
def ocr_labels() -> dict[str, str]:
    """Case-folded label as OCR misread it → the English label it stands for: ``ce`` → ``Cc``,
    ``scnt`` → ``Sent`` (:func:`ocr_forms`)."""
    return {" ".join(key.casefold().split()): value for key, value in ocr_forms().items()}


def ocr_label(label: str) -> str | None:
    """The label an OCR-damaged ``label`` stands for (``Ce`` → ``Cc``); None for a sound one."""
    return ocr_labels().get(" ".join(label.casefold().split()))


@cache
def labels(codes: tuple[str, ...] | None = None) -> dict[str, str]:
    """Case-folded label → canonical field, for the languages ``codes`` (all when None).

    English labels as OCR misreads them (``Ce`` for ``Cc``, :func:`ocr_labels`) are read too
    where English is allowed.
    """
    table = {key: name for key, (name, _) in label_fields(codes).items()}
    for key, name in EXTRA_LABELS.items():
        table.setdefault(key, name)
    if codes is None or "en" in codes:
        english = {key: name for key, (name, _) in label_fields(("en",)).items()}
        for key, meant in ocr_labels().items():
            table.setdefault(key, english[meant.casefold()])
    return table


#: Canonical field name for each printed label of every language (case-folded).
LABELS: dict[str, str] = labels()


def label_field(label: str, codes: tuple[str, ...] | None = None) -> str:
    """The field a printed label names: ``Envoyé`` → ``sent``, ``Kopie (CC)`` → ``cc``."""
    return labels(codes)[" ".join(label.casefold().split())]


def _alternation(words: Iterable[str]) -> str:
    """Words as a regex alternation, longest first, blanks inside a word matching any blanks."""
    unique = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(r"[ \t]+".join(re.escape(part) for part in word.split()) for word in unique)


@dataclass(frozen=True)
class LinePattern:
    """A pattern run only on lines a cheap test lets through: most lines of a release hold no
    label and no separator, and an alternation of every language's words is slow to fail.
    """

    pattern: re.Pattern[str]
    #: Case-folded first words the pattern can match, after blanks and marks (``from``, ``-----``
    #: aside: ``original``); None to test for a colon near the line start instead.
    heads: frozenset[str] | None = None

    def match(self, line: str) -> re.Match[str] | None:
        """``pattern.match(line)`` for a line that passes the test; None for the others.

        ``Envoyé : jeudi 4 juillet 2019`` passes the label test (a colon near the start);
        ``New Zealand has signed a letter …`` does not, and no alternation runs over it.
        """
        start = len(line) - len(line.lstrip(" \t>*-—–•·°.»(‘'"))
        if self.heads is None:
            found = line.find(":", start, start + LABEL_REACH)
            if found < 0 and line.find("：", start, start + LABEL_REACH) < 0:
                return None
        else:
            head = _HEAD_WORD.match(line, start)
            if head is None or head.group().casefold().rstrip(":") not in self.heads:
                return None
        return self.pattern.match(line)


#: How far from the start of a line (blanks and marks aside) a label's colon can stand.
LABEL_REACH = 48
#: How long a word may be that opens a separator (``Ursprüngliche``, ``Edelleenlähetetty``).
HEAD_REACH = 24
#: The first word of a line, up to ``HEAD_REACH`` characters of it.
_HEAD_WORD = re.compile(rf"\S{{0,{HEAD_REACH}}}")


#: Fields whose value may wrap onto following lines.
WRAPPING_FIELDS = frozenset({"to", "cc", "bcc", "subject", "attachments", "from"})

#: Fields that, beside ``from``, make a run of labelled lines a header block.
BLOCK_FIELDS = frozenset({"sent", "to", "cc", "subject"})


@cache
def label_line(codes: tuple[str, ...] | None = None) -> LinePattern:
    """The pattern of a labelled line in the languages ``codes`` (all when None).

    ``From: GENEVA``, ``Sent:   Thursday, …``, ``To:`` (empty), ``De : Jean``, ``Envoyé :``
    (French puts a space before the colon, or a no-break space), ``件名：``
    (a full-width colon), ``*From:* Outlook user`` (bold labels of a message printed as
    Markdown). Outlook column layout puts many spaces or a tab between label and value. State's
    OCR sometimes puts a stray mark before the label (``.   Sent: Sun Apr 25 17:07:54 2010``,
    ``• Sent: Sat Jan 22 10:01:43 2011``, ``» Sent:`` for a quote mark, ``(Ce:``,
    ``‘Subject:``). Quote prefixes (``> From:``) are blanked before any pattern runs (see
    ``QUOTE_PREFIX``).
    """
    return LinePattern(
        re.compile(
            r"^(?P<indent>[ \t]*(?:[•·°.»(‘'][ \t]*)?)\*?"
            rf"(?P<label>{_alternation(labels(codes))})[ \t\xa0]*[:：]\*?[ \t]*(?P<value>.*)",
            re.IGNORECASE,
        )
    )


#: A labelled line in any language of the tables.
LABEL_LINE = label_line()


@cache
def inline_label(codes: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """A label as printed inside a line, case kept: Yahoo Mail runs a forwarded header into one
    line, ``----- Forwarded Message ----- From: X <x@y>To: Y <y@z>Sent: …GMT+1Subject: …``.

    Matched case-sensitively, as the labels there are capitalised and a value holds lower-case
    look-alikes (``mailto:``).
    """
    printed = {
        label
        for language in _selected_languages(codes)
        for printed_labels in language.labels.values()
        for label in printed_labels
    }
    return re.compile(rf"(?P<label>{_alternation(printed)})[ \t\xa0]?[:：]")


@cache
def inline_field(codes: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """A further label inside a header line, after a blank, case kept: OCR and narrow printing
    run fields together, ``From: X Sent: Tuesday, March 3, 2020 5:00 AM``, ``Sent: Tue, 3 Mar
    2020 13:55:34 +0000 To: Y Subject: FW: …``, ``To: Fauci, Anthony [E] > Subject: …``.

    Matched case-sensitively, as printed labels are capitalised and values hold lower-case
    look-alikes (``mailto:``, ``re:``). Which matches split the line is decided in ``segment``.
    """
    printed = {
        label
        for language in _selected_languages(codes)
        for printed_labels in language.labels.values()
        for label in printed_labels
    }
    if codes is None or "en" in codes:
        printed |= {"Attachments", "Importance", "Classification", "When", "Where", "Inline-Images"}
        printed |= set(ocr_forms())
    return re.compile(rf"(?<=[ \t\xa0])(?P<label>{_alternation(printed)})[ \t\xa0]?[:：]")


@cache
def label_languages(label: str) -> frozenset[str]:
    """The languages that print ``label`` (``Von`` → {``de``}); an OCR form or an English extra
    (``Ce``, ``Importance``) → {``en``}; unknown → empty."""
    key = " ".join(label.casefold().split())
    entry = label_fields().get(key)
    if entry is not None:
        return entry[1]
    return frozenset({"en"}) if key in EXTRA_LABELS or key in ocr_labels() else frozenset()


def _selected_languages(codes: tuple[str, ...] | None) -> list[Language]:
    table = languages()
    return [table[code] for code in (codes if codes is not None else tuple(table))]


#: A label that lost its colon to OCR: ``Subject            Re: flight`` (value in a column),
#: ``Sent Tuesday, September 11, 2012 5:26 AM`` (one space; State's Benghazi-committee prints), or
#: a colon read as another mark (``Sent; Thursday, …``, ``Sent.Sunday, …``, ``To. Verveer``,
#: ``From- H``). Only inside a block that has already begun, except ``From`` where a block must
#: begin (see ``segment``); ``segment`` asks more of the one-space form (``NO_COLON_SENT_VALUE``).
#: ``From`` may stand alone (``Original Message`` / ``From`` / ``To: Huma Abedin``).
LABEL_LINE_NO_COLON = re.compile(
    r"^(?P<indent>[ \t]*)(?P<label>From|Subject|Sent|To|Cc|Date)(?P<mark>[.;!\-])?"
    r"(?:(?P<gap>[ \t]*)(?P<value>\S.*)|[ \t\r]*$)"
)

#: Prose that begins like a sender without its colon: ``From Washington: the Secretary will …``
#: (a phrase closed by a colon and a blank). A sender's value has none (``mailto:`` has no blank).
PROSE_AFTER_FROM = re.compile(r":(?:[ \t]|$)")

#: What a ``Sent``/``Date`` value without its colon must start with: a weekday, a month or a digit.
NO_COLON_SENT_VALUE = re.compile(
    r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d)",
    re.IGNORECASE,
)

#: A label this scanner does not read, ending any field it follows: ``Action:``, ``E.O.:``,
#: ``TAGS:``, ``Pass Line:`` (a State telegram header printed inside an email, where a
#: ``From:`` line stands among such labels).
FOREIGN_LABEL = re.compile(r"^[ \t]*[A-Z][A-Za-z.!/\-]{0,15}(?:[ \t][A-Za-z]{1,10})?:(?:[ \t]|$)")

#: Labels only a memorandum prints: its subject ``Re:`` (``To: Hillary`` / ``From: Sid`` /
#: ``Re: N. Ireland forum``) and the official it goes ``Thru:``. A run of labels holding one is a
#: memo's heading, not an email header.
MEMO_LABEL = re.compile(r"^[ \t]*(?:RE|Re|THRU|Thru|THROUGH|Through)[ \t]*:")
#: A time of day in a Sent/Date value (``11:25``, ``917 PM``): a memo's ``Date:`` has none.
TIME_IN_VALUE = re.compile(r"\d[:.;] ?\d\d|\d ?[AaPp]\.?[Mm]\b")

#: A sender's address wrapped onto the next line: ``From: davidmiliband`` / ``[mailto:davidmiliband``
#: (Clinton), ``From: loretta-henry@reliantenergy.com`` / ``[SMTP:loretta-henry@…]`` (Enron).
FROM_ADDRESS_WRAP = re.compile(r"^[ \t]*(?:\[mailto:|\(mailto:|\[SMTP:|<)", re.IGNORECASE)

#: An OCR speck inside a header block: a line of one or two marks that are not letters or digits
#: (``■``, ``,``, ``_``); far right in the margin, any one or two characters (``I``, ``n``).
SPECK = re.compile(r"^[ \t]*[^\w\s]{1,2}[ \t]*$")
#: At most this many characters make a speck in the right margin.
MARGIN_SPECK_LENGTH = 2
#: Marks the OCR strews around a margin code (``B6 '``); stripped before the code is read.
CODE_JUNK = "'\"`.,_|-"

#: A quote prefix: ``> From:``, ``>From:`` (Clinton), ``> > > Sent:`` (Enron replies quoted by
#: Outlook Express). Blanked to spaces of the same width, so columns stay where they were.
QUOTE_PREFIX = re.compile(r"^[ \t]*>[ \t>]*")

#: Quoted-printable escapes for a tab and a space (``Sent:=09Tuesday, March 27, 2001``): mail
#: stored without decoding its transfer encoding (the Enron corpus). Blanked like a quote prefix.
QP_BLANKS = re.compile(r"=(?:09|20)")


#: A run of dashes framing a separator's word: hyphens, and the dashes OCR reads some of them as.
_DASH_CHARS = "-—–"
_DASH_RUN = f"[{_DASH_CHARS}]{{2,}}"


@cache
def separator(codes: tuple[str, ...] | None = None) -> LinePattern:
    """Separator lines printed above a quoted or forwarded header block, in the languages ``codes``.

    ``-----Original Message-----`` (Outlook), ``    Original Message`` (State's print of it),
    ``----- Forwarded message -----`` (Gmail), ``Begin forwarded message:`` (Apple Mail),
    ``-----Ursprüngliche Nachricht-----``, ``-------- Message transféré --------``,
    ``*-------- Original Message --------*`` (bold, as Markdown). What follows the words is
    checked in code (``SEPARATOR_MARGIN``): a pattern with blanks on both sides of optional
    dashes would try every way to split a long run of blanks.

    QQ Mail and Foxmail print ``------------------ Original ------------------``: a word that
    is a separator only between two runs of dashes (``framed_separators``; the OCR reads a
    hyphen of a run as a dash, ``----—------ Original ------``), as no sentence frames its
    first word so.
    """
    words, framed, forms = _separator_forms(codes)
    return LinePattern(
        re.compile(rf"^[ \t>]*\*?(?:{forms})(?P<rest>.*)", re.IGNORECASE),
        frozenset(word.split()[0].casefold() for word in [*words, *framed]),
    )


def _separator_forms(codes: tuple[str, ...] | None) -> tuple[list[str], list[str], str]:
    """The separator words and framed words of the languages ``codes``, and the alternation of
    the forms a separator line opens with (after blanks, quote marks and a bold mark)."""
    selected = _selected_languages(codes)
    words = [word for language in selected for word in language.separators]
    framed = [word for language in selected for word in language.framed_separators]
    forms = [rf"(?:-{{2,}}[ \t]*)?(?:{_alternation(words)})"]
    if framed:
        forms.append(rf"{_DASH_RUN}[ \t]*(?:{_alternation(framed)})[ \t]*{_DASH_RUN}")
    return words, framed, "|".join(forms)


@cache
def separator_starts(codes: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """Where a separator line of the languages ``codes`` may begin in a whole text: a line end
    and the opening of :func:`separator` after it. Run with ``finditer`` over a text, it opens
    with the literal line end, which ``re`` looks for quickly, so that only line starts are tried.
    The run of blanks and quote marks must be followed by something else (no form opens with
    one): a line indented far would otherwise be tried again after every blank. The first character of every
    form is tested first, as one class, before the alternation of every word is tried.
    """
    words, framed, forms = _separator_forms(codes)
    firsts = "".join(sorted({"-", *_DASH_CHARS, *(word[0] for word in [*words, *framed])}))
    return re.compile(rf"\n[ \t>]*(?![ \t>])\*?(?=[{re.escape(firsts)}])(?:{forms})", re.IGNORECASE)


#: A separator line in any language of the tables.
SEPARATOR = separator()
# ---------------------------------------------------------------------------------------------
# Attribution lines: ``On Tue, Jul 2, 2019 at 5:13 AM, Jane Doe <jane@x.org> wrote:``,
# ``Le 4 juil. 2019 à 05:26, Jean <j@x.fr> a écrit :``, ``Am … schrieb …:``. The words come from
# the language tables; where the date and the name stand is read in code (``attribution``).
# ---------------------------------------------------------------------------------------------


def _bounded(words: Iterable[str]) -> str:
    """An alternation of words that must stand apart from other letters (CJK words need not)."""
    spaced = [word for word in words if not _cjk(word[0])]
    joined = [word for word in words if _cjk(word[0])]
    parts = []
    if spaced:
        parts.append(rf"(?<!\w)(?:{_alternation(spaced)})(?!\w)")
    if joined:
        parts.append(rf"(?:{_alternation(joined)})")
    return "|".join(parts) or r"(?!)"


def _cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff"


@dataclass(frozen=True)
class BetweenWords:
    """One language's words between the date and the name of an attribution, as patterns.

    Matched with the case printed: ``am`` of ``schrieb am Fr., 28. Apr.`` is not ``AM``.
    """

    #: At the start of a part: ``am`` of ``schrieb am 28.10.``.
    lead: re.Pattern[str]
    #: At the end of a part, or a second verb (searched with an end position):
    #: ``… het volgende geschreven``, ``… tarihinde``.
    trail: re.Pattern[str]
    #: Anywhere: ``28/10/2021 12:46 időpontban John Doe``.
    middle: re.Pattern[str]


@dataclass(frozen=True)
class AttributionWords:
    """The patterns of attribution lines in a set of languages, and which language a verb is."""

    #: The verb: ``wrote``, ``a écrit``, ``schrieb``, ``napisał(a)``, ``写道``.
    verb: re.Pattern[str]
    #: The opening word, at the start of the line: ``On``, ``Le``, ``Am``, ``Il giorno``.
    before: re.Pattern[str]
    #: Case-folded verb → language.
    verb_language: dict[str, str]
    #: Language → its words between date and name.
    between: dict[str, BetweenWords]


@cache
def attribution_words(codes: tuple[str, ...] | None = None) -> AttributionWords:
    """The attribution patterns for the languages ``codes`` (all when None): the verb ``wrote``
    of ``On … wrote:`` and its language, the opening ``On``, the words between date and name.
    """
    selected = _selected_languages(codes)
    verbs: dict[str, str] = {}
    for language in selected:
        for verb in language.attribution_after:
            verbs.setdefault(" ".join(verb.casefold().split()), language.code)
    openings = {word for language in selected for word in language.attribution_before}
    printed = [verb for language in selected for verb in language.attribution_after]
    between = {
        language.code: BetweenWords(
            lead=re.compile(rf"(?:{_bounded(language.attribution_words)})[ \t]*"),
            trail=re.compile(
                rf"[ \t]*(?:{_bounded([*language.attribution_words, *language.attribution_after])})$"
            ),
            middle=re.compile(_bounded(language.attribution_words)),
        )
        for language in selected
    }
    return AttributionWords(
        verb=re.compile(_bounded(printed), re.IGNORECASE),
        # Case kept: ``On`` opens an attribution, ``on`` is a word of a sentence.
        before=re.compile(rf"^(?:{_alternation(openings)})(?=[ \t])"),
        verb_language=verbs,
        between=between,
    )


#: An e-mail address in an attribution: ``<jane@x.org>``, ``(jane@x.org)``, ``jane@x.org``.
ATTRIBUTION_ADDRESS = re.compile(r"[<(\[]?[^\s<>()\[\]@]{1,64}@[^\s<>()\[\]@]{1,255}[>)\]]?")
#: Where a name may end and a date begin, or the other way round: after a comma or a blank.
ATTRIBUTION_SPLIT = re.compile(r"[,;，][ \t]*|[ \t]+")
#: A name in quotes or an address in brackets, never cut: ``« John Doe »``, ``<j@x.org>``.
ATTRIBUTION_QUOTED = re.compile(
    r'"[^"]{0,80}"|«[^»]{0,80}»|„[^”“]{0,80}[”“]|<[^<>]{0,300}>|\([^()]{0,300}\)'
)
#: Marks OCR and quoting leave before an attribution: ``. On Wed…``, ``» On Jan 14…``,
#: ``--On Monday…``, ``---- On Tue…`` (Zoho), and after it: ``wrote ----``.
ATTRIBUTION_EDGES = " \t.•·»-"
#: OCR specks before an attribution's opening word: ``.444444 On Mar 19, 2009…`` (no letters).
ATTRIBUTION_JUNK = re.compile(r"[\W\d_]{1,12}")
#: A colon and a blank after the verb: the attribution ended there, and prose follows it.
ATTRIBUTION_PROSE = re.compile(r"[:：][ \t]")
#: The longest attribution read, lines joined: a line longer than this is prose.
ATTRIBUTION_MAX_LENGTH = 300
#: An attribution may be wrapped over this many lines (Gmail puts ``wrote:`` on a line of its
#: own; ``Le 4 janv. 2016 19:03, "Neil Lalonde"`` / ``<info@discourse.org>`` / ``a écrit :``).
ATTRIBUTION_MAX_LINES = 3
#: The longest name an attribution may give its writer, in words.
ATTRIBUTION_NAME_WORDS = 12

# ---------------------------------------------------------------------------------------------
# Lotus Notes (the Enron corpus): the sender and the send time on lines of their own above
# ``To:`` / ``cc:`` / ``Subject:``, or after ``From:``; and the ``Forwarded by`` line.
# ---------------------------------------------------------------------------------------------

#: The send time alone under the sender: ``05/03/2001 05:44 AM`` (``James D Steffes@ENRON`` above).
NOTES_TIME_LINE = re.compile(
    r"^[ \t]*\d{1,2}/\d{1,2}/\d{2,4}[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t\r]*$"
)
#: Lines Notes prints between the send time and ``To:``: ``Please respond to nobody``,
#: ``Sent by: Sherri Sera@ENRON``.
NOTES_BETWEEN = re.compile(
    r"^[ \t]*(?:Please[ \t]+respond[ \t]+to\b|Sent[ \t]+by[ \t]*:)", re.IGNORECASE
)
#: How many lines may stand between the send time and ``To:`` (blank, ``Please respond to``).
NOTES_MAX_GAP = 4
#: The longest sender line above a Notes send time; a longer line is a sentence.
NOTES_SENDER_LENGTH = 80
#: The send time after the sender in a ``From:`` value: ``Jason R Williams/ENRON@enronXgate on
#: 03/19/2001 12:17 PM`` (US Notes), ``Jeff Skilling @ ENRON        08/02/2001 23:22`` (a gap;
#: the London office); or on a line of its own above ``To:``, without ``From:``:
#: ``"Curley, Kim" <KCurley@tmh.tmc.edu> on 10/03/2000 01:00:38 PM`` (mail from the internet).
#: Searched in a value stripped of trailing blanks.
NOTES_FROM_TIME = re.compile(
    r"(?:[ \t]on[ \t]+|[ \t]{2})"
    r"(?P<when>\d{1,2}/\d{1,2}/\d{2,4}[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?)$"
)
#: ``---------------------- Forwarded by Phillip K Allen/HOU/ECT on 05/07/2001 07:26 AM -------``
#: (the time may wrap onto the next line). The rest of the line is read by ``FORWARDED_BY_WHEN``.
FORWARDED_BY = re.compile(
    r"^[ \t>]*-{2,}[ \t]*Forwarded[ \t]+by[ \t]+(?P<rest>\S.*)", re.IGNORECASE
)
#: The end of a ``Forwarded by`` line, dashes stripped: `` on 05/07/2001 07:26 AM``.
FORWARDED_BY_WHEN = re.compile(
    r"[ \t]on[ \t]+(?P<when>\d{1,2}/\d{1,2}/\d{2,4}(?:[ \t]+\d{1,2}:\d{2}(?:[ \t]?[AaPp][Mm])?)?)$"
)
#: The longest wrapped tail of a ``Forwarded by`` line (``07:26 AM ----------``, ``PM ---``,
#: ``05/07/2001 07:26 AM``), dashes aside.
FORWARDED_BY_TAIL = 24
#: How many lines a ``Forwarded by`` line may be wrapped over.
FORWARDED_BY_LINES = 3
#: What such a tail holds: digits, ``/``, ``:``, blanks and AM/PM.
FORWARDED_BY_TAIL_TEXT = re.compile(r"^[\d:/ \t.AaPpMm]+$")

# ---------------------------------------------------------------------------------------------
# The newest message's text (``cablethread.newest_body``): rules and signatures.
# ---------------------------------------------------------------------------------------------

#: A rule printed between a reply and what it quotes: ``________________________________``
#: (Outlook), `` ------------------------------`` (Gmail's print of Outlook).
RULE_LINE = re.compile(r"^[ \t]*[-_=*~—–]{3,}[ \t\r]*$")
#: The signature delimiter of RFC 3676 (``-- ``), often printed without its blank.
SIGNATURE_DELIMITER = re.compile(r"^--[ \t]?\r?$")
#: A line holding only the mark a mail tracker adds to the end of what its user wrote (``ᐧ``,
#: U+1427, Mailtrack's, printed above the signature in Gmail): not part of the text.
TRACKER_MARK_LINE = re.compile(r"^[ \t>]*\u1427[ \t\r]*$")


@cache
def signoff(codes: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """A phone's sign-off opening a line: ``Sent from my iPhone``, ``Envoyé de mon iPad``."""
    words = [word for language in _selected_languages(codes) for word in language.signoffs]
    return re.compile(rf"^[ \t]*(?:{_alternation(words)})(?!\w)", re.IGNORECASE)


#: At most this many characters may follow a separator's words, dashes and blanks aside: a
#: margin mark (``Original Message                          1.4(D)``), not a sentence.
SEPARATOR_MARGIN = 40

#: How many blank lines may stand between two fields of one block.
MAX_BLANKS_BETWEEN_FIELDS = 2
#: How many blank and furniture lines a page break inside a block may take (State prints two
#: page stamps and four blank lines between ``To:`` and ``Cc:`` when a page ends there).
MAX_PAGE_BREAK_LINES = 12
#: How far below a recipient list (blank lines and stray name fragments between) the next field
#: of its block may stand for the list to be one field: a WHO invitation prints about 60
#: recipients over 25 lines, broken by blank lines and page stamps, before its ``Cc:``.
LIST_REACH = 60
#: The fields that may follow a recipient list in its block.
AFTER_LIST_FIELDS = frozenset({"cc", "bcc", "subject", "attachments", "importance"})
#: A sentence, not a piece of a recipient list: words, then a full stop, a question or
#: exclamation mark at the end.
PROSE_LINE = re.compile(r"^[^;<>@\[\]]*\w[^;<>@\[\]]*[.?!]$")
#: How many words a line must hold to be taken for a sentence by ``PROSE_LINE``.
PROSE_WORDS = 6
#: How many lines a separator may stand above its block (blank or furniture lines between).
MAX_SEPARATOR_GAP = 3
#: A subject line at least this long (from the line start) may have wrapped onto the next line.
WRAP_LENGTH = 60
#: A line of three words or more closed by a sentence's full stop (a word in lower case, then
#: ``.`` or ``!``): ``Continue to ignore me.`` is the body's, never a subject's second line.
SENTENCE_END = re.compile(r"\S[ \t]+\S+[ \t]+[a-z]*[a-z]{2}[.!]$")
#: A send time's label that lost its colon inside a sender's line, before a weekday and a comma:
#: ``From: Mark Zuckerberg! 0) © Sent; Sunday, March 15, 2020 12: 18 PM`` (or ``Sent Sunday``).
INLINE_SENT_NO_COLON = re.compile(
    r"(?<=[ \t])(?P<label>Sent|Date)[;.]?[ \t]+(?=(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6},)"
)
#: What the OCR left of a recipient label it lost, before the first name of the list: a mark or
#: a letter or two with no capital, then a blank (``i Kadlec, Robert (OS/ASPR/IO); …``).
LOST_LABEL_REMNANT = re.compile(r"^[^\sA-Z]{1,2}[ \t]+(?=[A-Z\"'‘“])")
#: A capitalised word, as a recipient's name begins: ``Kadlec``, ``Conrad``.
NAME_WORD_START = re.compile(r"(?<!\w)[A-Z][a-z]")
#: A file's name with its extension: ``ATT00002.htm``, ``Draft agenda.docx``.
FILE_NAME = re.compile(r"\w\.[A-Za-z][A-Za-z0-9]{1,4}\b")
#: How long a send time printed on the line above its empty ``Sent:`` label may be.
DISPLACED_CLOCK_LENGTH = 48
#: How many lines under its block a subject may be read on onto by the subject printed below.
SUBJECT_EXTEND_LINES = 3
#: Subjects longer than this many words are not trimmed by the subject printed below them.
TRIM_MAX_WORDS = 120
#: A name signed with a degree: ``Anthony S. Fauci, MD``, ``Paul Tone, MD, PhD``.
SIGNATURE = re.compile(
    r"[A-Z][\w.'-]*(?:[ \t][A-Z][\w.'-]*){0,3},[ \t]*(?:MD|M\.D\.|PhD|Ph\.D\.)\b"
)


def reads_as_body(text: str) -> bool:
    """Whether words after a subject read as the first words of a body: a salutation, request
    or sign-off (``Pls respond``, ``Thanks.``), a name called (``Bob:``, ``Tony,``), a sentence
    (``See my edits in red for accuracy.``) or a signature (``Anthony S. Fauci, MD``)."""
    text = text.strip()
    return bool(text) and (
        opens_body(text)
        or _CALLED.match(text) is not None
        or _FULL_STOP_INSIDE.search(text) is not None
        or text[-1] in ",:.!?"
        or _SENTENCE_INSIDE.search(text) is not None
        or SIGNATURE.search(text) is not None
    )


@cache
def body_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(salutations, openings, hails) of a message body, from ``data/body.toml``."""
    tables = load_data(BodyFile).root.values()
    salutations = tuple(w for table in tables for w in table.salutations)
    openings = tuple(w for table in tables for w in table.openings)
    hails = tuple(w for table in tables for w in table.hails)
    return salutations, openings, hails


@cache
def forward_notes() -> frozenset[str]:
    """A forwarder's notes (``FYI``), from ``data/body.toml``: words that may close a forward's
    subject line, the body run onto it."""
    return frozenset(w for table in load_data(BodyFile).root.values() for w in table.forward_notes)


@cache
def _body_patterns() -> tuple[re.Pattern[str], ...]:
    salutations, openings, hails = body_words()
    opening = re.compile(
        rf"^[ \t]*(?:(?:{_alternation(salutations)}|{_alternation(openings)})(?!\w)"
        r"|[A-Z][\w.'-]{0,20}(?:[ \t][A-Z][\w.'-]{0,20}){0,2}[ \t]*[,:!][ \t]*$"
        # ``Jonathan -``: a name called with a dash after it, alone on its line.
        r"|[A-Z][a-z]{1,15}[ \t]+[-–—][ \t]*$)"
    )
    # ``Subject: favor Dear Dr. Fauci,``: a salutation of up to five words closing the line.
    tail = re.compile(
        rf"[ \t](?P<salutation>(?:{_alternation(salutations)})(?:[ \t][^ \t]{{1,24}}){{0,4}}[,:!])"
        r"[ \t]*$"
    )
    # ``… Univ of Nebraska..... Kyra: Thanks for the note. You would …``: a name called, then
    # sentences to the end of the line.
    vocative = re.compile(
        r"[ \t](?P<salutation>[A-Z][a-z]{1,15}(?::(?:(?:[ \t]+[^ \t:]+){5,})?|,)[ \t]*)$"
    )
    # ``Subject: Re: Question Hi`` / ``Dr. Fauci,``: a salutation's first word closing the line.
    hail = re.compile(rf"[ \t](?P<salutation>(?:{_alternation(hails)}))[ \t]*$")
    # ``remarks for White House press conference Dr. Fauci, Attached for review are …``,
    # ``… needing reassurance Thank you for your note. A.S. Fauci.``: a salutation, thanks or
    # request, then sentences to the end of the line.
    sentences = re.compile(
        rf"[ \t](?P<salutation>(?:{_alternation(salutations)}|{_alternation(openings)}))(?!\w)"
    )
    return opening, tail, vocative, hail, sentences


def opens_body(line: str) -> bool:
    """Whether ``line`` reads as the first line of a body, not a subject's continuation:
    ``Dear Dr. Fauci,``, ``Pls respond``, ``Tony,``, ``Jonathan -``, ``Thanks, Jen``."""
    return _body_patterns()[0].match(line) is not None


@cache
def _subject_wrap_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """(words, marks) a subject's printed line may end on mid-phrase, from
    ``data/subject_wrap.toml``."""
    tables = load_data(SubjectWrapFile).root.values()
    words = frozenset(w.casefold() for table in tables for w in table.open_endings)
    marks = tuple(m for table in tables for m in table.open_marks)
    return words, marks


def ends_open(line: str) -> bool:
    """Whether a subject's printed line breaks mid-phrase, so that the next line may be its
    remainder: ``… on convalescent serum for`` (a word that cannot end a phrase), ``… NEJM:``
    (a mark) or ``… together-"Fourth`` (a quotation left open). ``… Dan Chertow invitation``
    ends a phrase."""
    text = line.rstrip()
    if not text:
        return False
    words, marks = _subject_wrap_words()
    if text.endswith(marks) or _opens_unclosed(text):
        return True
    return text.rsplit(None, 1)[-1].casefold() in words


def _opens_unclosed(text: str) -> bool:
    """Whether ``text`` opens a quotation or a bracket it does not close: ``… keeping the world
    together-"Fourth``."""
    return (
        text.count('"') % 2 == 1
        or text.count("(") > text.count(")")
        or text.count("“") > text.count("”")
    )


def titled(line: str) -> bool:
    """Whether ``line`` is set as a title or a subject is, not as a sentence: each word in
    capitals or opening with one (``Wants It Dead``, ``COMMANDER TO KABUL FOR TALKS``), but for
    the small words a title keeps in lower case (``Endowment of the Arts``) and words with no
    letter. ``We don't have to decide this`` is a sentence."""
    words, _ = _subject_wrap_words()
    return all(
        not word[0].islower() or word.casefold() in words
        for word in line.split()
        if any(c.isalpha() for c in word)
    )


def body_on_subject_line(value: str) -> int | None:
    """Where body text run onto a subject's line begins (``favor Dear Dr. Fauci,`` → 6), if any:
    a salutation closing the line, or a name called and sentences after it."""
    _, tail, vocative, hail, sentences = _body_patterns()
    for pattern in (tail, hail):
        match = pattern.search(value)
        if match is not None:
            return match.start("salutation")
    match = vocative.search(value)
    # A name called alone (``… Nebraska..... Kyra:``, ``… to talk Tony,``), or sentences after it, not a subject's
    # own ``Update: New guidance issued.``: one ends inside.
    if match is not None and (
        match.group("salutation").strip().endswith((":", ","))
        or _SENTENCE_INSIDE.search(match.group("salutation"))
    ):
        return match.start("salutation")
    for match in sentences.finditer(value):
        said = value[match.start("salutation") :].rstrip()
        before = [w for w in value[: match.start()].split() if not w.endswith(":")]
        if (
            before
            and len(said.split()) >= 4
            and (said[-1] in ".!?" or _SENTENCE_INSIDE.search(said))
        ):
            # ``Re: Question Hi Dr. Fauci, This effort …``: the salutation's first word too.
            head = hail.search(value, 0, match.start())
            return head.start("salutation") if head is not None else match.start("salutation")
    return None


#: A full stop after a word, with more text after it: ``… unless Tony knows. lll ROT)``.
_FULL_STOP_INSIDE = re.compile(r"[a-z]{3,}\.[ \t]+\S")
#: A name called at the start of a body: ``Tony, | assume you have already seen this``.
_CALLED = re.compile(r"[A-Z][a-z]{1,15}[,:](?:[ \t]|$)")
#: A sentence that ends before the end of the text: ``… the note. You would …``.
_SENTENCE_INSIDE = re.compile(r"(?:\b[a-z]{2,}|[a-z]{4,})[.!?][ \t]+[A-Z]")
#: A continuation printed in a value column may start this many columns off the column.
COLUMN_SLACK = 3

# ---------------------------------------------------------------------------------------------
# Page furniture: stamps and banners that a release adds to every page.
# ---------------------------------------------------------------------------------------------

_FURNITURE_LINE = r"""(?:
        # New Zealand: OIA release stamp
        Released[ \t]+under[ \t]+the[ \t]+Official[ \t]+Information[ \t]+Act(?:[ \t]+1982)?
      # US State Department page stamp (pdftotext of the OCR layer)
      | UNCLASSIFIED[ \t]+U\.?S\.?[ \t]+Department[ \t]+of[ \t]+State[ \t]+Case[ \t]+No\.?.{0,120}
      # US release banners, with the exemption codes that follow on the same line
      | RELEASE[ \t]+IN[ \t]+(?:PART|FULL)\b.{0,60}
      | PRODUCED[ \t]+TO[ \t]+HOUSE[ \t]+SELECT[ \t]+BENGHAZI[ \t]+COMM\.?.{0,40}
      | SUBJECT[ \t]+TO[ \t]+AGREEMENT[ \t]+ON[ \t]+SENSITIVE[ \t]+INFORMATION.{0,80}
      # The stamp of the documents produced to the House Benghazi committee, printed over five
      # lines with the committee's notices beside them:
      #   UNCLASSIFIED               STATE DEPT. - PRODUCED TO HOUSE SELECT BENGHAZI COMM.
      #   U.S. Department of State   SUBJECT TO AGREEMENT ON SENSITIVE INFORMATION & …
      #   Case No. F-2015-04841 / Doc No. C05739545 / Date: 05/13/2015 (see STAMP_DATE_LINE)
      | UNCLASSIFIED[ \t]+STATE[ \t]+DEPT\.?[ \t]+-[ \t]+PRODUCED[ \t]+TO[ \t]+HOUSE.{0,60}
      | U\.?S\.?[ \t]+Department[ \t]+of[ \t]+State[ \t]+SUBJECT[ \t]+TO[ \t]+AGREEMENT.{0,100}
      | Case[ \t]+No\.?[ \t]+F-\d{4}-\d{5}
      | Doc[ \t]+No\.?[ \t]+C\d{8}(?:[ \t]+(?:STATE[ \t]+DEPT|RELEASE).{0,70})?
      | Date:[ \t]*\d{2}/\d{2}/\d{4}[ \t]+SUBJECT[ \t]+TO[ \t]+AGREEMENT.{0,120}
      # Bates numbers alone on a line: "NIH-001013" (the NIH release), "DOC-0001234"; State's
      # document number "C05769379". Letters, an optional hyphen, five digits or more.
      | (?-i:[A-Z]{1,8}[-_]?\d{5,10})
      # Page numbers alone on a line: "Page 3 of 7", "- 3 -"
      | Page[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?
      | -[ \t]*\d{1,4}[ \t]*-
    )[ \t\r\x0c]*$"""
FURNITURE = re.compile(rf"^[ \t]*{_FURNITURE_LINE}", re.IGNORECASE | re.VERBOSE)
#: Where a line of :data:`FURNITURE` begins in a whole text, after its line end (``finditer``).
#: The run of blanks must be followed by something else (no furniture opens with a blank): a
#: line indented far would otherwise be tried again after every blank.
FURNITURE_LINE_START = re.compile(
    rf"\n[ \t]*(?![ \t]){_FURNITURE_LINE}", re.IGNORECASE | re.VERBOSE | re.MULTILINE
)

# ---------------------------------------------------------------------------------------------
# Right-margin stamps of US releases. State prints its review marks in the right margin, often on
# the same line as a header field or a sentence, after a wide gap:
#   ``Sent:      Thursday, June 28, 2012 10:11 AM                  PART B1,1.4(D)``
#   ``To:        H                                                 CONFIDENTIAL — Reason:``
# Text is cut into words (``STAMP_WORD``) and every word must belong to the stamp; no
# regular expression runs over a whole stamp.
# ---------------------------------------------------------------------------------------------

#: One withholding code as State prints it in the margin: ``B6``, ``B7(C)``, and the reasons of
#: Executive Order 13526 §1.4 printed beside ``B1``: ``1.4(D)``, ``1,4(D)``, ``1.4(B)(D)``.
MARGIN_CODE = re.compile(r"^(?:B[1-9](?:\([A-Fa-f]\))?|1[.,]4\([A-Ha-h]\)(?:\([A-Ha-h]\))?)$")
#: A statute named after a ``B3`` code: ``B3 CIA PERS/ORG``, ``B3 NATSECACT1947``, ``B3 INA``.
STATUTE_WORD = re.compile(r"^[A-Z][A-Z0-9/]{1,15}$")
#: Words of a release banner, also when split over lines (``RELEASE IN`` / ``PART B6``).
BANNER_WORDS = frozenset({"RELEASE", "IN", "PART", "FULL"})
#: Banner words that make a run of stamp words a banner (``IN`` alone does not).
BANNER_STRONG = frozenset({"RELEASE", "PART", "FULL"})
#: Words of the declassification stamp, lower-cased: ``Classified by DAS, A/GIS, DoS on
#: 07/30/2015 — Class: CONFIDENTIAL — Reason: 1.4(B), 1.4(D) — Declassify on: 07/08/2024``.
CLASSIFICATION_WORDS = frozenset(
    {
        "classified",
        "by",
        "das",
        "a/gis",
        "dos",
        "on",
        "on:",
        "class:",
        "confidential",
        "secret",
        "reason:",
        "declassify",
        "-",
    }
)
#: Stamp words that no sentence or header value uses this way; one makes a run a stamp.
CLASSIFICATION_STRONG = frozenset({"classified", "declassify", "reason:", "class:", "dos"})
#: A date in the stamp: ``07/30/2015``, ``01-29-2016``.
STAMP_DATE = re.compile(r"^\d{1,2}[/-]\d{1,2}[/-]\d{4}$")
#: Where stamp text is cut into words: blanks, commas and dashes.
STAMP_WORD_SPLIT = re.compile(r"[\s,—–]+")
#: One word of stamp text (what ``STAMP_WORD_SPLIT`` leaves), read one at a time so that a line
#: is given up at its first word that belongs to no stamp.
STAMP_WORD = re.compile(r"[^\s,—–]+")
#: A speck of OCR noise standing alone in the right margin of a value (``12:07 PM          I``):
#: one or two marks, or a single stroke read as ``I``, ``l``, ``1`` or ``|``.
MARGIN_SPECK = re.compile(r"^(?:[^\w\s]{1,2}|[Il1|])$")
#: A gap of blank columns that parts a value from a stamp printed to its right.
MARGIN_GAP = re.compile(r"[ \t]{3,}")
#: A line that starts this far right is in the margin (a lone declassification date there).
MARGIN_COLUMN = 40

#: ``Date: 05/13/2015`` (a banner may stand far right of it): the last line of the
#: Benghazi-committee stamp, furniture only on the line or two after its ``Doc No.`` line
#: (elsewhere it may be a memo's date field).
STAMP_DATE_LINE = re.compile(r"^[ \t]*Date:[ \t]*\d{2}/\d{2}/\d{4}(?:[ \t]{3,}\S.{0,60})?[ \t\r]*$")
#: The ``Doc No.`` line that ``STAMP_DATE_LINE`` follows.
STAMP_DOC_LINE = re.compile(r"^[ \t]*Doc[ \t]+No\.?[ \t]+C\d{8}")

#: The release's own list of documents: heading, then a ``Doc #`` row and tab-separated rows.
_SCHEDULE_HEADING = r"Document[ \t]+schedule[ \t\r]*$"
SCHEDULE_HEADING = re.compile(rf"^[ \t]*{_SCHEDULE_HEADING}", re.IGNORECASE)
#: Where a :data:`SCHEDULE_HEADING` line begins in a whole text, after its line end.
SCHEDULE_LINE_START = re.compile(
    rf"\n[ \t]*(?![ \t]){_SCHEDULE_HEADING}", re.IGNORECASE | re.MULTILINE
)
SCHEDULE_ROW = re.compile(r"^[ \t]*(?:Doc[ \t]*#|\d{1,4}\t).*$", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Bodies
# ---------------------------------------------------------------------------------------------

#: The end mark of a formal message: ``ENDS``, ``[ENDS]``, ``(ENDS)``.
ENDS_LINE = re.compile(r"^[ \t]*[\[(]?ENDS[\])]?\.?[ \t\r]*$")

#: A printed chain cut by the releasing agency.
CHAIN_CUT = re.compile(
    r"remainder[ \t]+of[ \t]+(?:this|the)[ \t]+(?:e-?mail[ \t]+)?(?:thread|chain)[ \t]+"
    r"(?:is|was)[ \t]+(?:out[ \t]+of[ \t]+scope|withheld|not[ \t]+relevant)",
    re.IGNORECASE,
)

#: Section heads of a formal message; never the tail of a wrapped subject.
SECTION_HEADS = frozenset(
    {
        "SUMMARY",
        "HANDLING",
        "REPORT",
        "ACTION",
        "COMMENT",
        "REFERENCE",
        "BACKGROUND",
        "ENDS",
        "OUT OF SCOPE",
        "SECURITY CLASSIFICATION",
    }
)

#: A short upper-case line (the tail of a wrapped subject): ``XINJIANG LETTER``.
UPPER_TAIL = re.compile(r"^[ \t]*[A-Z0-9][A-Z0-9 ,.:;'&/()\-]{1,80}[ \t\r]*$")
