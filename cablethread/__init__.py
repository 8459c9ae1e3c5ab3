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

from cablethread.diagnostics import CODES, ParseError
from cablethread.directory import Directory, DirectoryError
from cablethread.ftm import FtmSupportMissing, write_ftm
from cablethread.graphml import write_graphml
from cablethread.json_export import release_schema, write_json, write_node_link
from cablethread.mbox import write_eml, write_mbox
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
from cablethread.newest import newest_body
from cablethread.parser import InputError, parse, parse_file, parse_many
from cablethread.pdf import NoTextLayerError, PdfSupportMissing
from cablethread.policy import Policy
from cablethread.source import SourceText
from cablethread.tables import write_csv
from cablethread.viewer import write_html

__version__ = "0.1.0"

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
