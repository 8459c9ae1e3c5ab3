"""Every diagnostic code, as a :class:`~enum.StrEnum`: a misspelt code is a type error.

A member is its code: ``Code.DATE_UNPARSED == "date-unparsed"``. What each code means and how
severe it is stands in the registry, :data:`cablethread.diagnostics.CODES`, and on the
diagnostics page of the docs.

>>> Code("date-unparsed") is Code.DATE_UNPARSED
True
"""

from __future__ import annotations

from enum import StrEnum, unique

__all__ = ["Code"]


@unique
class Code(StrEnum):
    """A diagnostic code (``header-subject-joined``, ``thread-chain-break``, …)."""

    INPUT_EMPTY = "input-empty"
    INPUT_NO_HEADERS = "input-no-headers"
    INPUT_DECODED_CP1252 = "input-decoded-cp1252"
    INPUT_DECODE_DAMAGED = "input-decode-damaged"
    INPUT_CONTROL_CHARACTERS = "input-control-characters"
    INPUT_REPEATED = "input-repeated"
    PAGE_NO_TEXT = "page-no-text"
    PROFILE_DETECTED = "profile-detected"
    HEADER_LABEL_NO_COLON = "header-label-no-colon"
    HEADER_LABEL_OCR_REPAIRED = "header-label-ocr-repaired"
    HEADER_LABEL_LOST = "header-label-lost"
    HEADER_FIELDS_INLINE = "header-fields-inline"
    HEADER_SUBJECT_BODY_SPLIT = "header-subject-body-split"
    HEADER_SUBJECT_WITHHELD = "header-subject-withheld"
    HEADER_SUBJECT_QUOTED = "header-subject-quoted"
    HEADER_VALUE_ABOVE_LABEL = "header-value-above-label"
    HEADER_NO_SENDER = "header-no-sender"
    HEADER_DUPLICATE_FIELD = "header-duplicate-field"
    HEADER_SUBJECT_PREFIXES_CUT = "header-subject-prefixes-cut"
    HEADER_SUBJECT_PREFIX_NO_COLON = "header-subject-prefix-no-colon"
    HEADER_SUBJECT_JOINED = "header-subject-joined"
    HEADER_FURNITURE_INSIDE = "header-furniture-inside"
    HEADER_SEPARATOR_ALONE = "header-separator-alone"
    DATE_MISSING = "date-missing"
    DATE_UNPARSED = "date-unparsed"
    DATE_OUT_OF_RANGE = "date-out-of-range"
    DATE_INCOMPLETE = "date-incomplete"
    DATE_WEEKDAY_MISMATCH = "date-weekday-mismatch"
    DATE_DAYFIRST_BY_WEEKDAY = "date-dayfirst-by-weekday"
    DATE_DAYFIRST_BY_CHAIN = "date-dayfirst-by-chain"
    DATE_ORDER_ASSUMED = "date-order-assumed"
    DATE_ZONE_AMBIGUOUS = "date-zone-ambiguous"
    DATE_ZONE_RESOLVED = "date-zone-resolved"
    DATE_ZONE_DST_MISMATCH = "date-zone-dst-mismatch"
    DATE_ZONE_UNKNOWN = "date-zone-unknown"
    DATE_OCR_REPAIRED = "date-ocr-repaired"
    DATE_ORDER_SWAPPED = "date-order-swapped"
    REDACTION_OCR_DAMAGED = "redaction-ocr-damaged"
    REDACTION_MARGIN = "redaction-margin"
    PARTY_UNKNOWN = "party-unknown"
    PARTY_CODE_OCR_REPAIRED = "party-code-ocr-repaired"
    PARTY_LIST_CUT = "party-list-cut"
    PARTY_WRAP_JOINED = "party-wrap-joined"
    PARTY_WRAP_SPLIT = "party-wrap-split"
    PARTY_COLUMN_SPLIT = "party-column-split"
    PARTY_ADDRESS_REPAIRED = "party-address-repaired"
    PARTY_NOISE_SKIPPED = "party-noise-skipped"
    PARTY_NAME_REPAIRED = "party-name-repaired"
    PARTY_WITHHELD = "party-withheld"
    PARTY_ON_BEHALF = "party-on-behalf"
    MESSAGE_VARIANT = "message-variant"
    COLLATION_UNALIGNED = "collation-unaligned"
    THREAD_PLACEHOLDER = "thread-placeholder"
    THREAD_SUBJECT_TIME = "thread-subject-time"
    THREAD_SUBJECT_CHANGED = "thread-subject-changed"
    THREAD_CHAIN_BREAK = "thread-chain-break"
    TIME_REPLY_BEFORE_PARENT = "time-reply-before-parent"
    TIME_ZONE_CHOSEN = "time-zone-chosen"
    TIME_ZONE_UNKNOWN = "time-zone-unknown"
    TIME_AMBIGUOUS = "time-ambiguous"
    TIME_NONEXISTENT = "time-nonexistent"
