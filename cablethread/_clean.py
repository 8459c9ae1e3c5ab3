"""Characters that a format cannot carry, replaced by U+FFFD so that the output stays valid.

A release's text is kept exactly as given, control characters and all (the lossless invariant);
the writers make it fit their format at the last moment, never on the models.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "REPLACEMENT",
    "terminal_safe",
    "without_surrogates",
    "without_surrogates_deep",
    "xml_safe",
]

REPLACEMENT = "\ufffd"

# A Python str holds a surrogate code point only when it is unpaired (a pair read from UTF-8 or
# UTF-16 is one code point), and UTF-8 cannot encode one.
_SURROGATE = re.compile("[\ud800-\udfff]")

# XML 1.0 § 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
# Everything else — NUL, form feed, lone surrogates, U+FFFE/U+FFFF — makes a document ill-formed.
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def without_surrogates(text: str) -> str:
    """``text`` with unpaired surrogates replaced by U+FFFD.

    >>> without_surrogates("a\\ud800b")
    'a\\ufffdb'
    """
    return _SURROGATE.sub(REPLACEMENT, text)


def without_surrogates_deep(value: Any) -> Any:
    """A copy of nested dicts, lists and tuples with every string passed through
    :func:`without_surrogates`.

    >>> without_surrogates_deep({"s": ["\\udc80", 1]})
    {'s': ['\\ufffd', 1]}
    """
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, dict):
        return {key: without_surrogates_deep(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(without_surrogates_deep(item) for item in value)
    return value


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD.

    >>> xml_safe("form\\x0cfeed, NUL\\x00, tab\\t")
    'form\\ufffdfeed, NUL\\ufffd, tab\\t'
    """
    return _NOT_XML_CHAR.sub(REPLACEMENT, text)


# What a terminal acts on rather than shows: C0 controls but tab and line feed (ESC opens screen
# clears, cursor moves, OSC 52 clipboard writes; CR rewrites the line), DEL, the C1 controls
# (U+009B is a one-character CSI), the bidirectional overrides, embeddings and isolates that
# reorder what follows (``\u202etxt.exe``), the line and paragraph separators, and lone
# surrogates, which no terminal encoding can carry.
_NOT_FOR_TERMINAL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` as a terminal may show it: each control or bidi character as its escape.

    Only what is printed is escaped; the data keeps every character.

    >>> terminal_safe("RE: LETTER\\x1b[2J \\u202etxt.exe")
    'RE: LETTER\\\\x1b[2J \\\\u202etxt.exe'
    """
    return _NOT_FOR_TERMINAL.sub(_escaped, text)
