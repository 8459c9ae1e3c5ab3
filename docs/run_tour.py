"""Execute ``examples/tour.ipynb`` and store its outputs in it, so that the notebook shows them
where it is read without being run (GitHub, the docs, a reader's first look).

    python docs/run_tour.py

It runs a copy beside the example release in a temporary folder (the notebook writes GraphML
beside the release), then writes the executed notebook back over ``examples/tour.ipynb``.
``tests/test_examples.py`` runs the notebook again and checks that what it shows is what is
stored: run this after changing the notebook or what it prints.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import nbclient
import nbformat

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOK = EXAMPLES / "tour.ipynb"


def executed(notebook_path: Path = NOTEBOOK) -> nbformat.NotebookNode:
    """The notebook at ``notebook_path``, run from top to bottom beside the example release."""
    notebook = nbformat.read(notebook_path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="cablethread-tour-") as folder:
        shutil.copy(EXAMPLES / "mfat_xinjiang_oia.txt", folder)
        client = nbclient.NotebookClient(
            notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": folder}}
        )
        client.execute()
    # The kernel's version and run times are no part of what the notebook shows.
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    return notebook


def main() -> None:
    nbformat.write(executed(), NOTEBOOK)
    print(f"wrote {NOTEBOOK}")


if __name__ == "__main__":
    main()
