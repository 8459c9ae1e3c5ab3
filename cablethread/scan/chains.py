"""Printed chains: where one block's chain ends and the next begins, and which message encloses a
quoted one."""

from __future__ import annotations

import bisect
from array import array

from cablethread.fields.subjects import (
    bare_key,
    parse_subject,
    run_on,
    variant_of,
)
from cablethread.scan.lines import _BLANK, _FURNITURE, _MARGIN
from cablethread.scan.raw import KIND_BODY, KIND_HEADER, KIND_OTHER, NO_OWNER, RawBlock


def _breaks_below(
    upper: RawBlock, lower: RawBlock, classes: bytearray, cuts: list[int], schedules: list[int]
) -> bool:
    """Whether the printed chain ends between two blocks.

    It does where the agency cut it (``The remainder of this email thread is out of scope``) and
    where the release's schedule stands between. Text after a body's end mark (``ENDS``) does not
    end it: attachments are printed there, and the subject and time checks of threading keep
    unrelated documents apart.

    It also ends below a reply's attribution (``On Mar 2, 2020, at 6:57 PM, Johnson … wrote:``)
    whose quoted text runs to the end of a page, where the next page opens with a labelled block
    (``From:`` / ``Sent:``, no separator line) not quoted deeper than the attribution: a new
    document's top block, not the quoted message (which stands within the attribution's quote).
    A labelled block printed after text on the next page, or another attribution, continues it.
    The page stamp is page furniture (the Bates number ``NIH-001033`` alone on a line).

    Likewise a page that opens with a labelled block, not quoted and with no separator line,
    whose subject is not the block's above (:func:`_subjects_agree`), or is marked a reply or
    forward where the one above is not (:func:`_reply_below_unmarked`), begins a new document:
    a release prints each document from a new page, its newest message first.

    ``cuts``: the lines of text where the release cut a chain; ``schedules``: the schedule's lines
    (both ascending).
    """
    for marked in (cuts, schedules):
        at = bisect.bisect_right(marked, upper.end)
        if at < len(marked) and marked[at] < lower.start:
            return True
    if (
        upper.layout == "attribution"
        and lower.layout == "fields"
        and lower.separator is None
        and lower.quote_depth <= upper.quote_depth
    ):
        n = lower.start - 1
        while n > upper.end and classes[n - 1] in (_BLANK, _MARGIN):
            n -= 1
        return n > upper.end and classes[n - 1] == _FURNITURE
    return (
        upper.layout == "fields"
        and lower.layout == "fields"
        and lower.separator is None
        and lower.quote_depth == upper.quote_depth == 0
        and _opens_page(upper, lower, classes)
        and (not _subjects_agree(upper, lower) or _reply_below_unmarked(upper, lower))
    )


def _opens_page(upper: RawBlock, lower: RawBlock, classes: bytearray) -> bool:
    """Whether ``lower`` opens a page: only blank lines and page furniture (a Bates stamp)
    stand between it and the last line of text above it, which is below ``upper``."""
    n = lower.start - 1
    while n > upper.end and classes[n - 1] in (_BLANK, _MARGIN):
        n -= 1
    return n > upper.end and classes[n - 1] == _FURNITURE


def _subjects_agree(upper: RawBlock, lower: RawBlock) -> bool:
    """Whether two blocks' subjects may be one thread's: equal or variants once reply and
    forward prefixes are set aside, one run on or cut short, or either missing."""
    keys = []
    for block in (upper, lower):
        raw_field = block.get("subject")
        if raw_field is None:
            return True
        subject = parse_subject(" ".join(f.text for f in raw_field.fragments))
        keys.append(bare_key(subject)[0])
    if not keys[0] or not keys[1]:
        return True
    return variant_of(keys[0], keys[1]) or run_on(keys[0], keys[1])


def _reply_below_unmarked(upper: RawBlock, lower: RawBlock) -> bool:
    """Whether ``lower``'s subject is marked a reply or forward and ``upper``'s, printed above
    it, is not: ``Subtitled Coronavirus Video`` above ``FW: Subtitled Coronavirus Video``. A
    message is printed above the one it answers, whose subject never carries more prefixes than
    its own; a writer who rewrote a reply's subject (``Industrial Park traffic`` above ``Re:``)
    leaves no words in common."""
    marks = []
    for block in (upper, lower):
        raw_field = block.get("subject")
        if raw_field is None:
            return False
        key, marked = bare_key(parse_subject(" ".join(f.text for f in raw_field.fragments)))
        if not key:
            return False
        marks.append(marked)
    return marks == [False, True]


def _enclosing(kinds: bytearray, owners: array[int], start: int) -> int | None:
    """The message whose header or body stands nearest above line ``start``, if any: the reply
    holding ``> On … wrote:`` in its quoted text, to which the lines after that quote return.
    """
    for n in range(start - 1, 0, -1):
        if kinds[n - 1] == KIND_HEADER or kinds[n - 1] == KIND_BODY:
            return owners[n - 1] if owners[n - 1] != NO_OWNER else None
        if kinds[n - 1] == KIND_OTHER:
            return None
    return None
