"""Hostile input, second round: each finding of issue 14 as the input an attacker would give.

Lenient ``parse`` never raises on text, costs grow linearly (checked here through sizes and
counts, never timings: ``benchmarks/hostile.py`` measures), and nothing the library writes can
hurt its user's machine or terminal.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import importlib.util
import io
import json
import mailbox
import os
import pickle
import re
import stat
from array import array
from collections.abc import Callable
from email.parser import BytesParser
from email.policy import default
from pathlib import Path
from typing import Any

import hostile_pdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from traced import traced

import cablethread
from cablethread.cli import commands as cli
from cablethread.cli.commands import main
from cablethread.messages import document, parser
from cablethread.reading.files import read_text

BLOCK = "From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\nSubject: LETTER\n"
#: For a test that makes a named pipe (POSIX only).
NEEDS_FIFO = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")

# 1. Extreme dates: year 1 or 9999 with a zone offset overflowed datetime arithmetic.

EXTREME_DATES = [
    "Mon, 1 Jan 0001 00:00:00 +1400",
    "Fri, 31 Dec 9999 23:59:00 -1200",
    "31 Dec 9999 10:00 PM",
    "1 January 0001 00:00",
    "Saturday, 1 January 0001 1:00 AM",
    "12/31/9999 11:59 PM",
]


def _chain(dates: list[str]) -> str:
    return "\n".join(
        f"From: NAD\nSent: {date}\nTo: BEIJING\nSubject: {'RE: ' * (len(dates) - i)}LETTER\n"
        for i, date in enumerate(dates)
    )


def test_date_at_the_limits_of_the_calendar_is_refused_not_a_crash() -> None:
    release = cablethread.parse("From: A\nDate: Mon, 1 Jan 0001 00:00:00 +1400\nTo: B\n")
    assert release.messages[0].sent_local is None
    assert release.messages[0].sent_utc is None
    assert "date-out-of-range" in {d.code for d in release.diagnostics}


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(EXTREME_DATES), st.just("Thursday, 4 July 2019 5:26 AM")),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from(["archive", "sender", "quoter", "infer"]),
)
def test_chains_of_extreme_dates_parse_under_every_mode(dates: list[str], mode: str) -> None:
    text = _chain(dates)
    release = cablethread.parse(text, cablethread.Policy(tz_mode=mode))  # type: ignore[arg-type]
    assert release.text == text
    assert release.messages


# 11. parse_many guessed whether a str was a path or a text.


def test_parse_many_reads_a_str_as_a_path_and_a_source_text_as_text(tmp_path: Path) -> None:
    block = "From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\nSubject: LETTER\n"
    path = tmp_path / "hostname"
    path.write_text(block, encoding="utf-8")
    # A text with a line end given as a str is not parsed as text: it is no file's name.
    with pytest.raises(cablethread.InputError, match=r"no such file.*SourceText"):
        cablethread.parse_many([block])
    release = cablethread.parse_many([str(path), cablethread.SourceText(block, "pasted")])
    assert [o.source for m in release.messages for o in m.occurrences] == [str(path), "pasted"]


def test_a_blank_page_in_a_batch_is_an_empty_text_not_a_missing_file() -> None:
    pages = [cablethread.SourceText("\x0c\x0c", "page-1"), cablethread.SourceText(BLOCK, "p2")]
    release = cablethread.parse_many(pages)
    assert len(release.messages) == 1
    assert any(d.code == "input-empty" and d.source == "page-1" for d in release.diagnostics)


def test_a_source_text_crosses_to_a_worker_as_its_text_and_name() -> None:
    copy = pickle.loads(pickle.dumps(cablethread.SourceText(BLOCK, "p2")))
    assert (copy.text, copy.name, copy.content(1)) == (BLOCK, "p2", "From: NAD")


def test_a_str_item_that_is_no_file_names_itself_visibly() -> None:
    with pytest.raises(cablethread.InputError, match=r"^'\\x0c\\x0c': no such file"):
        cablethread.parse_many(["\x0c\x0c"])


# 8. A FIFO hung for ever; /dev/zero ended in MemoryError; no size limit.


@pytest.mark.timeout(20)
@NEEDS_FIFO
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(cablethread.InputError, match=r"pipe\.txt: not a regular file \(a FIFO"):
        cablethread.parse_file(fifo)
    with pytest.raises(cablethread.InputError, match=r"pipe\.txt: not a regular file"):
        cablethread.parse_many([fifo])


@pytest.mark.timeout(20)
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_by_the_library_and_the_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(cablethread.InputError, match=r"/dev/zero: not a regular file"):
        cablethread.parse_file("/dev/zero")
    assert main(["parse", "/dev/zero"]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_file_over_the_size_limit_is_refused_and_the_limit_can_be_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BLOCK * 40, encoding="utf-8")  # 3,200 bytes
    small = cablethread.Policy(max_bytes=1_000)
    with pytest.raises(
        cablethread.InputError, match=r"big\.txt: .*limit of 1,000 bytes.*max_bytes"
    ):
        cablethread.parse_file(path, small)
    with pytest.raises(cablethread.InputError, match=r"big\.txt"):
        cablethread.parse_many([path], small)
    with path.open("rb") as handle, pytest.raises(cablethread.InputError, match="limit"):
        cablethread.parse_file(handle, small)
    assert len(cablethread.parse_file(path, cablethread.Policy(max_bytes=4_000)).messages) == 1
    assert main(["parse", "--max-size", "1K", str(path)]) == 2
    assert "--max-size" in capsys.readouterr().err
    assert main(["parse", "--max-size", "4K", str(path)]) == 0


def test_a_small_file_is_read_without_a_buffer_the_size_of_the_limit(tmp_path: Path) -> None:
    # Reading asked for the whole limit (256 MB): a binary read(n) makes its buffer of n bytes
    # first, so under `ulimit -v 300000` a file of 100 bytes ended in "out of memory".
    path = tmp_path / "release.txt"
    path.write_text(BLOCK, encoding="utf-8")
    cablethread.parse(BLOCK)  # tables and patterns loaded before measuring
    for read in (
        lambda: cablethread.parse_file(path),
        lambda: cablethread.parse_many([path]),
        lambda: cablethread.parse_file(path.open("rb")),
        lambda: cablethread.parse_file(io.BytesIO(BLOCK.encode())),
    ):
        release, _, peak = traced(read)
        assert len(release.messages) == 1
        assert peak < 8 * 1024 * 1024


class _Trickle(io.RawIOBase):
    """A stream that gives a few bytes a read, as a pipe or a socket may."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        part, self.data = self.data[:7], self.data[7:]
        buffer[: len(part)] = part
        return len(part)


