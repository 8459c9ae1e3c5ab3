"""What a parsed release weighs, object by object, against the least its public models can weigh.

    python -m benchmarks.release_weight                  # seed, clinton, nih at 2 MB; two hostile shapes
    python -m benchmarks.release_weight --texts seed,clinton --size 10

The targets of peak memory (``benchmarks/README.md``) are multiples of the input: 3 × for the
parse of the seed and Clinton releases, 30 × for every hostile shape. A release is a pydantic
model whose fields are lists of models, each model with its own line span, and that is the
public API. This script measures how much of a target those objects alone take, whatever the
parser does on the way:

* **weight**: every object the release holds, walked from it once (``gc.get_referents``), each
  counted once by its ``sys.getsizeof``: the models (each instance and its ``__dict__``), the
  lists, the spans, the input's text, the strings, the whole numbers, the dates, the rest;
* **floor**: what the models, lists and spans of the same release weigh at the least Python
  lets them weigh, plus the input's text held once at one byte a byte. Each model is counted at
  its instance and its field values without a dict object: the values of the smallest
  ``__dict__`` of its class in the release (keys shared with the class, PEP 412). An instance
  whose fields are set one by one keeps them so until its ``__dict__`` is asked for, which
  pydantic does when it writes it. Each list and span counts as it is. None of them can be
  shared between two messages: each holds the lines of one printed thing (a field, a party, a
  code, a segment, a diagnostic) or belongs to one message, thread or party, and a list field
  is a list a user may change. Strings, numbers and dates are left out of the floor (it is a
  least weight, not an estimate), and so is every object the parse makes and lets go. The
  table gives it without the text too (``parse(text)``'s caller holds the text already), and
  with every empty list left out besides; and with each model held as a tuple of its field
  values instead (rows without a class of their own), to show what such rows would save;
* **the floor with the values the fields hold**: the floor, and each string, whole number and
  date reached from the release once by value (as if every two equal values were one object;
  the small integers the interpreter makes once count nothing), the diagnostics' sentences
  apart (a sentence could be made when it is read). A string field holds a ``str`` and a span
  two ``int``, so no release of today's models holds less;
* **held as columns**: what the same release would weigh as a table a model class, a
  fixed-width column a field, each distinct string once and each list's items in a table
  (``_columns``): what a release that makes its models when they are read could hold instead,
  and the same with the diagnostics' sentences made when read (a sentence's template and
  values in place of the sentence);
* **making the models**: the time ``pickle.loads`` takes to make the release's objects again
  from a pickle, which reads nothing and calls one function a model
  (``cablethread.models._restored``), against the parse's own time and against the time the
  speed target allows (a multiple of the one-regex floor of ``benchmarks.run``, ``TARGETS``).

Each text is read in a fresh interpreter. ``--json`` writes the figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_MB = 1_000_000
#: The speed targets of issue 16, as multiples of the one-regex floor (``benchmarks.run.FLOOR``).
TARGETS = {"seed": 0.12, "clinton": 0.07}
#: What a dict object weighs without its keys or values (its header, for the garbage collector too).
_DICT_OBJECT = sys.getsizeof({})
#: The texts measured by default.
DEFAULT_TEXTS = ("seed", "clinton", "nih", "tiny-blocks", "pdf-gaps")


def _text(name: str, size: int) -> str | bytes:
    """The input of ``name`` at about ``size`` bytes: a text, or a PDF's bytes."""
    from benchmarks import corpora

    if name == "seed":
        return corpora.join(corpora.repeated(corpora.seed_documents(), size))
    if name in ("clinton", "nih"):
        path = corpora.clinton_path() if name == "clinton" else corpora.nih_path()
        if path is None:
            raise SystemExit(f"{name}: the shared corpora are not beside this checkout")
        documents = (
            corpora.clinton_documents(path) if name == "clinton" else corpora.nih_documents(path)
        )
        return corpora.join(corpora.repeated(documents, size))
    from benchmarks import hostile

    shapes = hostile.SHAPES
    if name not in shapes:
        raise SystemExit(f"unknown text {name!r}: seed, clinton, nih or a hostile shape")
    return shapes[name](size)


