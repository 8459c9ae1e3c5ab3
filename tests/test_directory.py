"""The directory as data: package files, user files over them, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

import cablethread
from cablethread.fields.directory import Directory, DirectoryError, read_entries

SEED_ZONES = {
    **dict.fromkeys(
        ["NAD", "UNHC", "AMER", "EUR", "AUS", "ARD", "SEA", "MEA", "ISED", "MEDIA"],
        "Pacific/Auckland",
    ),
    **dict.fromkeys(["CEO", "DCE", "DS AAG", "DS MLG", "DS EMA"], "Pacific/Auckland"),
    **dict.fromkeys(
        ["FM.NAB", "FM.DPMC (FPA)", "FM.P/S MFA", "FM.Defence", "FM.P/S Trade"],
        "Pacific/Auckland",
    ),
    "BEIJING": "Asia/Shanghai",
    "GENEVA": "Europe/Zurich",
    "NEW YORK": "America/New_York",
    "WASHINGTON": "America/New_York",
    "LONDON": "Europe/London",
    "CANBERRA": "Australia/Sydney",
    "OTTAWA": "America/Toronto",
    "TOKYO": "Asia/Tokyo",
    "HONOLULU": "Pacific/Honolulu",
}
DIVISIONS = ["NAD", "UNHC", "AMER", "EUR", "AUS", "ARD", "SEA", "MEA", "ISED", "MEDIA"]
OFFICES = ["CEO", "DCE", "DS AAG", "DS MLG", "DS EMA"]
POSTS = [
    "BEIJING", "GENEVA", "NEW YORK", "WASHINGTON", "LONDON", "CANBERRA", "OTTAWA", "TOKYO",
    "HONOLULU",
]  # fmt: skip
LISTS = ["...CHINA POSTS", "...ARF POSTS", "...EAS POSTS", "...MEA POSTS", "...EUROPEAN POSTS"]
MAILBOXES = ["FM.NAB", "FM.DPMC (FPA)", "FM.P/S MFA", "FM.Defence", "FM.P/S Trade"]
SEED_KINDS = {
    **dict.fromkeys(DIVISIONS, "division"),
    **dict.fromkeys(OFFICES, "office"),
    **dict.fromkeys(POSTS, "post"),
    **dict.fromkeys(LISTS, "distribution-list"),
    **dict.fromkeys(MAILBOXES, "mailbox"),
}

GENEVA_SEED = (
    "From: GENEVA\nSent: Thursday, 4 July 2019 5:26 AM\nTo: NAD; PARIS\n"
    "Subject: RE: FORMAL MESSAGE: LETTER\n"
)

PARIS_FILE = """\
[directory]
organisation = "New Zealand Ministry of Foreign Affairs and Trade"

