"""Run regexploit over every regular expression cablethread compiles.

``regexploit-py`` reads only patterns written as string literals; most of ours are assembled
(f-strings over label tables), so this imports the package and hands regexploit each compiled
pattern, flags included. Exits non-zero when regexploit finds a pattern whose backtracking grows
faster than the square of the input (its ``starriness`` above 2, the level it reports), or
when it cannot read one. ``--strict`` also reports quadratic ones (starriness 2).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import warnings

from regexploit.ast.sre import SreOpParser
from regexploit.redos import find

import cablethread

#: Findings checked by hand and measured linear, with the reason regexploit reports them.
KNOWN_SAFE = {
    # regexploit reads ``[^\W\d_]`` (a letter) as also matching ``’``, so it sees the optional
    # ``['’][^\W\d_]`` steps of a capitalised word overlap; they cannot (a matched 345,600 ``’``
    # in well under a millisecond, a 700,000-character name in 0.06 s).
    "cablethread.fields.parties._GIVEN_FIRST",
}


def patterns() -> dict[str, re.Pattern[str]]:
    """Every module-level compiled pattern of the package, by ``module.NAME``."""
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(cablethread.__path__, "cablethread."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found[f"{info.name}.{name}"] = value
    return found


def main() -> int:
    """Check each pattern; print what regexploit says; exit 1 on any finding."""
    limit = 1 if "--strict" in sys.argv else 2
    failed = 0
    checked = patterns()
    for name, pattern in sorted(checked.items()):
        if name in KNOWN_SAFE:
            continue
        flags = pattern.flags & ~re.UNICODE
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                parsed = SreOpParser().parse_sre(pattern.pattern, flags)
                found = [r for r in find(parsed) if r.starriness > limit]
        except Exception as exc:  # regexploit's parser does not know every construct
            print(f"{name}: regexploit cannot read it ({type(exc).__name__}: {exc})")
            failed += 1
            continue
        for redos in found:
            print(f"{name}: starriness {redos.starriness}: {redos.example()}")
            failed += 1
    print(f"regexploit: {len(checked)} patterns, {failed} findings")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
