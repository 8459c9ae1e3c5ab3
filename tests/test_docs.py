"""The docs cannot drift: generated pages are current, examples on the pages and in docstrings run."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from cablethread.cli import main

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
# Modules whose docstring examples are doctests that read examples/ from the repository root.
DOCTESTED = [
    "cablethread._clean",
    "cablethread.attribution",
    "cablethread.collate",
    "cablethread.cli",
    "cablethread.conversation",
    "cablethread.display",
    "cablethread.ftm",
    "cablethread.graph",
    "cablethread.graphml",
    "cablethread.json_export",
    "cablethread.languages",
    "cablethread.newest",
    "cablethread.report",
    "cablethread.subjects",
    "cablethread.tables",
    "cablethread.mbox",
    "cablethread.parser",
    "cablethread.source",
    "cablethread.stages",
    "cablethread.timeline",
    "cablethread.zones",
]


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_pages", DOCS / "gen_pages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_pages_are_current() -> None:
    stale = [str(p.relative_to(ROOT)) for p in load_generator().outdated()]
    assert stale == [], "run: python docs/gen_pages.py"


def test_diagnostics_page_lists_every_code() -> None:
    from cablethread.diagnostics import CODES

    page = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    for code in CODES.values():
        assert f"| `{code.code}` | {code.severity} |" in page


def test_every_generated_block_is_filled() -> None:
    page = (DOCS / "formats.md").read_text(encoding="utf-8")
    names = re.findall(r"<!-- generated: ([\w-]+) -->", page)
    assert set(names) == set(load_generator().BLOCKS)
    for name in names:
        block = page.split(f"<!-- generated: {name} -->")[1].split(f"<!-- end: {name} -->")[0]
        assert block.count("\n| `") >= 2, name


@pytest.mark.parametrize(
    "page", ["tour.md", "time-zones.md", "languages.md", "ocr.md", "collation.md"]
)
def test_examples_on_the_page_run(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", text, re.S)
    assert blocks
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, page, page, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0 and runner.tries >= 10


@pytest.mark.parametrize("name", DOCTESTED)
def test_docstring_examples_run(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    module = importlib.import_module(name)
    results = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert results.failed == 0
    assert results.attempted > 0


def test_quick_start_is_the_readmes(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    first = re.search(r"```bash\n(.*?)```", readme, re.S)
    assert first is not None
    assert f"```bash\n{first[1]}```" in index


def test_show_example_on_the_command_line_page(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    page = (DOCS / "command-line.md").read_text(encoding="utf-8")
    shown = page.split("## show")[1].split("```text\n")[1].split("```")[0]
    assert main(["show", "--message", "m-96facfbe2619", "examples/mfat_xinjiang_oia.txt"]) == 0
    assert capsys.readouterr().out == shown


def test_threads_snippet_is_the_golden_output() -> None:
    page = (DOCS / "command-line.md").read_text(encoding="utf-8")
    assert '--8<-- "tests/data/mfat_xinjiang_oia.threads.txt"' in page
    assert (ROOT / "tests/data/mfat_xinjiang_oia.threads.txt").is_file()


def test_ci_builds_the_docs_strictly_and_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in script
    assert "'.[test,docs]'" in script
    assert script.rstrip().endswith("python -m pytest")
