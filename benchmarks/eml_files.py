"""Where the time of ``write_eml`` goes as the messages grow: the library's work or the folder's.

    python benchmarks/eml_files.py [--sizes 1,2,4,8] [--shape tiny-blocks] [--folder /dev/shm]

``write_eml`` makes a file per message in one folder. For each size of a hostile shape
(``benchmarks/hostile.py``; ``tiny-blocks``, a message every 20 bytes, makes the most files), in a
fresh interpreter: the release is parsed (not timed), then three times are taken, in CPU and
wall-clock seconds:

* **bytes**: the message's RFC 5322 bytes, made for every message and let go (what
  ``write_eml`` computes);
* **write_eml**: the whole write into a new folder, bytes included;
* **bare files**: the same names and the same bytes written into a new folder by
  ``os.open``, ``os.write`` and ``os.close`` and nothing else, the least any writer of a file a
  message pays the file system.

Each is printed per message, in microseconds, so a row that grows shows which part grows. The
files are written in a new folder under ``--folder`` (the system's temporary folder by default);
on a disk, what a file costs the file system changes with what was written and deleted there
before, so a folder in memory (a ``tmpfs`` such as ``/dev/shm``) shows the library's own share.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import hostile

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(shape: str, megabytes: float, where: str | None = None) -> list[float]:
    """Messages, then wall and CPU seconds of each of bytes, write_eml and bare files."""
    import cablethread
    from cablethread.export.mbox import EML_POLICY, _email_bytes, _Lookups, _writer

    data = hostile.SHAPES[shape](int(megabytes * hostile._MB))
    assert isinstance(data, str), "a text shape"
    release = cablethread.parse(data)
    messages = release.messages
    lookups, (policy, headers) = _Lookups(release), _writer(EML_POLICY)

    def made() -> None:
        for message in messages:
            _email_bytes(release, message, lookups, policy, headers)

    files = [
        (f"{message.id}.eml", _email_bytes(release, message, lookups, policy, headers)[0])
        for message in messages
    ]

    def bare(folder: str) -> None:
        os.mkdir(folder)
        for name, data in files:
            descriptor = os.open(os.path.join(folder, name), _FLAGS, 0o666)
            try:
                os.write(descriptor, data)
            finally:
                os.close(descriptor)

    with tempfile.TemporaryDirectory(dir=where) as folder:
        figures = [float(len(messages))]
        figures += _timed(made)
        figures += _timed(lambda: cablethread.write_eml(release, Path(folder) / "eml"))
        figures += _timed(lambda: bare(os.path.join(folder, "bare")))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="MB, comma-separated")
    parser.add_argument("--shape", default="tiny-blocks", choices=sorted(hostile.SHAPES))
    parser.add_argument(
        "--folder", help="where the files are written (default: the temporary folder)"
    )
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(*measure(args.one[0], float(args.one[1]), args.folder))
        return 0
    print(
        "| MB | messages | bytes µs/msg | write_eml µs/msg (CPU) | bare files µs/msg (CPU) "
        "| write_eml − bare µs/msg |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes.split(","):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.eml_files", "--one", args.shape, size]
            + (["--folder", args.folder] if args.folder else []),
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        count, made, _, written, written_cpu, bare, bare_cpu = map(float, done.stdout.split())
        per = 1e6 / count
        print(
            f"| {size} | {count:,.0f} | {made * per:.0f} | {written * per:.0f} "
            f"({written_cpu * per:.0f}) | {bare * per:.0f} ({bare_cpu * per:.0f}) "
            f"| {(written - bare) * per:.0f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
