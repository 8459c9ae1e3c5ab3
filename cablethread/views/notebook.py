"""How a release and a thread show themselves in Jupyter (HTML) and in a console (text).

Every value taken from the release is HTML-escaped: subjects and names are text from a released
document, and ``<`` or ``&`` in them must show as themselves.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING

from cablethread._arguments import release_first
from cablethread._clean import without_surrogates

if TYPE_CHECKING:
    from cablethread.models import Diagnostic, Message, Participant, Party, Release, Thread

__all__ = [
    "ThreadView",
    "diagnostic_html",
    "diagnostic_text",
    "message_html",
    "message_text",
    "participant_text",
    "party_html",
    "party_text",
    "release_html",
    "thread_html",
    "thread_text",
]

_STYLE = "border-collapse:collapse;text-align:left"
# A notebook cell stays quick to draw for a release of thousands of messages.
MAX_ROWS = 200
_CELL = "padding:2px 8px;text-align:left;vertical-align:top"


def _h(value: object) -> str:
    return escape(without_surrogates(str(value)), quote=True)


def _utc(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}Z" if value else "?"


def _local(message: Message) -> str:
    return f"{message.sent_local:%Y-%m-%d %H:%M}" if message.sent_local else "?"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _row(cells: list[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f'<{tag} style="{_CELL}">{c}</{tag}>' for c in cells) + "</tr>"


def _table(head: list[str], rows: list[list[str]]) -> str:
    body = "".join(_row(row) for row in rows)
    return f'<table style="{_STYLE}"><thead>{_row(head, "th")}</thead><tbody>{body}</tbody></table>'


#: How much of a subject or a diagnostic's sentence a one-line repr shows.
_SHORT = 60


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def _lines(message: Message) -> str:
    spans = [str(o.span) for o in message.occurrences]
    return "lines " + ", ".join(spans) if spans else "not printed"


def message_text(message: Message) -> str:
    """One line for a console: who, when, subject, where printed.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> print(message_text(release.messages[0]))  # doctest: +ELLIPSIS
    <Message m-ebe89fddf502 NAD 2019-07-11 11:25 (2019-07-10 23:25Z) 'RE: FORMAL ...' lines 14-22, 405-413>
    """
    sender = message.sender.raw if message.sender else "?"
    subject = repr(_short(message.subject.text)) if message.subject else "(no subject)"
    return (
        f"<Message {message.id} {_short(sender)} {_local(message)} ({_utc(message.sent_utc)}) "
        f"{subject} {_lines(message)}>"
    )


def party_text(party: Party) -> str:
    """One line for a console: as printed, resolved, and the lines it was read from.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> party_text(release.messages[0].sender)
    "<Party 'NAD' division code=NAD line 14>"
    """
    lines = f"line {party.span}" if party.span.start == party.span.end else f"lines {party.span}"
    return _party_line("Party", party, lines)


def participant_text(participant: Participant) -> str:
    """One line for a console: as printed, resolved, and how many messages it sent and received.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> participant_text(release.parties[0])
    "<Participant 'NAD' division code=NAD sent 7, received 22>"
    """
    counts = f"sent {len(participant.sent)}, received {len(participant.received)}"
    return _party_line("Participant", participant, counts)


def _party_line(name: str, party: Party, last: str) -> str:
    parts = [f"<{name} {_short(party.raw)!r} {party.kind}"]
    if party.code:
        parts.append(f"code={party.code}")
    if party.address:
        parts.append(f"address={party.address}")
    parts.append(last)
    return " ".join(parts) + ">"


def diagnostic_text(diagnostic: Diagnostic) -> str:
    """One line for a console: severity, code, where, and the start of its sentence.

    >>> from cablethread.models import Diagnostic, Span
    >>> diagnostic_text(Diagnostic(code="date-unparsed", severity="warning",
    ...                            message="'Thursday' is not a date", span=Span(4, 4)))
    "<Diagnostic warning date-unparsed line 4: 'Thursday' is not a date>"
    """
    where = ""
    if diagnostic.span is not None:
        span = diagnostic.span
        where = f" line {span}" if span.start == span.end else f" lines {span}"
        if diagnostic.source:
            where = f" {diagnostic.source}:{span}"
    return (
        f"<Diagnostic {diagnostic.severity} {diagnostic.code}{where}: {_short(diagnostic.message)}>"
    )


def thread_text(thread: Thread) -> str:
    """One line for a console: ``<Thread t-… 15 messages, depth 14, 2019-06-27 18:56Z to …>``.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> thread_text(release.threads[3])
    '<Thread t-56b1fd60d7f3: 15 messages, depth 14, 2019-06-27 18:56Z to 2019-07-12 08:04Z, archive>'
    """
    return (
        f"<Thread {thread.id}: {_plural(len(thread.message_ids), 'message')}, "
        f"depth {thread.depth}, {_utc(thread.start_utc)} to {_utc(thread.end_utc)}, "
        f"{thread.tz_mode or 'no mode'}>"
    )


def thread_html(thread: Thread) -> str:
    """An HTML summary of a thread: its span of time, depth, messages and participants.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> "15 messages" in thread_html(release.threads[3])
    True
    """
    rows = [
        ["root", _h(thread.root_id)],
        ["messages", _h(", ".join(thread.message_ids))],
        ["depth", _h(thread.depth)],
        ["first sent", _h(_utc(thread.start_utc))],
        ["last sent", _h(_utc(thread.end_utc))],
        ["time-zone mode", _h(thread.tz_mode or "none")],
        [
            "participants",
            _h(f"{len(thread.participants)}: " + ", ".join(thread.participants)),
        ],
    ]
    body = "".join(_row([f"<strong>{name}</strong>", value]) for name, value in rows)
    return (
        f"<div><strong>Thread {_h(thread.id)}</strong> · "
        f"{_plural(len(thread.message_ids), 'message')}"
        f'<table style="{_STYLE}"><tbody>{body}</tbody></table></div>'
    )


@release_first
def release_html(release: Release) -> str:
    """An HTML summary of a release: counts, each thread with its messages, diagnostics by code.

    >>> import cablethread
    >>> html = release_html(cablethread.parse_file("examples/mfat_xinjiang_oia.txt"))
    >>> "23 messages" in html and "6 threads" in html
    True
    """
    by_id = {m.id: m for m in [*release.messages, *release.placeholders]}
    edge_of = {edge.child_id: edge for edge in release.edges}
    sources = ", ".join(release.sources) or "text"
    counts = ", ".join(
        [
            _plural(len(release.messages), "message"),
            _plural(len(release.placeholders), "placeholder"),
            _plural(len(release.edges), "reply edge"),
            _plural(len(release.threads), "thread"),
            _plural(len(release.diagnostics), "diagnostic"),
        ]
    )
    parts = [
        f"<div><strong>Release</strong> {_h(sources)} · profile {_h(release.profile or 'none')}"
        f"<br/>{_h(counts)}"
    ]
    rows: list[list[str]] = []
    for thread in release.threads:
        if len(rows) >= MAX_ROWS:
            break
        for index, message_id in enumerate(thread.message_ids):
            message = by_id[message_id]
            edge = edge_of.get(message_id)
            link = "" if edge is None else f"{edge.evidence} {edge.confidence:g}"
            if edge is not None and edge.parent_id.startswith("p-"):
                link += " [missing parent]"
            rows.append(
                [
                    _h(thread.id) if index == 0 else "",
                    _h(_local(message)),
                    _h(message.sent_zone or message.time_zone or ""),
                    _h(_utc(message.sent_utc)),
                    _h(message.sender.raw if message.sender else "?"),
                    _h(message.subject.text if message.subject else ""),
                    _h(link),
                    _h(_lines(message).removeprefix("lines ")),
                ]
            )
    shown = len(rows)
    head = ["thread", "sent (local)", "zone", "sent (UTC)", "from", "subject", "link", "lines"]
    parts.append(_table(head, rows))
    if shown < len(release.messages):
        parts.append(
            f"<p>… and {len(release.messages) - shown} more messages: "
            "<code>release.to_dataframe()</code> shows them all.</p>"
        )
    tally = Counter((d.code, d.severity) for d in release.diagnostics)
    if tally:
        summary = [[_h(code), _h(severity), _h(count)] for (code, severity), count in tally.items()]
        parts.append(
            "<details><summary>diagnostics by code</summary>"
            + _table(["code", "severity", "count"], summary)
            + "</details>"
        )
    parts.append("</div>")
    return "".join(parts)


class ThreadView:
    """A thread drawn as the tree of its replies, for a notebook or a console: each message's
    sender, local and UTC time, subject and the evidence of its link, under its parent.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> view = release.thread_view(release.threads[0])
    >>> print(repr(view).splitlines()[2])  # doctest: +ELLIPSIS
    └ [printed-chain 0.95] 2019-07-11 11:25 NZST = 2019-07-10 23:25Z  NAD  RE: FORMAL MESSAGE: ...
    """

    def __init__(self, release: Release, thread: Thread) -> None:
        self.release, self.thread = release, thread

    def lines(self) -> list[str]:
        """The tree, one line a message (:func:`cablethread.views.report.thread_tree`)."""
        from cablethread.views.report import thread_tree

        return thread_tree(self.release, self.thread)

    def __repr__(self) -> str:
        return "\n".join(self.lines())

    def _repr_html_(self) -> str:
        from cablethread.views.report import thread_walk

        rows: list[list[str]] = []
        for lead, message, edge in thread_walk(self.release, self.thread):
            indent = f'<span style="white-space:pre;font-family:monospace">{_h(lead)}</span>'
            if message.placeholder:
                who = "<em>[missing] parent not in the release</em>"
            else:
                who = _h(message.sender.raw if message.sender else "?")
            link = "" if edge is None else f"{edge.evidence} {edge.confidence:g}"
            rows.append(
                [
                    indent + who,
                    _h(_local(message)),
                    _h(message.sent_zone or message.time_zone or ""),
                    _h(_utc(message.sent_utc)),
                    _h(message.subject.text if message.subject else ""),
                    _h(_lines(message).removeprefix("lines ")),
                    _h(link),
                ]
            )
        head = ["from", "sent (local)", "zone", "sent (UTC)", "subject", "lines", "link"]
        return f"<div>{_h(thread_text(self.thread))}{_table(head, rows)}</div>"


def message_html(message: Message) -> str:
    """A message as a small table: its fields as printed and as read, and where it was printed."""
    rows = [
        ["id", _h(message.id)],
        ["from", _h(message.sender.raw if message.sender else "?")],
        ["to", _h("; ".join(p.raw for p in message.to))],
        ["cc", _h("; ".join(p.raw for p in message.cc))],
        ["sent", _h(message.sent_raw or "")],
        ["sent (local)", _h(_local(message))],
        ["zone", _h(message.sent_zone or message.time_zone or "")],
        ["sent (UTC)", _h(_utc(message.sent_utc))],
        ["subject", _h(message.subject.text if message.subject else "")],
        ["withheld", _h(", ".join(r.code for r in message.redactions))],
        ["printed", _h(_lines(message))],
    ]
    return _table(["field", "value"], rows)


def party_html(party: Party) -> str:
    """A party as a small table: as printed, and as the directory resolved it."""
    rows = [
        ["printed", _h(party.raw)],
        ["kind", _h(party.kind)],
        ["code", _h(party.code or "")],
        ["name", _h(party.name or "")],
        ["address", _h(party.address or "")],
        ["home zone", _h(party.time_zone or "")],
    ]
    return _table(["field", "value"], rows)


def diagnostic_html(diagnostic: Diagnostic) -> str:
    """A diagnostic as one line of HTML: severity, code, where, and its sentence."""
    where = diagnostic.source or ""
    if diagnostic.span is not None:
        where = f"{where}:{diagnostic.span}" if where else f"lines {diagnostic.span}"
    head = f"{diagnostic.severity} {diagnostic.code} {where}".rstrip()
    return f"<div><code>{_h(head)}</code>: {_h(diagnostic.message)}</div>"
