"""The ``cablethread`` command (also ``python -m cablethread``).

Each subcommand is one :class:`Command`: a function that adds its arguments and a function that
runs it and returns the exit code. A new subcommand is one more entry in :data:`COMMANDS`.

Exit codes: 0 ok; 1 ``--strict`` and a diagnostic of warning or error severity stopped the
parse; 2 usage error or unreadable input (missing file, binary file, unknown zone), reported in
one line on stderr; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import glob
import io
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, NoReturn, TypeVar
from zoneinfo import ZoneInfoNotFoundError

from pydantic import ValidationError

from cablethread._clean import terminal_safe
from cablethread._zones import load_zone, zone_hint
from cablethread.diagnostics import ParseError
from cablethread.errors import InputError, UsageError
from cablethread.export._output import atomic_write
from cablethread.fields.directory import Directory, Entry
from cablethread.fields.profiles import profiles
from cablethread.messages.parser import parse_many
from cablethread.models import Message, Party, Release
from cablethread.policy import DEFAULT_MAX_BYTES, Policy
from cablethread.reading.files import file_key

__all__ = ["COMMANDS", "Command", "main"]

SEED = "examples/mfat_xinjiang_oia.txt"
EXIT_CODES = """exit codes:
    0  ok
    1  --strict, and a diagnostic of warning or error severity stopped the parse
    2  usage error or unreadable input (missing file, binary file, not a regular file, a file
       over --max-size, unknown zone), or out of memory
  130  interrupted (Ctrl-C)