[[entry]]
code = "PARIS"
kind = "post"
aliases = ["PAR"]
country = "France"
city = "Paris"
time_zone = "Europe/Paris"
"""


@pytest.fixture(scope="module")
def mfat() -> Directory:
    return Directory.for_profile("nz-mfat")


@pytest.mark.parametrize("code", sorted(SEED_KINDS))
def test_mfat_covers_every_code_of_the_seed(mfat: Directory, code: str) -> None:
    entry = mfat.resolve(code)
    assert entry is not None and entry.code == code
    assert entry.kind == SEED_KINDS[code]
    # Lists gather posts in several zones, so they have none of their own.
    assert entry.time_zone == SEED_ZONES.get(code)


def test_posts_and_wellington_units_have_their_zones(mfat: Directory) -> None:
    assert {code: mfat.resolve(code).time_zone for code in SEED_ZONES} == SEED_ZONES  # type: ignore[union-attr]


def test_alias_printed_in_the_release_resolves_to_the_post(mfat: Directory) -> None:
    entry = mfat.resolve("BEI")
    assert entry is not None and entry.code == "BEIJING"


def test_seemail_mailbox_resolves_with_or_without_its_channel(mfat: Directory) -> None:
    for token in ("FM.NAB (Seemail)", "FM.NAB", "fm.nab  (seemail)"):
        entry = mfat.resolve(token)
        assert entry is not None and (entry.code, entry.channel) == ("FM.NAB", "Seemail")
    entry = mfat.resolve("FM.DPMC (FPA) (Seemail)")
    assert entry is not None and entry.code == "FM.DPMC (FPA)"


def test_a_parenthesis_that_is_not_a_channel_does_not_resolve(mfat: Directory) -> None:
    assert mfat.resolve("NAD (not a channel)") is None


def test_names_left_empty_rather_than_guessed(mfat: Directory) -> None:
    nad, geneva = mfat.resolve("NAD"), mfat.resolve("GENEVA")
    assert nad is not None and nad.name == "North Asia Division"
    assert geneva is not None and geneva.name is None


def test_empty_parent_is_not_filled_with_the_organisation(mfat: Directory) -> None:
    nab, nad = mfat.resolve("FM.NAB"), mfat.resolve("NAD")
    assert nab is not None and nab.parent is None
    assert nad is not None and nad.parent == "New Zealand Ministry of Foreign Affairs and Trade"


def test_us_state_directory_resolves_addresses() -> None:
    state = Directory.for_profile("us-state")
    by_address = state.resolve("H <hrod17@clintonemail.com>")
    assert by_address is not None and by_address.code == "H"
    assert state.resolve_address("hdr22@CLINTONEMAIL.com") is by_address
    ops = state.resolve("SES-0")
    assert ops is not None and ops.code == "SES-O"


def test_generic_profile_has_no_package_entries() -> None:
    assert len(Directory.for_profile("generic")) == 0


def test_unknown_profile_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown profile 'nz'; known profiles: generic"):
        Directory.for_profile("nz")


@pytest.mark.parametrize("profile", ["nz-mfat", "us-state"])
def test_package_files_validate_and_iterate(profile: str) -> None:
    directory = Directory.for_profile(profile)
    entries = list(directory)
    assert len(entries) == len(directory) > 0
    assert all(e.source and e.source.endswith(f"{profile}.toml") for e in entries)
    codes = [e.code.casefold() for e in entries]
    assert len(codes) == len(set(codes))


# -- user files ---------------------------------------------------------------------------------


def test_user_file_adding_a_post_changes_resolution(tmp_path: Path) -> None:
    user = tmp_path / "my-posts.toml"
    user.write_text(PARIS_FILE, encoding="utf-8")
    before = cablethread.parse(GENEVA_SEED, cablethread.Policy(profile="nz-mfat"))
    after = cablethread.parse(GENEVA_SEED, cablethread.Policy(profile="nz-mfat", directory=user))
    paris_before, paris_after = before.messages[0].to[1], after.messages[0].to[1]
    assert (paris_before.kind, paris_before.code) == ("unknown", None)
    assert any(d.code == "party-unknown" and "PARIS" in d.message for d in before.diagnostics)
    assert (paris_after.kind, paris_after.code, paris_after.time_zone) == (
        "post",
        "PARIS",
        "Europe/Paris",
    )
    assert not any(d.code == "party-unknown" for d in after.diagnostics)
    # Package data is untouched: a fresh package directory still lacks the post.
    assert Directory.for_profile("nz-mfat").resolve("PARIS") is None


def test_user_file_loads_alone_and_over_the_package(tmp_path: Path) -> None:
    user = tmp_path / "my-posts.toml"
    user.write_text(PARIS_FILE, encoding="utf-8")
    alone = Directory.load(user)
    assert [e.code for e in alone] == ["PARIS"]
    combined = Directory.for_profile("nz-mfat", extra_files=[user])
    paris = combined.resolve("PAR")
    assert paris is not None and paris.source == str(user)
    assert combined.resolve("NAD") is not None


def test_user_file_overrides_a_package_entry_and_takes_its_alias(tmp_path: Path) -> None:
    user = tmp_path / "override.toml"
    user.write_text(
        '[[entry]]\ncode = "GENEVA"\nkind = "post"\nname = "Permanent Mission, Geneva"\n'
        'time_zone = "Europe/Zurich"\n\n'
        '[[entry]]\ncode = "BEIJING-2"\nkind = "post"\naliases = ["BEI"]\n'
        'time_zone = "Asia/Shanghai"\n',
        encoding="utf-8",
    )
    directory = Directory.for_profile("nz-mfat", extra_files=[user])
    geneva, bei, beijing = (directory.resolve(c) for c in ("GENEVA", "BEI", "BEIJING"))
    assert geneva is not None and geneva.name == "Permanent Mission, Geneva"
    assert len([e for e in directory if e.code == "GENEVA"]) == 1
    assert bei is not None and bei.code == "BEIJING-2"
    assert beijing is not None and beijing.aliases == ()


def test_policy_accepts_a_single_path_as_text(tmp_path: Path) -> None:
    user = tmp_path / "my-posts.toml"
    user.write_text(PARIS_FILE, encoding="utf-8")
    policy = cablethread.Policy(directory=str(user))
    assert policy.directory == (user,)


def test_directory_does_not_change_message_ids(tmp_path: Path) -> None:
    user = tmp_path / "names.toml"
    user.write_text(
        '[[entry]]\ncode = "GENEVA"\nkind = "post"\nname = "Another name"\n'
        'time_zone = "Europe/Zurich"\n',
        encoding="utf-8",
    )
    plain = cablethread.parse(GENEVA_SEED, cablethread.Policy(profile="nz-mfat"))
    named = cablethread.parse(GENEVA_SEED, cablethread.Policy(profile="nz-mfat", directory=user))
    assert named.messages[0].sender is not None
    assert named.messages[0].sender.name == "Another name"
    assert [m.id for m in plain.messages] == [m.id for m in named.messages]


# -- malformed files ----------------------------------------------------------------------------

MALFORMED = {
    "duplicate_code": (
        '[[entry]]\ncode = "PARIS"\nkind = "post"\n\n[[entry]]\ncode = "paris"\nkind = "post"\n',
        "entry 2 (code 'paris')",
        "duplicate code 'paris': already the code of entry 1 ('PARIS')",
    ),
    "duplicate_alias": (
        '[[entry]]\ncode = "PARIS"\nkind = "post"\naliases = ["PAR"]\n\n'
        '[[entry]]\ncode = "PARMA"\nkind = "post"\naliases = ["PAR"]\n',
        "entry 2 (code 'PARMA')",
        "duplicate alias 'PAR': already an alias of entry 1 ('PARIS')",
    ),
    "alias_equal_to_another_code": (
        '[[entry]]\ncode = "PARIS"\nkind = "post"\n\n'
        '[[entry]]\ncode = "FRANCE"\nkind = "post"\naliases = ["Paris"]\n',
        "entry 2 (code 'FRANCE')",
        "duplicate alias 'Paris': already the code of entry 1 ('PARIS')",
    ),
    "unknown_zone": (
        '[[entry]]\ncode = "PARIS"\nkind = "post"\ntime_zone = "Europe/Pari"\n',
        "entry 1 (code 'PARIS')",
        "unknown time zone 'Europe/Pari'",
    ),
    "zone_of_wrong_type": (
        '[[entry]]\ncode = "PARIS"\nkind = "post"\ntime_zone = 1\n',
        "entry 1 (code 'PARIS')",
        "time_zone must be a string, not int (1)",
    ),
    "aliases_as_text": (
        '[[entry]]\ncode = "PARIS"\nkind = "post"\naliases = "PAR"\n',
        "entry 1 (code 'PARIS')",
        "aliases must be a list of strings, not str ('PAR')",
    ),
    "unknown_key": (
        '[[entry]]\ncode = "PARIS"\nkind = "post"\nzone = "Europe/Paris"\n',
        "entry 1 (code 'PARIS')",
        "unknown key 'zone'",
    ),
    "unknown_kind": (
        '[[entry]]\ncode = "PARIS"\nkind = "embassy"\n',
        "entry 1 (code 'PARIS')",
        "unknown kind 'embassy'",
    ),
    "missing_kind": ('[[entry]]\ncode = "PARIS"\n', "entry 1 (code 'PARIS')", "missing key 'kind'"),
    "entry_as_one_table": ('[entry]\ncode = "PARIS"\nkind = "post"\n', "entry", "[[entry]]"),
    "not_toml": ('[[entry]\ncode = "PARIS"\n', None, "not valid TOML"),
}


@pytest.mark.parametrize("layout", sorted(MALFORMED))
def test_malformed_file_names_file_entry_and_problem(tmp_path: Path, layout: str) -> None:
    text, entry, problem = MALFORMED[layout]
    path = tmp_path / f"{layout}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DirectoryError) as caught:
        read_entries(path)
    error = caught.value
    assert error.file == str(path)
    assert error.entry == entry
    assert problem in error.problem
    assert str(error).startswith(f"{path}: ")
    assert problem in str(error)


def test_missing_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(DirectoryError, match=r"nowhere\.toml: no such file"):
        Directory.load(missing)


def test_parse_with_a_malformed_user_file_fails_with_the_same_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(MALFORMED["unknown_zone"][0], encoding="utf-8")
    with pytest.raises(DirectoryError, match=r"bad\.toml: entry 1 \(code 'PARIS'\): unknown time"):
        cablethread.parse(GENEVA_SEED, cablethread.Policy(directory=path))
    # DirectoryError is a ValueError, as other bad settings are.
    assert issubclass(cablethread.DirectoryError, ValueError)
