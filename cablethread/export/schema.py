"""The JSON Schema of a release as :func:`cablethread.write_json` writes it (``docs/schema.json``)."""

from __future__ import annotations

import json
from typing import Any

from cablethread.models import Release

__all__ = ["release_schema", "schema_json"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def release_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a release as :meth:`Release.to_json` writes it.

    >>> release_schema()["title"]
    'Release'
    """
    schema = Release.model_json_schema()
    return {"$schema": _DIALECT, **schema}


def schema_json() -> str:
    """:func:`release_schema` as text, keys in a fixed order, ending with a line feed.

    >>> schema_json().startswith('{\\n  "$schema"')
    True
    """
    return json.dumps(release_schema(), indent=2, ensure_ascii=False) + "\n"
