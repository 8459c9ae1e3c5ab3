"""Collation on the Clinton sample: its figures, its cost beside the parse, and a sample to check.

    python benchmarks/collation.py                  # figures and timing (about a minute)
    python benchmarks/collation.py --sample 30      # and a sample of differences, both printings
    python benchmarks/collation.py --corpora PATH   # the folder holding clinton-foia/

Each of the 3,055 documents is written to a file of its own, named after its document number,
and the files are read with ``cablethread.parse_many``, so that every printing keeps its source.
The parse is timed with collation in it (it is part of the parse); collation alone is timed
again on the parsed release. The issue's target: collation adds at most 20 % to the parse time,
``collate / (parse - collate) <= 0.20``. The best of ``--runs`` runs is taken for each.

``--sample N`` prints N differences (seeded, ``--seed``), drawn kind by kind (every
``withheld-here``, then ``code-only``, ``truncated``, ``other`` and ``ocr`` in turn), each with
both printings' lines around it, for checking by hand against the documents.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cablethread
from benchmarks import corpora
from cablethread.diagnostics import Collector
from cablethread.messages.collate import collate
from cablethread.models import Collation, Difference, Release

#: The order kinds are drawn in for a sample: the redaction kinds first, all of them if they fit.
SAMPLE_ORDER = ("withheld-here", "code-only", "truncated", "other", "ocr")


#: The request each release folder of the sample answers: the documents produced to the House
#: Select Committee on Benghazi were released under their own case number.
REQUESTS = {"HRC_Email_296": "F-2015-04841"}
DEFAULT_REQUEST = "F-2014-20439"


def write_documents(path: Path, folder: Path) -> tuple[list[Path], dict[str, str]]:
    """The Clinton sample's documents, one file each (``C05765928.txt``), in file order, and the
    release folder of each file (by its stem)."""
    paths: list[Path] = []
    folders: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                target = folder / f"{record['id']}.txt"
                target.write_text(record["text"], encoding="utf-8")
                paths.append(target)
                folders[record["id"]] = record["release"]
    return paths, folders


def timed_parse(paths: list[Path], runs: int) -> tuple[Release, float, float]:
    """The release, the best parse time and the best time of collation alone."""
    best_parse = best_collate = float("inf")
    release: Release | None = None
    for _ in range(runs):
        start = time.perf_counter()
        release = cablethread.parse_many(paths)
        best_parse = min(best_parse, time.perf_counter() - start)
        start = time.perf_counter()
        collate(release.messages, release.segments, Collector())
        best_collate = min(best_collate, time.perf_counter() - start)
    assert release is not None
    return release, best_parse, best_collate


def figures(release: Release, folders: dict[str, str]) -> dict[str, int]:
    """Counts of collations and differences by kind; ``folders``: each document's release."""

    def spread(collation: Collation, key: dict[str, str]) -> int:
        return len({key[Path(p.source or "").stem] for p in collation.printings})

    requests = {stem: REQUESTS.get(folder, DEFAULT_REQUEST) for stem, folder in folders.items()}
    kinds = Counter(d.kind for c in release.collations for d in c.differences)
    return {
        "messages": len(release.messages),
        "multi_printing_messages": len(release.collations),
        "printed_in_several_documents": sum(
            len({p.source for p in c.printings}) > 1 for c in release.collations
        ),
        "printed_in_several_releases": sum(spread(c, folders) > 1 for c in release.collations),
        "printed_under_both_requests": sum(spread(c, requests) > 1 for c in release.collations),
        "message_variant_diagnostics": sum(
            d.code == "message-variant" for d in release.diagnostics
        ),
        "messages_with_withheld_here": sum(
            any(d.kind == "withheld-here" for d in c.differences) for c in release.collations
        ),
        "unaligned_pairs": sum(len(c.unaligned) for c in release.collations),
        **{kind: kinds.get(kind, 0) for kind in SAMPLE_ORDER},
    }


def sample(release: Release, size: int, seed: int) -> list[tuple[Collation, Difference]]:
    """``size`` differences drawn kind by kind (:data:`SAMPLE_ORDER`), as evenly as the kinds
    allow, each kind shuffled with ``seed``."""
    by_kind: dict[str, list[tuple[Collation, Difference]]] = {kind: [] for kind in SAMPLE_ORDER}
    for collation in release.collations:
        for difference in collation.differences:
            by_kind[difference.kind].append((collation, difference))
    rng = random.Random(seed)
    for items in by_kind.values():
        rng.shuffle(items)
    drawn: list[tuple[Collation, Difference]] = []
    while len(drawn) < size and any(by_kind.values()):
        for kind in SAMPLE_ORDER:
            if by_kind[kind] and len(drawn) < size:
                drawn.append(by_kind[kind].pop())
    return drawn


def _show_side(collation: Collation, printing: int, start: int, end: int) -> list[str]:
    source = collation.printings[printing].source or ""
    lines = Path(source).read_text(encoding="utf-8").split("\n")
    shown = [f"    printing {printing + 1}: {Path(source).stem} lines {start}-{end}"]
    for number in range(max(start - 2, 1), min(end + 2, len(lines)) + 1):
        text = lines[number - 1].rstrip()
        if text.strip():
            shown.append(f"      {number:5} {text[:150]}")
    return shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", help="folder holding clinton-foia/ (default: shared/corpora)")
    parser.add_argument("--runs", type=int, default=3, help="runs to take the best of (3)")
    parser.add_argument("--sample", type=int, default=0, help="differences to print (0)")
    parser.add_argument("--seed", type=int, default=17, help="seed of the sample (17)")
    args = parser.parse_args(argv)
    path = corpora.clinton_path(Path(args.corpora) if args.corpora else None)
    if path is None:
        print("Clinton corpus not found; pass --corpora", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="cablethread-collation-") as folder:
        paths, folders = write_documents(path, Path(folder))
        release, parse_seconds, collate_seconds = timed_parse(paths, args.runs)
        counts = figures(release, folders)
        share = collate_seconds / (parse_seconds - collate_seconds)
        print(f"Clinton sample: {len(paths)} documents")
        for name, value in counts.items():
            print(f"  {name:32} {value}")
        print(f"  parse_many, collation included  {parse_seconds:.2f} s")
        print(f"  collation alone                 {collate_seconds:.2f} s")
        print(f"  collation / rest of the parse   {share:.1%}  (target at most 20 %)")
        for number, (collation, difference) in enumerate(
            sample(release, args.sample, args.seed), 1
        ):
            message = release.message(collation.message_id)
            subject = message.subject.text if message.subject else ""
            print(f"\n{number}. {difference.kind}  {collation.message_id}  {subject[:70]}")
            print(f"    evidence: {difference.evidence}")
            for side in (difference.a, difference.b):
                print(f"    text {side.printing + 1}: {side.text[:160]!r}")
                print(
                    "\n".join(_show_side(collation, side.printing, side.span.start, side.span.end))
                )
        return 0 if share <= 0.20 else 1


if __name__ == "__main__":
    sys.exit(main())
