"""How well cablethread finds header blocks and send times in the shared corpora.

Run from the repository root (the tree this file is in is imported, not an installed copy)::

    python benchmarks/corpus_report.py
    python benchmarks/corpus_report.py --clinton PATH --enron PATH --fixtures PATH --show 5

Three corpora, each a JSON-lines file as kept under ``../shared/corpora/``, and one release as
plain text, in seven sections:

* the Clinton FOIA sample (field ``text``): header blocks found by cablethread against an
  independent, deliberately simple count of ``From:``-led blocks (:func:`simple_blocks`), in
  both directions; the share of found blocks with a parsed send time; and how many senders or
  recipients are withholding codes taken for a name (``B6`` is a redaction, never a person or
  an unknown party: must be 0). A sender printed only as a code beside an empty ``From:`` is a
  *withheld* party carrying that code; those are counted apart;
* the Enron chains sample (field ``body``): every ``-----Original Message-----`` line must open
  a block whose message has a parsed send time;
* the same sample's Lotus Notes blocks and ``Forwarded by`` lines, against a simple count of their
  own (:func:`simple_notes`): found, and their send times parsed;
* the English mail-client fixtures (field ``text``, ``language_hint`` ``en`` or null): blocks
  found against the same simple count;
* the ``email-forward-parser`` fixtures (190, 23 languages): the forwarded message read with its
  sender, subject (where the fixture or its subject file prints one) and send time as printed,
  per client and per language (what counts is in ``tests/reply_fixtures.py``, shared with the
  tests);
* the ``email_reply_trimmer`` fixtures (64): :func:`cablethread.newest_body`, signature cut,
  equals the library's expected text, blanks collapsed;
* the NIH FOIA release (Fauci email, OCR text, one file parsed whole): header blocks found
  against a count of ``From:`` lines, and the share of blocks with a parsed send time, a subject
  and a sender; chain breaks and unread dates; the table of every diagnostic code. Skipped with
  a note when the file is not there.

The exit status is 1 when a target is missed, so the script can guard a change.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

# Imported after the path lines above, so that this tree is measured, not an installed copy;
# the fixture checks are the tests' own.
from reply_fixtures import ForwardCheck, check_forward, newest_text, normalised

import cablethread

CORPORA = Path("/work/shared/corpora")
DEFAULT_CLINTON = CORPORA / "clinton-foia" / "clinton_foia_sample.jsonl"
DEFAULT_ENRON = CORPORA / "enron-chains" / "enron_chains_sample.jsonl"
DEFAULT_FIXTURES = CORPORA / "reply-parser-fixtures" / "reply_parser_fixtures.jsonl"
DEFAULT_NIH = CORPORA / "nih-foia" / "nih_fauci_foia_ocr.txt"

#: Shares the corpora must reach.
TARGET_FOUND_RATIO = 0.99
TARGET_DATED_SHARE = 0.99
TARGET_ENRON_DATED = 0.99
TARGET_NOTES_FOUND = 0.99
TARGET_NOTES_DATED = 0.99
TARGET_FORWARDS = 0.95
TARGET_TRIMMED = 0.90
TARGET_NIH_DATED = 0.97
TARGET_NIH_SUBJECT = 0.97
TARGET_NIH_CHAIN_BREAKS = 624

# ---------------------------------------------------------------------------------------------
# The independent count. Kept simple on purpose, and kept apart from cablethread's patterns:
# a line that starts (after blanks and ``>`` quote marks) with ``From:``, and, within the next
# SIMPLE_WINDOW lines and before another ``From:`` line, a line that starts with ``Sent:``,
# ``Date:``, ``To:`` or ``Subject:``. It knows nothing of OCR damage, margins or memos: it
# misses blocks whose labels lost their colons and counts memo headings (``FROM:`` /
# ``SUBJECT:``), so agreement within a percent or two is what to expect, and each difference
# is worth a look (``--show``).
# ---------------------------------------------------------------------------------------------

SIMPLE_FROM = re.compile(r"^[ \t>]*From[ \t]*:", re.IGNORECASE)
SIMPLE_OTHER = re.compile(r"^[ \t>]*(?:Sent|Date|To|Subject)[ \t]*:", re.IGNORECASE)
SIMPLE_WINDOW = 6
#: ``From:`` later in a line (``Bates From: X``, ``… Sent: … From: X``): not in the NIH count.
LATER_FROM = re.compile(r"^(?![ \t>]*From[ \t]*:).*\bFrom[ \t]*:", re.IGNORECASE)
#: An Outlook separator line, as the Enron target counts them.
ORIGINAL_MESSAGE = re.compile(r"^[ \t>]*-{3,}[ \t]*Original Message[ \t]*-{3,}", re.IGNORECASE)
#: A US withholding code standing as a word: ``B6``, ``B7(C)``, ``(b)(6)``.
US_CODE_WORD = re.compile(r"(?<![\w(])(?:B[1-9](?:\([A-F]\))?|\(b\)\([1-9]\))(?![\w(])")


#: Lotus Notes, counted as simply: a send time alone on a line (``05/03/2001 05:44 AM``) under a
#: line of text and above ``To:``, or after a sender (``From: X on 03/19/2001 12:17 PM``,
#: ``"Kim" <k@x.edu> on 10/03/2000 01:00:38 PM``) above ``To:``; and ``--- Forwarded by`` lines.
SIMPLE_NOTES_TIME = re.compile(r"^[ \t>]*\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2} [AP]M[ \t]*$")
SIMPLE_NOTES_FROM_ON = re.compile(
    r"^[ \t>]*(?:From:[ \t]*)?\S.* on \d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}(?::\d{2})? [AP]M[ \t]*$"
)
SIMPLE_NOTES_TO = re.compile(r"^[ \t>]*To:", re.IGNORECASE)
SIMPLE_FORWARDED_BY = re.compile(r"^[ \t>]*-{2,}[ \t]*Forwarded by ", re.IGNORECASE)


def simple_notes(text: str) -> tuple[list[int], list[int]]:
    """Line numbers of the Notes blocks' send times and of the ``Forwarded by`` lines."""
    lines = text.split("\n")
    blocks: list[int] = []
    forwards: list[int] = []
    for index, line in enumerate(lines):
        if SIMPLE_FORWARDED_BY.match(line):
            forwards.append(index + 1)
            continue
        below = lines[index + 1 : index + 6]
        alone = SIMPLE_NOTES_TIME.match(line) and index > 0 and lines[index - 1].strip()
        after = SIMPLE_NOTES_FROM_ON.match(line)
        if (alone or after) and any(SIMPLE_NOTES_TO.match(b) for b in below):
            blocks.append(index + 1)
    return blocks, forwards


