"""The notebook and every example script run, so that they cannot go stale."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
# Optional packages a script needs beyond the core ones.
NEEDS = {"reply_delays.py": "pandas", "dask_archive.py": "distributed"}
# Arguments of a script that reads releases rather than writing to the folder it is given.
ARGS = {"dask_archive.py": [str(EXAMPLES / "mfat_xinjiang_oia.txt"), "--workers", "1"]}
# A line each script must print: what a reader of the script is promised.
PRINTS = {
    "quickstart.py": "thread sizes: [2, 1, 3, 15, 1, 1]",
    "export_all.py": "reply.graphml",
    "time_zone_modes.py": "archive  'Tuesday, 6 November 2018 1:42 a.m.' in Pacific/Auckland: "
    "2018-11-05T12:42:00+00:00",
    "correspondents.py": "    GENEVA -> BEIJING                   9 messages (to 2, cc 7)",
    "reply_delays.py": "median hours from the parent to the reply",
    "dask_archive.py": "1 files: ",
}


def test_there_are_examples() -> None:
    assert {p.name for p in SCRIPTS} == set(PRINTS)
    assert (EXAMPLES / "tour.ipynb").is_file()


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_example_script_runs(script: Path, tmp_path: Path) -> None:
    if script.name in NEEDS:
        pytest.importorskip(NEEDS[script.name])
    done = subprocess.run(
        [sys.executable, str(script), *ARGS.get(script.name, [str(tmp_path / "out")])],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert PRINTS[script.name] in done.stdout
    if script.name == "export_all.py":
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
            "edges.csv",
            "graph.json",
            "messages.csv",
            "parties.graphml",
            "release.json",
            "reply.graphml",
        ]


def _shown(notebook: Any) -> list[list[tuple[str, str]]]:
    """What each cell shows, as text: streams, and every text form of a result (a plot's PNG
    bytes vary with the matplotlib and freetype versions, so images count by their presence)."""
    shown: list[list[tuple[str, str]]] = []
    for cell in notebook.cells:
        outputs: list[tuple[str, str]] = []
        for output in cell.get("outputs", []):
            if output["output_type"] == "stream":
                outputs.append((output["name"], output["text"]))
            for kind, value in output.get("data", {}).items():
                outputs.append((kind, "" if kind.startswith("image/") else str(value)))
        shown.append(sorted(outputs))
    return shown


def test_tour_notebook_runs_and_shows_what_is_stored() -> None:
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    spec = importlib.util.spec_from_file_location(
        "run_tour", EXAMPLES.parent / "docs" / "run_tour.py"
    )
    assert spec is not None and spec.loader is not None
    run_tour = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_tour)
    stored = nbformat.read(EXAMPLES / "tour.ipynb", as_version=4)
    notebook = run_tour.executed()
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    kinds = {kind for o in outputs for kind in o.get("data", {})}
    assert {"text/html", "image/png"} <= kinds
    assert outputs[-1]["data"]["text/plain"] == "(23, 1, 18)"
    # The notebook is committed with its outputs: run ``python docs/run_tour.py`` after a
    # change to the notebook or to what the library shows.
    assert _shown(stored) == _shown(notebook)
