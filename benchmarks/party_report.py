"""How many distinct people a FOIA sample names, before and after identity merging.

    python benchmarks/party_report.py [SAMPLE.jsonl] [--profile us-state]

``SAMPLE.jsonl`` holds one document a line with its text in ``text`` and its number in ``id``
(the layout of ``corpora/clinton-foia/clinton_foia_sample.jsonl``, the default). Each document is
parsed as a release of its own; the people are then counted twice:

* per document, as ``release.parties`` gives them, summed over the documents;
* over the whole sample, merging the forms of all documents as if they were one release.

"Before" counts the distinct ``Party.key``s of the forms that end up in a person (one per
address, or per printed name when no address was printed): what counting parties meant before
identity merging. "After" counts the merged people.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import cablethread
from cablethread.messages.identity import participants
from cablethread.models import Message, Participant

DEFAULT_SAMPLE = Path("/work/shared/corpora/clinton-foia/clinton_foia_sample.jsonl")


def _people(parties: list[Participant]) -> tuple[int, int, int]:
    """(printed forms, distinct keys, merged people) of the person identities in ``parties``."""
    people = [p for p in parties if p.kind == "person"]
    return (
        sum(len(p.forms) for p in people),
        sum(len(p.keys) for p in people),
        len(people),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", nargs="?", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--profile", default=None, help="profile (default: detected per document)")
    args = parser.parse_args(argv)
    if not args.sample.is_file():
        print(f"party_report: {args.sample}: no such file", file=sys.stderr)
        return 2
    # dateutil warns about the OCR's stray time-zone letters; the parser reports them itself.
    warnings.simplefilter("ignore")
    policy = cablethread.Policy(profile=args.profile)
    started = time.perf_counter()
    documents = 0
    messages: list[Message] = []
    per_document = [0, 0, 0]
    kinds: Counter[str] = Counter()
    diagnostics: Counter[str] = Counter()
    with args.sample.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            release = cablethread.parse(record["text"], policy, source=record.get("id"))
            documents += 1
            messages.extend(release.messages)
            for index, count in enumerate(_people(release.parties)):
                per_document[index] += count
            for message in release.messages:
                for party in [message.sender, *message.to, *message.cc, *message.bcc]:
                    if party is not None:
                        kinds[party.kind] += 1
            diagnostics.update(d.code for d in release.diagnostics if d.code.startswith("party"))
    whole = _people(participants(messages))
    elapsed = time.perf_counter() - started
    print(f"sample: {args.sample}")
    print(f"documents: {documents}, messages: {len(messages)}, seconds: {elapsed:.1f}")
    print("party occurrences by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print("party diagnostics: " + ", ".join(f"{k} {n}" for k, n in sorted(diagnostics.items())))
    print()
    print(f"{'distinct people':<34}{'printed forms':>15}{'before merging':>16}{'after':>8}")
    print(
        f"{'per document (summed)':<34}{per_document[0]:>15}{per_document[1]:>16}{per_document[2]:>8}"
    )
    print(f"{'whole sample as one release':<34}{whole[0]:>15}{whole[1]:>16}{whole[2]:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