"""

_T = TypeVar("_T")


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: the user asked for help with --help.
        self.exit(
            2, terminal_safe(f"{self.prog}: error: {message} (see {self.prog} --help)") + "\n"
        )


@dataclass(frozen=True)
class Command:
    """A subcommand: its name, one-line help, an example, and its two functions."""

    name: str
    help: str
    examples: tuple[str, ...]
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    parses_files: bool = True


# --- Progress ------------------------------------------------------------------------------


# --- Shared helpers ------------------------------------------------------------------------


def _zone_name(value: str) -> str:
    try:
        load_zone(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise argparse.ArgumentTypeError(
            f"unknown IANA time zone {value[:60]!r}{zone_hint(value[:60])}"
        ) from None
    return value


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"--jobs takes a number of processes, not {value!r}")
    return jobs or os.cpu_count() or 1


def _existing_file(value: str) -> Path:
    path = Path(value)
    try:
        found = path.is_file()
    except OSError:  # a name too long for a file's
        found = False
    if not found:
        shown = value if len(value) <= 200 else f"{value[:60]!r}…"
        raise argparse.ArgumentTypeError(f"{shown}: no such file")
    return path


_SIZE_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _size(value: str) -> int:
    """``--max-size``: bytes, or a number with K, M or G (``500M``)."""
    text = value.strip().upper().removesuffix("B").removesuffix("I")
    unit = text[-1:] if text[-1:] in _SIZE_UNITS else ""
    number = text[: len(text) - len(unit)]
    try:
        size = float(number) * _SIZE_UNITS[unit]
    except ValueError:
        size = 0
    if not 1 <= size < 2**63:
        raise argparse.ArgumentTypeError(
            f"--max-size takes a size in bytes, or with K, M or G (500M), not {value!r}"
        )
    return int(size)


def _add_parse_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("parsing")
    group.add_argument(
        "--tz-mode",
        choices=["archive", "sender", "quoter", "infer"],
        default="archive",
        help="how printed wall clocks become UTC (default: archive)",
    )
    group.add_argument(
        "--archive-tz",
        metavar="ZONE",
        type=_zone_name,
        help="IANA zone the release was printed in (default: the profile's)",
    )
    group.add_argument(
        "--profile",
        choices=sorted(profiles()),
        help="releasing-agency profile (default: detected from the text)",
    )
    _add_directory_option(group)
    group.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first warning, exit code 1",
    )
    group.add_argument(
        "--max-size",
        metavar="SIZE",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        help="the largest file read, in bytes or with K, M, G (default: 256M)",
    )
    group.add_argument(
        "--jobs",
        "-j",
        metavar="N",
        type=_jobs,
        default=1,
        help="read the files on N processes (0: one per CPU; default 1)",
    )


def _add_directory_option(group: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--directory",
        metavar="FILE",
        type=_existing_file,
        action="append",
        default=[],
        help="a directory TOML file that extends the built-in one (repeatable)",
    )


def _policy(args: argparse.Namespace) -> Policy:
    return Policy(
        strict=args.strict,
        tz_mode=args.tz_mode,
        archive_tz=args.archive_tz,
        profile=args.profile,
        directory=tuple(args.directory),
        max_bytes=args.max_size,
    )


#: The files a folder given as an input stands for, unless ``--glob`` says otherwise.
DEFAULT_GLOBS = ("*.txt", "*.pdf")
_GLOB_CHARS = frozenset("*?[")


def _inputs(items: Sequence[str], patterns: Sequence[str] | None) -> list[str | IO[bytes]]:
    """The inputs a command's file arguments stand for, in order.

    ``-`` is standard input, read as a file is (its size limit, its encoding, a PDF); a folder
    stands for its files that match ``patterns`` (default :data:`DEFAULT_GLOBS`), searched
    through its subfolders and sorted; a name with ``*``, ``?`` or ``[`` that names no file is
    expanded as a glob (quoted on a shell, or on Windows). A folder or glob that gives no file is
    an error naming it.
    """
    found: list[str | IO[bytes]] = []
    for item in items:
        if item == "-":
            found.append(sys.stdin.buffer)  # named <stdin>
            continue
        path = Path(item)
        if _is_folder(path):
            matches = sorted(
                {str(p) for pattern in patterns or DEFAULT_GLOBS for p in path.rglob(pattern)}
            )
            matches = _regular_files(matches)
            if not matches:
                shown = ", ".join(patterns or DEFAULT_GLOBS)
                raise UsageError(f"{item}: no file in this folder matches {shown}")
            found.extend(matches)
        elif _GLOB_CHARS & set(item) and not _exists(path):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise UsageError(f"{item}: no file matches this pattern")
            found.extend(_regular_files(matches))
        else:
            found.append(item)
    return found


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long for a file (a text given as one), a loop of links
        return False


def _regular_files(matches: list[str]) -> list[str]:
    """The regular files among a folder's or a glob's matches; each match that is neither one
    nor a folder (a FIFO, a device, a link to nothing) is named on stderr as it is left out."""
    files: list[str] = []
    for match in matches:
        path = Path(match)
        if path.is_file():
            files.append(match)
        elif not path.is_dir():
            kind = "a link to nothing" if not path.exists() else "not a regular file"
            _say(f"cablethread: {match}: left out, {kind}", file=sys.stderr)
    return files


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def _parse(args: argparse.Namespace, outputs: Sequence[tuple[str, str]] = ()) -> Release:
    """Parse the command's files, with a progress bar (``tqdm``, where installed) when there are
    several and stderr is a terminal; ``outputs`` (option, path) are checked against them first
    (:func:`_refuse_clobbering`)."""
    policy = _policy(args)
    files = _inputs(args.files, getattr(args, "glob", None))
    _refuse_clobbering(outputs, files)
    jobs = min(getattr(args, "jobs", 1), len(files))
    progress = len(files) > 1 and sys.stderr.isatty()
    if jobs > 1:
        # Ctrl-C is this process's to handle: the workers finish the file in hand, and the
        # files not begun are dropped rather than read before the command can stop.
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_interrupts_ignored)
        try:
            return parse_many(files, policy, executor=pool, progress=progress)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return parse_many(files, policy, progress=progress)


def _interrupts_ignored() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _refuse_clobbering(outputs: Sequence[tuple[str, str]], files: Sequence[object]) -> None:
    """Refuse two outputs to one file, and an output that is one of the inputs: written, it
    would replace the release it was read from."""
    named: dict[str, str] = {}
    for option, path in outputs:
        real = os.path.realpath(path)
        if real in named:
            raise UsageError(f"{named[real]} and {option} both write {path}; give each its own")
        named[real] = option
    inputs = {file_key(file) for file in files if isinstance(file, str)} - {None}
    for option, path in outputs:
        if file_key(path) in inputs:
            raise UsageError(
                f"{option} {path} is one of the files to read; writing it would replace it"
            )


def _print(lines: Iterable[str], file: IO[str] | None = None) -> None:
    """Print each line for a terminal: control and bidi characters of the data (an escape
    sequence in a subject, a right-to-left override in a name) are shown as escapes."""
    for line in lines:
        print(terminal_safe(line), file=file or sys.stdout)


def _say(text: str = "", file: IO[str] | None = None) -> None:
    """:func:`_print` of one line."""
    _print([text], file)


def _write(what: str, path: str, writer: Callable[[], object]) -> None:
    try:
        writer()
    except OSError as exc:
        raise UsageError(f"cannot write {what} to {path}: {exc.strerror or exc}") from None


# --- parse ---------------------------------------------------------------------------------


def _configure_parse(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", metavar="OUT", help="write the whole release as JSON (- for standard output)"
    )
    parser.add_argument(
        "--graphml", metavar="OUT", help="write the reply graph as GraphML (- for standard output)"
    )
    parser.add_argument(
        "--party-graphml", metavar="OUT", help="write the who-wrote-to-whom graph as GraphML"
    )
    parser.add_argument(
        "--node-link", metavar="OUT", help="write the reply graph as node-link JSON (d3)"
    )
    parser.add_argument(
        "--csv", metavar="DIR", help="write messages.csv and edges.csv into DIR (made if missing)"
    )
    parser.add_argument(
        "--csv-excel",
        action="store_true",
        help="with --csv: open the files with a byte-order mark, so that Excel reads them as UTF-8",
    )
    parser.add_argument(
        "--mbox", metavar="OUT", help="write the messages as an mbox file, threaded by Message-ID"
    )
    parser.add_argument(
        "--format",
        choices=["text", "tsv", "json"],
        default="text",
        help=(
            "how the listing is printed: aligned text (default), tab-separated values with a "
            "header row, or JSON lines, one message a line (the columns of messages.csv)"
        ),
    )
    parser.add_argument(
        "--ftm",
        metavar="OUT",
        help="write FollowTheMoney entities (JSON lines) for Aleph; needs cablethread[ftm]",
    )


#: The exports of ``parse``: option, what it writes, and whether ``-`` may send it to stdout.
_EXPORTS: tuple[tuple[str, str, bool], ...] = (
    ("json", "JSON", True),
    ("graphml", "GraphML", True),
    ("party_graphml", "GraphML", True),
    ("node_link", "node-link JSON", True),
    ("csv", "CSV", False),
    ("mbox", "mbox", False),
    ("ftm", "FollowTheMoney entities", False),
)


def _check_outputs(args: argparse.Namespace) -> None:
    """Refuse, before any parsing, an output that cannot be written: a folder that is not there,
    one that cannot be written to, a target that is a folder (or, for ``--csv``, a file), or
    standard output asked for twice."""
    to_stdout = [option for option, _, _ in _EXPORTS if getattr(args, option) == "-"]
    if len(to_stdout) > 1:
        raise UsageError("only one export can go to standard output ('-')")
    for option, what, stdout_ok in _EXPORTS:
        value = getattr(args, option)
        flag = "--" + option.replace("_", "-")
        if not value:
            continue
        if value == "-":
            if not stdout_ok:
                raise UsageError(f"{flag} cannot write {what} to standard output; give a path")
            continue
        target = Path(value)
        if option == "csv":
            if target.exists() and not target.is_dir():
                raise UsageError(f"cannot write {what} to {value}: not a folder")
            folder = target if target.is_dir() else target.parent
        else:
            if target.is_dir():
                raise UsageError(f"cannot write {what} to {value}: it is a folder")
            folder = target.parent
        folder = folder if str(folder) else Path(".")
        if not folder.is_dir():
            raise UsageError(f"cannot write {what} to {value}: no folder {folder}")
        if not os.access(folder, os.W_OK):
            raise UsageError(f"cannot write {what} to {value}: {folder} is not writable")


def _export_paths(args: argparse.Namespace) -> list[tuple[str, str]]:
    """Each file the exports asked for will write, with its option (``--csv``'s two files)."""
    paths: list[tuple[str, str]] = []
    for option, _, _ in _EXPORTS:
        value = getattr(args, option)
        flag = "--" + option.replace("_", "-")
        if not value or value == "-":
            continue
        if option == "csv":
            paths += [(flag, os.path.join(value, name)) for name in ("messages.csv", "edges.csv")]
        else:
            paths.append((flag, value))
    return paths


def _export(release: Release, option: str, value: str, *, excel: bool = False) -> None:
    from cablethread.export.graphml import write_graphml
    from cablethread.export.json_export import write_json, write_node_link
    from cablethread.export.mbox import write_mbox
    from cablethread.export.tables import write_csv

    stdout: IO[bytes] | None = sys.stdout.buffer if value == "-" else None
    target: Any = stdout if stdout is not None else value
    writers: dict[str, Callable[[], object]] = {
        "json": lambda: write_json(release, target),
        "graphml": lambda: write_graphml(release, target),
        "party_graphml": lambda: write_graphml(release, target, graph="party"),
        "node_link": lambda: write_node_link(release, target),
        "csv": lambda: write_csv(release, value, excel=excel),
        "mbox": lambda: write_mbox(release, value),
        "ftm": lambda: _write_ftm(release, value),
    }
    what = next(what for name, what, _ in _EXPORTS if name == option)
    _write(what, "standard output" if stdout is not None else value, writers[option])
    if stdout is not None:
        stdout.flush()


def _write_ftm(release: Release, path: str) -> int:
    from cablethread.export.ftm import write_ftm

    return write_ftm(release, path)


def run_parse(args: argparse.Namespace) -> int:
    """Write the exports asked for, then print one line per message.

    The outputs are checked before the files are read, and written before the listing, so that
    a closed pipe (``| head``) never costs an export. With an export sent to standard output
    (``--json -``) the listing is not printed.
    """
    from cablethread.views.report import message_line

    _check_outputs(args)
    release = _parse(args, _export_paths(args))
    for option, _, _ in _EXPORTS:
        value = getattr(args, option)
        if value:
            _export(release, option, value, excel=args.csv_excel)
    _say(
        f"{len(release.messages)} messages, {len(release.threads)} threads, "
        f"{len(release.diagnostics)} diagnostics",
        file=sys.stderr,
    )
    if any(getattr(args, option) == "-" for option, _, _ in _EXPORTS):
        return 0
    if args.format == "text":
        _print(message_line(message) for message in release.messages)
    else:
        _print(_listing(release, args.format))
    return 0


def _listing(release: Release, form: str) -> Iterator[str]:
    """The messages as tab-separated values (a header row first) or as JSON lines, with the
    columns of ``messages.csv``; a tab or line end inside a value is written as a blank in TSV."""
    from cablethread.export.tables import MESSAGE_COLUMNS, cell_text, message_records

    columns = list(MESSAGE_COLUMNS)
    if form == "tsv":
        yield "\t".join(columns)
    for record in message_records(release):
        row: dict[str, Any] = dict(record)
        if form == "json":
            yield json.dumps(row, default=_json_default, ensure_ascii=False)
        else:
            yield "\t".join(" ".join(cell_text(row[column]).split()) for column in columns)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


# --- threads -------------------------------------------------------------------------------


def _configure_threads(parser: argparse.ArgumentParser) -> None:
    del parser  # The files and the parsing options are all it takes.


def run_threads(args: argparse.Namespace) -> int:
    """Print every thread as an indented tree."""
    from cablethread.views.report import thread_tree

    release = _parse(args)
    for index, thread in enumerate(release.threads):
        if index:
            _say()
        _print(thread_tree(release, thread))
    counts = [
        (len(release.threads), "thread"),
        (len(release.messages), "message"),
        (len(release.placeholders), "placeholder"),
    ]
    _say(", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts), file=sys.stderr)
    return 0


# --- show ----------------------------------------------------------------------------------


def _configure_show(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--message",
        metavar="ID",
        action="append",
        help="show only this message: its id, or the start of one id alone (repeatable)",
    )


def run_show(args: argparse.Namespace) -> int:
    """Print every message with its fields, thread link and withholding codes."""
    from cablethread.views.report import message_details

    release = _parse(args)
    wanted = {_message_id(release, given) for given in args.message or []}
    shown = [m for m in release.messages if not wanted or m.id in wanted]
    for index, message in enumerate(shown):
        if index:
            _say()
        _print(message_details(release, message))
    return 0


def _message_id(release: Release, given: str) -> str:
    """The id of the message ``given`` names: its whole id, or the start of one id alone, as
    git takes the start of a commit's (``m-4b57``)."""
    ids = [message.id for message in release.messages]
    if given in ids:
        return given
    starting = sorted(found for found in ids if given and found.startswith(given.lower()))
    if len(starting) == 1:
        return starting[0]
    if starting:
        shown = ", ".join(starting[:5]) + (", …" if len(starting) > 5 else "")
        raise UsageError(f"{given} begins {len(starting)} message ids ({shown}); give more of it")
    raise UsageError(f"no message {given} in the input")


# --- diagnostics ---------------------------------------------------------------------------


def _configure_diagnostics(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--min-severity",
        choices=["info", "warning", "error"],
        default="info",
        help="leave out diagnostics below this severity (default: info, all of them)",
    )


def run_diagnostics(args: argparse.Namespace) -> int:
    """Print every diagnostic as ``source:lines: severity: code: message``."""
    from cablethread.views.report import diagnostic_line, diagnostic_summary

    rank = {"info": 0, "warning": 1, "error": 2}
    release = _parse(args)
    shown = [d for d in release.diagnostics if rank[d.severity] >= rank[args.min_severity]]
    _print(diagnostic_line(d) for d in shown)
    _say(diagnostic_summary(release.diagnostics), file=sys.stderr)
    return 0


# --- schema --------------------------------------------------------------------------------


def _configure_schema(parser: argparse.ArgumentParser) -> None:
    del parser  # Nothing to choose: there is one schema.


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the release JSON."""
    from cablethread.export.schema import schema_json

    del args
    sys.stdout.write(schema_json())
    return 0


# --- directory -----------------------------------------------------------------------------


def _configure_directory(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        choices=sorted(profiles()),
        help="releasing-agency profile (default: every profile; with --unknown, detected)",
    )
    _add_directory_option(parser)
    parser.add_argument(
        "--unknown",
        metavar="RELEASE",
        nargs="+",
        help="list the senders, recipients and units of these releases the directory lacks",
    )


def _entry_line(entry: Entry) -> str:
    aliases = f"  (also {', '.join(entry.aliases)})" if entry.aliases else ""
    channel = f"  via {entry.channel}" if entry.channel else ""
    return (
        f"{entry.code:<24}  {entry.kind:<17}  {entry.time_zone or '-':<20}  "
        f"{entry.name or '-'}{aliases}{channel}"
    )


def _print_directory(args: argparse.Namespace) -> int:
    """Print the entries of one profile's directory, or of every profile."""
    extra = tuple(args.directory or ())
    names = [args.profile] if args.profile else list(profiles())
    for index, name in enumerate(names):
        directory = Directory.for_profile(name, extra_files=extra)
        if not args.profile and not len(directory):
            continue
        if index:
            _say()
        _say(f"# {name}: {profiles()[name].name} ({len(directory)} entries)")
        _say(f"{'code':<24}  {'kind':<17}  {'time zone':<20}  name")
        for entry in directory:
            _say(_entry_line(entry))
    return 0


def _where(party: Party, message: Message) -> str:
    source = message.occurrences[0].source if message.occurrences else None
    return f"{source or '<text>'}:{party.span}"


def _print_unknown(args: argparse.Namespace) -> int:
    """List the senders, recipients and units of releases that the directory lacks."""
    policy = Policy(profile=args.profile, directory=tuple(args.directory or ()))
    release = parse_many(_inputs(args.unknown, None), policy)
    directory = Directory.for_profile(release.profile or "generic", extra_files=policy.directory)
    found: dict[tuple[str, str], list[str]] = {}
    for message in release.messages:
        for party in [message.sender, *message.to, *message.cc, *message.bcc]:
            if party is None:
                continue
            if party.kind == "unknown":
                key = ("party", " ".join(party.raw.split()))
            elif party.kind == "person" and party.unit and directory.resolve(party.unit) is None:
                key = ("unit", party.unit)
            else:
                continue
            found.setdefault(key, []).append(_where(party, message))
    for (what, token), places in found.items():
        shown = ", ".join(places[:3]) + (f", … ({len(places)} in all)" if len(places) > 3 else "")
        _say(f"{what:<5}  {token:<32}  {shown}")
    _say(
        f"{len(found)} codes not in the {release.profile} directory "
        f"(parties: {sum(1 for k in found if k[0] == 'party')}, "
        f"units: {sum(1 for k in found if k[0] == 'unit')})",
        file=sys.stderr,
    )
    return 0


def run_directory(args: argparse.Namespace) -> int:
    """Print the directory, or with ``--unknown`` the codes of releases that it lacks."""
    return _print_unknown(args) if args.unknown else _print_directory(args)


# --- collate -------------------------------------------------------------------------------


def _configure_collate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind",
        action="append",
        choices=["withheld-here", "code-only", "ocr", "truncated", "other"],
        help="differences to print side by side (repeatable; default: withheld-here)",
    )
    parser.add_argument(
        "--json", metavar="OUT", help="write the collations as JSON ('-': standard output)"
    )
    parser.add_argument(
        "--csv", metavar="OUT", help="write one row per difference as CSV ('-': standard output)"
    )


def run_collate(args: argparse.Namespace) -> int:
    """Print every message printed more than once: its printings, and each difference of the
    kinds asked for (``withheld-here``) with the two printings side by side."""
    from cablethread.messages.collate import collation_text, collations_json, write_differences_csv

    outputs = (("--json", args.json), ("--csv", args.csv))
    release = _parse(args, [(flag, path) for flag, path in outputs if path and path != "-"])
    if "-" not in (args.json, args.csv):
        _print(collation_text(release, args.kind or ["withheld-here"]))
    if args.json == "-":
        print(collations_json(release))
    elif args.json:

        def write_json() -> None:
            with atomic_write(args.json) as handle:
                handle.write((collations_json(release) + "\n").encode("utf-8"))

        _write("JSON", args.json, write_json)
    if args.csv == "-":
        # Its own line ends, as written (a text stream would turn each \n into \r\n on Windows).
        sys.stdout.flush()
        stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        write_differences_csv(release, stdout)
        stdout.flush()
        stdout.detach()
    elif args.csv:

        def write_csv() -> None:
            with (
                atomic_write(args.csv) as binary,
                io.TextIOWrapper(binary, encoding="utf-8", newline="") as handle,
            ):
                write_differences_csv(release, handle)

        _write("CSV", args.csv, write_csv)
    kinds: dict[str, int] = {}
    for collation in release.collations:
        for difference in collation.differences:
            kinds[difference.kind] = kinds.get(difference.kind, 0) + 1
    counted = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    print(
        f"{len(release.collations)} messages printed more than once; "
        f"differences: {counted or 'none'}",
        file=sys.stderr,
    )
    return 0


# --- view ----------------------------------------------------------------------------------


def _configure_view(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="the HTML file to write (- for standard output)",
    )


def run_view(args: argparse.Namespace) -> int:
    """Write the release as one self-contained HTML page: threads, timeline, messages, filters.

    The output is checked before the files are read, as ``parse`` checks its exports.
    """
    from cablethread.views.viewer import write_html

    if args.output != "-":
        target = Path(args.output)
        if target.is_dir():
            raise UsageError(f"cannot write HTML to {args.output}: it is a folder")
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise UsageError(f"cannot write HTML to {args.output}: no folder {folder}")
        if not os.access(folder, os.W_OK):
            raise UsageError(f"cannot write HTML to {args.output}: {folder} is not writable")
    release = _parse(args, [("--output", args.output)] if args.output != "-" else [])
    if args.output == "-":
        _write("HTML", "standard output", lambda: write_html(release, sys.stdout.buffer))
        sys.stdout.buffer.flush()
    else:
        _write("HTML", args.output, lambda: write_html(release, args.output))
    _say(
        f"{len(release.messages)} messages, {len(release.threads)} threads, "
        f"{len(release.diagnostics)} diagnostics"
        + ("" if args.output == "-" else f"; wrote {args.output}"),
        file=sys.stderr,
    )
    return 0


COMMANDS: list[Command] = [
    Command(
        "parse",
        "list the messages of release text files; write JSON, GraphML, CSV",
        (
            f"cablethread parse {SEED}",
            f"cablethread parse --json release.json --graphml replies.graphml --csv tables {SEED}",
        ),
        _configure_parse,
        run_parse,
    ),
    Command(
        "threads",
        "print each reply thread as an indented tree",
        (f"cablethread threads {SEED}", f"cablethread threads --tz-mode infer {SEED}"),
        _configure_threads,
        run_threads,
    ),
    Command(
        "show",
        "print every message with its fields and withholding codes",
        (f"cablethread show {SEED}", f"cablethread show --message m-ebe89fddf502 {SEED}"),
        _configure_show,
        run_show,
    ),
    Command(
        "diagnostics",
        "print every decision and problem, with its lines",
        (
            f"cablethread diagnostics {SEED}",
            f"cablethread diagnostics --min-severity warning --tz-mode sender {SEED}",
        ),
        _configure_diagnostics,
        run_diagnostics,
    ),
    Command(
        "schema",
        "print the JSON Schema of the release JSON",
        ("cablethread schema > release.schema.json",),
        _configure_schema,
        run_schema,
        parses_files=False,
    ),
    Command(
        "directory",
        "print the directory of posts, divisions and lists, or the codes a release lacks",
        (
            "cablethread directory --profile nz-mfat",
            f"cablethread directory --unknown {SEED}",
            f"cablethread parse --directory my-posts.toml {SEED}",
        ),
        _configure_directory,
        run_directory,
        parses_files=False,
    ),
    Command(
        "collate",
        "compare every printing of each message: what one withheld and another released",
        (
            "cablethread collate first-release.txt second-release.txt",
            "cablethread collate --kind withheld-here --kind code-only --csv differences.csv *.txt",
        ),
        _configure_collate,
        run_collate,
    ),
    Command(
        "view",
        "write one self-contained HTML page to read a release in a browser, offline",
        (
            f"cablethread view {SEED} -o release.html",
            "cablethread view --tz-mode infer first.txt second.pdf -o release.html",
        ),
        _configure_view,
        run_view,
    ),
]


def _epilog(examples: Iterable[str]) -> str:
    return "examples:\n" + "".join(f"  {line}\n" for line in examples) + "\n" + EXIT_CODES


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command of :data:`COMMANDS`."""
    parser = _ArgumentParser(
        prog="cablethread",
        description="Parse released email chains (OIA, FOIA) into messages, reply threads and graphs.",
        epilog=_epilog(command.examples[0] for command in COMMANDS),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from cablethread import __version__

    parser.add_argument("--version", action="version", version=f"cablethread {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        child = sub.add_parser(
            command.name,
            help=command.help,
            description=command.help[0].upper() + command.help[1:] + ".",
            epilog=_epilog(command.examples),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if command.parses_files:
            child.add_argument(
                "files",
                nargs="+",
                metavar="FILE",
                help=(
                    "release files (text, or PDF with the pdf extra); a folder for its files, "
                    "a quoted glob, or - for standard input"
                ),
            )
            child.add_argument(
                "--glob",
                metavar="PATTERN",
                action="append",
                help="the files a folder stands for (repeatable; default: *.txt and *.pdf)",
            )
            _add_parse_options(child)
        command.configure(child)
        child.set_defaults(run=command.run)
    return parser


def _validation_message(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return str(first["msg"]).removeprefix("Value error, ")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code.

    >>> main(["parse", "no-such-file.txt"])
    2
    """
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        # A released document can hold anything; never fail on a character the console lacks.
        reconfigure(errors="replace")
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:
        # --help (0) and usage errors (2, already reported): a code to return, not to raise.
        return stop.code if isinstance(stop.code, int) else 2
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except ParseError as exc:
        _say(f"cablethread: {exc}", file=sys.stderr)
        return 1
    except ValidationError as exc:
        _say(f"cablethread: {_validation_message(exc)}", file=sys.stderr)
        return 2
    except (InputError, UsageError, ValueError) as exc:
        _say(f"cablethread: {exc}", file=sys.stderr)
        return 2
    except MemoryError:
        _say(
            "cablethread: out of memory; the input is too large for this machine "
            "(split it, or lower --max-size to refuse such files)",
            file=sys.stderr,
        )
        return 2
    except BrokenPipeError:
        # The reader (``| head``) went away; that is not an error of ours.
        sys.stdout = None
        return 0
    except KeyboardInterrupt:
        # Ctrl-C: stopped as asked, with the shell's code for it (128 + SIGINT) and no
        # traceback; an output being written is left as it was (written whole or not at all).
        _say("cablethread: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
