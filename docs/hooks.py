"""MkDocs hook: show the doctest examples of docstrings as Python console code blocks.

The docstrings carry their examples as doctests (``>>> …`` lines, as the test suite runs them).
Plain Markdown would read ``>>>`` as nested block quotes and ``x["a"]`` as a link; this hook adds
a Markdown preprocessor that fences each run of doctest lines as ``pycon`` before anything else
reads it, and shows Sphinx roles (``:class:`~cablethread.Span```) as code. It applies to the API reference that mkdocstrings renders, since mkdocstrings uses the
site's list of Markdown extensions.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

_FENCE = re.compile(r"^\s*(```|~~~)")
_PROMPT = re.compile(r"^(\s*)>>>( |$)")
# Sphinx roles in docstrings (:class:`~cablethread.SourceText`) shown as code: SourceText.
_ROLE = re.compile(r":(?:class|func|meth|mod|attr|data|exc|obj):`(~?)([\w.]+)`")


def _role(match: re.Match[str]) -> str:
    name = match[2].rsplit(".", 1)[-1] if match[1] else match[2]
    return f"`{name}`"


class _DoctestFences(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_fence = in_doctest = False
        indent = ""
        for line in lines:
            if in_doctest and not line.strip():
                out += [f"{indent}```", line]
                in_doctest = False
                continue
            if not in_doctest and _FENCE.match(line):
                in_fence = not in_fence
            elif not in_fence and not in_doctest and (prompt := _PROMPT.match(line)):
                indent = prompt[1]
                out += ["", f"{indent}```pycon"]
                in_doctest = True
            out.append(line if in_fence or in_doctest else _ROLE.sub(_role, line))
        if in_doctest:
            out.append(f"{indent}```")
        return out


class _DoctestFencesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before the fenced-code preprocessor (priority 25), so that it sees these fences.
        md.preprocessors.register(_DoctestFences(md), "doctest_fences", 28)


def on_config(config: Any) -> Any:
    config.markdown_extensions.append(_DoctestFencesExtension())
    return config
