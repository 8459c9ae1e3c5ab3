"""mbox and EML export: read back with the standard library, the headers alone rebuild the threads."""

from __future__ import annotations

import email
import itertools
import mailbox
from datetime import timedelta
from email import policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cablethread
from cablethread.cli.commands import main
from cablethread.export.mbox import message_id_header, to_email

DATA = Path(__file__).parent / "data"


def _read(path: Path) -> list[EmailMessage]:
    """The messages of an mbox file, as Python's mailbox module finds them."""
    box = mailbox.mbox(path)
    try:
        return [
            email.message_from_bytes(box.get_bytes(key), policy=policy.default)
            for key in box.iterkeys()
        ]
    finally:
        box.close()


@pytest.fixture(scope="module")
def seed_mbox(tmp_path_factory: pytest.TempPathFactory, seed: cablethread.Release) -> Path:
    path = tmp_path_factory.mktemp("mbox") / "seed.mbox"
    assert seed.to_mbox(path) == 23
    return path


def test_mbox_rethreads_to_the_same_18_links(seed_mbox: Path, seed: cablethread.Release) -> None:
    messages = _read(seed_mbox)
    assert len(messages) == 23
    # Only Message-ID and In-Reply-To, as a mail client threads.
    from_headers = {
        (str(m["In-Reply-To"]), str(m["Message-ID"])) for m in messages if m["In-Reply-To"]
    }
    from_edges = {
        (message_id_header(e.parent_id), message_id_header(e.child_id)) for e in seed.edges
    }
    assert len(from_headers) == 18
    assert from_headers == from_edges
    # The placeholder is referenced, not written.
    written = {str(m["Message-ID"]) for m in messages}
    (placeholder,) = seed.placeholders
    assert message_id_header(placeholder.id) not in written
    assert message_id_header(placeholder.id) in {parent for parent, _ in from_headers}


def test_references_run_from_the_root(seed_mbox: Path, seed: cablethread.Release) -> None:
    messages = {str(m["Message-ID"]): m for m in _read(seed_mbox)}
    thread = max(seed.threads, key=lambda t: len(t.message_ids))
    last = messages[message_id_header(thread.message_ids[-1])]
    references = str(last["References"]).split()
    assert len(references) == thread.depth == 14
    assert references[0] == message_id_header(thread.message_ids[0])
    assert references[-1] == str(last["In-Reply-To"])
    # Each reference's own parent is the reference before it.
    for parent, child in itertools.pairwise(references):
        assert str(messages[child]["In-Reply-To"]) == parent


def test_date_headers_are_sent_utc_in_the_message_zone(
    seed_mbox: Path, seed: cablethread.Release
) -> None:
    by_id = {str(m["Message-ID"]): m for m in _read(seed_mbox)}
    offsets = set()
    for message in seed.messages:
        date = parsedate_to_datetime(str(by_id[message_id_header(message.id)]["Date"]))
        assert date == message.sent_utc
        offsets.add(date.utcoffset())
    # New Zealand standard and daylight time both occur in the release.
    assert offsets == {timedelta(hours=12), timedelta(hours=13)}


def test_addresses_real_where_printed_else_invalid(tmp_path: Path) -> None:
    text = (
        "From: Mills, Cheryl D <MillsCD@state.gov>\n"
        "Sent: Saturday, January 23, 2010 8:12 AM\n"
        "To: NAD; s9(2)(a)\n"
        "Subject: FW: Aceh\n\nFYI\n"
    )
    release = cablethread.parse(text)
    message = to_email(release, release.messages[0])
    (sender,) = message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Mills, Cheryl D", "MillsCD@state.gov")
    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == [
        ("NAD", "nad@unknown.cablethread.invalid"),
        ("s9(2)(a)", "withheld-s9-2-a@withheld.cablethread.invalid"),
    ]


def test_synthetic_addresses_are_ascii_and_distinct() -> None:
    release = cablethread.parse(
        "From: Müller, Jörg\nSent: Thursday, 4 July 2019 5:26 AM\nTo: 张伟; 李娜; <>\nSubject: X\n"
    )
    message = to_email(release, release.messages[0])
    # A "Surname, Given" name is read as a person, so the synthetic address says so.
    assert message["From"].addresses[0].addr_spec == "muller-jorg@person.cablethread.invalid"
    to = [a.addr_spec for a in message["To"].addresses]
    assert len(set(to)) == 2 and all(a.isascii() for a in to)
    assert [a.display_name for a in message["To"].addresses] == ["张伟", "李娜"]
    # The empty "<>" is no party, and the parser says so.
    assert "party-noise-skipped" in [d.code for d in release.diagnostics]


