"""Copies of models that change some of their fields, for a model made for every message."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from cablethread.models import _all_fields, _copy_cut, replaced

__all__ = ["copied"]

_M = TypeVar("_M", bound=BaseModel)
_set_slot = object.__setattr__


def copied(instance: _M, changes: dict[str, Any]) -> _M:
    """``replaced(instance, **changes)`` at a fifth of the cost: the fields copied as one dict,
    which keeps sharing its keys with the original's (PEP 412), rather than set one by one.

    The values are trusted as :func:`~cablethread.models.replaced` trusts them; a copy of a
    model made without some field (none made by the parser is) is left to ``replaced``.
    """
    if not changes.keys() <= instance.__dict__.keys():
        return replaced(instance, **changes)
    cls = type(instance)
    copy = cls.__new__(cls)
    fields = instance.__dict__.copy()
    fields.update(changes)
    _set_slot(copy, "__dict__", fields)
    _set_slot(copy, "__pydantic_fields_set__", _all_fields(cls))
    _set_slot(copy, "__pydantic_extra__", None)
    _set_slot(copy, "__pydantic_private__", None)
    _copy_cut(instance, copy)
    return copy
