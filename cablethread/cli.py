"""The ``cablethread`` command.

Exit codes: 0 ok; 1 error-level diagnostics under ``--strict``; 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cablethread.diagnostics import ParseError
from cablethread.models import Message, Release
from cablethread.parser import InputError, parse_many
from cablethread.policy import Policy

__all__ = ["main"]

EXAMPLES = """examples:
  cablethread parse examples/mfat_xinjiang_oia.txt
  cablethread parse --json release.json examples/mfat_xinjiang_oia.txt
"""


def _policy(args: argparse.Namespace) -> Policy:
    return Policy(
        strict=args.strict,
        tz_mode=args.tz_mode,
        archive_tz=args.archive_tz,
        profile=args.profile,
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
    parse_cmd.add_argument("--mbox", metavar="OUT", help="also write the messages as an mbox file")
    parse_cmd.add_argument(
        "--tz-mode", choices=["archive", "sender", "quoter", "infer"], default="archive"
    )
    parse_cmd.add_argument("--archive-tz", metavar="ZONE", help="IANA zone of the print")
    parse_cmd.add_argument("--profile", help="releasing-agency profile (nz-mfat, us-state)")
    parse_cmd.add_argument("--strict", action="store_true", help="stop at the first warning")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
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
    if args.mbox:
        release.to_mbox(args.mbox)
    return 0


if __name__ == "__main__":
    sys.exit(main())
