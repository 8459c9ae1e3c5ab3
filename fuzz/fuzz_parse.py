"""Fuzz target for ``cablethread.parse`` and every export, under atheris (libFuzzer).

Run: ``python fuzz/fuzz_parse.py -max_total_time=600 fuzz/corpus`` (see ``fuzz/README.md``).

Each input is read as text (atheris' ``ConsumeUnicodeNoSurrogates`` would hide lone surrogates,
so the bytes are decoded with ``surrogatepass`` where they allow it, else as Latin-1). Whatever
the text, lenient parsing must return a release whose segments rebuild the text and whose spans
lie inside it; strict parsing may raise only ``ParseError``. Then every export is written and
read back: JSON (the release and node-link), GraphML (both graphs), CSV, mbox, EML, the HTML
view and the viewer's page (``write_html``: only its own two script elements, its JSON whole). Each must be written without an exception and read back whole: the JSON loads to the same
release, the GraphML and CSV hold every message, every mail message parses with each line within
998 octets and each address as written, and no CSV cell begins as a formula.

Then the input is read again as two releases by ``parse_many``, its halves under names taken
from its own bytes (a file name's undecodable byte is a lone surrogate), the second half printed
after the whole: the collations as JSON and as CSV, and the FollowTheMoney entities where
``followthemoney`` is installed, must be written as UTF-8, the CSV with no formula cell. Anything
else is a crash.
"""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import io
import json
import mailbox
import re
import tempfile
from email.parser import BytesParser
from email.policy import default
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import networkx as nx

    import cablethread
    from cablethread.export.graphml import to_graphml
    from cablethread.export.json_export import node_link_json, release_json
    from cablethread.export.mbox import to_email
    from cablethread.messages.collate import collations_json, write_differences_csv
    from cablethread.views.notebook import release_html
    from cablethread.views.viewer import release_page

_SURROGATE = re.compile("[\ud800-\udfff]")
#: Whether the entities can be written (the ``ftm`` extra).
_FTM = importlib.util.find_spec("followthemoney") is not None
#: One folder for every run's files: each export replaces what the run before wrote.
_FOLDER = Path(tempfile.mkdtemp(prefix="cablethread-fuzz-"))


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def check(text: str) -> None:
    """Parse ``text`` leniently and strictly and hold the result to the invariants."""
    release = cablethread.parse(text)
    if release.text != text:
        raise AssertionError("segments do not rebuild the input")
    total = sum(s.span.end - s.span.start + 1 for s in release.segments)
    for message in release.messages:
        for occurrence in message.occurrences:
            if not 1 <= occurrence.span.start <= occurrence.span.end <= total:
                raise AssertionError(f"span {occurrence.span} outside 1..{total}")
    for diagnostic in release.diagnostics:
        if diagnostic.span is not None and diagnostic.span.end > total:
            raise AssertionError(f"diagnostic span {diagnostic.span} outside 1..{total}")
    with contextlib.suppress(cablethread.ParseError):
        cablethread.parse(text, cablethread.Policy(strict=True))
    check_exports(release)
    check_collation(text)