def _weigh(release: Any, texts: set[int]) -> tuple[Counter[str], dict[str, Any]]:
    """The weight of every object ``release`` holds, by kind; and what the floor is made of."""
    from pydantic import BaseModel

    from cablethread.models import Diagnostic, Span

    weight: Counter[str] = Counter()
    seen: set[int] = set()
    stack: list[Any] = [release]
    models: Counter[type[BaseModel]] = Counter()
    smallest_dict: dict[type[BaseModel], int] = {}
    instances = empty = 0
    # Each string, whole number and date the fields hold, once by value (as if every equal
    # value were one object), the diagnostics' sentences apart: what the fields cannot do without.
    held: dict[tuple[object, ...], int] = {}
    sentences: dict[str, int] = {}
    sentence_ids: set[int] = set()
    skipped = (type, type(sys), type(len), type(_weigh))
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, skipped):
            continue
        seen.add(id(item))
        size = sys.getsizeof(item)
        if isinstance(item, BaseModel):
            # Asking for ``__dict__`` makes one for a model that holds its values without (as
            # pydantic's writers do): the weight counts every model with a dict.
            fields = item.__dict__
            seen.add(id(fields))
            dict_size = sys.getsizeof(fields)
            weight["models"] += size + dict_size
            models[type(item)] += 1
            instances += size
            known = smallest_dict.get(type(item))
            smallest_dict[type(item)] = dict_size if known is None else min(known, dict_size)
            if isinstance(item, Diagnostic):
                sentence_ids.add(id(item.message))
            stack.extend(fields.values())
            stack.extend(value for value in gc.get_referents(item) if value is not fields)
            continue
        if type(item) is list:
            weight["lists"] += size
            empty += 0 if item else size
        elif type(item) is Span:
            weight["spans"] += size
        elif type(item) is str:
            weight["text" if id(item) in texts else "strings"] += size
            if id(item) in sentence_ids:
                sentences.setdefault(item, size)
            elif id(item) not in texts:
                held.setdefault((str, item), size)
        elif type(item) is int:
            weight["numbers"] += size
            # The small integers (-5 to 256) are made once by the interpreter and cost nothing.
            if not -5 <= item <= 256:
                held.setdefault((int, item), size)
        elif isinstance(item, datetime):
            weight["dates"] += size
            held.setdefault((datetime, item, repr(item.tzinfo)), size)
        else:
            weight["other"] += size
        stack.extend(gc.get_referents(item))
    # A model's field values at the least: the values of the smallest dict of its class, without
    # the dict object itself. An instance whose fields are set one by one keeps its values in
    # the object until its ``__dict__`` is asked for (CPython 3.11+), which pydantic does when it
    # writes the model; so a release could hold its models so until it is written.
    values = sum(count * (smallest_dict[cls] - _DICT_OBJECT) for cls, count in models.items())
    floor = {
        "models": instances + values,
        "lists": weight["lists"],
        "empty_lists": empty,
        "spans": weight["spans"],
        "model_count": sum(models.values()),
        "values": sum(held.values()),
        "sentences": sum(sentences.values()),
        # The same models as tuples of their field values: rows without a class of their own.
        "tuples": sum(
            count * sys.getsizeof((None,) * len(cls.model_fields)) for cls, count in models.items()
        ),
    }
    return weight, floor


