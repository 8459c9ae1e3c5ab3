"""The cyclic garbage collector paused while a release is built or written.

A release of 100 MB holds millions of small objects, none in a reference cycle. With the collector
on, each full collection walks every one of them again: reading or writing such a release would
spend its time there, more of it the larger the release.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

__all__ = ["collection_paused", "paused"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, and restore it after.

    Parsing and writing make many small objects that form no reference cycles; whatever garbage
    there is, is collected once the collector runs again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def paused(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """``function`` run with the collector paused (:func:`collection_paused`)."""

    @functools.wraps(function)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with collection_paused():
            return function(*args, **kwargs)

    return run
