"""The release JSON of every corpus text, as a SHA-256 each: the check that a change of the parser's
inside leaves its output as it was.

    python benchmarks/release_hashes.py > now.txt          # one line a text: name, hash
    python benchmarks/release_hashes.py --check benchmarks/release_hashes.txt

The texts: the NIH release whole, the seed release, each of the 3,055 Clinton documents, each Enron
record and each reply-parser fixture (``shared/corpora/``, or ``--corpora``), each parsed alone;
then the Clinton documents in one ``parse_many``. ``release_hashes.txt`` holds the hashes of the
code that wrote it; ``--check`` prints the texts whose JSON differs and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import cablethread
from benchmarks.corpora import CORPORA, SEED_PATH, clinton_path, nih_path

ENRON_NAME = Path("enron-chains") / "enron_chains_sample.jsonl"
FIXTURES_NAME = Path("reply-parser-fixtures") / "reply_parser_fixtures.jsonl"


def _records(path: Path, key: str) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield str(json.loads(line)[key])


def _corpus(corpora: Path | None, name: Path) -> Path:
    for base in (corpora, *CORPORA):
        if base is not None and (base / name).is_file():
            return base / name
    raise SystemExit(f"no {name} under {corpora or CORPORA[0]}: give --corpora")


def texts(corpora: Path | None) -> Iterator[tuple[str, str]]:
    """(name, text) of every corpus text, in a fixed order."""
    nih, clinton = nih_path(corpora), clinton_path(corpora)
    if nih is None or clinton is None:
        raise SystemExit("the shared corpora are not here: give --corpora")
    yield "nih", nih.read_text(encoding="utf-8")
    yield "seed", SEED_PATH.read_text(encoding="utf-8")
    for number, text in enumerate(_records(clinton, "text")):
        yield f"clinton{number}", text
    for number, text in enumerate(_records(_corpus(corpora, ENRON_NAME), "body")):
        yield f"enron{number}", text
    for number, text in enumerate(_records(_corpus(corpora, FIXTURES_NAME), "text")):
        yield f"fixture{number}", text


def _digest(release: cablethread.Release) -> str:
    return hashlib.sha256(release.to_json().encode("utf-8")).hexdigest()


def hashes(corpora: Path | None) -> Iterator[tuple[str, str]]:
    """(name, SHA-256 of the release JSON) of every corpus text, then of the Clinton batch."""
    clinton: list[cablethread.SourceText] = []
    for name, text in texts(corpora):
        if name.startswith("clinton"):
            clinton.append(cablethread.SourceText(text, f"{name}.txt"))
        yield name, _digest(cablethread.parse(text))
    yield "clinton-parse_many", _digest(cablethread.parse_many(clinton))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, help="folder holding the shared corpora")
    parser.add_argument("--check", type=Path, help="compare with the hashes in this file")
    args = parser.parse_args(argv)
    now = dict(hashes(args.corpora))
    if args.check is None:
        sys.stdout.writelines(f"{name}\t{digest}\n" for name, digest in now.items())
        return 0
    before = dict(line.split("\t") for line in args.check.read_text("utf-8").split("\n") if line)
    differ = [name for name in before.keys() | now.keys() if before.get(name) != now.get(name)]
    for name in sorted(differ):
        print(f"{name}: {before.get(name, '(none)')} -> {now.get(name, '(none)')}")
    print(f"{len(now)} texts, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