def _letters(count: int) -> str:
    return "".join(BLOCK.replace("LETTER", f"LETTER {n}") for n in range(count))


def test_a_stream_that_gives_a_little_at_a_time_is_read_to_its_end_or_its_limit() -> None:
    text = _letters(3_000)  # 250 KB
    release = cablethread.parse_file(_Trickle(text.encode()))
    assert len(release.messages) == 3_000
    assert release.messages[-1].subject is not None
    assert release.messages[-1].subject.text == "LETTER 2999"
    with pytest.raises(cablethread.InputError, match="limit of 100,000 bytes"):
        cablethread.parse_file(_Trickle(text.encode()), cablethread.Policy(max_bytes=100_000))


def test_a_stream_larger_than_a_read_is_read_whole_and_counted_whole() -> None:
    big = "".join(f"line {n}\n" for n in range(300_000))  # 3.2 MB, more than one read
    assert read_text(io.StringIO(big))[0] == big
    assert read_text(io.BytesIO(big.encode()), max_bytes=len(big))[0] == big
    with pytest.raises(cablethread.InputError, match=f"limit of {len(big) - 1:,} bytes"):
        read_text(io.BytesIO(big.encode()), max_bytes=len(big) - 1)


def test_a_non_blocking_stream_with_nothing_ready_is_named_not_a_crash() -> None:
    class Waiting(io.RawIOBase):
        name = "socket"

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> None:  # type: ignore[override]
            return None

    with pytest.raises(cablethread.InputError, match=r"socket: .*non-blocking"):
        cablethread.parse_file(Waiting())


def test_running_out_of_memory_is_exit_code_two_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "release.txt"
    path.write_text(BLOCK, encoding="utf-8")

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(cli, "parse_many", exhausted)
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert "out of memory" in err and "Traceback" not in err


# 9. Lone surrogates (a decoder's escapes, a cut UTF-16 pair) made the mail writers raise.

SURROGATES = (
    "From: NAD \ud800x\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING \udfff\n"
    "Subject: RE: LETTER \udcff\nImportance: High\ud83d\n\nBody \ud83d here.\n"
)


def test_lone_surrogates_are_written_to_mail_as_replacement_characters(tmp_path: Path) -> None:
    release = cablethread.parse(SURROGATES)
    assert release.to_mbox(tmp_path / "release.mbox") == 1
    (path,) = cablethread.write_eml(release, tmp_path / "eml")
    email = BytesParser(policy=default).parsebytes(path.read_bytes())
    assert email["Subject"] == "RE: LETTER \ufffd"
    assert email["From"].addresses[0].display_name == "NAD \ufffdx"
    assert email.get_content().rstrip() == "Body \ufffd here."


# 9 (continued). A source name holding an undecodable byte of a file name ("caf\xe9.txt" on
# Linux, read by Python as "caf\udce9.txt") made the FollowTheMoney writer and the collation's
# JSON and CSV raise.

WITHHELD_BLOCK = BLOCK + "\nThe caf\udce9 s9(2)(a) text here.\n"
RELEASED_BLOCK = BLOCK + "\nThe caf\udce9 =HYPERLINK(1) text here.\n"


def _printed_twice_under_odd_names() -> cablethread.Release:
    return cablethread.parse_many(
        [
            cablethread.SourceText(WITHHELD_BLOCK, "caf\udce9.txt"),
            cablethread.SourceText(RELEASED_BLOCK, "two.txt"),
        ]
    )


