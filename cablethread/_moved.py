"""The modules' names before they were gathered into packages, still importable.

``import cablethread.pdf`` and ``from cablethread.graphml import graphml_id`` keep working: the old
name is the same module object as the new one (``cablethread.pdf is cablethread.reading.pdf``), so
its functions, classes and pickles are shared. New code should import from the packages.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Final

__all__ = ["MOVED", "install"]

MOVED: Final = {
    "cablethread.source": "cablethread.reading.source",
    "cablethread.pdf": "cablethread.reading.pdf",
    "cablethread.languages": "cablethread.lexicon.languages",
    "cablethread.patterns": "cablethread.lexicon.patterns",
    "cablethread.redactions": "cablethread.lexicon.redactions",
    "cablethread.segment": "cablethread.scan.blocks",
    "cablethread.pages": "cablethread.scan.pages",
    "cablethread.attribution": "cablethread.scan.attribution",
    "cablethread.headers": "cablethread.fields.headers",
    "cablethread.dates": "cablethread.fields.dates",
    "cablethread.zones": "cablethread.fields.zones",
    "cablethread.subjects": "cablethread.fields.subjects",
    "cablethread.parties": "cablethread.fields.parties",
    "cablethread.directory": "cablethread.fields.directory",
    "cablethread.parser": "cablethread.messages.parser",
    "cablethread.identity": "cablethread.messages.identity",
    "cablethread.newest": "cablethread.messages.newest",
    "cablethread.collate": "cablethread.messages.collate",
    "cablethread.timeline": "cablethread.threads.timeline",
    "cablethread.conversation": "cablethread.threads.conversation",
    "cablethread._unionfind": "cablethread.threads._unionfind",
    "cablethread.graph": "cablethread.export.graph",
    "cablethread.graphml": "cablethread.export.graphml",
    "cablethread.json_export": "cablethread.export.json_export",
    "cablethread.tables": "cablethread.export.tables",
    "cablethread.mbox": "cablethread.export.mbox",
    "cablethread.ftm": "cablethread.export.ftm",
    "cablethread._output": "cablethread.export._output",
    "cablethread.display": "cablethread.views.notebook",
    "cablethread.report": "cablethread.views.report",
}
"""Old module name -> the module it now is."""


class _Alias(importlib.abc.Loader):
    """Loads an old name as the module it moved to (not a copy of it)."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.spec: importlib.machinery.ModuleSpec | None = None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.target)
        self.spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        # The import system has just given the module the old name's spec; it keeps its own.
        module.__spec__ = self.spec


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        moved = MOVED.get(fullname)
        if moved is None:
            return None
        return importlib.util.spec_from_loader(fullname, _Alias(moved))


def install() -> None:
    """Let the old names be imported (once per interpreter; called by ``cablethread``)."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.append(_Finder())
