"""Properties over arbitrary text: lossless segments, spans inside the text, determinism."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import cablethread

HEADERISH = st.sampled_from(
    [
        "From: NAD",
        "From: GENEVA",
        "Sent: Thursday, 4 July 2019 5:26 AM",
        "Sent: 12:38 a.m.",
        "To: NAD; UNHC",
        "Cc: DS",
        "MLG; CEO",
        "Subject: RE: FORMAL MESSAGE: s6(a)",
        "XINJIANG LETTER",
        "-----Original Message-----",
        "Released under the Official Information Act",
        "s6(a), s9(2)(g)(i)",
        "ENDS",
        "",
        "   ",
        "\x0c",
        "To: Sullivan, Jacob J        B6",
    ]
)
LINES = st.lists(st.one_of(HEADERISH, st.text(max_size=40)), max_size=40)
ENDINGS = st.sampled_from(["\n", "\r\n"])


@settings(max_examples=300, deadline=None)
@given(LINES, ENDINGS, st.booleans())
def test_segments_rebuild_any_text(lines: list[str], ending: str, trailing: bool) -> None:
    text = ending.join(lines) + (ending if trailing else "")
    release = cablethread.parse(text)
    assert "".join(s.text for s in release.segments) == text
    covered = [n for s in release.segments for n in s.span.lines]
    assert covered == list(range(1, len(covered) + 1))


@settings(max_examples=200, deadline=None)
@given(LINES)
def test_spans_lie_inside_the_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    release = cablethread.parse(text)
    total = len(release.segments and [n for s in release.segments for n in s.span.lines])
    for message in release.messages:
        for occurrence in message.occurrences:
            assert 1 <= occurrence.span.start <= occurrence.span.end <= total
        for redaction in message.redactions:
            assert 1 <= redaction.span.start <= total
    for diagnostic in release.diagnostics:
        if diagnostic.span is not None:
            assert diagnostic.span.end <= total


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_same_input_same_json(text: str) -> None:
    assert cablethread.parse(text).to_json() == cablethread.parse(text).to_json()


@settings(max_examples=100, deadline=None)
@given(LINES)
def test_strict_mode_raises_only_parse_error(lines: list[str]) -> None:
    text = "\n".join(lines)
    lenient = cablethread.parse(text)
    raises = any(d.severity != "info" for d in lenient.diagnostics)
    try:
        cablethread.parse(text, cablethread.Policy(strict=True))
    except cablethread.ParseError as exc:
        # Strict mode stops at the first diagnostic that lenient mode reports as a problem.
        first = next(d for d in lenient.diagnostics if d.severity != "info")
        assert exc.diagnostic == first
    else:
        assert not raises


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "\r", "\x0c", "\ufeff", "\x00", "é"])))
def test_source_lines_are_the_text_cut_after_each_line_end(text: str) -> None:
    source = cablethread.SourceText(text)
    expected = text.splitlines(keepends=True) if "\r" not in text and "\x0c" not in text else None
    lines = source.lines
    assert source.lines is lines  # made once, on the first access
    assert "".join(lines) == text
    # A text with carriage returns and no line feed at all is split on the carriage returns.
    newline = "\r" if "\r" in text and "\n" not in text else "\n"
    assert source.newline == newline
    assert all(line.endswith(newline) for line in lines[:-1])
    assert all(newline not in line[:-1] for line in lines)
    if expected is not None:
        assert lines == expected
    for number, line in enumerate(lines, start=1):
        assert source.raw(number) == line
        blanked = line.rstrip("\r\n").replace("\x0c", " ").replace("\ufeff", "").replace("\x00", "")
        assert source.content(number) == blanked
    for start in range(1, len(lines) + 1):
        for end in range(start, len(lines) + 1):
            assert source.text_of(start, end) == "".join(lines[start - 1 : end])
