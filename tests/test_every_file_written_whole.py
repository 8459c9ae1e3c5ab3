"""Every file the library writes goes through ``cablethread.export._output``: whole or not at all,
never through a device or a FIFO (issue 14, finding 4).

Read from the package's source: a call that opens a file for writing anywhere else is named.
Two writers (the FollowTheMoney stream and ``collate --json/--csv``) once wrote straight to
their target, and a FIFO there blocked the command.
"""

from __future__ import annotations

import ast
from pathlib import Path

import cablethread

PACKAGE = Path(cablethread.__file__).parent
#: The one module allowed to open files for writing.
OUTPUT = PACKAGE / "export" / "_output.py"
#: Methods of a path that write its file.
WRITING_METHODS = {"write_text", "write_bytes", "touch"}


def _mode(call: ast.Call) -> str | None:
    """The mode given to an ``open()`` or ``Path.open()`` call, when it is a literal."""
    given = [keyword.value for keyword in call.keywords if keyword.arg == "mode"]
    position = 1 if isinstance(call.func, ast.Name) else 0  # open(path, mode); path.open(mode)
    if not given and len(call.args) > position:
        given = [call.args[position]]
    if given and isinstance(given[0], ast.Constant) and isinstance(given[0].value, str):
        return given[0].value
    return None


def _writing_calls(source: str) -> list[str]:
    """Each call of ``source`` that opens a file for writing, as ``line: call``, in line order."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name in WRITING_METHODS and isinstance(func, ast.Attribute):
            found.append((node.lineno, f".{name}()"))
        elif name == "open":
            mode = _mode(node)
            if mode is not None and set(mode) & set("wax+"):
                found.append((node.lineno, f"open(…, {mode!r})"))
    return [f"{line}: {call}" for line, call in sorted(found)]


def test_no_module_but_the_output_module_opens_a_file_for_writing() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{call}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != OUTPUT
        for call in _writing_calls(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_check_sees_the_ways_a_file_is_opened_for_writing() -> None:
    source = (
        "from pathlib import Path\n"
        "Path(p).write_text(t)\n"
        "open(p, 'w')\n"
        "open(p, mode='ab')\n"
        "Path(p).open('w', encoding='utf-8')\n"
        "open(p)\n"
        "open(p, 'rb')\n"
        "Path(p).read_text()\n"
    )
    assert _writing_calls(source) == [
        "2: .write_text()",
        "3: open(…, 'w')",
        "4: open(…, 'ab')",
        "5: open(…, 'w')",
    ]
