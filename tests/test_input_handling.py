"""Bad and odd input: clear errors for misuse, diagnostics for content, never a deep traceback."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

import cablethread
from cablethread import SourceText

BLOCK = "From: GENEVA\nSent: Thursday, 4 July 2019 5:26 AM\nTo: NAD\nSubject: RE: X\n\nBody.\n"


def test_bytes_are_refused_with_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match="not bytes"):
        cablethread.parse(BLOCK.encode())  # type: ignore[arg-type]


def test_file_with_nul_bytes_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(cablethread.InputError, match=r"scan\.png.*not a text file"):
        cablethread.parse_file(path)


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(cablethread.InputError, match="no such file"):
        cablethread.parse_file(tmp_path / "absent.txt")


def test_text_given_to_parse_many_as_str_is_named_as_read_for_a_path(tmp_path: Path) -> None:
    with pytest.raises(cablethread.InputError, match=r"is a path; give a text as .*SourceText"):
        cablethread.parse_many([BLOCK])
    with pytest.raises(cablethread.InputError, match=r"BEIJING: no such file$"):
        cablethread.parse_many(["From: NAD Sent: Thursday, 11 July 2019 11:25 AM To: BEIJING"])
    with pytest.raises(cablethread.InputError, match=r"absent\.txt: no such file$"):
        cablethread.parse_many([str(tmp_path / "absent.txt")])
    assert len(cablethread.parse_many([cablethread.SourceText(BLOCK)]).messages) == 1


def test_cp1252_file_is_decoded_with_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(BLOCK.replace("Body.", "Caf\u00e9 \u2013 ok").encode("cp1252"))
    release = cablethread.parse_file(path)
    assert release.diagnostics[0].code == "input-decoded-cp1252"
    assert "Caf\u00e9 \u2013 ok" in release.text
    assert len(release.messages) == 1


def test_open_file_objects_are_accepted() -> None:
    release = cablethread.parse_file(io.StringIO(BLOCK))
    assert len(release.messages) == 1
    release = cablethread.parse_file(io.BytesIO(BLOCK.encode()))
    assert len(release.messages) == 1


def test_empty_text_gives_empty_release_with_diagnostic() -> None:
    release = cablethread.parse("")
    assert release.messages == [] and release.segments == []
    assert [d.code for d in release.diagnostics] == ["input-empty"]


def test_text_without_headers_is_one_other_segment() -> None:
    text = "Minutes of a meeting.\nNo email here.\n"
    release = cablethread.parse(text)
    assert release.messages == []
    assert "input-no-headers" in [d.code for d in release.diagnostics]
    assert [s.kind for s in release.segments] == ["other"]
    assert release.text == text


def test_strict_mode_raises_the_diagnostic() -> None:
    text = "From: NAD\nSent: sometime soon\nTo: GENEVA\nSubject: X\n"
    nz = cablethread.Policy(profile="nz-mfat")
    lenient = cablethread.parse(text, nz)
    assert [d.code for d in lenient.diagnostics if d.severity != "info"] == ["date-unparsed"]
    with pytest.raises(cablethread.ParseError) as caught:
        cablethread.parse(text, nz.clone(strict=True))
    assert caught.value.diagnostic.code == "date-unparsed"
    assert caught.value.diagnostic.span == cablethread.Span(start=2, end=2)


def test_unparseable_date_is_none_not_a_guess() -> None:
    release = cablethread.parse("From: NAD\nSent: Thursday\nTo: GENEVA\nSubject: X\n")
    assert release.messages[0].sent_local is None
    assert release.messages[0].sent_raw == "Thursday"


def test_crlf_line_ends_are_kept() -> None:
    text = BLOCK.replace("\n", "\r\n")
    release = cablethread.parse(text)
    assert release.text == text
    assert release.messages[0].subject is not None
    assert release.messages[0].subject.text == "RE: X"


def test_unknown_profile_is_refused_by_the_policy() -> None:
    # As an unknown zone or language is: when the policy is made, not at the first parse.
    with pytest.raises(ValueError, match="unknown profile 'nz'; known profiles: generic"):
        cablethread.Policy(profile="nz")


def test_unknown_archive_zone_is_refused_by_the_policy() -> None:
    with pytest.raises(ValueError, match="unknown IANA time zone"):
        cablethread.Policy(archive_tz="Mars/Olympus")


@pytest.mark.parametrize("name", ["localtime", "posixrules", "right/UTC", "posix/Europe/Paris"])
def test_a_zone_file_of_the_machine_is_no_archive_zone(name: str) -> None:
    """``zoneinfo`` loads these from the system's zone folder: ``localtime`` is the zone of the
    machine running the parse, ``right/`` zones count leap seconds. A release read in one would
    give other instants on another machine, or none where the file is missing."""
    with pytest.raises(ValueError, match=f"unknown IANA time zone '{name}'; '{name}' is a file"):
        cablethread.Policy(archive_tz=name)


@pytest.mark.parametrize("name", ["Pacific/Auckland", "US/Eastern", "UTC", "Etc/GMT+5", "GB"])
def test_every_name_of_the_zone_database_is_an_archive_zone(name: str) -> None:
    assert cablethread.Policy(archive_tz=name).archive_tz == name


def test_a_directory_zone_is_a_zone_of_the_database(tmp_path: Path) -> None:
    directory = tmp_path / "posts.toml"
    directory.write_text('[[entry]]\ncode = "HERE"\nkind = "post"\ntime_zone = "localtime"\n')
    with pytest.raises(cablethread.DirectoryError, match="not a zone of the IANA database"):
        cablethread.parse(
            "From: HERE\nSent: 11 July 2019 11:25\n", cablethread.Policy(directory=directory)
        )


def test_policy_clone_changes_only_what_is_named() -> None:
    policy = cablethread.Policy.default.clone(strict=True)
    assert policy.strict and policy.tz_mode == "archive"
    assert not cablethread.Policy.default.strict


def test_parse_many_reads_an_open_file_as_parse_file_does(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(BLOCK.replace("X", "caf\u00e9").encode("cp1252"))
    alone = cablethread.parse_file(path)
    with path.open("rb") as handle:
        many = cablethread.parse_many([handle, cablethread.SourceText(BLOCK, "pasted")])
    assert many.sources == [str(path), "pasted"]
    subject = many.messages[0].subject
    assert subject is not None and subject.text == "RE: caf\u00e9"
    decoded = [d for d in many.diagnostics if d.code == "input-decoded-cp1252"]
    assert [d.source for d in decoded] == [str(path)]
    assert [d.code for d in alone.diagnostics] == [
        d.code for d in many.diagnostics if d.source == str(path)
    ]


def test_parse_many_hands_an_open_file_to_a_pool_as_its_text(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "letter.txt"
    path.write_text(BLOCK, encoding="utf-16")
    with path.open("rb") as handle, ThreadPoolExecutor(2) as pool:
        release = cablethread.parse_many([handle], executor=pool)
    assert release.sources == [str(path)]
    assert len(release.messages) == 1


def test_parse_many_names_what_it_cannot_read() -> None:
    with pytest.raises(TypeError, match=r"paths .*, texts as SourceText and open files, not bytes"):
        cablethread.parse_many([BLOCK.encode()])  # type: ignore[list-item]


def _letters(count: int) -> str:
    return "".join(BLOCK.replace("X", f"LETTER {n}") for n in range(count))


def test_an_input_given_twice_is_read_once_and_said_so(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(_letters(3), encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(path)
    once = cablethread.parse_many([path])
    twice = cablethread.parse_many([path, tmp_path / "." / "release.txt", tmp_path / "link.txt"])
    assert twice.sources == [str(path)]
    assert len(twice.messages) == len(once.messages) == 3
    assert twice.collations == []  # nothing taken for a message printed twice
    assert [len(m.occurrences) for m in twice.messages] == [1, 1, 1]
    repeated = [d for d in twice.diagnostics if d.code == "input-repeated"]
    assert [d.severity for d in repeated] == ["warning", "warning"]
    assert all(d.source == str(path) for d in repeated)
    assert str(tmp_path / "link.txt") in repeated[1].message
    assert "input 3 of 3" in repeated[1].message


def test_a_text_given_twice_under_one_name_is_read_once_but_not_under_two() -> None:
    text = _letters(2)
    same = cablethread.parse_many([SourceText(text, "a"), SourceText(text, "a")])
    assert same.sources == ["a"] and same.collations == []
    assert [d.code for d in same.diagnostics].count("input-repeated") == 1
    two = cablethread.parse_many([SourceText(text, "a"), SourceText(text, "b")])
    assert two.sources == ["a", "b"]
    assert [len(m.occurrences) for m in two.messages] == [2, 2]  # printed in both


def test_an_input_given_twice_is_a_warning_that_strict_mode_raises(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text(BLOCK, encoding="utf-8")
    with pytest.raises(cablethread.ParseError, match="input-repeated"):
        cablethread.parse_many([path, path], cablethread.Policy(strict=True))


def test_an_input_given_twice_is_read_once_on_a_pool_too(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "release.txt"
    path.write_text(_letters(2), encoding="utf-8")
    with ThreadPoolExecutor(2) as pool:
        release = cablethread.parse_many([path, path], executor=pool)
    assert release.sources == [str(path)] and len(release.messages) == 2
    assert [d.code for d in release.diagnostics].count("input-repeated") == 1


def test_a_name_too_long_for_a_file_is_an_input_error_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A release's text pasted where the command takes a file name: os.stat raised
    # "File name too long" from inside pathlib, and the command printed a traceback.
    from cablethread.cli.commands import main

    pasted = "From: NAD Sent: Thursday, 11 July 2019 11:25 AM To: BEIJING " * 80
    assert main(["parse", pasted]) == 2
    err = capsys.readouterr().err
    assert "too long for a file's" in err and len(err) < 400
    assert main(["parse", pasted + "*"]) == 2  # a glob that matches nothing
    assert "no file matches this pattern" in capsys.readouterr().err
    assert main(["parse", "--directory", pasted, "examples/mfat_xinjiang_oia.txt"]) == 2
    err = capsys.readouterr().err
    assert "--directory" in err and "no such file" in err and len(err) < 400
    with pytest.raises(cablethread.InputError, match="too long"):
        cablethread.parse_file(pasted)


def test_a_file_name_with_a_nul_byte_is_an_input_error() -> None:
    with pytest.raises(cablethread.InputError, match=r"'a\\x00b': no such file"):
        cablethread.parse_file("a\x00b")


@pytest.mark.parametrize(
    "call",
    [
        lambda: cablethread.parse(BLOCK, "strict"),  # type: ignore[arg-type]
        lambda: cablethread.parse_file(io.StringIO(BLOCK), {"strict": True}),  # type: ignore[arg-type]
        lambda: cablethread.parse_many([], 3),  # type: ignore[arg-type]
    ],
    ids=["parse", "parse_file", "parse_many"],
)
def test_a_policy_that_is_not_a_policy_is_a_type_error_naming_it(call: Any) -> None:
    # It raised AttributeError ("'str' object has no attribute 'strict'") from inside.
    with pytest.raises(TypeError, match=r"takes a Policy as its policy, not \w+"):
        call()


def test_parse_many_of_one_path_or_file_is_a_type_error_not_a_read_of_its_letters() -> None:
    # parse_many("release.txt") read "r", "e", "l"… as paths: "r: no such file".
    with pytest.raises(TypeError, match="not one str: parse_many"):
        cablethread.parse_many("examples/mfat_xinjiang_oia.txt")  # a str is an iterable of str
    with (
        open("examples/mfat_xinjiang_oia.txt", encoding="utf-8") as handle,
        pytest.raises(TypeError, match="not one TextIOWrapper"),
    ):
        cablethread.parse_many(handle)


@pytest.mark.parametrize("given", [None, 3, b"From: NAD\n"])
def test_parse_file_of_what_is_no_file_is_a_type_error(given: object) -> None:
    with pytest.raises(TypeError, match=r"takes a path .* or an open file, not"):
        cablethread.parse_file(given)  # type: ignore[arg-type]


WRITERS_OF_A_RELEASE = [
    "write_json",
    "write_node_link",
    "write_graphml",
    "write_csv",
    "write_mbox",
    "write_eml",
    "write_ftm",
    "write_html",
]


@pytest.mark.parametrize("writer", WRITERS_OF_A_RELEASE)
def test_a_writer_given_its_arguments_the_other_way_round_says_so(
    writer: str, tmp_path: Path
) -> None:
    # write_json("out.json", release) raised AttributeError: 'Release' object has no
    # attribute 'write', from inside; and nothing may be written.
    release = cablethread.parse(BLOCK)
    with pytest.raises(TypeError, match=rf"{writer}\(\) takes a Release .*other way round"):
        getattr(cablethread, writer)(str(tmp_path / "out"), release)
    assert list(tmp_path.iterdir()) == []


def test_newest_body_of_what_is_no_release_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"newest_body\(\) takes a Release first, not str"):
        cablethread.newest_body(BLOCK)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "refused"),
    [
        (
            lambda r: r.to_graphml(graph="parties"),
            "graph must be 'reply' or 'party', not 'parties'",
        ),
        (lambda r: r.to_node_link(graph="who"), "graph must be 'reply' or 'party', not 'who'"),
        (lambda r: cablethread.write_graphml(r, io.BytesIO(), graph="x"), "graph must be"),
        (lambda r: r.to_dataframe("people"), "table must be 'messages' or 'edges', not 'people'"),
    ],
    ids=["to_graphml", "to_node_link", "write_graphml", "to_dataframe"],
)
def test_a_choice_that_is_not_one_is_refused_not_read_as_the_default(
    call: Any, refused: str
) -> None:
    # to_graphml(graph="parties") gave the reply graph, to_dataframe("people") the messages.
    pytest.importorskip("pandas")
    release = cablethread.parse(BLOCK)
    with pytest.raises(ValueError, match=re.escape(refused)):
        call(release)


def test_a_message_or_thread_not_in_the_release_is_named() -> None:
    release = cablethread.parse(BLOCK)
    with pytest.raises(KeyError, match="no message 'm-nope' in this release"):
        release.message("m-nope")
    with pytest.raises(TypeError, match="takes a Thread or its id, not int"):
        release.thread_view(3)  # type: ignore[arg-type]


@pytest.mark.parametrize("writer", ["write_json", "write_node_link", "write_graphml", "write_html"])
def test_a_writer_writes_text_to_a_text_file_as_it_writes_utf8_to_a_binary_one(
    writer: str,
) -> None:
    # write_json(release, sys.stdout) raised "string argument expected, got 'bytes'".
    release = cablethread.parse(BLOCK.replace("X", "caf\u00e9"))
    text, binary = io.StringIO(), io.BytesIO()
    getattr(cablethread, writer)(release, text)
    getattr(cablethread, writer)(release, binary)
    assert text.getvalue() == binary.getvalue().decode("utf-8")
    assert "caf\u00e9" in text.getvalue()


def test_a_source_text_of_what_is_no_text_is_a_type_error_naming_it() -> None:
    # SourceText(b"...") raised "a bytes-like object is required, not 'str'", and a name that
    # is no str a ValidationError of the release, from inside.
    with pytest.raises(TypeError, match="takes the text as str, not bytes; decode it first"):
        SourceText(BLOCK.encode())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes its name as str, not int"):
        SourceText(BLOCK, 5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="source's name as str, not int"):
        cablethread.parse(BLOCK, source=5)  # type: ignore[arg-type]


def test_a_target_in_a_missing_folder_is_named_not_its_temporary_file(tmp_path: Path) -> None:
    # It raised FileNotFoundError naming '.../.out.json.4cc7acab96cc.tmp'.
    release = cablethread.parse(BLOCK)
    target = tmp_path / "no-such-folder" / "out.json"
    with pytest.raises(FileNotFoundError, match="no such folder to write it in") as raised:
        cablethread.write_json(release, target)
    assert raised.value.filename == str(target)


@pytest.mark.parametrize("writer", ["write_csv", "write_eml"])
def test_a_folder_writer_onto_a_file_says_it_is_not_a_folder(writer: str, tmp_path: Path) -> None:
    taken = tmp_path / "out"
    taken.write_text("kept", encoding="utf-8")
    with pytest.raises(FileExistsError, match="exists and is not a folder"):
        getattr(cablethread, writer)(cablethread.parse(BLOCK), taken)
    assert taken.read_text(encoding="utf-8") == "kept"


def test_the_mbox_and_entity_writers_write_to_an_open_file_as_to_a_path(tmp_path: Path) -> None:
    release = cablethread.parse(BLOCK)
    mbox = io.BytesIO()
    assert release.to_mbox(mbox) == release.to_mbox(tmp_path / "r.mbox") == 1
    assert mbox.getvalue() == (tmp_path / "r.mbox").read_bytes()
    with pytest.raises(TypeError, match="writes bytes"):
        release.to_mbox(io.StringIO())  # type: ignore[arg-type]
    pytest.importorskip("followthemoney")
    text, binary = io.StringIO(), io.BytesIO()
    assert cablethread.write_ftm(release, text) == cablethread.write_ftm(release, binary)
    cablethread.write_ftm(release, tmp_path / "r.ftm")
    assert binary.getvalue() == text.getvalue().encode() == (tmp_path / "r.ftm").read_bytes()


@pytest.mark.parametrize(
    ("first_bytes", "named"),
    [
        (b"\x1f\x8b\x08\x00", "a gzip file; decompress it first"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a ZIP archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "an OLE2 file (an Outlook .msg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "an image (a scan?); run OCR on it first"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "an image (a scan?)"),
    ],
    ids=["gzip", "zip", "msg", "png", "jpeg"],
)
def test_a_file_that_is_no_text_is_named_for_what_it_is(
    tmp_path: Path, first_bytes: bytes, named: str
) -> None:
    path = tmp_path / "release"
    path.write_bytes(first_bytes + b"\x00" * 64)
    with pytest.raises(
        cablethread.InputError, match=f"release: not a text file but {re.escape(named)}"
    ):
        cablethread.parse_file(path)


def test_an_open_file_given_twice_is_read_once() -> None:
    # Read once, it had nothing left for its second place: an empty input and its warning.
    handle = io.BytesIO(_letters(2).encode())
    release = cablethread.parse_many([handle, handle])
    assert len(release.messages) == 2
    codes = [d.code for d in release.diagnostics]
    assert codes.count("input-repeated") == 1 and "input-empty" not in codes
