"""Every regular expression and threshold of the line scanner, in one commented place.

Each pattern is anchored or bounded so that it runs in time linear in the line; none nests
unbounded repetitions. Values are matched greedily to the line end and stripped in code: a lazy
value followed by optional trailing blanks would rescan every run of spaces.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Header labels (English; other languages come from data tables).
# ---------------------------------------------------------------------------------------------

#: Canonical field name for each printed label (lower-cased).
LABELS: dict[str, str] = {
    "from": "from",
    "sent": "sent",
    "date": "sent",
    "sent date": "sent",
    "to": "to",
    "cc": "cc",
    "bcc": "bcc",
    "subject": "subject",
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
    "reply-to": "reply_to",
    "sent by": "sent_by",
    "conversation": "conversation",
}

#: Fields whose value may wrap onto following lines.
WRAPPING_FIELDS = frozenset({"to", "cc", "bcc", "subject", "attachments", "from"})

#: Fields that, beside ``from``, make a run of labelled lines a header block.
BLOCK_FIELDS = frozenset({"sent", "to", "cc", "subject"})

_LABEL_ALTERNATION = "|".join(sorted((re.escape(label) for label in LABELS), key=len, reverse=True))

#: ``From: GENEVA``, ``Sent:   Thursday, …``, ``To:`` (empty). Outlook column layout puts many
#: spaces or a tab between label and value. State's OCR sometimes puts a stray mark before the
#: label (``.   Sent: Sun Apr 25 17:07:54 2010``, ``• Sent: Sat Jan 22 10:01:43 2011``).
#: Quote prefixes (``> From:``) are blanked before any pattern runs (see ``QUOTE_PREFIX``).
LABEL_LINE = re.compile(
    rf"^(?P<indent>[ \t]*(?:[•·°.][ \t]*)?)(?P<label>{_LABEL_ALTERNATION})[ \t]*:[ \t]*(?P<value>.*)",
    re.IGNORECASE,
)

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

#: Separator lines printed above a quoted or forwarded header block: ``-----Original
#: Message-----`` (Outlook), ``    Original Message`` (State's print of it), ``----- Forwarded
#: message -----`` (Gmail), ``Begin forwarded message:`` (Apple Mail). What follows the words is
#: checked in code (``SEPARATOR_MARGIN``): a pattern with blanks on both sides of optional dashes
#: would try every way to split a long run of blanks.
SEPARATOR = re.compile(
    r"^[ \t>]*(?:-{2,}[ \t]*)?(?:Original Message|Forwarded message|Begin forwarded message)"
    r"(?P<rest>.*)",
    re.IGNORECASE,
)
#: At most this many characters may follow a separator's words, dashes and blanks aside: a
#: margin mark (``Original Message                          1.4(D)``), not a sentence.
SEPARATOR_MARGIN = 40

#: How many blank lines may stand between two fields of one block.
MAX_BLANKS_BETWEEN_FIELDS = 2
#: How many blank and furniture lines a page break inside a block may take (State prints two
#: page stamps and four blank lines between ``To:`` and ``Cc:`` when a page ends there).
MAX_PAGE_BREAK_LINES = 12
#: How many lines a separator may stand above its block (blank or furniture lines between).
MAX_SEPARATOR_GAP = 3
#: A subject line at least this long (from the line start) may have wrapped onto the next line.
WRAP_LENGTH = 60
#: A continuation printed in a value column may start this many columns off the column.
COLUMN_SLACK = 3

# ---------------------------------------------------------------------------------------------
# Page furniture: stamps and banners that a release adds to every page.
# ---------------------------------------------------------------------------------------------

FURNITURE = re.compile(
    r"""^[ \t]*(?:
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
      # Page numbers alone on a line: "Page 3 of 7", "- 3 -"
      | Page[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?
      | -[ \t]*\d{1,4}[ \t]*-
    )[ \t\r\x0c]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# ---------------------------------------------------------------------------------------------
# Right-margin stamps of US releases. State prints its review marks in the right margin, often on
# the same line as a header field or a sentence, after a wide gap:
#   ``Sent:      Thursday, June 28, 2012 10:11 AM                  PART B1,1.4(D)``
#   ``To:        H                                                 CONFIDENTIAL — Reason:``
# Text is cut into words (``STAMP_WORD_SPLIT``) and every word must belong to the stamp; no
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
SCHEDULE_HEADING = re.compile(r"^[ \t]*Document[ \t]+schedule[ \t\r]*$", re.IGNORECASE)
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