def _columns(release: Any) -> dict[str, int]:
    """What ``release`` would weigh held as columns: a table a model class, each field a column
    of fixed width, every distinct string once in one table (its UTF-8 bytes and a 4-byte
    offset), each list a start and a count into a table of its items, and each input's text
    once as UTF-8 bytes.

    A column is as wide as the widest value it holds: a string, a model (a row of its own table)
    or a whole number that fits 32 bits takes 4 bytes, a span or a list 8 (two 32-bit numbers),
    a date 8 and 2 more for its zone, a flag 1; a column with a missing value somewhere takes a
    bit a row more. A segment cut from its input holds where it begins and ends in it (8 bytes).
    The arrays' own headers (a few dozen objects) are left out.
    """
    from pydantic import BaseModel

    from cablethread.models import Diagnostic, Segment, Span

    widths: dict[tuple[type, str], int] = {}
    nullable: set[tuple[type, str]] = set()
    rows: Counter[type] = Counter()
    strings: set[str] = set()
    sentences: set[str] = set()
    items = 0
    seen: set[int] = set()
    stack: list[Any] = [release]

    def width(value: Any) -> int:
        nonlocal items
        if value is None:
            return 0
        if isinstance(value, bool):
            return 1
        if isinstance(value, int):
            return 4 if -(2**31) <= value < 2**31 else 8
        if isinstance(value, float):
            return 8
        if isinstance(value, str):
            strings.add(value)
            return 4
        if isinstance(value, datetime):
            return 8 if value.tzinfo is None else 10
        if isinstance(value, Span):
            return 8
        if isinstance(value, BaseModel):
            stack.append(value)
            return 4
        if isinstance(value, (list, tuple, set, frozenset)):
            items += sum(map(width, value))
            return 8
        if isinstance(value, dict):
            items += sum(width(key) + width(item) for key, item in value.items())
            return 8
        return 4

    while stack:
        model = stack.pop()
        if id(model) in seen:
            continue
        seen.add(id(model))
        cls = type(model)
        rows[cls] += 1
        held = model.__dict__
        for name in cls.model_fields:
            if name not in held and cls is Segment and name == "text":
                wide = 8  # where the segment's lines begin and end in its input's text
            elif cls is Diagnostic and name == "message":
                sentences.add(held[name])
                wide = 4
            else:
                value = held.get(name)
                wide = width(value)
                if value is None:
                    nullable.add((cls, name))
            key = (cls, name)
            widths[key] = max(widths.get(key, 0), wide)
    tables = sum(
        count * (sum(wide for (owner, _), wide in widths.items() if owner is cls))
        + (count * sum(1 for owner, _ in nullable if owner is cls) + 7) // 8
        for cls, count in rows.items()
    )

    def stored(texts: set[str]) -> int:
        return sum(len(text.encode("utf-8", "surrogatepass")) + 4 for text in texts)

    return {
        "tables": tables,
        "items": items,
        "strings": stored(strings - sentences),
        "sentences": stored(sentences - strings),
    }


def measure(name: str, size: int, repeat: int) -> dict[str, Any]:
    """One text: its release's weight and floor, and the time of the parse and of making the
    models again (best of ``repeat``, CPU time)."""
    import cablethread
    from benchmarks.run import FLOOR, _best
    from cablethread._collector import collection_paused
    from cablethread.models import Segment

    def best(run: Any) -> tuple[float, Any]:
        # CPU time, the machine's other load left out.
        return _best(run, repeat, clock=time.process_time)

    def load(blob: bytes) -> Any:
        # As parse_many's parent loads what its workers hand back: the collector paused.
        with collection_paused():
            return pickle.loads(blob)

    made = _text(name, size)
    cablethread.parse("From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: UNHC\n")
    with tempfile.TemporaryDirectory() as folder:
        if isinstance(made, bytes):
            path = Path(folder) / f"{name}.pdf"
            path.write_bytes(made)

            def run() -> Any:
                return cablethread.parse_file(path)

            size_in = len(made)
        else:
            text = made

            def run() -> Any:
                return cablethread.parse(text)

            size_in = len(text)
        parse_seconds, release = best(run)
    # The input texts the segments are cut from, each counted at the least it can be held in:
    # as Python holds it, or as UTF-8 bytes (a text with one character beyond Latin-1 costs
    # Python two or four bytes a character).
    wholes = {id(cut[0]): cut[0] for cut in map(Segment._cut, release.segments) if cut}
    weight, floor = _weigh(release, set(wholes))
    floor["text"] = sum(
        min(sys.getsizeof(whole), len(whole.encode("utf-8", "surrogatepass")))
        for whole in wholes.values()
    )
    floor["columns"] = _columns(release)
    blob = pickle.dumps(release, protocol=pickle.HIGHEST_PROTOCOL)
    making, _ = best(lambda: load(blob))
    result: dict[str, Any] = {
        "text": name,
        "input_bytes": size_in,
        "messages": len(release.messages),
        "weight": dict(weight),
        "floor": floor,
        "parse_seconds": parse_seconds,
        "making_seconds": making,
    }
    if isinstance(made, str) and name in TARGETS:
        floor_seconds, _ = best(lambda: sum(1 for _ in FLOOR.finditer(made)))
        result["floor_seconds"] = floor_seconds
        result["target"] = TARGETS[name]
    return result


def _least(floor: dict[str, Any]) -> int:
    """The floor: the models, lists and spans at their least, and the text once."""
    return int(floor["models"] + floor["lists"] + floor["spans"] + floor["text"])


def _head(*columns: str) -> tuple[str, str]:
    """A Markdown table's header and the line under it: the first column text, the rest figures."""
    return (
        "| " + " | ".join(columns) + " |",
        "| --- | " + " | ".join("---:" for _ in columns[1:]) + " |",
    )


def _times(value: float, size: int) -> str:
    return f"{value / size:.2f}"


