"""The ``cablethread`` command.

Exit codes: 0 ok; 1 error-level diagnostics under ``--strict``; 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cablethread.diagnostics import ParseError
from cablethread.directory import Directory, Entry
from cablethread.models import Message, Party, Release
from cablethread.parser import InputError, parse_many, profiles
from cablethread.policy import Policy

__all__ = ["main"]

EXAMPLES = """examples:
  cablethread parse examples/mfat_xinjiang_oia.txt
  cablethread parse --json release.json examples/mfat_xinjiang_oia.txt
  cablethread parse --directory my-posts.toml examples/mfat_xinjiang_oia.txt
  cablethread directory --profile nz-mfat
  cablethread directory --unknown examples/mfat_xinjiang_oia.txt
"""


def _policy(args: argparse.Namespace) -> Policy:
    return Policy(
        strict=args.strict,
        tz_mode=args.tz_mode,
        archive_tz=args.archive_tz,
        profile=args.profile,
        directory=tuple(args.directory or ()),
    )


def _format_message(message: Message) -> str:
    sender = message.sender.raw if message.sender else "(no sender)"
    when = message.sent_local.strftime("%Y-%m-%d %H:%M") if message.sent_local else "(no date)"
    subject = message.subject.text if message.subject else "(no subject)"
    lines = ", ".join(str(o.span) for o in message.occurrences)
    return f"{message.id}  {when}  {sender:<24}  {subject}  [lines {lines}]"


def _print_release(release: Release) -> None:
    for message in release.messages:
        print(_format_message(message))
    print(
        f"{len(release.messages)} messages, {len(release.threads)} threads, "
        f"{len(release.diagnostics)} diagnostics",
        file=sys.stderr,
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cablethread",
        description="Parse released email chains (OIA, FOIA) into messages and reply threads.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    parse_cmd = sub.add_parser(
        "parse",
        help="list the messages found in release text files",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse_cmd.add_argument("files", nargs="+", help="release text files")
    parse_cmd.add_argument("--json", metavar="OUT", help="also write the release as JSON")
    parse_cmd.add_argument(
        "--tz-mode", choices=["archive", "sender", "quoter", "infer"], default="archive"
    )
    parse_cmd.add_argument("--archive-tz", metavar="ZONE", help="IANA zone of the print")
    parse_cmd.add_argument("--profile", help="releasing-agency profile (nz-mfat, us-state)")
    parse_cmd.add_argument("--strict", action="store_true", help="stop at the first warning")
    parse_cmd.add_argument(
        "--directory",
        metavar="FILE",
        action="append",
        help="a directory TOML file over the package's (repeat for several)",
    )
    dir_cmd = sub.add_parser(
        "directory",
        help="print the directory of posts, divisions and lists, or the codes a release lacks",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    dir_cmd.add_argument(
        "--profile", help="releasing-agency profile (nz-mfat, us-state); default: every profile"
    )
    dir_cmd.add_argument(
        "--directory",
        metavar="FILE",
        action="append",
        help="a directory TOML file over the package's (repeat for several)",
    )
    dir_cmd.add_argument(
        "--unknown",
        metavar="RELEASE",
        nargs="+",
        help="list the senders, recipients and units of these releases the directory lacks",
    )
    return parser


def _entry_line(entry: Entry) -> str:
    aliases = f"  (also {', '.join(entry.aliases)})" if entry.aliases else ""
    channel = f"  via {entry.channel}" if entry.channel else ""
    return (
        f"{entry.code:<24}  {entry.kind:<17}  {entry.time_zone or '-':<20}  "
        f"{entry.name or '-'}{aliases}{channel}"
    )


def _print_directory(args: argparse.Namespace) -> int:
    extra = tuple(args.directory or ())
    names = [args.profile] if args.profile else list(profiles())
    for index, name in enumerate(names):
        directory = Directory.for_profile(name, extra_files=extra)
        if not args.profile and not len(directory):
            continue
        if index:
            print()
        print(f"# {name}: {profiles()[name].name} ({len(directory)} entries)")
        print(f"{'code':<24}  {'kind':<17}  {'time zone':<20}  name")
        for entry in directory:
            print(_entry_line(entry))
    return 0


def _where(party: Party, message: Message) -> str:
    source = message.occurrences[0].source if message.occurrences else None
    return f"{source or '<text>'}:{party.span}"


def _print_unknown(args: argparse.Namespace) -> int:
    policy = Policy(profile=args.profile, directory=tuple(args.directory or ()))
    release = parse_many(args.unknown, policy)
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
        print(f"{what:<5}  {token:<32}  {shown}")
    print(
        f"{len(found)} codes not in the {release.profile} directory "
        f"(parties: {sum(1 for k in found if k[0] == 'party')}, "
        f"units: {sum(1 for k in found if k[0] == 'unit')})",
        file=sys.stderr,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command == "directory":
        try:
            return _print_unknown(args) if args.unknown else _print_directory(args)
        except (InputError, ValueError) as exc:
            print(f"cablethread: {exc}", file=sys.stderr)
            return 2
        except BrokenPipeError:
            sys.stdout = None
            return 0
    try:
        policy = _policy(args)
        release = parse_many(args.files, policy)
    except ParseError as exc:
        print(f"cablethread: {exc}", file=sys.stderr)
        return 1
    except (InputError, ValueError) as exc:
        print(f"cablethread: {exc}", file=sys.stderr)
        return 2
    try:
        _print_release(release)
    except BrokenPipeError:
        # The reader (``| head``) went away; that is not an error of ours.
        sys.stdout = None
        return 0
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            handle.write(release.to_json())
    return 0


if __name__ == "__main__":
    sys.exit(main())
