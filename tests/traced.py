"""Memory a call holds and reaches, as ``tracemalloc`` counts it: for the tests of memory bounds."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")


def traced(run: Callable[[], _T]) -> tuple[_T, int, int]:
    """``run()`` traced: its result, the bytes it left allocated and the peak while it ran."""
    tracemalloc.start()
    try:
        result = run()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, held, peak
