"""cablethread: released government email chains to typed messages, reply threads and graphs.

>>> import cablethread
>>> release = cablethread.parse(
...     "From: GENEVA\\nSent: Thursday, 4 July 2019 5:26 AM\\nTo: NAD; UNHC\\n"
...     "Subject: RE: FORMAL MESSAGE: LETTER\\n"
... )
>>> [p.raw for p in release.messages[0].to]
['NAD', 'UNHC']
"""

from __future__ import annotations

from cablethread import _moved
from cablethread.diagnostics import CODES, ParseError
from cablethread.export.ftm import FtmSupportMissing, write_ftm
from cablethread.export.graphml import write_graphml
from cablethread.export.json_export import write_json, write_node_link
from cablethread.export.mbox import write_eml, write_mbox
from cablethread.export.schema import release_schema
from cablethread.export.tables import write_csv
from cablethread.fields.directory import Directory, DirectoryError
from cablethread.messages.newest import newest_body
from cablethread.messages.parser import InputError, parse, parse_file, parse_many
from cablethread.models import (
    CollatedPrinting,
    Collation,
    Diagnostic,
    Difference,
    DifferenceSide,
    Edge,
    Header,
    HeaderField,
    Message,
    Occurrence,
    Participant,
    Party,
    Redaction,
    Release,
    Segment,
    SourceProfile,
    Span,
    Subject,
    Thread,
)
from cablethread.policy import Policy
from cablethread.reading.pdf import NoTextLayerError, PdfSupportMissing
from cablethread.reading.source import SourceText
from cablethread.views.viewer import write_html

__version__ = "0.1.0"

_moved.install()

__all__ = [
    "CODES",
    "CollatedPrinting",
    "Collation",
    "Diagnostic",
    "Difference",
    "DifferenceSide",
    "Directory",
    "DirectoryError",
    "Edge",
    "FtmSupportMissing",
    "Header",
    "HeaderField",
    "InputError",
    "Message",
    "NoTextLayerError",
    "Occurrence",
    "ParseError",
    "Participant",
    "Party",
    "PdfSupportMissing",
    "Policy",
    "Redaction",
    "Release",
    "Segment",
    "SourceProfile",
    "SourceText",
    "Span",
    "Subject",
    "Thread",
    "__version__",
    "newest_body",
    "parse",
    "parse_file",
    "parse_many",
    "release_schema",
    "write_csv",
    "write_eml",
    "write_ftm",
    "write_graphml",
    "write_html",
    "write_json",
    "write_mbox",
    "write_node_link",
]