def test_x_headers_say_where_the_message_was_printed(
    seed_mbox: Path, seed: cablethread.Release
) -> None:
    first = _read(seed_mbox)[0]
    assert first["X-Cablethread-Id"] == seed.messages[0].id
    assert first["X-Cablethread-Source"] == "mfat_xinjiang_oia.txt"
    assert first["X-Cablethread-Lines"] == "14-22"
    assert first["X-Cablethread-Body-Lines"] == "23-45"
    assert first["X-Cablethread-Printings"] == (
        "mfat_xinjiang_oia.txt:14-22; mfat_xinjiang_oia.txt:405-413"
    )
    body = first.get_content()
    assert body.startswith("HANDLING\n")
    assert "Released under the Official Information Act" not in body  # furniture is not body
    assert "delivered in the Human Rights Council on 8 July alongside 21 other countries" in body


def _written_and_read_back(release: cablethread.Release, folder: Path) -> list[bytes]:
    mbox_path = folder / "odd.mbox"
    release.to_mbox(mbox_path)
    (eml_path,) = cablethread.write_eml(release, folder / "eml")
    box = mailbox.mbox(mbox_path)
    try:
        return [box.get_bytes(0), eml_path.read_bytes()]
    finally:
        box.close()


def _header_block(raw: bytes) -> bytes:
    return raw.split(b"\r\n\r\n" if b"\r\n" in raw else b"\n\n", 1)[0]


def test_printed_subject_with_markup_escapes_and_non_ascii_round_trips(tmp_path: Path) -> None:
    subject = "RE: Xinjiang & <draft> — Ürümqi, Kashgar ū \x1b[0m"
    text = (
        "From: GENEVA\nSent: Thursday, 4 July 2019 5:26 AM\nTo: NAD\n"
        f"Subject: {subject}\n\nBody with \x07 and <b>markup</b> & Ürümqi.\n"
    )
    release = cablethread.parse(text)
    assert release.messages[0].subject is not None
    assert release.messages[0].subject.text == subject
    for raw in _written_and_read_back(release, tmp_path):
        # Headers hold only printable ASCII, spaces and line folds: valid RFC 5322.
        assert all(32 <= byte < 127 or byte in b"\r\n\t" for byte in _header_block(raw))
        back = email.message_from_bytes(raw, policy=policy.default)
        assert str(back["Subject"]) == subject
        # The .eml holds CRLF line ends, which the standard parser keeps in the body.
        body = back.get_content().replace("\r\n", "\n")
        assert body == "Body with \x07 and <b>markup</b> & Ürümqi.\n"


def test_any_subject_round_trips(tmp_path: Path, seed: cablethread.Release) -> None:
    # The parser drops NUL bytes from what it reads; a subject given to the writer may hold one.
    subject = "RE: a\x00b & <c> ū\x7f\u2028 " + "long " * 30
    first = seed.messages[0]
    assert first.subject is not None
    odd = first.model_copy(update={"subject": first.subject.model_copy(update={"text": subject})})
    release = seed.model_copy(update={"messages": [odd]})
    for raw in _written_and_read_back(release, tmp_path):
        assert all(32 <= byte < 127 or byte in b"\r\n\t" for byte in _header_block(raw))
        assert str(email.message_from_bytes(raw, policy=policy.default)["Subject"]) == subject
    for message in seed.messages:  # long subjects fold and unfold to themselves
        assert message.subject is not None
        assert str(to_email(seed, message)["Subject"]) == message.subject.text
        raw = to_email(seed, message).as_bytes()
        assert str(email.message_from_bytes(raw, policy=policy.default)["Subject"]) == (
            message.subject.text
        )