def test_every_writer_carries_a_surrogate_in_a_source_name_and_its_text(tmp_path: Path) -> None:
    from cablethread.messages.collate import collations_json, write_differences_csv

    pytest.importorskip("followthemoney")
    release = _printed_twice_under_odd_names()
    assert len(release.collations) == 1
    assert cablethread.write_ftm(release, tmp_path / "release.ftm") > 0
    ftm = (tmp_path / "release.ftm").read_text(encoding="utf-8")
    assert "two.txt" in ftm
    collations = json.loads(collations_json(release))
    assert collations[0]["printings"][0]["source"] == "caf\ufffd.txt"
    table = io.StringIO()
    assert write_differences_csv(release, table) == 1
    (row,) = csv.DictReader(io.StringIO(table.getvalue(), newline=""))
    assert row["a_source"] == "caf\ufffd.txt"
    cablethread.write_json(release, tmp_path / "release.json")
    cablethread.write_graphml(release, tmp_path / "release.graphml")
    cablethread.write_csv(release, tmp_path / "csv")
    cablethread.write_html(release, tmp_path / "release.html")
    for written in tmp_path.rglob("*.*"):
        written.read_bytes().decode("utf-8")  # every file is UTF-8 throughout


def test_differences_csv_cells_a_spreadsheet_would_run_are_written_as_text() -> None:
    from cablethread.messages.collate import write_differences_csv

    table = io.StringIO()
    write_differences_csv(_printed_twice_under_odd_names(), table)
    (row,) = csv.DictReader(io.StringIO(table.getvalue(), newline=""))
    assert row["b_text"] == "'=HYPERLINK(1)"
    assert row["a_codes"] == "s9(2)(a)"


def test_a_differences_csv_cell_holding_a_carriage_return_stays_one_cell() -> None:
    # Found by the fuzz target: written with \n line ends, a cell holding \r went unquoted, and
    # a reader split the row there ("new-line character seen in unquoted field").
    from cablethread.messages.collate import write_differences_csv

    release = cablethread.parse_many(
        [
            cablethread.SourceText(WITHHELD_BLOCK, "scan\r1.txt"),
            cablethread.SourceText(RELEASED_BLOCK, "scan\r2.txt"),
        ]
    )
    table = io.StringIO(newline="")
    assert write_differences_csv(release, table) == 1
    (row,) = csv.DictReader(io.StringIO(table.getvalue(), newline=""))
    assert (row["a_source"], row["b_source"]) == ("scan\r1.txt", "scan\r2.txt")
    assert row["evidence"].startswith("printing 2 prints")