def report(results: list[dict[str, Any]]) -> str:
    """The Markdown tables of ``benchmarks/README.md``."""
    lines = [
        *_head(
            "text",
            "input MB",
            "messages",
            "models a message",
            "weight × input",
            "models",
            "lists",
            "spans",
            "text",
            "strings",
            "numbers",
            "dates",
            "other",
            "floor × input",
            "floor without the text",
            "and no empty list",
        ),
    ]
    for result in results:
        size, weight, floor = result["input_bytes"], result["weight"], result["floor"]
        least = _least(floor)
        parts = ("models", "lists", "spans", "text", "strings", "numbers", "dates", "other")
        lines.append(
            f"| {result['text']} | {size / _MB:.2f} | {result['messages']:,} "
            f"| {floor['model_count'] / max(result['messages'], 1):.1f} "
            f"| {_times(sum(weight.values()), size)} | "
            + " | ".join(_times(weight.get(part, 0), size) for part in parts)
            + f" | **{_times(least, size)}** | {_times(least - floor['text'], size)} "
            f"| {_times(least - floor['text'] - floor['empty_lists'], size)} |"
        )
    lines += [
        "",
        *_head("text", "floor × input", "the same with each model a tuple of its values"),
    ]
    for result in results:
        size, floor = result["input_bytes"], result["floor"]
        least = _least(floor)
        rows = least - floor["models"] + floor["tuples"]
        lines.append(f"| {result['text']} | {_times(least, size)} | {_times(rows, size)} |")
    lines += [
        "",
        *_head(
            "text",
            "floor × input",
            "its strings, numbers and dates, each value once",
            "the floor with them",
            "and the diagnostics' sentences",
            "the floor with them, without empty lists or sentences",
        ),
    ]
    for result in results:
        size, floor = result["input_bytes"], result["floor"]
        if "values" not in floor:
            continue
        least = _least(floor)
        held = least + floor["values"]
        lines.append(
            f"| {result['text']} | {_times(least, size)} | {_times(floor['values'], size)} "
            f"| **{_times(held, size)}** | {_times(held + floor['sentences'], size)} "
            f"| {_times(held - floor['empty_lists'], size)} |"
        )
    lines += [
        "",
        *_head(
            "text",
            "the floor with its values",
            "held as columns × input",
            "without the text",
            "the tables",
            "the lists' items",
            "the strings",
            "the diagnostics' sentences",
            "the text",
            "as columns, the sentences made when read",
        ),
    ]
    for result in results:
        size, floor = result["input_bytes"], result["floor"]
        if "columns" not in floor:
            continue
        least = _least(floor)
        columns = floor["columns"]
        kept = (
            *(columns["tables"], columns["items"], columns["strings"], columns["sentences"]),
            floor["text"],
        )
        lines.append(
            f"| {result['text']} | {_times(least + floor['values'], size)} "
            f"| **{_times(sum(kept), size)}** | {_times(sum(kept) - floor['text'], size)} | "
            + " | ".join(_times(part, size) for part in kept)
            + f" | {_times(sum(kept) - columns['sentences'], size)} |"
        )
    timed = [result for result in results if "floor_seconds" in result]
    if timed:
        lines += [
            "",
            *_head(
                "text",
                "parse s",
                "making the models s",
                "one-regex floor s",
                "target × floor",
                "time the target allows s",
                "making the models / allowed",
            ),
        ]
        for result in timed:
            allowed = result["floor_seconds"] / result["target"]
            lines.append(
                f"| {result['text']} | {result['parse_seconds']:.3f} "
                f"| {result['making_seconds']:.3f} | {result['floor_seconds']:.4f} "
                f"| {result['target']} | {allowed:.3f} "
                f"| {result['making_seconds'] / allowed:.0%} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--texts", default=",".join(DEFAULT_TEXTS), help="texts to read, comma-separated"
    )
    parser.add_argument("--size", type=float, default=2.0, help="MB of each text (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs, best kept (default 3)")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    size = int(args.size * _MB)
    if args.one:
        print(json.dumps(measure(args.one, size, args.repeat)))
        return 0
    results: list[dict[str, Any]] = []
    for name in args.texts.split(","):
        done = subprocess.run(
            [
                *(sys.executable, "-m", "benchmarks.release_weight", "--one", name),
                *("--size", str(args.size), "--repeat", str(args.repeat)),
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent.parent,
        )
        if done.returncode != 0:
            print(f"{name}: failed\n{done.stderr}", file=sys.stderr)
            continue
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(report(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