def check_exports(release: cablethread.Release) -> None:
    """Write every export of ``release`` and read each back."""
    ids = {message.id for message in release.messages}
    # JSON: valid, and (without surrogates, which are written as U+FFFD) the same release.
    loaded = cablethread.Release.model_validate_json(release_json(release))
    if not _SURROGATE.search(release.text) and loaded != release:
        raise AssertionError("the JSON does not read back to the same release")
    cablethread.write_json(release, _FOLDER / "release.json")
    json.loads((_FOLDER / "release.json").read_bytes())
    json.loads(node_link_json(release))
    # GraphML: both graphs parse, the reply graph holds every message.
    reply = nx.parse_graphml(to_graphml(release))
    if not ids <= set(reply.nodes):
        raise AssertionError("a message is missing from the GraphML")
    nx.parse_graphml(to_graphml(release, graph="party"))
    # CSV: one row per message, no cell a spreadsheet would run.
    cablethread.write_csv(release, _FOLDER / "csv")
    with (_FOLDER / "csv" / "messages.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if {row["id"] for row in rows} != ids:
        raise AssertionError("the CSV rows are not the messages")
    for row in rows:
        for value in row.values():
            if value and value[0] in "=+-@\t\r" and not _number(value):
                raise AssertionError(f"CSV cell {value[:40]!r} begins as a formula")
    # Mail: every message parses back with its lines within 998 octets and its addresses.
    for message in release.messages:
        email = to_email(release, message)
        data = email.as_bytes()
        if any(len(line) > 998 for line in data.split(b"\r\n")):
            raise AssertionError("an EML line is over 998 octets")
        back = BytesParser(policy=default).parsebytes(data)
        for name in ("From", "To", "Cc", "Bcc"):
            if email[name] is None:
                continue
            written = [a.addr_spec for a in email[name].addresses]
            if [a.addr_spec for a in back[name].addresses] != written:
                raise AssertionError(f"the {name} addresses do not read back as written")
    if release.to_mbox(_FOLDER / "release.mbox") != len(mailbox.mbox(_FOLDER / "release.mbox")):
        raise AssertionError("the mbox does not hold every message")
    cablethread.write_eml(release, _FOLDER / "eml")
    # The HTML view of the notebook.
    release_html(release).encode("utf-8", errors="surrogatepass")
    # The viewer's page: UTF-8, its JSON whole and unbroken by the text, no markup from the text.
    check_page(release)


def check_collation(text: str) -> None:
    """Read ``text`` and its second half as two releases under names from its own first bytes;
    write what collating them gives, and the entities."""
    half = text[len(text) // 2 :]
    name = text[:12].replace("\n", " ") or "empty"
    release = cablethread.parse_many(
        [cablethread.SourceText(text, name), cablethread.SourceText(half, name + " (2)")]
    )
    json.loads(collations_json(release).encode("utf-8"))
    table = io.StringIO()
    write_differences_csv(release, table)
    table.getvalue().encode("utf-8")
    for row in csv.reader(io.StringIO(table.getvalue(), newline="")):
        for value in row:
            if value and value[0] in "=+-@\t\r" and not _number(value):
                raise AssertionError(f"differences CSV cell {value[:40]!r} begins as a formula")
    if _FTM:
        cablethread.write_ftm(release, _FOLDER / "release.ftm")
        for line in (_FOLDER / "release.ftm").read_bytes().decode("utf-8").splitlines():
            json.loads(line)


_DATA = re.compile(r'<script type="application/json" id="release-data">(.*?)</script>', re.S)


def check_page(release: cablethread.Release) -> None:
    """Write the viewer's page and hold it to its promises: the page's own two script elements
    and no other, the release's JSON readable with every message in it, and the file written
    whole."""
    page = release_page(release)
    data = page.encode("utf-8")
    if page.count("<script") != 2 or page.count("</script>") != 2:
        raise AssertionError("the release's text opened or closed a script element")
    if "<img" in page or "<iframe" in page:
        raise AssertionError("the release's text became markup")
    found = _DATA.search(page)
    if found is None:
        raise AssertionError("the page's JSON is missing")
    loaded = json.loads(found[1])
    if len(loaded["messages"]) != len(release.messages) + len(release.placeholders):
        raise AssertionError("the page's JSON does not hold every message")
    cablethread.write_html(release, _FOLDER / "release.html")
    if (_FOLDER / "release.html").read_bytes() != data:
        raise AssertionError("the written page is not the page")


def _number(value: str) -> bool:
    with contextlib.suppress(ValueError):
        float(value)
        return True
    return False


def test_one_input(data: bytes) -> None:
    """libFuzzer's entry point."""
    check(_text(data))


if __name__ == "__main__":
    from _harness import run

    run(test_one_input)
