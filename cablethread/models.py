"""Typed results of parsing: every value carries the 1-based line span it came from.

All models are frozen pydantic v2 models with ``extra="forbid"``, so a result can be hashed,
compared, dumped to JSON and validated back without loss. :class:`Span`, the most numerous
value, is a frozen dataclass with slots that pydantic validates and serialises the same way.
"""

from __future__ import annotations

import operator
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime
from functools import cache, lru_cache, wraps
from typing import IO, TYPE_CHECKING, Annotated, Any, Literal, ParamSpec, TypeVar, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    model_serializer,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

if TYPE_CHECKING:
    import networkx as nx

    from cablethread.export.tables import EdgeRecord, MessageRecord
    from cablethread.views.notebook import ThreadView

__all__ = [
    "CollatedPrinting",
    "Collation",
    "Diagnostic",
    "Difference",
    "DifferenceKind",
    "DifferenceSide",
    "Edge",
    "Header",
    "HeaderField",
    "HeaderLayout",
    "Message",
    "Occurrence",
    "Participant",
    "Party",
    "PartyKind",
    "PrefixKind",
    "Redaction",
    "Release",
    "Segment",
    "SegmentKind",
    "Severity",
    "SourceProfile",
    "Span",
    "Subject",
    "Thread",
    "TzMode",
]


_M = TypeVar("_M", bound=BaseModel)
_P = ParamSpec("_P")
_T = TypeVar("_T")
_set_slot = object.__setattr__


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as the class and its field values in the order of its fields, not as a dict:
        # unpickling then costs one call per model, not pydantic's general ``__setstate__``,
        # and makes no dict of values to be read again. That counts when a process pool hands
        # back the messages and segments of a whole archive (``parse_many``).
        return (_restored, (type(self), *_field_values(type(self))(self.__dict__)))