def simple_blocks(text: str) -> list[int]:
    """Line numbers (1-based) of the ``From:`` lines the simple count takes as blocks."""
    lines = text.split("\n")
    found: list[int] = []
    for index, line in enumerate(lines):
        if not SIMPLE_FROM.match(line):
            continue
        for ahead in lines[index + 1 : index + 1 + SIMPLE_WINDOW]:
            if SIMPLE_FROM.match(ahead):
                break
            if SIMPLE_OTHER.match(ahead):
                found.append(index + 1)
                break
    return found


def read_jsonl(path: Path) -> Iterator[dict[str, object]]:
    """The records of a JSON-lines file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


@dataclass
class BlockTally:
    """Found blocks against the simple count, over one corpus."""

    documents: int = 0
    found: int = 0
    simple: int = 0
    dated: int = 0
    found_not_simple: list[tuple[str, int]] = field(default_factory=list)
    simple_not_found: list[tuple[str, int]] = field(default_factory=list)
    undated: list[tuple[str, int, str | None]] = field(default_factory=list)
    code_parties: list[tuple[str, str]] = field(default_factory=list)
    withheld: list[tuple[str, str]] = field(default_factory=list)

    def add(self, doc_id: str, text: str) -> None:
        """Parse one document and compare it with the simple count."""
        self.documents += 1
        release = cablethread.parse(text, source=doc_id)
        printings = [(o.span, m) for m in release.messages for o in m.occurrences]
        simple = simple_blocks(text)
        self.found += len(printings)
        self.simple += len(simple)
        for span, message in printings:
            if message.sent_local is not None:
                self.dated += 1
            else:
                self.undated.append((doc_id, span.start, message.sent_raw))
            if not any(line in span for line in simple):
                self.found_not_simple.append((doc_id, span.start))
        for line in simple:
            if not any(line in span for span, _ in printings):
                self.simple_not_found.append((doc_id, line))
        for message in release.messages:
            for party in [message.sender, *message.to, *message.cc, *message.bcc]:
                if party is None:
                    continue
                if party.kind == "withheld":
                    self.withheld.append((doc_id, party.raw))
                elif US_CODE_WORD.search(party.raw):
                    self.code_parties.append((doc_id, party.raw))


@dataclass
class EnronTally:
    """``-----Original Message-----`` lines and what became of them."""

    documents: int = 0
    separators: int = 0
    dated: int = 0
    missed: list[tuple[str, int, str | None]] = field(default_factory=list)

    def add(self, doc_id: str, text: str) -> None:
        """Parse one body and check every separator line opens a dated message."""
        self.documents += 1
        release = cablethread.parse(text, source=doc_id)
        starts = {o.span.start: m for m in release.messages for o in m.occurrences}
        for number, line in enumerate(text.split("\n"), start=1):
            if not ORIGINAL_MESSAGE.match(line):
                continue
            self.separators += 1
            message = starts.get(number)
            if message is not None and message.sent_local is not None:
                self.dated += 1
            else:
                self.missed.append((doc_id, number, message.sent_raw if message else None))


@dataclass
class NotesTally:
    """Lotus Notes blocks and ``Forwarded by`` lines against the simple count."""

    blocks: int = 0
    blocks_found: int = 0
    blocks_dated: int = 0
    forwards: int = 0
    forwards_found: int = 0
    forwards_dated: int = 0
    missed: list[tuple[str, int]] = field(default_factory=list)
    undated: list[tuple[str, int, str | None]] = field(default_factory=list)

    def add(self, doc_id: str, text: str) -> None:
        """Parse one body and look for a Notes block or forward at each line counted."""
        release = cablethread.parse(text, source=doc_id)
        printed = [(o.span, m) for m in release.messages for o in m.occurrences]
        blocks, forwards = simple_notes(text)
        for lines, layout in ((blocks, "lotus-notes"), (forwards, "forwarded-by")):
            for number in lines:
                found = [
                    m
                    for span, m in printed
                    if number in span and m.header is not None and m.header.layout == layout
                ]
                dated = bool(found) and found[0].sent_local is not None
                if layout == "lotus-notes":
                    self.blocks += 1
                    self.blocks_found += bool(found)
                    self.blocks_dated += dated
                else:
                    self.forwards += 1
                    self.forwards_found += bool(found)
                    self.forwards_dated += dated
                if not found:
                    self.missed.append((doc_id, number))
                elif not dated:
                    self.undated.append((doc_id, number, found[0].sent_raw))


@dataclass
class NihTally:
    """One release parsed whole: header blocks, what was read from them, and the diagnostics."""

    from_lines: int = 0
    later_from: int = 0
    blocks: int = 0
    dated: int = 0
    subject: int = 0
    empty_subject: int = 0
    #: Subjects of messages quoted under an attribution, read from the reply above them.
    quoted_subject: int = 0
    sender: int = 0
    messages: int = 0
    dated_messages: int = 0
    offset_printed: int = 0
    #: Dated messages printed with a zone (``Message.sent_zone``): offset, abbreviation or name.
    zone_printed: int = 0
    codes: dict[str, int] = field(default_factory=dict)
    undated: list[tuple[str, str]] = field(default_factory=list)
    no_subject: list[tuple[str, str]] = field(default_factory=list)

    def add(self, name: str, text: str) -> None:
        """Parse the text as one source and count what was found in it."""
        lines = text.split("\n")
        self.from_lines += sum(1 for line in lines if SIMPLE_FROM.match(line))
        self.later_from += sum(1 for line in lines if LATER_FROM.match(line))
        release = cablethread.parse(text, source=name)
        for message in release.messages:
            if not message.occurrences:
                continue
            self.messages += 1
            if message.sent_local is not None:
                self.dated_messages += 1
                self.offset_printed += message.sent_offset_minutes is not None
                self.zone_printed += message.sent_zone is not None
            for occurrence in message.occurrences:
                span = occurrence.span
                where = (f"{span.start}-{span.end}", lines[span.start - 1].strip()[:100])
                self.blocks += 1
                self.sender += message.sender is not None
                if message.sent_local is not None:
                    self.dated += 1
                else:
                    self.undated.append(where)
                if message.subject is not None:
                    self.subject += 1
                    self.empty_subject += message.subject.text == ""
                    header = message.header
                    self.quoted_subject += (
                        header is not None
                        and header.layout == "attribution"
                        and header.get("subject") is None
                    )
                else:
                    self.no_subject.append(where)
        for diagnostic in release.diagnostics:
            self.codes[diagnostic.code] = self.codes.get(diagnostic.code, 0) + 1
        self.undated.sort(key=lambda item: int(item[0].split("-")[0]))
        self.no_subject.sort(key=lambda item: int(item[0].split("-")[0]))


def rates(checks: list[ForwardCheck], key: str) -> list[tuple[str, int, int]]:
    """(group, read right, fixtures) for each client or language, most fixtures first."""
    groups: dict[str, list[bool]] = {}
    for check in checks:
        groups.setdefault(str(getattr(check, key)), []).append(check.ok)
    return sorted(
        ((name, sum(oks), len(oks)) for name, oks in groups.items()), key=lambda g: (-g[2], g[0])
    )


def print_rates(title: str, rows: list[tuple[str, int, int]]) -> None:
    """Rates per group, several to a line."""
    print(f"  {title}:")
    cells = [f"{name} {right}/{total}" for name, right, total in rows]
    for start in range(0, len(cells), 6):
        print("    " + "   ".join(f"{cell:<22}" for cell in cells[start : start + 6]).rstrip())


def share(part: int, whole: int) -> float:
    """``part / whole``, 0 for an empty whole."""
    return part / whole if whole else 0.0


def show(title: str, items: Sequence[tuple[object, ...]], count: int) -> None:
    """Print the first ``count`` items of a list of differences."""
    if count and items:
        print(f"    {title} (first {min(count, len(items))} of {len(items)}):")
        for item in items[:count]:
            print("      " + "  ".join(str(part) for part in item))


def main(argv: list[str] | None = None) -> int:
    """Parse the corpora, print the report, return 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--clinton", type=Path, default=DEFAULT_CLINTON)
    parser.add_argument("--enron", type=Path, default=DEFAULT_ENRON)
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES)
    parser.add_argument("--nih", type=Path, default=DEFAULT_NIH)
    parser.add_argument(
        "--show", type=int, default=0, metavar="N", help="print N examples of each difference"
    )
    args = parser.parse_args(argv)
    # Unread dates become diagnostics; third-party warnings would only clutter the report.
    warnings.simplefilter("ignore")
    ok = True
    missed: list[str] = []

    clinton = BlockTally()
    for record in read_jsonl(args.clinton):
        clinton.add(str(record["id"]), str(record["text"]))
    ratio = share(clinton.found, clinton.simple)
    dated = share(clinton.dated, clinton.found)
    print(f"Clinton FOIA sample ({args.clinton.name}, {clinton.documents} documents)")
    print(f"  header blocks found by cablethread   {clinton.found}")
    print(f"  From:-led blocks (simple count)      {clinton.simple}")
    print(
        f"  found / simple                       {ratio:.2%}  (target > {TARGET_FOUND_RATIO:.0%})"
    )
    print(f"  found, not in the simple count       {len(clinton.found_not_simple)}")
    print(f"  simple count, not found              {len(clinton.simple_not_found)}")
    print(f"  found blocks with a parsed date      {clinton.dated}")
    print(
        f"  share with a parsed date             {dated:.2%}  (target > {TARGET_DATED_SHARE:.0%})"
    )
    print(f"  parties that are withholding codes   {len(clinton.code_parties)}  (target 0)")
    print(f"  withheld parties (code as the value) {len(clinton.withheld)}")
    show("found, not in the simple count", clinton.found_not_simple, args.show)
    show("simple count, not found", clinton.simple_not_found, args.show)
    show("found without a parsed date", clinton.undated, args.show)
    show("parties that are codes", clinton.code_parties, args.show)
    ok &= ratio > TARGET_FOUND_RATIO and dated > TARGET_DATED_SHARE and not clinton.code_parties

    enron = EnronTally()
    for record in read_jsonl(args.enron):
        enron.add(str(record["id"]), str(record["body"]))
    enron_share = share(enron.dated, enron.separators)
    print()
    print(f"Enron chains sample ({args.enron.name}, {enron.documents} messages)")
    print(f"  -----Original Message----- lines     {enron.separators}")
    print(f"  opening a message with a parsed date {enron.dated}")
    print(
        f"  share                                {enron_share:.2%}  (target >= {TARGET_ENRON_DATED:.0%})"
    )
    show("separators without a dated message", enron.missed, args.show)
    ok &= enron_share >= TARGET_ENRON_DATED

    notes = NotesTally()
    for record in read_jsonl(args.enron):
        notes.add(str(record["id"]), str(record["body"]))
    blocks_found = share(notes.blocks_found, notes.blocks)
    blocks_dated = share(notes.blocks_dated, notes.blocks_found)
    forwards_found = share(notes.forwards_found, notes.forwards)
    forwards_dated = share(notes.forwards_dated, notes.forwards_found)
    print()
    print(f"Lotus Notes in the Enron sample ({args.enron.name})")
    print(f"  Notes blocks (simple count)          {notes.blocks}")
    print(
        f"  found by cablethread                 {notes.blocks_found}  {blocks_found:.2%}"
        f"  (target >= {TARGET_NOTES_FOUND:.0%})"
    )
    print(
        f"  with a parsed date                   {notes.blocks_dated}  {blocks_dated:.2%}"
        f"  (target >= {TARGET_NOTES_DATED:.0%})"
    )
    print(f"  Forwarded by lines (simple count)    {notes.forwards}")
    print(
        f"  found by cablethread                 {notes.forwards_found}  {forwards_found:.2%}"
        f"  (target >= {TARGET_NOTES_FOUND:.0%})"
    )
    print(
        f"  with a parsed date                   {notes.forwards_dated}  {forwards_dated:.2%}"
        f"  (target >= {TARGET_NOTES_DATED:.0%})"
    )
    show("counted, not found", notes.missed, args.show)
    show("found without a parsed date", notes.undated, args.show)
    ok &= min(blocks_found, forwards_found) >= TARGET_NOTES_FOUND
    ok &= min(blocks_dated, forwards_dated) >= TARGET_NOTES_DATED

    fixtures = BlockTally()
    for record in read_jsonl(args.fixtures):
        if record.get("language_hint") in ("en", None):
            fixtures.add(str(record["id"]), str(record["text"]))
    print()
    print(f"English mail-client fixtures ({args.fixtures.name}, {fixtures.documents} files)")
    print(f"  header blocks found by cablethread   {fixtures.found}")
    print(f"  From:-led blocks (simple count)      {fixtures.simple}")
    print(f"  found, not in the simple count       {len(fixtures.found_not_simple)}")
    print(f"  simple count, not found              {len(fixtures.simple_not_found)}")
    print(f"  found blocks with a parsed date      {fixtures.dated}")
    show("found, not in the simple count", fixtures.found_not_simple, args.show)
    show("simple count, not found", fixtures.simple_not_found, args.show)
    show("found without a parsed date", fixtures.undated, args.show)

    fixture_records = list(read_jsonl(args.fixtures))
    checks = [
        check_forward(record)
        for record in fixture_records
        if record.get("source_repo") == "crisp-oss/email-forward-parser"
    ]
    right = sum(c.ok for c in checks)
    forwards_share = share(right, len(checks))
    print()
    print(f"email-forward-parser fixtures ({args.fixtures.name}, {len(checks)} files)")
    print(
        f"  forwarded message as printed         {right}  {forwards_share:.2%}"
        f"  (target >= {TARGET_FORWARDS:.0%})"
    )
    print(f"  sender right                         {sum(c.sender for c in checks)}")
    print(
        f"  subject right / none printed or read {sum(c.subject is True for c in checks)}"
        f" / {sum(c.subject is None for c in checks)}"
    )
    print(f"  send time as printed                 {sum(c.time for c in checks)}")
    print_rates("per client", rates(checks, "client"))
    print_rates("per language", rates(checks, "language"))
    show("not read as printed", [(c.id, *c.found) for c in checks if not c.ok], args.show)
    ok &= forwards_share >= TARGET_FORWARDS

    trimmed = [
        (
            str(record["id"]),
            normalised(newest_text(record)) == normalised(str(record["expected_trimmed"])),
        )
        for record in fixture_records
        if record.get("source_repo") == "discourse/email_reply_trimmer"
    ]
    trimmed_right = sum(same for _, same in trimmed)
    trimmed_share = share(trimmed_right, len(trimmed))
    print()
    print(f"email_reply_trimmer fixtures ({args.fixtures.name}, {len(trimmed)} files)")
    print(
        f"  newest text as expected              {trimmed_right}  {trimmed_share:.2%}"
        f"  (target >= {TARGET_TRIMMED:.0%})"
    )
    show("not as expected", [(doc_id,) for doc_id, same in trimmed if not same], args.show)
    ok &= trimmed_share >= TARGET_TRIMMED

    print()
    if not args.nih.is_file():
        print(f"NIH FOIA release: {args.nih} not found; skipped")
    else:
        nih = NihTally()
        nih.add(args.nih.name, args.nih.read_text(encoding="utf-8"))
        nih_dated = share(nih.dated, nih.blocks)
        nih_subject = share(nih.subject, nih.blocks)
        breaks = nih.codes.get("thread-chain-break", 0)
        print(f"NIH FOIA release ({args.nih.name}, one text)")
        print(f"  From:-lines (simple count)           {nih.from_lines}")
        print(f"  From: later in a line (not counted)  {nih.later_from}")
        print(f"  header blocks found by cablethread   {nih.blocks}")
        print(f"  found / From:-lines                  {share(nih.blocks, nih.from_lines):.2%}")
        print(
            f"  blocks with a parsed date            {nih.dated}  {nih_dated:.2%}"
            f"  (target >= {TARGET_NIH_DATED:.0%})"
        )
        print(
            f"  blocks with a subject                {nih.subject}  {nih_subject:.2%}"
            f"  (target >= {TARGET_NIH_SUBJECT:.0%}; {nih.empty_subject} of them empty, "
            f"{nih.quoted_subject} read from the reply above an attribution)"
        )
        print(
            f"  blocks with a sender                 {nih.sender}"
            f"  {share(nih.sender, nih.blocks):.2%}"
        )
        print(f"  messages                             {nih.messages}")
        print(f"  occurrences                          {nih.blocks}")
        print(
            f"  thread-chain-break                   {breaks}"
            f"  (target <= {TARGET_NIH_CHAIN_BREAKS})"
        )
        for code in ("date-unparsed", "date-missing", "time-reply-before-parent"):
            print(f"  {code:<37}{nih.codes.get(code, 0)}")
        print(
            f"  dated messages with a printed zone   {nih.zone_printed} of"
            f" {nih.dated_messages}  {share(nih.zone_printed, nih.dated_messages):.2%}"
        )
        print(
            f"  … whose zone fixes the instant       {nih.offset_printed} of"
            f" {nih.dated_messages}  {share(nih.offset_printed, nih.dated_messages):.2%}"
        )
        print("  diagnostics by code:")
        for code, count in sorted(nih.codes.items(), key=lambda item: (-item[1], item[0])):
            print(f"    {code:<35}{count:>6}")
        show("blocks without a parsed date", nih.undated, args.show)
        show("blocks without a subject", nih.no_subject, args.show)
        if nih_dated < TARGET_NIH_DATED:
            missed.append("NIH dated share")
        if nih_subject < TARGET_NIH_SUBJECT:
            missed.append("NIH subject share")
        if breaks > TARGET_NIH_CHAIN_BREAKS:
            missed.append("NIH chain breaks")

    print()
    ok &= not missed
    print(
        "all targets met" if ok else "TARGET MISSED" + (f": {', '.join(missed)}" if missed else "")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
