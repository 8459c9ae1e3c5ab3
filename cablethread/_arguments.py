"""The arguments of the public functions, checked where they are given.

The first argument of a function that takes a release: ``write_json("out.json", release)``, the
arguments the other way round, would otherwise fail far inside (``'Release' object has no
attribute 'write'``); checked at the door, it is a ``TypeError`` that says what was given and,
when the release came second, that the arguments are the other way round. And a choice among a
``Literal``'s values (``graph="party"``), refused when it is none of them rather than read as the
default.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import networkx as nx

from cablethread.models import Release

__all__ = ["one_of", "release_first", "release_or_graph_first"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _first(kinds: tuple[type, ...], wanted: str) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    def decorate(function: Callable[_P, _R]) -> Callable[_P, _R]:
        name = function.__name__
        first = next(iter(inspect.signature(function).parameters))

        @functools.wraps(function)
        def checked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            given = args[0] if args else kwargs.get(first)
            if not isinstance(given, kinds):
                swapped = any(isinstance(value, Release) for value in (*args[1:], *kwargs.values()))
                hint = (
                    f"; the arguments are the other way round: {name}(release, …)"
                    if swapped
                    else ""
                )
                raise TypeError(f"{name}() takes {wanted} first, not {type(given).__name__}{hint}")
            return function(*args, **kwargs)

        return checked

    return decorate


#: For a function whose first argument is a release.
release_first = _first((Release,), "a Release")
#: For a function whose first argument is a release or a networkx graph.
release_or_graph_first = _first((Release, nx.Graph), "a Release or a networkx graph")


def one_of(value: object, choices: tuple[str, ...], name: str) -> None:
    """Raise ``ValueError`` unless ``value`` is one of ``choices`` (a ``Literal``'s values): an
    argument such as ``graph="parties"`` is refused, not read as the default."""
    if value not in choices:
        allowed = " or ".join(repr(choice) for choice in choices)
        raise ValueError(f"{name} must be {allowed}, not {value!r}")