@cache
def _field_values(cls: type[BaseModel]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """The values of a model's ``__dict__``, in the order of its fields (every model has two or
    more)."""
    names = list(cls.model_fields)
    assert len(names) > 1, cls
    return operator.itemgetter(*names)


@cache
def _restoring(cls: type[BaseModel]) -> tuple[tuple[str, ...], set[str]]:
    """What :func:`_restored` needs of a class: its field names in order, and its fields-set."""
    return tuple(cls.model_fields), _all_fields(cls)


_new_model = object.__new__


def _restored(cls: type[_M], *values: Any) -> _M:
    """A model from its pickled field values (see ``_Frozen.__reduce__``); they were valid when
    pickled.

    As :func:`_bare`, without holding short strings once: a pickle already holds each string
    object once, and this runs in the process that gathers a pool's results, where every
    microsecond is serial work (so :func:`_finish` is written out here). The values are set over
    a copy of the class's blank fields (:func:`_blank`), which keeps the keys it shares with every
    instance of the class (PEP 412).
    """
    names, fields = _restoring(cls)
    if len(values) != len(names):
        raise ValueError(f"{cls.__name__} takes {len(names)} values, not {len(values)}")
    held = _blank(cls).fields.copy()
    held.update(zip(names, values, strict=True))
    instance = _new_model(cls)
    _set_slot(instance, "__dict__", held)
    _set_slot(instance, "__pydantic_fields_set__", fields)
    _set_slot(instance, "__pydantic_extra__", None)
    _set_slot(instance, "__pydantic_private__", None)
    return instance


def _restore(cls: type[_M], values: dict[str, Any]) -> _M:
    """A model from pickled field values as a dict: how a model was pickled before
    :func:`_restored`, kept so that such pickles load."""
    instance = cls.__new__(cls)
    for name, value in values.items():
        _set_slot(instance, name, value)
    _finish(instance, cls)
    return instance


#: Short text values (labels, names, codes, subjects, blank lines) are held once however often
#: they recur while a document is read: in the Clinton documents one string value in three
#: repeats another (see :func:`holding`).
_SHARED_LENGTH = 80


@dataclass(slots=True)
class _Held:
    """What the models made inside one :func:`holding` share: short strings and spans; and the
    values read once for the read (:func:`per_read`), each function's own cache."""

    strings: dict[str, str] = dataclass_field(default_factory=dict)
    spans: dict[tuple[int, int], Span] = dataclass_field(default_factory=dict)
    reads: dict[Callable[..., Any], Callable[..., Any]] = dataclass_field(default_factory=dict)


#: The table of the read in progress in this thread or task; None outside any.
_HELD: ContextVar[_Held | None] = ContextVar("cablethread_held", default=None)


def _same(value: str, default: str) -> str:
    return value


@contextmanager
def holding() -> Iterator[None]:
    """Hold each short string and each span once among the models made inside, and the
    values read once inside (:func:`per_read`).

    The parser reads each document, and threads a release, inside one: a release of 100 MB
    holds millions of models, most of whose short strings and spans repeat. The table is the
    context's own (a thread of ``parse_many`` has its own) and is let go of on leaving, not
    ``sys.intern``: the first releases of Python 3.12 never free an interned string.
    """
    token = _HELD.set(_Held())
    try:
        yield
    finally:
        _HELD.reset(token)


def _cached(function: Callable[..., Any], maxsize: int) -> Callable[..., Any]:
    return lru_cache(maxsize=maxsize)(function)


def per_read(maxsize: int) -> Callable[[Callable[_P, _T]], Callable[_P, _T]]:
    """Remember a function's results, by its arguments, for the read in progress only.

    A document prints one value many times (a Sent: line in each message that quotes it, a
    withholding code on every page), and a function of the printed text is worth asking once
    for each: inside :func:`holding`, a call is answered from a cache of at most ``maxsize``
    results that the read holds and lets go of when it ends; outside any, the function is
    called. No reading is kept from one document to the next: a second parse of a text does
    the work of the first, and an archive read file by file holds nothing between files.
    """

    def decorate(function: Callable[_P, _T]) -> Callable[_P, _T]:
        @wraps(function)
        def remembered(*args: _P.args, **kwargs: _P.kwargs) -> _T:
            held = _HELD.get()
            if held is None:
                return function(*args, **kwargs)
            cached = held.reads.get(remembered)
            if cached is None:
                cached = held.reads[remembered] = _cached(function, maxsize)
            return cast("_T", cached(*args, **kwargs))

        return remembered

    return decorate


def _bare(cls: type[_M], items: Iterable[tuple[str, Any]]) -> _M:
    """An instance of ``cls`` holding ``items`` (every field, in the order of the fields).

    The values are set one by one rather than handed over as a dict: so the instance's
    ``__dict__`` shares its keys with every other instance of the class (PEP 412) and costs about
    a third of a dict of its own — a release of 100 MB holds millions of models.
    """
    instance = cls.__new__(cls)
    held = _HELD.get()
    share = held.strings.setdefault if held is not None else _same
    for name, value in items:
        if type(value) is str and len(value) <= _SHARED_LENGTH:
            value = share(value, value)
        _set_slot(instance, name, value)
    _finish(instance, cls)
    return instance


def _finish(instance: BaseModel, cls: type[BaseModel]) -> None:
    """Set pydantic's own slots of an instance whose fields are all set."""
    _set_slot(instance, "__pydantic_fields_set__", _all_fields(cls))
    _set_slot(instance, "__pydantic_extra__", None)
    _set_slot(instance, "__pydantic_private__", None)


def trusted(cls: Callable[_P, _M], /, *args: _P.args, **values: _P.kwargs) -> _M:
    """An instance of ``cls`` from values the parser built itself, without validating them again.

    Validation costs one to several microseconds per model, and a release of 100 MB holds
    millions of them; these values come from the scanner (line numbers, slices of the text) and
    were checked where they were made. Fields left out take their defaults. (``model_construct``
    does the same, at more cost than validating.) Callers uphold every validator's rule; the
    property tests and the comparison with validated models in the test suite hold them to it.
    The fields are named as in a call of the class itself (keywords only), and type-checked so.
    """
    model = cast("type[_M]", cls)
    if args:
        raise TypeError(f"{model.__name__} takes its fields by name")
    blank = _blank(model)
    if not values.keys() <= blank.fields.keys():
        unknown = ", ".join(sorted(values.keys() - blank.fields.keys()))
        raise TypeError(f"{model.__name__} has no field {unknown}")
    if not blank.required <= values.keys():
        missing = next(name for name in blank.fields if name in blank.required - values.keys())
        raise TypeError(f"{model.__name__} needs {missing}")
    # The field values in the order of the fields, as validation leaves them (JSON keeps it): a
    # copy of the class's blank fields, which shares its keys with every instance (PEP 412), the
    # values given over them; a field left out takes its default.
    fields = blank.fields.copy()
    fields.update(values)
    for name, make in blank.factories:
        if name not in values:
            fields[name] = make()
    held = _HELD.get()
    if held is not None:
        share = held.strings.setdefault
        for name, value in values.items():
            if type(value) is str and len(value) <= _SHARED_LENGTH:
                fields[name] = share(value, value)
    instance = _new_model(model)
    _set_slot(instance, "__dict__", fields)
    _set_slot(instance, "__pydantic_fields_set__", blank.fields_set)
    _set_slot(instance, "__pydantic_extra__", None)
    _set_slot(instance, "__pydantic_private__", None)
    return instance


def replaced(instance: _M, /, **changes: object) -> _M:
    """A copy of ``instance`` with ``changes``: ``model_copy(update=...)`` at a third of the cost,
    with the trust of :func:`trusted` (the new values must already be valid; an unknown field
    raises). Like every model the parser builds, the copy counts all its fields as set (one
    fields-set per class)."""
    cls = type(instance)
    fields = _all_fields(cls)
    if not changes.keys() <= fields:
        unknown = ", ".join(sorted(changes.keys() - fields))
        raise TypeError(f"{cls.__name__} has no field {unknown}")
    copy = cls.__new__(cls)
    # The fields in their order first (the values kept are already held once, :func:`trusted`),
    # then the changes over them.
    items: Iterable[tuple[str, Any]] = instance.__dict__.items()
    if isinstance(instance, Segment) and "text" in changes and instance._cut() is not None:
        items = ((name, getattr(instance, name)) for name in cls.model_fields)
    for name, value in items:
        _set_slot(copy, name, value)
    held = _HELD.get()
    share = held.strings.setdefault if held is not None else _same
    for name, value in changes.items():
        if type(value) is str and len(value) <= _SHARED_LENGTH:
            value = share(value, value)
        _set_slot(copy, name, value)
    _finish(copy, cls)
    _copy_cut(instance, copy)
    return copy


@cache
def _all_fields(cls: type[BaseModel]) -> set[str]:
    """Every field name of ``cls``: the fields-set of an instance built with all of them.

    One set per class, shared by its instances (each would otherwise carry its own, about 200
    bytes); the models are frozen, and pydantic copies the set before it changes one.
    """
    return set(cls.model_fields)


class _Required:
    """Marks a field :func:`trusted` must be given."""


_REQUIRED = _Required()


@dataclass(frozen=True)
class _Factory:
    """A field's default made anew for each instance (``default_factory=list``)."""

    make: Callable[[], Any]


@dataclass(frozen=True, slots=True)
class _Blank:
    """What :func:`trusted` and :func:`_restored` start an instance of a class from."""

    #: Every field at its default, in the order of the fields (a placeholder for a required
    #: field or a default made anew): the ``__dict__`` of an instance, sharing its keys with
    #: every instance of the class (PEP 412), which an instance's own is copied from.
    fields: dict[str, Any]
    #: The fields that have no default.
    required: frozenset[str]
    #: The fields whose default is made anew for each instance, with what makes it.
    factories: tuple[tuple[str, Callable[[], Any]], ...]
    #: Every field's name: the fields-set of an instance (:func:`_all_fields`).
    fields_set: set[str]


@cache
def _blank(cls: type[BaseModel]) -> _Blank:
    defaults = _plain_defaults(cls)
    instance = _new_model(cls)
    fields = instance.__dict__
    for name, default in defaults.items():
        fields[name] = default
    return _Blank(
        fields=fields,
        required=frozenset(name for name, value in defaults.items() if value is _REQUIRED),
        factories=tuple(
            (name, value.make) for name, value in defaults.items() if type(value) is _Factory
        ),
        fields_set=_all_fields(cls),
    )


@cache
def _plain_defaults(cls: type[BaseModel]) -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    for name, info in cls.model_fields.items():
        if info.default_factory is not None:
            defaults[name] = _Factory(info.default_factory)  # type: ignore[arg-type]
        elif info.is_required():
            defaults[name] = _REQUIRED
        else:
            defaults[name] = info.default
    return defaults


@dataclass(frozen=True, slots=True)
class Span:
    """A range of lines, 1-based and inclusive, as an editor shows them: ``lines 781–788``.

    The most numerous value of a release (one for every party, field, segment and code), so it
    is a frozen dataclass with slots rather than a model: 48 bytes against about 170. pydantic
    validates, serialises and describes it in the JSON schema as it does the models
    (``{"start": 781, "end": 788}``).

    >>> span = Span(start=781, end=788)
    >>> str(span), 785 in span, len(span.lines)
    ('781-788', True, 8)
    """

    start: Annotated[int, Field(ge=1, description="First line of the range (1-based).")]
    end: Annotated[int, Field(ge=1, description="Last line of the range (1-based, inclusive).")]

    def __post_init__(self) -> None:
        start, end = self.start, self.end
        if type(start) is not int or type(end) is not int:
            raise TypeError(f"span lines must be whole numbers, not {start!r} and {end!r}")
        if start < 1:
            raise ValueError(f"span start {start} is before line 1")
        if end < start:
            raise ValueError(f"span end {end} is before its start {start}")

    def __str__(self) -> str:
        return f"{self.start}" if self.start == self.end else f"{self.start}-{self.end}"

    def __contains__(self, line: object) -> bool:
        return isinstance(line, int) and self.start <= line <= self.end

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # The schema describes the value, as the models' first paragraphs do; not its storage.
        value = handler(schema)
        handler.resolve_ref_schema(value)["description"] = (cls.__doc__ or "").split("\n\n")[0]
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its two numbers: spans are a third of what a worker hands back; spans shared
        # in a release are pickled once and come back shared.
        return (_span, (self.start, self.end))

    @property
    def lines(self) -> range:
        """The line numbers covered, for slicing a :class:`~cablethread.SourceText`."""
        return range(self.start, self.end + 1)

    def cover(self, other: Span) -> Span:
        """The smallest span holding both ``self`` and ``other``."""
        return _span(min(self.start, other.start), max(self.end, other.end))


def _span(start: int, end: int) -> Span:
    """A span of numbers known to be in order (made by the parser, or pickled from a span)."""
    span = _new_span(Span)
    _set_slot(span, "start", start)
    _set_slot(span, "end", end)
    return span


_new_span = object.__new__


def span_of(start: int, end: int) -> Span:
    """``Span(start=start, end=end)``, one instance for the spans made again and again inside one
    :func:`holding` (every party, field and code of a line has that line's span)."""
    held = _HELD.get()
    if held is None:
        return Span(start=start, end=end)
    key = (start, end)
    span = held.spans.get(key)
    if span is None:
        span = held.spans[key] = Span(start=start, end=end)
    return span


Severity = Literal["info", "warning", "error"]


class Diagnostic(_Frozen):
    """Something the parser had to decide or could not do, with the lines it concerns."""

    code: str = Field(description="Stable machine-readable code, e.g. ``date-unparsed``.")
    severity: Severity = Field(description="``info`` (a decision), ``warning`` or ``error``.")
    message: str = Field(description="One sentence for a person.")
    span: Span | None = Field(default=None, description="Lines concerned, if any.")
    source: str | None = Field(default=None, description="Name of the input the lines are in.")
    related: Span | None = Field(
        default=None, description="A second span involved (the other half of a wrap, a parent)."
    )

    def __repr__(self) -> str:
        from cablethread.views.notebook import diagnostic_text

        return diagnostic_text(self)

    def _repr_html_(self) -> str:
        from cablethread.views.notebook import diagnostic_html

        return diagnostic_html(self)


SegmentKind = Literal["header", "body", "furniture", "schedule", "other"]


class Segment(_Frozen):
    """A run of input lines of one kind; the segments of a release cover every line once."""

    # A segment the parser cut from an input does not hold its lines: it holds the input's text
    # (one string for all its segments) and where its lines begin and end in it, and ``text`` is
    # cut from it when read. A release then holds each input's text once, not again in pieces.
    # A segment made with ``text`` given (validated, copied with a new text) holds that text.
    __slots__ = ("_start", "_stop", "_whole")
    if TYPE_CHECKING:
        _whole: str
        _start: int
        _stop: int

    kind: SegmentKind = Field(description="What the lines are.")
    span: Span = Field(description="The lines of the segment.")
    text: str = Field(description="The lines exactly as in the input, line ends included.")
    source: str | None = Field(default=None, description="Name of the input.")
    message_id: str | None = Field(
        default=None, description="The message a header or body segment belongs to."
    )

    if not TYPE_CHECKING:
        # Only for ``text`` of a segment cut from its input: every other attribute, and the text
        # of a segment that holds it, is found before this is asked.
        def __getattr__(self, name: str) -> Any:
            if name == "text" and "text" not in self.__dict__:
                try:
                    whole = object.__getattribute__(self, "_whole")
                except AttributeError:
                    pass
                else:
                    return whole[self._start : self._stop]
            return super().__getattr__(name)

    def _cut(self) -> tuple[str, int, int] | None:
        """The input's text and where this segment's lines are in it; None when it holds its text."""
        if "text" in self.__dict__:
            return None
        return self._whole, self._start, self._stop

    def _values(self) -> tuple[Any, ...]:
        return (self.kind, self.span, self.text, self.source, self.message_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BaseModel):
            return NotImplemented
        if type(other) is not type(self):
            return False
        assert isinstance(other, Segment)
        mine, theirs = self._cut(), other._cut()
        if mine is not None and theirs is not None and mine[0] is theirs[0]:
            # Cut from one text: the same lines are the same text.
            return mine[1:] == theirs[1:] and (
                self.kind,
                self.span,
                self.source,
                self.message_id,
            ) == (other.kind, other.span, other.source, other.message_id)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr_args__(self) -> Iterator[tuple[str, Any]]:
        for name in type(self).model_fields:
            yield name, getattr(self, name)

    def __copy__(self) -> Segment:
        copy = super().__copy__()
        _copy_cut(self, copy)
        return copy

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Segment:
        copy = super().__deepcopy__(memo)
        _copy_cut(self, copy)
        return copy

    def __reduce__(self) -> tuple[Any, ...]:
        cut = self._cut()
        if cut is None:
            return super().__reduce__()
        # The input's text is pickled once for all the segments cut from it.
        return (cut_segment, (self.kind, self.span, *cut, self.source, self.message_id))

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # A segment is written as validated, the text in its place, whatever it holds: the
        # schema of what is written is that of the fields, not of the serializer that puts the
        # text back.
        if handler.mode == "serialization" and "serialization" in schema:
            schema = cast("CoreSchema", {k: v for k, v in schema.items() if k != "serialization"})
        return handler(schema)

    @model_serializer(mode="wrap")
    def _with_text(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if "text" in self.__dict__ or not _serialised("text", info):
            return data
        # The text cut from the input, in its place among the fields.
        return {
            name: self.text if name == "text" else data[name]
            for name in type(self).model_fields
            if name == "text" or name in data
        }


def _serialised(name: str, info: SerializationInfo) -> bool:
    """Whether field ``name`` is written under ``info``'s ``include`` and ``exclude``."""
    include, exclude = info.include, info.exclude
    if include is not None and name not in include:
        return False
    if exclude is not None and name in exclude:
        # A set names fields left out; a dict leaves out those it gives ``True`` or ``...``.
        if not isinstance(exclude, dict):
            return False
        value: object = exclude[name]
        return not (value is True or value is ...)
    return True


def cut_segment(
    kind: SegmentKind,
    span: Span,
    whole: str,
    start: int,
    stop: int,
    source: str | None,
    message_id: str | None,
) -> Segment:
    """The segment of lines ``whole[start:stop]`` of an input's text ``whole``, holding ``whole``
    rather than a copy of its lines (the parser's segments, and pickled ones)."""
    segment = _new_model(Segment)
    held = segment.__dict__
    held["kind"] = kind
    held["span"] = span
    held["source"] = source
    held["message_id"] = message_id
    _set_slot(segment, "_whole", whole)
    _set_slot(segment, "_start", start)
    _set_slot(segment, "_stop", stop)
    _finish(segment, Segment)
    return segment


def _copy_cut(original: BaseModel, copy: BaseModel) -> None:
    """Give ``copy`` the input text ``original`` was cut from, if it was (a :class:`Segment`)."""
    if isinstance(original, Segment) and isinstance(copy, Segment):
        cut = original._cut()
        if cut is not None and "text" not in copy.__dict__:
            for name, value in zip(("_whole", "_start", "_stop"), cut, strict=True):
                _set_slot(copy, name, value)


class Redaction(_Frozen):
    """A withholding code printed in the text: ``s6(a)``, ``s9(2)(g)(i)``, ``B6``, ``OUT OF SCOPE``."""

    raw: str = Field(description="The code as printed (``i(a)``, ``[s6(a)]``).")
    code: str = Field(description="The code normalised (``s6(a)``, ``b6``, ``out-of-scope``).")
    ground: str = Field(description="The ground in the law: ``OIA s6(a)``, ``FOIA (b)(6)``.")
    meaning: str = Field(description="What the ground protects, from the package's data file.")
    jurisdiction: str = Field(
        description="``nz-oia``, ``us-foia``, ``us-eo13526`` (classification reasons) or ``release``."
    )
    span: Span = Field(description="Line the code stands on.")
    field: str | None = Field(
        default=None, description="Header field the code sits in (``subject``, ``to``), if any."
    )
    ocr_damaged: bool = Field(
        default=False, description="True when the printed form was repaired (``i(a)`` → ``s6(a)``)."
    )


PartyKind = Literal[
    "person",
    "post",
    "division",
    "office",
    "agency",
    "distribution-list",
    "mailbox",
    "withheld",
    "unknown",
]


class Party(_Frozen):
    """A sender or recipient, as printed and as resolved against the directory."""

    raw: str = Field(description="The token as printed: ``GEELS, Deborah (NAD)``.")
    span: Span = Field(description="Line(s) the token was printed on.")
    name: str | None = Field(
        default=None,
        description="Full name from the directory where it has one, else the display name printed.",
    )
    address: str | None = Field(default=None, description="E-mail address, if one was printed.")
    code: str | None = Field(default=None, description="Canonical directory code, if resolved.")
    kind: PartyKind = Field(default="unknown", description="What sort of party this is.")
    time_zone: str | None = Field(default=None, description="IANA zone of the party's home.")
    unit: str | None = Field(
        default=None,
        description=(
            "Unit printed after a person's name: ``(NAD)`` gives ``NAD``; the directory's "
            "canonical code when the unit resolves."
        ),
    )
    surname: str | None = Field(
        default=None, description="A person's surname as printed: ``GEELS`` of ``GEELS, Deborah``."
    )
    given_name: str | None = Field(
        default=None,
        description="A person's given names and initials as printed: ``Cheryl D``.",
    )
    channel: str | None = Field(default=None, description="Delivery channel: ``Seemail``.")
    redaction: Redaction | None = Field(
        default=None, description="For a withheld party, the code that withholds it."
    )
    on_behalf_of: str | None = Field(
        default=None,
        # Written only when set, so that the JSON of a release without such senders is as it was.
        exclude_if=lambda value: value is None,
        description=(
            "The mailbox a sender wrote for, as printed: ``Fauci, Anthony (NIH/NIAID) [E]`` of "
            "``Folkers, Greg (NIH/NIAID) [E] on behalf of Fauci, Anthony (NIH/NIAID) [E]``."
        ),
    )

    @property
    def key(self) -> str:
        """Identity used to count distinct parties."""
        if self.code:
            return f"code:{self.code}"
        if self.address:
            return f"address:{self.address.lower()}"
        if self.redaction is not None:
            return f"withheld:{self.redaction.code}"
        return f"name:{' '.join((self.name or self.raw).split()).lower()}"

    def __repr__(self) -> str:
        from cablethread.views.notebook import party_text

        return party_text(self)

    def _repr_html_(self) -> str:
        from cablethread.views.notebook import party_html

        return party_html(self)


class Participant(Party):
    """A distinct party of a release: every printed form of one identity, with its messages.

    Forms merge only on evidence: the same directory code, the same e-mail address, or (for
    people) the same name once case, punctuation and ``Surname, Given`` order are set aside. The
    fields inherited from :class:`Party` are those of the fullest form (a resolved code first, then
    a name with an address), so ``participant.key`` is the identity's key.
    """

    keys: list[str] = Field(
        description="``Party.key`` of every merged form: match ``message.sender.key`` against it."
    )
    forms: list[str] = Field(
        description="Each distinct printed form, in order of first appearance."
    )
    addresses: list[str] = Field(
        default_factory=list, description="Each distinct e-mail address printed for it."
    )
    sent: list[str] = Field(default_factory=list, description="Ids of the messages it sent.")
    received: list[str] = Field(
        default_factory=list, description="Ids of the messages it received (To, Cc or Bcc)."
    )

    def __repr__(self) -> str:
        from cablethread.views.notebook import participant_text

        return participant_text(self)


PrefixKind = Literal["reply", "forward"]


class Subject(_Frozen):
    """A subject line, as printed and normalised for threading."""

    raw: str = Field(description="The value as printed, wrapped lines joined by newlines.")
    text: str = Field(description="Unwrapped and single-spaced.")
    prefixes: list[str] = Field(
        default_factory=list, description="Reply/forward prefixes in order: ``['RE']``."
    )
    prefix_kinds: list[PrefixKind] = Field(
        default_factory=list,
        description=(
            "Whether each prefix marks a reply or a forward, in the block's language "
            "(``['reply', 'forward']`` for ``AW: WG:``; ``VS:`` forwards in Danish, replies in "
            "Finnish)."
        ),
    )
    formal_message: bool = Field(
        default=False, description="True when the subject carries the ``FORMAL MESSAGE:`` marker."
    )
    topic: str = Field(description="The subject without prefixes and marker, as printed.")
    thread_key: str = Field(
        description="Upper-cased topic without withholding codes; equal for a message and its replies."
    )
    redactions: list[Redaction] = Field(default_factory=list, description="Codes in the subject.")

    @property
    def is_reply(self) -> bool:
        """True when the subject carries a reply prefix (not only a forward prefix)."""
        return "reply" in self.prefix_kinds

    @property
    def is_forward(self) -> bool:
        """True when the subject carries a forward prefix (``FW:``, ``WG:``, ``TR:``)."""
        return "forward" in self.prefix_kinds


class HeaderField(_Frozen):
    """One field of a header block: label, value lines, span."""

    name: str = Field(description="Canonical field name: ``from``, ``sent``, ``to`` …")
    label: str = Field(description="The label as printed: ``Sent``, ``Date``, ``Cc``.")
    value: str = Field(description="The value, continuation lines joined with newlines.")
    span: Span = Field(description="Lines of the field, continuation lines included.")


HeaderLayout = Literal["fields", "attribution", "lotus-notes", "forwarded-by"]


class Header(_Frozen):
    """A header block as found: its fields in print order.

    Four layouts are read. ``fields``: a labelled block (``From:`` / ``Sent:`` / ``To:`` …, in
    any language of :mod:`cablethread.lexicon.languages`). ``attribution``: a reply's attribution line,
    ``On Tue, Jul 2, 2019 at 5:13 AM, Jane Doe <jane@x.org> wrote:`` (its fields are ``from``
    and ``sent``, labelled with the words printed). ``lotus-notes``: Lotus Notes, the sender and
    the send time on lines of their own above ``To:`` / ``cc:`` / ``Subject:``, or
    ``From: Name/ORG on 03/08/2001 08:47 AM``. ``forwarded-by``: the Notes line
    ``---- Forwarded by Name/HOU/ECT on 05/07/2001 07:26 AM ----``, a message of its own (the
    forward) whose parent is the message printed below it.
    """

    span: Span = Field(description="Lines of the block, separator line included.")
    fields: list[HeaderField] = Field(description="Fields in the order printed.")
    separator: str | None = Field(
        default=None,
        description="A separator line before the block: ``-----Original Message-----``.",
    )
    layout: HeaderLayout = Field(
        default="fields",
        description=(
            "How the block is printed: ``fields``, ``attribution`` (``On … wrote:``), "
            "``lotus-notes`` or ``forwarded-by``."
        ),
    )
    language: str | None = Field(
        default=None,
        description=(
            "Language of the block's words (``en``, ``fr``, ``de`` …): the language whose table "
            "holds all its labels, else the one holding most (Gmail prints ``De :`` above English "
            "labels); for an attribution, the language of its verb. Dates and subject prefixes "
            "are read in it first. None when no label names a language."
        ),
    )

    def get(self, name: str) -> HeaderField | None:
        """The first field with canonical name ``name``, or ``None``."""
        for field in self.fields:
            if field.name == name:
                return field
        return None


class Occurrence(_Frozen):
    """One printing of a message: where its header block and body stand."""

    source: str | None = Field(default=None, description="Name of the input (file name).")
    span: Span = Field(description="The header block.")
    body_span: Span | None = Field(default=None, description="The body, if any lines follow.")
    depth: int = Field(default=0, description="Position in its printed chain (0 = top block).")
    quote_depth: int = Field(
        default=0,
        ge=0,
        description=(
            "How many ``>`` quote marks stand before the header block (``> > From:`` is 2); "
            "0 for a block printed unquoted."
        ),
    )
    chain: int = Field(description="Index of the printed chain (document) the block is in.")
    page: int | None = Field(default=None, description="Page number, when known.")


TzMode = Literal["archive", "sender", "quoter", "infer"]


class Message(_Frozen):
    """A distinct message, however many times it was printed."""

    id: str = Field(description="Stable id from sender, wall clock and thread key.")
    header: Header | None = Field(
        default=None, description="The header block of the first occurrence (None: placeholder)."
    )
    sender: Party | None = Field(description="The ``From:`` party.")
    to: list[Party] = Field(default_factory=list, description="``To:`` recipients.")
    cc: list[Party] = Field(default_factory=list, description="``Cc:`` recipients.")
    bcc: list[Party] = Field(default_factory=list, description="``Bcc:`` recipients.")
    subject: Subject | None = Field(default=None, description="The subject, if printed.")
    sent_raw: str | None = Field(default=None, description="The Sent:/Date: value as printed.")
    sent_local: datetime | None = Field(
        default=None, description="Naive wall clock as printed; None when it could not be read."
    )
    sent_offset_minutes: int | None = Field(
        default=None,
        description=(
            "UTC offset of the zone printed with the time, in minutes (``-0400`` gives -240, "
            "``EST`` -300, ``GMT+3`` 180); when set, ``sent_utc`` follows it under every mode. "
            "None when no zone was printed, or when the printed one did not settle the offset "
            "(an ambiguous abbreviation: ``date-zone-ambiguous``)."
        ),
    )
    sent_zone: str | None = Field(
        default=None,
        description=(
            "The zone printed with the time, as printed: ``EST``, ``+0000``, ``GMT+3``, "
            "``Eastern Standard Time``, ``Europe/Paris``; None when the clock was printed "
            "without one. A printed zone fixes ``sent_utc`` under every time-zone mode "
            "(``time_zone`` names the zone used), but for an ambiguous abbreviation that neither "
            "the profile nor the sender settles, read in the archive zone and reported."
        ),
    )
    sent_utc: datetime | None = Field(
        default=None, description="Aware UTC instant under the time-zone mode; None if unknown."
    )
    time_zone: str | None = Field(
        default=None,
        description=(
            "IANA zone used for ``sent_utc`` (``America/New_York`` for a clock printed ``EST``), "
            "or the offset printed with the time (``UTC-04:00``)."
        ),
    )
    tz_mode: TzMode | None = Field(
        default=None,
        description=(
            "Mode that chose ``time_zone``; a zone printed with the time (``sent_zone``) is used "
            "under every mode."
        ),
    )
    parent_id: str | None = Field(
        default=None, description="Message replied to; a placeholder id if it was not released."
    )
    redactions: list[Redaction] = Field(
        default_factory=list, description="Codes in the header and body of the first occurrence."
    )
    occurrences: list[Occurrence] = Field(
        default_factory=list, description="Every printing, in input order (empty: placeholder)."
    )
    attachments: list[str] = Field(default_factory=list, description="``Attachments:`` names.")
    importance: str | None = Field(default=None, description="``Importance:`` value.")
    classification: str | None = Field(
        default=None, description="``Security Classification:`` value."
    )
    placeholder: bool = Field(
        default=False, description="True for a parent inferred but not in the release."
    )

    def __repr__(self) -> str:
        from cablethread.views.notebook import message_text

        return message_text(self)

    def _repr_html_(self) -> str:
        from cablethread.views.notebook import message_html

        return message_html(self)


class Edge(_Frozen):
    """A reply link: ``parent_id`` → ``child_id``, with the evidence for it."""

    parent_id: str = Field(description="The earlier message (or a placeholder).")
    child_id: str = Field(description="The reply.")
    evidence: str = Field(
        description=(
            "``printed-chain`` (the parent printed below the child), ``forwarded-by`` (a Lotus "
            "Notes forward and the message it forwards), ``subject-time`` or ``placeholder``."
        )
    )
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the link is, 0–1.")
    delay_seconds: float | None = Field(
        default=None, description="Child's sent_utc minus parent's, when both are known."
    )


class Thread(_Frozen):
    """A connected component of reply edges, messages in ``sent_utc`` order."""

    id: str = Field(description="Stable id: the root's id prefixed ``t-``.")
    root_id: str = Field(description="The earliest message, or a placeholder.")
    message_ids: list[str] = Field(description="Real messages in sent_utc order.")
    depth: int = Field(description="Longest reply path, in edges.")
    participants: list[str] = Field(description="Party keys of senders and recipients.")
    start_utc: datetime | None = Field(default=None, description="First known send time.")
    end_utc: datetime | None = Field(default=None, description="Last known send time.")
    tz_mode: TzMode | None = Field(default=None, description="Mode used (chosen, under infer).")

    def __str__(self) -> str:
        return repr(self)

    def __repr__(self) -> str:
        from cablethread.views.notebook import thread_text

        return thread_text(self)

    def _repr_html_(self) -> str:
        from cablethread.views.notebook import thread_html

        return thread_html(self)


class SourceProfile(_Frozen):
    """The releasing-agency profile an input, or a document inside one, was read with."""

    source: str | None = Field(default=None, description="Name of the input (file name).")
    span: Span | None = Field(
        default=None,
        description=(
            "None for the input as a whole; the lines of a document inside it whose page "
            "furniture named another agency and which was read with that agency's profile."
        ),
    )
    profile: str = Field(description="The profile's key: ``nz-mfat``, ``us-state``, ``generic``.")
    archive_tz: str = Field(
        description=(
            "IANA zone its wall clocks printed without a zone were read in under the ``archive`` "
            "mode (``Policy.archive_tz`` when set, else the profile's)."
        )
    )


DifferenceKind = Literal["withheld-here", "code-only", "ocr", "truncated", "other"]


class CollatedPrinting(_Frozen):
    """One printing of a message as collation read it: where it stands and how many words it has."""

    source: str | None = Field(default=None, description="Name of the input (file name).")
    span: Span = Field(description="The printing's header block.")
    body_span: Span | None = Field(default=None, description="Its body, if any lines follow.")
    words: int = Field(
        ge=0,
        description=("Words of the body compared: page furniture and withholding codes left out."),
    )


class DifferenceSide(_Frozen):
    """What one printing holds at the place of a difference."""

    printing: int = Field(ge=0, description="Index of the printing in ``Collation.printings``.")
    span: Span = Field(
        description=(
            "Lines of the words and codes at that place; where the printing holds neither, the "
            "line of the last word before it."
        )
    )
    text: str = Field(
        description="The words printed there, as printed, single-spaced; empty if none."
    )
    codes: list[Redaction] = Field(
        default_factory=list,
        description="Withholding codes printed there in this printing only, with their grounds.",
    )


class Difference(_Frozen):
    """A place where two printings of a message differ, classified, with the evidence for it.

    ``withheld-here``: one printing prints words where the other prints a withholding code and
    no words; ``code-only``: the same words, a code in one printing only; ``ocr``: a small edit
    or specks of one or two characters, no code involved; ``truncated``: one printing's body
    ends where the other goes on; ``other``: anything else.
    """

    kind: DifferenceKind = Field(
        description="``withheld-here``, ``code-only``, ``ocr``, ``truncated`` or ``other``."
    )
    a: DifferenceSide = Field(description="The earlier printing of the two, at this place.")
    b: DifferenceSide = Field(description="The later printing of the two, at this place.")
    withheld_in: int | None = Field(
        default=None,
        description=(
            "For ``withheld-here`` and ``code-only``, the printing that carries the code; "
            "None for the other kinds."
        ),
    )
    evidence: str = Field(description="One sentence naming what the classification rests on.")


class Collation(_Frozen):
    """Every printing of one message compared word by word, and where they differ."""

    message_id: str = Field(description="The message printed more than once.")
    printings: list[CollatedPrinting] = Field(description="Its printings, in input order.")
    differences: list[Difference] = Field(
        default_factory=list,
        description=(
            "Where two printings differ, pair by pair (printings with the same words and codes "
            "are compared once); within a pair, in the order of the earlier printing's words."
        ),
    )
    unaligned: list[list[int]] = Field(
        default_factory=list,
        description=(
            "Pairs of printings (indices) too different to align: less than half the shorter "
            "body's words fall in matching runs; a ``collation-unaligned`` diagnostic names each."
        ),
    )


class Release(_Frozen):
    """Everything parsed from one input (or, from ``parse_many``, from several)."""

    sources: list[str] = Field(default_factory=list, description="Names of the inputs.")
    messages: list[Message] = Field(description="Distinct messages, in order of first appearance.")
    placeholders: list[Message] = Field(
        default_factory=list, description="Parents inferred but not released."
    )
    segments: list[Segment] = Field(description="Every input line exactly once, in order.")
    diagnostics: list[Diagnostic] = Field(description="Every decision and problem.")
    edges: list[Edge] = Field(default_factory=list, description="Reply links.")
    threads: list[Thread] = Field(default_factory=list, description="Reply threads.")
    parties: list[Participant] = Field(
        default_factory=list,
        description="Distinct parties after identity merging, with the messages each sent and received.",
    )
    profile: str | None = Field(
        default=None, description="Releasing-agency profile of the first input."
    )
    profiles: list[SourceProfile] = Field(
        default_factory=list,
        description=(
            "The profile each input was read with, in input order, each followed by the "
            "documents inside it read with a profile of their own."
        ),
    )
    collations: list[Collation] = Field(
        default_factory=list,
        description=(
            "Every message printed more than once, its printings compared: what one printing "
            "withheld and another released (``cablethread.messages.collate``)."
        ),
    )

    @property
    def text(self) -> str:
        """The input text rebuilt from the segments (a single input only)."""
        return "".join(segment.text for segment in self.segments)

    def message(self, message_id: str) -> Message:
        """The message (or placeholder) with id ``message_id``; ``KeyError`` if none."""
        found = self._message_index().get(message_id)
        if found is not None:
            return found
        # Not in the index: the lists may have been changed in place since it was made.
        for message in [*self.messages, *self.placeholders]:
            if message.id == message_id:
                return message
        raise KeyError(f"no message {message_id!r} in this release")

    def _message_index(self) -> dict[str, Message]:
        # Made on the first lookup and kept beside the fields (equality, JSON and the schema see
        # fields only), so that a loop over the edges does not search the messages each time;
        # made again for other lists (``model_copy(update=...)``) or lists of another length.
        key = (id(self.messages), len(self.messages), id(self.placeholders), len(self.placeholders))
        kept = self.__dict__.get("_messages_by_id")
        if kept is None or kept[0] != key:
            index: dict[str, Message] = {}
            for message in [*self.messages, *self.placeholders]:
                index.setdefault(message.id, message)
            kept = (key, index)
            self.__dict__["_messages_by_id"] = kept
        return kept[1]

    def graph(self, *, flat: bool = False) -> nx.DiGraph:  # type: ignore[type-arg]
        """The reply graph: parent → reply edges, placeholder nodes for missing parents.

        With ``flat=True`` every attribute is a ``str``, number or ``bool`` (datetimes as ISO
        8601, lists joined by ``"; "``, unknowns left out), as ``nx.write_graphml``,
        ``nx.write_gexf`` and ``nx.write_gml`` take it; see :func:`cablethread.export.graph.flat_graph`.
        """
        from cablethread.export.graph import flat_graph, reply_graph

        graph = reply_graph(self)
        return flat_graph(graph) if flat else graph

    def party_graph(self, *, flat: bool = False) -> nx.DiGraph:  # type: ignore[type-arg]
        """Who wrote to whom: sender → recipient edges weighted by messages, with To/Cc/Bcc counts.

        ``flat=True`` as for :meth:`graph`.
        """
        from cablethread.export.graph import flat_graph, party_graph

        graph = party_graph(self)
        return flat_graph(graph) if flat else graph

    def thread_view(self, thread: Thread | str) -> ThreadView:
        """A thread (or a thread's id) drawn as the tree of its replies: in a notebook each
        message's sender, local and UTC time, subject and link evidence under its parent; in a
        console the same as text. ``release.thread_view(release.threads[3])``."""
        from cablethread.views.notebook import ThreadView

        if isinstance(thread, str):
            found = next((t for t in self.threads if t.id == thread), None)
            if found is None:
                raise KeyError(f"no thread {thread!r} in this release")
            thread = found
        if not isinstance(thread, Thread):
            raise TypeError(f"thread_view() takes a Thread or its id, not {type(thread).__name__}")
        return ThreadView(self, thread)

    def to_mbox(self, path: str | os.PathLike[str] | IO[bytes]) -> int:
        """Write the messages to an mbox file, threaded by their headers; see :mod:`cablethread.export.mbox`.

        ``release.to_mbox("release.mbox")`` returns the number of messages written (23 for the seed).
        """
        from cablethread.export.mbox import write_mbox

        return write_mbox(self, path)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The release as JSON; ``Release.model_validate_json`` reads it back exactly."""
        from cablethread.export.json_export import release_json

        return release_json(self, indent=indent)

    def to_graphml(self, *, graph: Literal["reply", "party"] = "reply") -> str:
        """The reply graph (or the party graph) as GraphML text; see :mod:`cablethread.export.graphml`."""
        from cablethread.export.graphml import to_graphml

        return to_graphml(self, graph=graph)

    def to_node_link(self, *, graph: Literal["reply", "party"] = "reply") -> dict[str, Any]:
        """The reply graph (or the party graph) as node-link data for d3 and networkx."""
        from cablethread.export.json_export import node_link_data

        return node_link_data(self, graph=graph)

    def to_records(self) -> list[MessageRecord]:
        """One row per message: ids, sender, recipients, times, subject, parent, evidence, counts."""
        from cablethread.export.tables import message_records

        return message_records(self)

    def edges_records(self) -> list[EdgeRecord]:
        """One row per reply edge: parent, child, thread, evidence, confidence, delay."""
        from cablethread.export.tables import edge_records

        return edge_records(self)

    def to_dataframe(self, table: Literal["messages", "edges"] = "messages") -> Any:
        """:meth:`to_records` (or :meth:`edges_records`) as a pandas DataFrame (extra ``pandas``)."""
        from cablethread.export.tables import to_dataframe

        return to_dataframe(self, table)

    def redaction_summary(self) -> Any:
        """Withholding per source, sender, ground and month as a pandas DataFrame (extra
        ``pandas``): codes counted, and the words and lines withheld and the share of the body
        withheld where collation measured them; see :mod:`cablethread.messages.collate`."""
        from cablethread.messages.collate import redaction_summary

        return redaction_summary(self)

    def _repr_html_(self) -> str:
        from cablethread.views.notebook import release_html

        return release_html(self)

    def __str__(self) -> str:
        return repr(self)

    def __repr__(self) -> str:
        return (
            f"<Release sources={self.sources!r} messages={len(self.messages)} "
            f"threads={len(self.threads)} diagnostics={len(self.diagnostics)}>"
        )
