"""Run regexploit over every regular expression cablethread compiles.

``regexploit-py`` reads only patterns written as string literals; most of ours are assembled
(f-strings over label tables, some of them in functions, once for each language or field), so
this watches the standard library's compiler while it imports every module of the package and
parses every text fixture of ``tests/data`` and the example release, then writes each release
in every format. Each pattern compiled from the package's code, flags included, goes to
regexploit: the module-level ones under ``module.NAME``, the others under where they were
compiled (``module:function``). Exits non-zero when regexploit finds a pattern whose
backtracking grows faster than the square of the input (its ``starriness`` above 2, the level
it reports), or when it cannot read one. ``--strict`` also reports quadratic ones (starriness 2).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from regexploit.ast.sre import SreOpParser
from regexploit.redos import find

ROOT = Path(__file__).resolve().parent.parent

#: Findings checked by hand and measured linear, with the reason regexploit reports them.
KNOWN_SAFE = {
    # regexploit reads ``[^\W\d_]`` (a letter) as also matching ``’``, so it sees the optional
    # ``['’][^\W\d_]`` steps of a capitalised word overlap; they cannot (a matched 345,600 ``’``
    # in well under a millisecond, a 700,000-character name in 0.06 s).
    "cablethread.fields.parties._GIVEN_FIRST",
}

#: The texts parsed to reach the patterns compiled in functions (a language's labels, a field's
#: inline form): every text fixture and the example release.
FIXTURE_SUFFIXES = {".txt", ".eml", ".msg", ".mbox"}


@contextmanager
def watching() -> Iterator[dict[tuple[str, int], tuple[re.Pattern[str], str]]]:
    """Every pattern compiled while inside, from code of the ``cablethread`` package, by its
    text and flags, with where it was compiled (``module:function``)."""
    seen: dict[tuple[str, int], tuple[re.Pattern[str], str]] = {}
    # Every compiling call of the ``re`` module (``compile``, ``match``, ``sub``...) goes
    # through ``re._compile``; the first frame outside ``re`` is the caller.
    original: Callable[..., Any] = re._compile  # type: ignore[attr-defined]

    def compiled(pattern: Any, flags: Any) -> Any:
        result = original(pattern, flags)
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals.get("__name__") == "re":
            frame = frame.f_back  # type: ignore[assignment]
        module = frame.f_globals.get("__name__", "") if frame is not None else ""
        if module.startswith("cablethread") and isinstance(result.pattern, str):
            where = f"{module}:{frame.f_code.co_name}"
            seen.setdefault((result.pattern, result.flags), (result, where))
        return result

    re._compile = compiled  # type: ignore[attr-defined]
    try:
        yield seen
    finally:
        re._compile = original  # type: ignore[attr-defined]


def _write_every_format(cablethread: Any, release: Any, folder: Path) -> None:
    """``release`` written in each format the package writes (the FtM one when its extra is
    installed), into ``folder``."""
    cablethread.write_json(release, folder / "release.json")
    cablethread.write_node_link(release, folder / "node-link.json")
    cablethread.write_graphml(release, folder / "release.graphml")
    cablethread.write_csv(release, folder / "csv")
    cablethread.write_mbox(release, folder / "release.mbox")
    cablethread.write_eml(release, folder / "eml")
    cablethread.write_html(release, folder / "release.html")
    with suppress(cablethread.FtmSupportMissing):
        cablethread.write_ftm(release, folder / "release.ftm.json")


def patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern the package compiles, by ``module.NAME`` for a module-level one and by
    where it was compiled for the others."""
    with watching() as seen:
        import cablethread

        modules = [
            importlib.import_module(info.name)
            for info in pkgutil.walk_packages(cablethread.__path__, "cablethread.")
            if not info.name.endswith("__main__")
        ]
        fixtures = (ROOT / "tests" / "data").rglob("*")
        texts = [
            ROOT / "examples" / "mfat_xinjiang_oia.txt",
            *sorted(p for p in fixtures if p.suffix in FIXTURE_SUFFIXES and p.is_file()),
        ]
        with tempfile.TemporaryDirectory() as folder:
            for number, path in enumerate(texts):
                release = cablethread.parse_file(path)
                if number == 0:
                    _write_every_format(cablethread, release, Path(folder))
    named: dict[int, str] = {}
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                named.setdefault(id(value), f"{module.__name__}.{name}")
    found: dict[str, re.Pattern[str]] = {}
    for (text, flags), (pattern, where) in seen.items():
        name = named.get(id(pattern)) or f"{where} {text[:40]!r} (flags {flags})"
        while name in found:  # two patterns alike in where and opening
            name += "'"
        found[name] = pattern
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
