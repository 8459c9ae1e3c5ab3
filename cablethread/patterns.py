"""Every regular expression and threshold of the line scanner, in one commented place.

Each pattern is anchored or bounded so that it runs in time linear in the line; none nests
unbounded repetitions.
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
    "attachments": "attachments",
    "attachment": "attachments",
    "importance": "importance",
    "security classification": "classification",
    "classification": "classification",
}

#: Fields whose value may wrap onto following lines.
WRAPPING_FIELDS = frozenset({"to", "cc", "bcc", "subject", "attachments", "from"})

#: Fields that, beside ``from``, make a run of labelled lines a header block.
BLOCK_FIELDS = frozenset({"sent", "to", "cc", "subject"})

_LABEL_ALTERNATION = "|".join(sorted((re.escape(label) for label in LABELS), key=len, reverse=True))

#: ``From: GENEVA``, ``Sent:   Thursday, …``, ``To:`` (empty), a ``>`` quote prefix allowed.
#: Outlook column layout puts many spaces or a tab between label and value.
LABEL_LINE = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<label>{_LABEL_ALTERNATION})[ \t]*:[ \t]*(?P<value>.*?)[ \t\r]*$",
    re.IGNORECASE,
)

#: A label that lost its colon to OCR, value in a column: ``Subject            Re: flight``.
#: Only these labels, and only inside a block that has already begun.
LABEL_LINE_NO_COLON = re.compile(
    r"^(?P<indent>[ \t]*)(?P<label>Subject|Sent|To|Cc|Date)(?:[ \t]{2,}|\t)(?P<value>\S.*?)[ \t\r]*$"
)

#: Separator lines printed above a quoted or forwarded header block.
SEPARATOR = re.compile(
    r"^[ \t>]*(?:-{2,}[ \t]*)?(?:Original Message|Forwarded message|Forwarded Message"
    r"|Begin forwarded message:?)[ \t]*(?:-{2,})?[ \t]*(?P<margin>\S.{0,40})?[ \t\r]*$",
    re.IGNORECASE,
)

#: How many blank lines may stand between two fields of one block.
MAX_BLANKS_BETWEEN_FIELDS = 2
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
      # Page numbers alone on a line: "Page 3 of 7", "- 3 -"
      | Page[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?
      | -[ \t]*\d{1,4}[ \t]*-
    )[ \t\r\x0c]*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: A line of exemption codes under a ``RELEASE IN PART`` banner: ``B5,B6`` or ``B1,1.4(B)``.
FURNITURE_CODES_LINE = re.compile(
    r"^[ \t]*(?:B[1-9](?:\([A-F]\))?|1\.4\([A-H]\))(?:[ \t]*,[ \t]*(?:B[1-9](?:\([A-F]\))?|1\.4\([A-H]\)))*[ \t\r]*$",
    re.IGNORECASE,
)

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
