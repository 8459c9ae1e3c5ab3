"""Fuzz target for ``cablethread.parse`` under atheris (libFuzzer).

Run: ``python fuzz/fuzz_parse.py -max_total_time=600 fuzz/corpus`` (see ``fuzz/README.md``).

Each input is read as text (atheris' ``ConsumeUnicodeNoSurrogates`` would hide lone surrogates,
so the bytes are decoded with ``surrogatepass`` where they allow it, else as Latin-1). Whatever
the text, lenient parsing must return a release whose segments rebuild the text and whose spans
lie inside it; strict parsing may raise only ``ParseError``. Anything else is a crash.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import cablethread


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def check(text: str) -> None:
    """Parse ``text`` leniently and strictly and hold the result to the invariants."""
    release = cablethread.parse(text)
    if release.text != text:
        raise AssertionError("segments do not rebuild the input")
    total = sum(s.span.end - s.span.start + 1 for s in release.segments)
    for message in release.messages:
        for occurrence in message.occurrences:
            if not 1 <= occurrence.span.start <= occurrence.span.end <= total:
                raise AssertionError(f"span {occurrence.span} outside 1..{total}")
    for diagnostic in release.diagnostics:
        if diagnostic.span is not None and diagnostic.span.end > total:
            raise AssertionError(f"diagnostic span {diagnostic.span} outside 1..{total}")
    with contextlib.suppress(cablethread.ParseError):
        cablethread.parse(text, cablethread.Policy(strict=True))


def test_one_input(data: bytes) -> None:
    """libFuzzer's entry point."""
    check(_text(data))


def main() -> None:
    """Start the fuzzer with libFuzzer's own command-line options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
