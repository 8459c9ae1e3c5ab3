"""The ``cablethread directory`` command and ``parse --directory``."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from cablethread.cli.commands import main

DATA = Path(__file__).parent / "data"
SEED = DATA / "mfat_xinjiang_oia.txt"
UNKNOWN_POST = (
    "Released under the Official Information Act\n"
    "From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING; PARIS\n"
    "Cc: HEWSON, Brian (NAD); DUPONT, Jean (XYZ)\nSubject: FORMAL MESSAGE: LETTER\n"
)
PARIS = '[[entry]]\ncode = "PARIS"\nkind = "post"\ntime_zone = "Europe/Paris"\n'


def test_directory_prints_the_entries_of_a_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directory", "--profile", "nz-mfat"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("# nz-mfat: New Zealand Ministry of Foreign Affairs and Trade")
    geneva = next(line for line in lines if line.startswith("GENEVA "))
    assert geneva.split() == ["GENEVA", "post", "Europe/Zurich", "-"]
    assert any(line.startswith("BEIJING ") and "(also BEI)" in line for line in lines)
    assert any(line.startswith("FM.NAB ") and "via Seemail" in line for line in lines)
    assert "# us-state" not in out


def test_directory_without_profile_prints_every_profile(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["directory"]) == 0
    out = capsys.readouterr().out
    assert "# nz-mfat:" in out and "# us-state:" in out
    assert "# generic:" not in out


def test_directory_with_a_user_file_shows_its_entries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    user = tmp_path / "posts.toml"
    user.write_text(PARIS, encoding="utf-8")
    assert main(["directory", "--profile", "nz-mfat", "--directory", str(user)]) == 0
    assert any(line.startswith("PARIS ") for line in capsys.readouterr().out.splitlines())


def test_unknown_lists_nothing_for_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directory", "--unknown", str(SEED)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "0 codes not in the nz-mfat directory" in captured.err


def test_unknown_lists_codes_and_units_the_directory_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = tmp_path / "release.txt"
    release.write_text(UNKNOWN_POST, encoding="utf-8")
    assert main(["directory", "--unknown", str(release)]) == 0
    captured = capsys.readouterr()
    rows = [line.split() for line in captured.out.splitlines()]
    assert rows == [["party", "PARIS", f"{release}:4"], ["unit", "XYZ", f"{release}:5"]]
    assert "2 codes not in the nz-mfat directory (parties: 1, units: 1)" in captured.err
    user = tmp_path / "posts.toml"
    user.write_text(PARIS, encoding="utf-8")
    assert main(["directory", "--unknown", str(release), "--directory", str(user)]) == 0
    assert [line.split()[:2] for line in capsys.readouterr().out.splitlines()] == [["unit", "XYZ"]]


def test_unknown_takes_folders_and_standard_input_as_every_command_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # --unknown read its arguments as file names only: a folder or "-" was "no such file".
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "release.txt").write_text(UNKNOWN_POST, encoding="utf-8")
    assert main(["directory", "--unknown", str(folder)]) == 0
    rows = [line.split()[:2] for line in capsys.readouterr().out.splitlines()]
    assert rows == [["party", "PARIS"], ["unit", "XYZ"]]
    stdin = io.BytesIO(UNKNOWN_POST.encode("utf-8"))
    stdin.name = "<stdin>"
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=stdin))
    assert main(["directory", "--unknown", "-"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split() == ["party", "PARIS", "<stdin>:4"]


def test_parse_takes_a_directory_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    release = tmp_path / "release.txt"
    release.write_text(UNKNOWN_POST, encoding="utf-8")
    user = tmp_path / "posts.toml"
    user.write_text(PARIS, encoding="utf-8")
    out_json = tmp_path / "release.json"
    assert main(["parse", "--directory", str(user), "--json", str(out_json), str(release)]) == 0
    assert '"code": "PARIS"' in out_json.read_text(encoding="utf-8")
    assert "1 messages" in capsys.readouterr().err


def test_parse_still_works_without_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 23
    assert "23 messages" in captured.err


@pytest.mark.parametrize("command", ["parse", "directory"])
def test_malformed_directory_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entry]]\ncode = "PARIS"\nkind = "post"\ntime_zone = "Mars/Base"\n', "utf-8")
    args = [command, "--directory", str(bad)] + ([str(SEED)] if command == "parse" else [])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"cablethread: {bad}: entry 1 (code 'PARIS'): unknown time zone 'Mars/Base'" in err
    assert "Traceback" not in err


def test_unknown_profile_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directory", "--profile", "nz"]) == 2
    assert "invalid choice: 'nz'" in capsys.readouterr().err