def test_eml_files_one_per_message(tmp_path: Path, seed: cablethread.Release) -> None:
    paths = cablethread.write_eml(seed, tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{m.id}.eml" for m in seed.messages)
    raw = paths[0].read_bytes()
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")  # RFC 5322 line ends
    back = email.message_from_bytes(raw, policy=policy.default)
    assert back["Message-ID"] == message_id_header(seed.messages[0].id)


def test_no_time_no_date_header() -> None:
    release = cablethread.parse("From: NAD\nSent: sometime in July\nTo: BEIJING\nSubject: X\n")
    message = to_email(release, release.messages[0])
    assert message["Date"] is None
    assert message["X-Cablethread-Sent-Raw"] == "sometime in July"


def test_same_release_same_bytes(tmp_path: Path, seed: cablethread.Release) -> None:
    seed.to_mbox(tmp_path / "a.mbox")
    seed.to_mbox(tmp_path / "b.mbox")
    assert (tmp_path / "a.mbox").read_bytes() == (tmp_path / "b.mbox").read_bytes()


def test_cli_parse_writes_mbox_from_a_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "release.mbox"
    assert main(["parse", "--mbox", str(out), str(DATA / "mfat_xinjiang_oia.pdf")]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 23
    messages = _read(out)
    assert len(messages) == 23
    assert sum(1 for m in messages if m["In-Reply-To"]) == 18
    assert {m["X-Cablethread-Page"] for m in messages} >= {"1", "25", "29"}


def test_a_write_folds_each_header_as_the_standard_folder_does(tmp_path: Path) -> None:
    # A write folds each header once (cablethread.export.mbox._Folder); the bytes are those of each
    # message made alone through the standard header classes (to_email), for odd values too.
    text = (DATA / "mfat_xinjiang_oia.txt").read_text(encoding="utf-8")
    odd = (
        'From: Jörg Müller <jm@example.org>; "Quoted, Name" <q@x.org>\n'
        "Sent: Monday, 1 January 0201 10:00 AM\nTo: =?utf-8?q?A?= <a@b.org>\n"
        "Subject: RE:  two  spaces =?utf-8?b?QQ==?= " + "wide " * 20 + "\n\nBody.\n\n"
    )
    release = cablethread.parse(odd + text)
    cablethread.write_eml(release, tmp_path)
    for message in release.messages:
        written = (tmp_path / f"{message.id}.eml").read_bytes()
        assert written == to_email(release, message).as_bytes(), message.id


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(["Subject", "Thread-Topic", "X-Cablethread-Lines", "Date", "Message-ID"]),
    value=st.text(st.characters(min_codepoint=0, max_codepoint=0x24F), max_size=90),
)
def test_a_plain_value_is_written_as_the_policy_folds_it(name: str, value: str) -> None:
    from cablethread.export.mbox import EML_POLICY, _Folder, _for_one_write

    standard = _for_one_write(EML_POLICY)
    try:
        stored = standard.header_store_parse(name, value)[1]
        expected = standard.fold_binary(name, stored)
    except (ValueError, IndexError, TypeError):
        return  # a value the standard classes refuse is never a plain one
    assert _Folder(standard).folded(name, value).data == expected


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(["Subject", "Thread-Topic", "References", "X-Cablethread-Reply-Evidence"]),
    words=st.lists(
        st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=80),
        min_size=1,
        max_size=40,
    ),
    mbox=st.booleans(),
)
def test_long_plain_text_is_wrapped_as_the_policy_folds_it(
    name: str, words: list[str], mbox: bool
) -> None:
    # Words of printable ASCII one space apart, of every length around a line's 78 characters:
    # the folder wraps those of short words itself and gives the rest to the policy.
    from cablethread.export.mbox import EML_POLICY, MBOX_POLICY, _Folder, _for_one_write

    standard = _for_one_write(MBOX_POLICY if mbox else EML_POLICY)
    value = " ".join(words)
    expected = standard.fold_binary(name, standard.header_store_parse(name, value)[1])
    assert _Folder(standard).folded(name, value).data == expected


@pytest.mark.parametrize("width", [1, 2, 3, 9, 38, 39, 40, 75, 76, 77, 78])
def test_lines_filled_to_the_last_character_are_wrapped_as_the_policy_folds_them(
    width: int,
) -> None:
    from cablethread.export.mbox import EML_POLICY, _Folder, _for_one_write

    standard = _for_one_write(EML_POLICY)
    for name in ("Subject", "X-Cablethread-Reply-Evidence"):
        for shift in range(width + 1):
            value = "a" * shift + " " + " ".join(["b" * width] * (400 // width))
            value = value.strip()
            expected = standard.fold_binary(name, standard.header_store_parse(name, value)[1])
            assert _Folder(standard).folded(name, value).data == expected, (name, shift)


@pytest.mark.parametrize(
    "value",
    [
        "Thu, 11 Jul 2019 11:25:00 +1200",
        "Mon, 01 Jan 1000 00:00:00 -1400",  # not a Monday: written with its weekday
        "Wed, 01 Jan 1000 00:00:00 -1400",
        "Fri, 31 Dec 9999 23:59:59 +0000",
        "<m-ebe89fddf502@cablethread.invalid>",
        "a b",
        "x" * 66,
    ],
)
def test_plain_dates_and_ids_are_written_as_the_policy_folds_them(value: str) -> None:
    from cablethread.export.mbox import MBOX_POLICY, _Folder, _for_one_write

    standard = _for_one_write(MBOX_POLICY)
    name = "Date" if value[:3].isalpha() and "," in value else "Message-ID"
    if value.startswith("<"):
        name = "Message-ID"
    elif "," not in value:
        name = "Subject"
    expected = standard.fold_binary(name, standard.header_store_parse(name, value)[1])
    assert _Folder(standard).folded(name, value).data == expected
