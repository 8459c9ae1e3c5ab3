"""The ways in: :func:`parse` (a text), :func:`parse_file` (a file), :func:`parse_many` (several,
threaded together, on a process pool if asked).

Each input is read as far as its printings by :mod:`cablethread.messages.document` (its stages,
:data:`~cablethread.messages.document.DOCUMENT_STAGES`); the release is assembled from them by
:mod:`cablethread.messages.merge` (printings merged, threads, participants, collation).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from typing import IO, Any, TypeAlias, TypeVar

from cablethread._clean import terminal_safe
from cablethread._collector import collection_paused
from cablethread.codes import Code
from cablethread.diagnostics import Collector, Note
from cablethread.errors import InputError
from cablethread.fields.profiles import Profile, profiles
from cablethread.messages.document import read_document
from cablethread.messages.merge import assemble
from cablethread.messages.printing import Document
from cablethread.models import Diagnostic, Release
from cablethread.policy import Policy
from cablethread.reading.files import file_key, read_text
from cablethread.reading.source import SourceText

__all__ = ["InputError", "Profile", "parse", "parse_file", "parse_many", "profiles"]

_T = TypeVar("_T")

#: What :func:`parse_many` reads: a path, a text with its name, or an open file.
_Item: TypeAlias = "str | os.PathLike[str] | SourceText | IO[str] | IO[bytes]"


def parse(text: str, policy: Policy | None = None, *, source: str | None = None) -> Release:
    """Parse the text of a release into messages, segments, threads and diagnostics.

    >>> release = parse("From: NAD\\nSent: Thursday, 11 July 2019 11:25 AM\\nTo: BEIJING\\n")
    >>> release.messages[0].sender.raw
    'NAD'
    """
    if not isinstance(text, str):
        raise TypeError(
            f"parse() takes the release as str, not {type(text).__name__}; "
            "decode bytes first, or use parse_file() for a file"
        )
    if source is not None and not isinstance(source, str):
        raise TypeError(f"parse() takes the source's name as str, not {type(source).__name__}")
    policy = _policy_of(policy, "parse")
    with collection_paused():
        return assemble([read_document(text, source, policy)], policy)


@dataclass(frozen=True, slots=True)
class _Decoded:
    """A file as read: its text, its name and what decoding it decided (a ``read_text``)."""

    text: str
    name: str
    notes: tuple[Note, ...]


def _read_decoded(decoded: _Decoded, policy: Policy) -> Document:
    document = read_document(decoded.text, decoded.name, policy)
    if decoded.notes:
        collector = Collector(source=decoded.name, strict=policy.strict)
        collector.record(decoded.notes)
        document.diagnostics[:0] = collector.items
    return document


def _policy_of(policy: object, caller: str) -> Policy:
    """``policy``, or the default for None; anything else is a TypeError naming ``caller``."""
    if policy is None:
        return Policy.default
    if not isinstance(policy, Policy):
        raise TypeError(
            f"{caller}() takes a Policy as its policy, not {type(policy).__name__} "
            f"{policy!r:.40}: e.g. Policy(strict=True)"
        )
    return policy


def _read_named(item: str | os.PathLike[str] | IO[str] | IO[bytes], policy: Policy) -> Document:
    """Read a file (path or open file) and parse it as far as messages."""
    return _read_decoded(_Decoded(*read_text(item, policy.max_bytes)), policy)


def parse_file(
    path_or_file: str | os.PathLike[str] | IO[str] | IO[bytes], policy: Policy | None = None
) -> Release:
    """Parse a text file (path or open file); a file that is not text raises :class:`InputError`."""
    policy = _policy_of(policy, "parse_file")
    if not isinstance(path_or_file, str | os.PathLike) and not _is_open(path_or_file):
        raise TypeError(
            f"parse_file() takes a path (str or os.PathLike) or an open file, not "
            f"{type(path_or_file).__name__}"
        )
    with collection_paused():
        return assemble([_read_named(path_or_file, policy)], policy)


def _read_item(item: _Item | _Decoded, policy: Policy) -> Document:
    # Run in a worker process too, where no caller paused the collector.
    with collection_paused():
        return _read_one(item, policy)


def _read_handed(item: _Item | _Decoded, policy: Policy) -> Document:
    """:func:`_read_item` in a worker: the document as it is handed back (:meth:`Document.handed`)."""
    return _read_item(item, policy).handed()


def _read_one(item: _Item | _Decoded, policy: Policy) -> Document:
    if isinstance(item, SourceText):
        return read_document(item.text, item.name, policy)
    if isinstance(item, _Decoded):
        return _read_decoded(item, policy)
    if isinstance(item, str) and not item.isprintable() and not os.path.lexists(item):
        # A str is always a path; a text given as one (line ends, form feeds) is named so the
        # mistake is plain.
        raise InputError(
            f"{item[:60]!r}: no such file (a str item of parse_many is a path; "
            "give a text as cablethread.SourceText(text, name))"
        )
    if isinstance(item, str | os.PathLike) or _is_open(item):
        return _read_named(item, policy)
    raise TypeError(
        "parse_many() takes paths (str or os.PathLike), texts as SourceText and open files, "
        f"not {type(item).__name__}"
    )


def parse_many(
    items: Iterable[str | os.PathLike[str] | SourceText | IO[str] | IO[bytes]],
    policy: Policy | None = None,
    *,
    executor: Executor | None = None,
    progress: bool = False,
) -> Release:
    """Parse several releases and thread them together.

    Each item is a path (``str`` or :class:`os.PathLike`); a text as
    :class:`~cablethread.SourceText` (``SourceText(text, name)``; the name is the source of its
    messages and diagnostics); or an open file, binary or text, read as :func:`parse_file` reads
    one (``sys.stdin.buffer``; its ``name``, if it has one, is its source). A ``str`` is never
    read as text, whatever it holds: a missing file raises :class:`InputError` naming it. An
    input given twice (one file by two paths, one text under one name) is read once, with an
    ``input-repeated`` warning: read twice, each of its messages would seem printed twice.

    >>> release = parse_many(["examples/mfat_xinjiang_oia.txt"])
    >>> len(release.messages), len(release.threads)
    (23, 6)
    >>> len(parse_many([SourceText("From: NAD\\nSent: 11 July 2019 11:25\\n", "pasted")]).messages)
    1

    With an ``executor`` (a process pool, a Dask client's executor) the files are read in
    parallel, each file's own collation with it; the result is the same as a serial run (an
    open file is read in this process first, and handed to a worker as its text). The
    messages are merged and threaded in this process once every file is read, and the messages
    printed in several files compared, so two workers do not read an archive twice as fast
    (``benchmarks/README.md`` has the figures)::

        with concurrent.futures.ProcessPoolExecutor() as pool:
            release = parse_many(paths, executor=pool)

    ``progress=True`` shows a progress bar with ``tqdm`` (``pip install 'cablethread[progress]'``;
    ``tqdm.auto`` draws a widget in a notebook): the files read, their rate and the time left,
    moving as each file comes back. Without ``tqdm`` nothing is shown.
    """
    policy = _policy_of(policy, "parse_many")
    if isinstance(items, str | bytes | os.PathLike | SourceText) or _is_open(items):
        raise TypeError(
            f"parse_many() takes a list (or other iterable) of inputs, not one "
            f"{type(items).__name__}: parse_many([item]), or parse_file() for one file"
        )
    listed, repeated = _once(list(items), policy)
    if executor is not None:
        # An open file cannot cross to a worker; its text can.
        listed = [
            _Decoded(*read_text(item, policy.max_bytes)) if _is_open(item) else item
            for item in listed
        ]
    # The collector stays paused while documents are read or handed back by the workers:
    # unpickling makes as many objects as parsing, and none of them forms a cycle.
    with collection_paused():
        if executor is None:
            read = (_read_item(item, policy) for item in listed)
            documents = list(_progress(read, listed, progress))
        elif isinstance(executor, ProcessPoolExecutor):
            # A local pool's workers hand their documents over in files: through the pool's
            # pipe, each 64 KB waits for this process to let go of the interpreter lock while it
            # unpickles earlier documents, and the workers stall on the full pipe.
            with tempfile.TemporaryDirectory(prefix="cablethread-") as folder:
                paths = executor.map(_read_to_file, listed, repeat(policy), repeat(folder))
                documents = [_load_file(path) for path in _progress(paths, listed, progress)]
        else:
            handed = executor.map(_read_handed, listed, [policy] * len(listed))
            documents = list(_progress(handed, listed, progress))
        for index, diagnostics in repeated.items():
            documents[index].diagnostics[:0] = diagnostics
        return assemble(documents, policy)


def _once(items: list[Any], policy: Policy) -> tuple[list[Any], dict[int, list[Diagnostic]]]:
    """``items`` with each input given again left out, and what is to be reported of them: a
    warning (``input-repeated``) for each, by the index of the item read in its place.

    A file is the same file by the same or another path (a link, ``./``); a text is the same
    text under the same name (an unnamed text is never a repeat). Read twice, each of its
    messages would be taken for a message printed twice, and collated with itself.
    """
    kept: list[Any] = []
    first: dict[object, int] = {}
    repeated: dict[int, list[Diagnostic]] = {}
    for position, item in enumerate(items):
        key = _identity(item)
        index = first.get(key) if key is not None else None
        if index is None:
            if key is not None:
                first[key] = len(kept)
            kept.append(item)
            continue
        name = _name_of(kept[index])
        again = _name_of(item)
        named = "" if again == name else f" as {again}"
        collector = Collector(source=name, strict=policy.strict)
        collector.add(
            Code.INPUT_REPEATED,
            f"{name} was given again{named} (input {position + 1} of {len(items)}); read once",
        )
        repeated.setdefault(index, []).extend(collector.items)
    return kept, repeated


def _identity(item: object) -> object:
    """What makes two items of :func:`parse_many` one input: a file's device and number, a
    text and its name, an open file itself; None for an item that is not known to be one (a
    file not there, which reading reports)."""
    if isinstance(item, SourceText):
        # An unnamed text is its own input: its lines cannot be told from another's anyway.
        return ("text", item.name, item.text) if item.name is not None else None
    if isinstance(item, str | os.PathLike):
        key = file_key(item)
        return ("file", key) if key is not None else None
    if _is_open(item):
        return ("open", id(item))  # read once, it has nothing left to give a second time
    return None


def _progress(results: Iterable[_T], items: list[Any], shown: bool) -> Iterator[_T]:
    """``results`` (one for each of ``items``, in order), counted on a ``tqdm`` bar when
    ``shown`` and ``tqdm`` is installed; each file's name is shown as it comes back."""
    if not shown:
        yield from results
        return
    try:
        from tqdm.auto import tqdm
    except ImportError:
        yield from results
        return
    with tqdm(total=len(items), desc="parsing", unit="file", leave=False) as bar:
        for item, result in zip(items, results, strict=True):
            name = _name_of(item)
            bar.set_postfix_str(terminal_safe(str(name))[-40:], refresh=False)
            bar.update()
            yield result


def _is_open(item: object) -> bool:
    """Whether an item of :func:`parse_many` is an open file (not a path or a text)."""
    return hasattr(item, "read") and not isinstance(item, str | os.PathLike | SourceText)


def _name_of(item: Any) -> str:
    """An item's name, as the progress bar and the diagnostics show it."""
    if isinstance(item, str | os.PathLike):
        return os.fspath(item)
    if isinstance(item, SourceText | _Decoded):
        return str(item.name)
    return str(getattr(item, "name", "<stream>"))


def _read_to_file(item: _Item | _Decoded, policy: Policy, folder: str) -> str:
    """:func:`_read_handed` in a worker, pickled into a new file in ``folder``; the file's path."""
    document = _read_handed(item, policy)
    with (
        collection_paused(),
        tempfile.NamedTemporaryFile(dir=folder, suffix=".pickle", delete=False) as handle,
    ):
        pickle.dump(document, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return handle.name


def _load_file(path: str) -> Document:
    """A document :func:`_read_to_file` wrote (in this run's own private folder), the file removed."""
    with open(path, "rb") as handle:
        document: Document = pickle.load(handle)
    os.remove(path)
    return document