@pytest.mark.timeout(20)
@NEEDS_FIFO
def test_the_collation_and_entity_writers_refuse_a_target_that_is_not_a_regular_file(
    tmp_path: Path,
) -> None:
    source = tmp_path / "release.txt"
    source.write_text(BLOCK, encoding="utf-8")
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    assert main(["collate", "--json", str(fifo), str(source)]) == 2
    assert main(["collate", "--csv", str(fifo), str(source)]) == 2
    if importlib.util.find_spec("followthemoney") is not None:
        with pytest.raises(FileExistsError, match="not a regular file"):
            cablethread.write_ftm(cablethread.parse(BLOCK), fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(os.listdir(tmp_path)) == ["out", "release.txt"]  # nothing left behind


# 13. Decoding: a bad UTF-16 file lost its name, UTF-32 was read as UTF-16, and one cut last
# character turned a whole UTF-8 file into cp1252 mojibake.

TEXT = BLOCK + "\nCaf\u00e9 \u2013 \u5f20\u4f1f.\n"


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_a_file_is_decoded_by_its_byte_order_mark(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "release.txt"
    data = TEXT.encode(codec)
    if codec.endswith("-be"):
        data = "\ufeff".encode(codec) + data
    path.write_bytes(data)
    release = cablethread.parse_file(path)
    assert release.text == TEXT
    assert release.messages[0].sender is not None
    assert not [d for d in release.diagnostics if d.code.startswith("input-")]


def test_a_damaged_utf16_file_is_read_with_the_damage_reported_by_name(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(TEXT.encode("utf-16") + b"\x41")  # an odd byte: half a character
    release = cablethread.parse_file(path)
    assert release.text == TEXT + "\ufffd"
    (note,) = [d for d in release.diagnostics if d.code == "input-decode-damaged"]
    assert "damaged.txt" in note.message and "utf-16" in note.message


def test_a_utf8_file_with_a_cut_last_character_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(TEXT.encode("utf-8") + "\u5f20".encode("utf-8")[:2])
    release = cablethread.parse_file(path)
    assert release.text == TEXT + "\ufffd"
    codes = [d.code for d in release.diagnostics]
    assert "input-decode-damaged" in codes and "input-decoded-cp1252" not in codes


# 12. Directory files and zone names: recursion instead of a clear error, a BOM refused, a
# user file read again for every document.

PARIS = '[[entry]]\ncode = "PARIS"\nkind = "post"\ntime_zone = "Europe/Paris"\n'
DEEP_ZONE = "a/" * 400 + "b"


@pytest.mark.parametrize(
    "toml",
    [
        "x = " + "[" * 5_000 + "]" * 5_000 + "\n",
        "x = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n",
        PARIS.replace("Europe/Paris", DEEP_ZONE),
    ],
    ids=["arrays", "inline-tables", "zone-of-400-parts"],
)
def test_a_hostile_directory_file_is_a_directory_error(tmp_path: Path, toml: str) -> None:
    path = tmp_path / "posts.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(cablethread.DirectoryError, match=r"posts\.toml"):
        cablethread.Directory.load(path)


@pytest.mark.timeout(20)
@NEEDS_FIFO
def test_a_directory_file_that_is_not_a_regular_file_is_a_directory_error(
    tmp_path: Path,
) -> None:
    # Read with read_bytes(): a FIFO waited for a writer for ever, /dev/zero ran out of memory,
    # a folder raised IsADirectoryError naming a descriptor ("Is a directory: 3").
    fifo = tmp_path / "posts.toml"
    os.mkfifo(fifo)
    with pytest.raises(cablethread.DirectoryError, match=r"posts\.toml: not a regular file"):
        cablethread.parse(BLOCK, cablethread.Policy(directory=fifo))
    with pytest.raises(cablethread.DirectoryError, match="is a directory, not a file"):
        cablethread.Directory.load(tmp_path)
    with pytest.raises(cablethread.DirectoryError, match="no NUL byte"):
        cablethread.parse(BLOCK, cablethread.Policy(directory="posts\x00.toml"))


def test_a_folder_given_as_a_release_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(cablethread.InputError, match="is a directory, not a file"):
        cablethread.parse_file(tmp_path)
    with pytest.raises(cablethread.InputError, match="is a directory, not a file"):
        cablethread.parse_many([tmp_path])


def test_a_zone_name_of_400_parts_is_refused_as_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match="unknown IANA time zone"):
        cablethread.Policy(archive_tz=DEEP_ZONE)
    assert main(["parse", "--archive-tz", DEEP_ZONE, "examples/mfat_xinjiang_oia.txt"]) == 2
    assert "unknown IANA time zone" in capsys.readouterr().err


def test_a_directory_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "posts.toml"
    path.write_bytes(PARIS.encode("utf-8-sig"))
    assert cablethread.Directory.load(path).resolve("PARIS") is not None


def test_a_user_directory_file_is_read_once_for_a_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cablethread.fields import directory

    path = tmp_path / "posts.toml"
    path.write_text(PARIS, encoding="utf-8")
    reads: list[str] = []
    real = directory.read_entries

    def counted(file: str | os.PathLike[str]) -> list[directory.Entry]:
        reads.append(str(file))
        return real(file)

    monkeypatch.setattr(directory, "read_entries", counted)
    texts = [cablethread.SourceText(BLOCK.replace("BEIJING", "PARIS"), f"d{n}") for n in range(5)]
    release = cablethread.parse_many(texts, cablethread.Policy(directory=path))
    assert reads == [str(path)]
    assert all(m.to[0].code == "PARIS" for m in release.messages)
    path.write_text(PARIS.replace("PARIS", "LYON"), encoding="utf-8")  # changed: read again
    cablethread.parse_many(texts[:1], cablethread.Policy(directory=path))
    assert reads == [str(path)] * 2


# 14. A zero-page PDF, CR-only line ends, mbox quoting that cannot be undone, non-ASCII printed
# addresses replaced without a word.


def test_a_pdf_without_pages_says_so(tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    path = tmp_path / "empty.pdf"
    pdfium.PdfDocument.new().save(path)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n" + b"\x80not a pdf\n" * 10)
    # PDFium's last error is then that of this file, not of the empty one.
    with pytest.raises(cablethread.InputError, match="not a readable PDF"):
        cablethread.parse_file(broken)
    with pytest.raises(cablethread.InputError, match=r"empty\.pdf: the PDF has no pages") as err:
        cablethread.parse_file(path)
    assert "Success" not in str(err.value)


def test_a_text_with_carriage_returns_alone_for_line_ends_is_read_line_by_line() -> None:
    text = (BLOCK + "\nBody.\n").replace("\n", "\r")
    release = cablethread.parse(text)
    assert release.text == text
    assert "".join(s.text for s in release.segments) == text
    assert len(release.messages) == 1
    assert release.messages[0].subject is not None
    assert release.messages[0].subject.text == "LETTER"
    assert release.messages[0].occurrences[0].span == cablethread.Span(start=1, end=4)


def test_a_message_printed_twice_with_carriage_returns_alone_is_collated_as_with_line_feeds() -> (
    None
):
    # Found by the fuzz target: collation cut the printings' lines at ``\n`` only.
    chain = (
        "From: NAD\nSent: 1/ /1 1:00\nSubject: RE: RE: RE: LETTER\n"
        "From: NAD\nSent: 1/ /1 1:00\nSubject: RE: LETTER"
    )
    with_feeds = cablethread.parse(chain)
    with_returns = cablethread.parse(chain.replace("\n", "\r"))
    assert len(with_returns.messages) == len(with_feeds.messages) == 1
    assert [len(c.printings) for c in with_returns.collations] == [2]
    assert with_returns.collations[0].model_dump() == with_feeds.collations[0].model_dump()


FROM_LINES = BLOCK + "\nFrom the start.\n>From here\n>>From there\nFrom me\n"


def _unquoted_mboxrd(body: str) -> str:
    return re.sub(r"(?m)^>(>*From )", r"\1", body)


def test_mbox_quotes_from_lines_as_mboxrd_so_that_they_can_be_unquoted(tmp_path: Path) -> None:
    release = cablethread.parse(FROM_LINES)
    release.to_mbox(tmp_path / "release.mbox")
    data = (tmp_path / "release.mbox").read_text(encoding="utf-8")
    assert ">From the start.\n>>From here\n>>>From there\n>From me\n" in data
    (message,) = mailbox.mbox(tmp_path / "release.mbox")
    body = _unquoted_mboxrd(message.get_payload(decode=True).decode("utf-8"))
    assert body.startswith("From the start.\n>From here\n>>From there\nFrom me\n")


def test_a_printed_address_mail_cannot_carry_is_kept_in_a_header(tmp_path: Path) -> None:
    text = BLOCK.replace("From: NAD", "From: J\u00f6rg M\u00fcller <j\u00f6rg@b\u00fcro.de>")
    release = cablethread.parse(text)
    (path,) = cablethread.write_eml(release, tmp_path)
    email = BytesParser(policy=default).parsebytes(path.read_bytes())
    assert email["X-Cablethread-Address-Replaced"] == "From: j\u00f6rg@b\u00fcro.de"


# 4. The writers deleted whatever stood at the path (run as root, --mbox /dev/full replaced
# the device node with a file).

WRITERS = {
    "mbox": lambda release, path: release.to_mbox(path),
    "json": cablethread.write_json,
    "graphml": cablethread.write_graphml,
    "node-link": cablethread.write_node_link,
}


@pytest.mark.timeout(20)
@NEEDS_FIFO
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_writer_refuses_a_target_that_is_not_a_regular_file(tmp_path: Path, writer: str) -> None:
    release = cablethread.parse(BLOCK)
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    with pytest.raises(FileExistsError, match="not a regular file"):
        WRITERS[writer](release, fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert os.listdir(tmp_path) == ["out"]  # nothing left behind


@pytest.mark.timeout(20)
@NEEDS_FIFO
def test_folder_writers_refuse_a_file_name_taken_by_a_fifo(tmp_path: Path) -> None:
    release = cablethread.parse(BLOCK)
    os.mkfifo(tmp_path / "messages.csv")
    with pytest.raises(FileExistsError):
        cablethread.write_csv(release, tmp_path)
    os.mkfifo(tmp_path / f"{release.messages[0].id}.eml")
    with pytest.raises(FileExistsError):
        cablethread.write_eml(release, tmp_path)


@pytest.mark.timeout(20)
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_the_command_refuses_a_device_as_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "release.txt"
    path.write_text(BLOCK, encoding="utf-8")
    link = tmp_path / "out.mbox"
    link.symlink_to("/dev/full")
    assert main(["parse", "--mbox", str(link), str(path)]) == 2
    assert "not a regular file (a character device)" in capsys.readouterr().err
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_an_output_replaces_a_file_whole_and_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "release.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)
    cablethread.write_json(cablethread.parse(BLOCK), path)
    assert path.read_text(encoding="utf-8").startswith("{")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["release.json"]


# 7. ``Subject: RE: RE: …`` was quadratic: the prefix loop cut a new copy of the rest of the
# subject for every prefix (1 MB 3.7 s, 8 MB over 400 s).


class _CountingPattern:
    """A pattern that counts the characters of each distinct string it is handed."""

    def __init__(self, pattern: re.Pattern[str], seen: dict[int, int]) -> None:
        self.pattern, self.seen = pattern, seen

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        self.seen[id(string)] = len(string)
        return self.pattern.match(string, *args)


def test_subject_prefixes_are_matched_in_place_not_copied(monkeypatch: pytest.MonkeyPatch) -> None:
    from cablethread.fields import subjects

    seen: dict[int, int] = {}
    real = subjects._prefix_pattern(None)
    monkeypatch.setattr(subjects, "_prefix_pattern", lambda codes: _CountingPattern(real, seen))
    monkeypatch.setattr(subjects, "_FORMAL", _CountingPattern(subjects._FORMAL, seen))
    raw = "RE: FW: " * 5_000 + "FORMAL MESSAGE: LETTER"
    subject = subjects.parse_subject(raw)
    assert len(subject.prefixes) == subjects.MOST_PREFIXES and subject.formal_message
    assert subjects.read_subject(raw)[1] == 10_000 - subjects.MOST_PREFIXES
    assert subject.topic == "LETTER"
    # Linear: the subject's characters are read from one string, not from a copy per prefix.
    assert sum(seen.values()) <= 2 * len(raw)


def test_a_megabyte_of_reply_prefixes_is_read() -> None:
    text = BLOCK.replace("LETTER", "RE: " * 250_000 + "LETTER")
    release = cablethread.parse(text)
    subject = release.messages[0].subject
    assert subject is not None
    # The first 100 are kept in the subject's record, every one in its text; the cut is said.
    assert len(subject.prefixes) == len(subject.prefix_kinds) == 100
    assert subject.text.count("RE:") == 250_000 and subject.thread_key == "LETTER"
    (cut,) = [d for d in release.diagnostics if d.code == "header-subject-prefixes-cut"]
    assert "250,000" in cut.message and cut.span is not None


def test_a_subject_of_fewer_prefixes_than_the_cap_is_kept_whole() -> None:
    from cablethread.fields.subjects import MOST_PREFIXES, read_subject

    subject, cut, _ = read_subject("RE: FW: " * (MOST_PREFIXES // 2) + "LETTER")
    assert cut == 0 and subject.prefixes == ["RE", "FW"] * (MOST_PREFIXES // 2)
    subject, cut, _ = read_subject("FW: " + "RE: " * MOST_PREFIXES + "LETTER")
    assert cut == 1 and subject.prefix_kinds[0] == "forward" and subject.is_reply


# 3. Mail export was quadratic: in the messages (each rescanned the release) and in long header
# values (the standard folder). 10. Lines over 998 octets and local parts over 64.


def test_mail_export_makes_each_header_class_once_and_reads_the_release_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from email.headerregistry import HeaderRegistry

    text = "".join(
        f"From: POST{n}\nSent: 11 July 2019 10:{n:02d}\nTo: NAD\nSubject: TOPIC {n}\n\nBody.\n\n"
        for n in range(60)
    )
    release = cablethread.parse(text)
    made: list[str] = []
    real = HeaderRegistry.__getitem__

    def counted(self: HeaderRegistry, name: str) -> type:
        made.append(name.lower())
        return real(self, name)

    monkeypatch.setattr(HeaderRegistry, "__getitem__", counted)
    segments = _CountedList(release.segments)
    object.__setattr__(release, "segments", segments)  # the model is frozen
    assert release.to_mbox(tmp_path / "release.mbox") == 60
    cablethread.write_eml(release, tmp_path / "eml")
    # Each header name's class is made once a write, not once a message (60 messages, 2 writes).
    assert max(made.count(name) for name in set(made)) <= 2
    assert segments.walks <= 2


class _CountedList(list):  # type: ignore[type-arg]
    """A list that counts how often it is walked from the start."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        self.walks += 1
        return super().__iter__()


def _lines_of(data: bytes) -> list[bytes]:
    return data.replace(b"\r\n", b"\n").split(b"\n")


HOSTILE_HEADERS = {
    "subject": BLOCK.replace("LETTER", "word " * 40_000),
    "unbroken-subject": BLOCK.replace("LETTER", "x" * 200_000),
    "sender": BLOCK.replace("From: NAD", "From: " + "Name " * 40_000),
    "unbroken-sender": BLOCK.replace("From: NAD", "From: " + "x" * 200_000),
    "long-address": BLOCK.replace("From: NAD", f"From: {'x' * 3_000}@example.org"),
    "recipients": BLOCK.replace("BEIJING", "; ".join(f"Person{n}, A" for n in range(20_000))),
}


@pytest.mark.parametrize("shape", sorted(HOSTILE_HEADERS))
def test_hostile_header_values_are_capped_in_mail_with_the_cut_named(
    tmp_path: Path, shape: str
) -> None:
    release = cablethread.parse(HOSTILE_HEADERS[shape])
    (path,) = cablethread.write_eml(release, tmp_path)
    data = path.read_bytes()
    assert max(len(line) for line in _lines_of(data)) <= 998
    assert len(data) < 200_000  # a header is capped, not written whole
    email = BytesParser(policy=default).parsebytes(data)
    for name in ("From", "To"):
        for address in email[name].addresses:
            assert len(address.username) <= 64
    assert "X-Cablethread-Cut" in email or shape == "long-address"


def test_a_recipient_list_read_as_one_party_writes_lines_within_the_limit(tmp_path: Path) -> None:
    from cablethread.models import Party

    listed = ", ".join(f"'Person Number {n}' <person.number.{n}@enron.com>" for n in range(80))
    release = cablethread.parse(BLOCK)
    message = release.messages[0]
    party = Party(raw=listed, span=message.to[0].span, kind="unknown")
    release = release.model_copy(
        update={"messages": [message.model_copy(update={"to": [party], "cc": [party]})]}
    )
    (path,) = cablethread.write_eml(release, tmp_path)
    data = path.read_bytes()
    assert max(len(line) for line in _lines_of(data)) <= 998
    email = BytesParser(policy=default).parsebytes(data)
    assert all(len(a.username) <= 64 for a in email["To"].addresses)


# 2. A PDF whose lines stand 10⁶–10⁸ points apart at a small size was padded with blank lines:
# 1.6 KB of PDF gave 14 MB of text and 1.2 GB of memory.

HEADER_GROUP = ["From: NAD", "Sent: 11 July 2019 10:00", "To: BEIJING", "Subject: LETTER"]


def test_a_pdf_gap_of_a_hundred_thousand_points_is_a_few_blank_lines() -> None:
    pytest.importorskip("pypdfium2")
    from cablethread.reading.pdf import extract_pages

    data = hostile_pdf.pdf([HEADER_GROUP] * 3, gap=100_000.0, indent=100_000.0)
    (page,) = extract_pages(data)
    assert page.count("\n") < 1_000  # it was 166,000 lines of nothing
    assert max(len(line) for line in page.split("\n")) < 1_000  # a column far out is not spaces
    assert "From: NAD" in page and "FAR" in page
    release = cablethread.parse(page)
    assert len(release.messages) >= 1


def test_a_pdf_that_expands_past_the_limit_is_refused_by_name(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    path = tmp_path / "bomb.pdf"
    path.write_bytes(hostile_pdf.pdf([HEADER_GROUP] + [["x", "y"]] * 40, gap=100_000.0))
    assert path.stat().st_size < 3_000
    with pytest.raises(cablethread.InputError, match=r"bomb\.pdf: .*more than 3,000 characters"):
        cablethread.parse_file(path, cablethread.Policy(max_bytes=3_000))
    assert cablethread.parse_file(path).messages


# 15. Hostile headers cost 100–200 times their size in memory (a 1 MB From: value 1.2 GB; a Cc
# of 100,000 recipients 1.6 GB at 8 MB). Measured as traced allocations, not time.

HALF_MB = 512 * 1024
HOSTILE_FIELDS = {
    "from-words": BLOCK.replace("From: NAD", "From: " + ("Name " * HALF_MB)[:HALF_MB]),
    "from-unbroken": BLOCK.replace("From: NAD", "From: " + "x" * HALF_MB),
    "cc-recipients": BLOCK + "Cc: " + "; ".join(f"Person{n}, A" for n in range(40_000)) + "\n",
    "subject-words": BLOCK.replace("LETTER", ("word " * HALF_MB)[:HALF_MB]),
    "subject-prefixes": BLOCK.replace("LETTER", "RE: " * (HALF_MB // 4) + "LETTER"),
}


def _read_in_thirty_times_its_size(text: str) -> None:
    """``text``, one message, parses with under 30 bytes a character at the peak (traced)."""
    cablethread.parse(BLOCK)  # tables and patterns loaded before measuring
    release, _, peak = traced(lambda: cablethread.parse(text))
    assert release.text == text and len(release.messages) == 1
    assert peak < 30 * len(text), f"{peak / len(text):.0f} bytes a character"


@pytest.mark.parametrize("shape", sorted(HOSTILE_FIELDS))
def test_a_hostile_header_costs_under_thirty_times_its_size(shape: str) -> None:
    _read_in_thirty_times_its_size(HOSTILE_FIELDS[shape])


# 2 and 15, per line: a text of blank lines (a PDF's gaps written out, a page a line, a quoted line
# on a page of its own) held a word or more per line for each view of it (90, 250 and 251 bytes a
# character, traced): the lines' kinds, owners, classes, depths and pages are a few bytes a line,
# the same short line is held once, and nothing is made per line or per page.

HOSTILE_LINES = {
    "blank-lines": BLOCK + "\n" * HALF_MB,
    "page-a-line": BLOCK + "\x0c\n" * (HALF_MB // 2),
    "crlf-blank-lines": BLOCK.replace("\n", "\r\n") + "\r\n" * (HALF_MB // 2),
    "quoted-page-a-line": BLOCK + "> \x0c\n" * (HALF_MB // 3),
}


@pytest.mark.parametrize("shape", sorted(HOSTILE_LINES))
def test_a_text_of_empty_lines_costs_under_thirty_times_its_size(shape: str) -> None:
    _read_in_thirty_times_its_size(HOSTILE_LINES[shape])


def test_pages_without_text_are_told_one_by_one_then_together() -> None:
    release = cablethread.parse(BLOCK + "\x0c\n" * 250)
    notes = [d.message for d in release.diagnostics if d.code == "page-no-text"]
    assert len(notes) == 101
    assert notes[0].startswith("page 2 holds no text") and notes[99].startswith("page 101 ")
    assert notes[100].startswith("149 more pages hold no text (pages 102 to 250;")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab [] \t\u00a0\u3000\ud800\udc00é", max_size=6), max_size=12),
    st.integers(min_value=1, max_value=4),
)
def test_a_body_key_read_in_pieces_is_the_key_of_the_whole_body(
    lines: list[str], piece: int
) -> None:
    # A body of a million lines is digested a few thousand lines at a time, never joined whole;
    # the digest is that of its words joined whole, wherever the pieces fall.
    whole = " ".join("".join(lines).replace("[", "").replace("]", "").split())
    expected = hashlib.blake2b(whole.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    numbers = array("i", range(1, len(lines) + 1))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(document, "_KEY_LINES", piece)
        assert document._body_key(lines, numbers) == expected


def test_a_list_of_forty_thousand_recipients_keeps_the_rest_whole_and_says_so() -> None:
    release = cablethread.parse(HOSTILE_FIELDS["cc-recipients"])
    cc = release.messages[0].cc
    assert len(cc) == 1_000
    assert cc[0].raw == "Person0, A" and cc[-1].raw.startswith("Person999, A; Person1000, A")
    assert cc[-1].raw.endswith("Person39999, A")
    (note,) = [d for d in release.diagnostics if d.code == "party-list-cut"]
    assert "40,000 recipients" in note.message


# 5. Escape sequences in a subject or sender (an OSC 52 clipboard write, a screen clear, bidi
# controls) reached the terminal raw.

ESCAPES = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\u202etxt.exe\x9b31m\r"
HOSTILE_DISPLAY = (
    f"From: NAD{ESCAPES}\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING{ESCAPES}\n"
    f"Subject: RE: LETTER{ESCAPES}\n\nBody{ESCAPES}.\n"
)
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


@pytest.mark.parametrize(
    "command",
    [["parse"], ["threads"], ["show"], ["diagnostics"], ["directory", "--unknown"]],
    ids=lambda c: c[0],
)
def test_the_command_never_writes_control_or_bidi_characters_to_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = tmp_path / f"release{ESCAPES}.txt"
    path.write_text(HOSTILE_DISPLAY, encoding="utf-8")
    assert main([*command, str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.strip()
    assert not UNSAFE.search(out) and not UNSAFE.search(err)
    assert "\\x1b]52;c;ZXZpbA==" in out + err  # shown escaped, not dropped


def test_a_missing_file_with_escapes_in_its_name_is_named_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", f"missing{ESCAPES}.txt"]) == 2
    err = capsys.readouterr().err
    assert not UNSAFE.search(err) and "missing\\x1b" in err


def test_the_data_keeps_its_control_characters() -> None:
    release = cablethread.parse(HOSTILE_DISPLAY)
    assert release.messages[0].subject is not None
    assert ESCAPES.strip() in release.messages[0].subject.raw


# 6. CSV cells beginning =, +, -, @ were written as they are: a spreadsheet runs them as formulas.


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(tmp_path: Path) -> None:
    text = (
        BLOCK.replace("LETTER", '=HYPERLINK("http://x.invalid","click")')
        .replace("From: NAD", "From: @SUM(1+1)")
        .replace("To: BEIJING", "To: +1 555 0100; -2+3; \tTAB; \rCR")
    )
    release = cablethread.parse(text)
    messages, _ = cablethread.write_csv(release, tmp_path)
    with messages.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    (row,) = rows
    cells = [value for value in row.values() if value]
    assert not [cell for cell in cells if cell[0] in "=+-@\t\r"]
    assert row["subject"] == '\'=HYPERLINK("http://x.invalid","click")'
    assert row["sender"] == "'@SUM(1+1)"
    assert row["sent_utc"] == "2019-07-11T11:25:00+00:00"  # dates stay as they are


# 10 (continued). A display name the standard folder had to fold lost its quotes, so that a
# printed ``Name <x@y.org …>`` read back as the address x@y.org (an Enron distribution list).

NAME_PIECES = st.sampled_from(
    ["ISO Market", "<IMCEAEX-_O=CAISO_CN=ISO+20PARTI", "CIPANTS@caiso.com>", ",", ";", "@",
     '"', "(NIH)", "[E]", "Müller", "\\", ":", "x" * 30]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(NAME_PIECES, min_size=1, max_size=12).map(" ".join))
def test_every_recipient_reads_back_as_the_address_written(name: str) -> None:
    from cablethread.models import Party

    release = cablethread.parse(BLOCK)
    message = release.messages[0]
    party = Party(raw=name, span=message.to[0].span, kind="unknown")
    release = release.model_copy(
        update={"messages": [message.model_copy(update={"to": [party, message.to[0]]})]}
    )
    email = cablethread.export.mbox.to_email(release, release.messages[0])
    written = [a.addr_spec for a in email["To"].addresses]
    back = BytesParser(policy=default).parsebytes(email.as_bytes())
    assert [a.addr_spec for a in back["To"].addresses] == written
    assert all(a.domain.endswith("cablethread.invalid") for a in back["To"].addresses)


def test_the_release_json_is_written_a_record_at_a_time(tmp_path: Path) -> None:
    text = "".join(
        f"From: POST{n}\nSent: 11 July 2019 10:{n % 60:02d}\nTo: NAD\nSubject: TOPIC {n}\n\n"
        f"Report {n}.\n\n"
        for n in range(400)
    )
    release = cablethread.parse(text)
    path = tmp_path / "release.json"
    _, _, peak = traced(lambda: cablethread.write_json(release, path))
    data = path.read_bytes()
    assert data == cablethread.export.json_export.release_json(release).encode("utf-8")
    assert len(data) > 10 * len(text)  # the JSON is many times the text …
    assert peak < len(data) // 4  # … and is never held whole


# Costs grow linearly: with the cyclic collector on, every full collection walks each object of
# the release again, so a writer (or parse_file) run on a large release spent a growing share of
# its time there. None of those objects forms a cycle; the collector is paused while they run.

WRITING = {
    "json": lambda release, out: cablethread.write_json(release, out / "release.json"),
    # (Not node-link: the networkx graph it goes through leaves reference cycles, which the
    # collector frees as it writes.)
    "graphml": lambda release, out: cablethread.write_graphml(release, out / "reply.graphml"),
    "csv": lambda release, out: cablethread.write_csv(release, out / "csv"),
    "mbox": lambda release, out: release.to_mbox(out / "release.mbox"),
    "eml": lambda release, out: cablethread.write_eml(release, out / "eml"),
}


@pytest.mark.parametrize("writer", sorted(WRITING))
def test_a_writer_runs_with_the_collector_paused_and_leaves_it_on(
    writer: str, seed: cablethread.Release, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every writer moves its files into place last (os.replace, os.rename): the collector's
    # state is read there, inside the write.
    seen: list[bool] = []
    for name in ("replace", "rename"):
        moved = getattr(os, name)

        def moving(*args: Any, moved: Callable[..., None] = moved) -> None:
            seen.append(gc.isenabled())
            moved(*args)

        monkeypatch.setattr(os, name, moving)
    WRITING[writer](seed, tmp_path)
    assert seen and not any(seen)
    assert gc.isenabled()


def test_parse_file_runs_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "release.txt"
    path.write_text(BLOCK * 10, encoding="utf-8")
    seen: list[bool] = []
    assemble = parser.assemble

    def assembling(*args: Any) -> cablethread.Release:
        seen.append(gc.isenabled())
        return assemble(*args)

    monkeypatch.setattr(parser, "assemble", assembling)
    assert cablethread.parse_file(path).messages
    assert seen == [False]
    assert gc.isenabled()
