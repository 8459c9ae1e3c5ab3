"""What the fuzz targets share: started by libFuzzer, or replaying inputs without it.

python fuzz/fuzz_parse.py [libFuzzer options] CORPUS
python fuzz/fuzz_parse.py --replay FILE…
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import atheris


def run(test_one_input: Callable[[bytes], None]) -> None:
    """Start the fuzzer on ``test_one_input`` with libFuzzer's own command-line options, or,
    after ``--replay``, run it on each named file (atheris is still imported by then, for its
    instrumentation)."""
    if len(sys.argv) > 1 and sys.argv[1] == "--replay":
        for name in sys.argv[2:]:
            test_one_input(Path(name).read_bytes())
        print(f"{len(sys.argv) - 2} inputs checked")
        return
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
