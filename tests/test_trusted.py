"""``trusted`` and ``replaced``: models built from the parser's own values, without validation."""

from __future__ import annotations

from typing import Any

import pytest

from cablethread.models import Party, Redaction, Span, replaced, trusted


def test_trusted_equals_the_validated_model_and_fills_defaults() -> None:
    span = Span(start=3, end=4)
    built = trusted(Party, raw="NAD", span=span, kind="unknown")
    assert built == Party(raw="NAD", span=span, kind="unknown")
    assert built.model_dump_json() == Party(raw="NAD", span=span, kind="unknown").model_dump_json()


def test_trusted_refuses_unknown_missing_and_positional_fields() -> None:
    span = Span(start=1, end=1)
    loose: Any = trusted
    with pytest.raises(TypeError, match="no field"):
        loose(Party, raw="NAD", span=span, kind="unknown", nosuch=1)
    with pytest.raises(TypeError, match="needs span"):
        loose(Party, raw="NAD", kind="unknown")
    with pytest.raises(TypeError, match="by name"):
        loose(Party, "NAD")


def test_replaced_changes_only_what_it_is_given() -> None:
    code = trusted(
        Redaction,
        raw="s6(a)",
        code="s6(a)",
        ground="OIA s6(a)",
        meaning="security",
        jurisdiction="nz-oia",
        span=Span(start=2, end=2),
    )
    moved = replaced(code, span=Span(start=9, end=9))
    assert moved.span == Span(start=9, end=9)
    assert moved.model_dump(exclude={"span"}) == code.model_dump(exclude={"span"})
    assert code.span == Span(start=2, end=2)
    loose: Any = replaced
    with pytest.raises(TypeError, match="no field"):
        loose(code, nosuch=1)
