"""Files written many to a folder (``write_eml``): moved in once all are written, never partly.

Each message is written into a new folder and the files are moved in at the end: a new folder is
renamed into its place whole, a folder that is there has each file moved over its name after
every name is checked (issue 14: a name taken by a device or a FIFO is refused).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import cablethread
from cablethread.export import mbox
from cablethread.export._output import write_folder

CHAIN = "".join(
    f"From: POST{n}\nSent: 11 July 2019 10:{n:02d}\nTo: NAD\nSubject: TOPIC {n}\n\nBody {n}.\n\n"
    for n in range(5)
)


@pytest.fixture
def release() -> cablethread.Release:
    return cablethread.parse(CHAIN)


def _names(release: cablethread.Release) -> list[str]:
    return [f"{message.id}.eml" for message in release.messages]


def test_a_new_folder_appears_with_every_file_and_nothing_beside_it(
    tmp_path: Path, release: cablethread.Release
) -> None:
    paths = cablethread.write_eml(release, tmp_path / "a" / "eml")
    assert paths == [tmp_path / "a" / "eml" / name for name in _names(release)]
    assert sorted(os.listdir(tmp_path / "a" / "eml")) == sorted(_names(release))
    assert os.listdir(tmp_path / "a") == ["eml"]
    # The folder gets the permissions a new folder gets, its files those of a new file.
    assert stat.S_IMODE((tmp_path / "a" / "eml").stat().st_mode) == 0o777 & ~_umask()
    assert {stat.S_IMODE(path.stat().st_mode) for path in paths} == {0o666 & ~_umask()}
    for message, path in zip(release.messages, paths, strict=True):
        assert path.read_bytes() == mbox.to_email(release, message).as_bytes()


def test_an_error_while_writing_leaves_no_folder_and_nothing_behind(
    tmp_path: Path, release: cablethread.Release, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = mbox._email_bytes
    made: list[str] = []

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append("one")
        if len(made) == 3:
            raise RuntimeError("stop")
        return real(*args, **kwargs)

    monkeypatch.setattr(mbox, "_email_bytes", failing)
    with pytest.raises(RuntimeError, match="stop"):
        cablethread.write_eml(release, tmp_path / "eml")
    assert os.listdir(tmp_path) == []
    # Into a folder that is there: what it held is kept as it was, nothing is added.
    (tmp_path / "eml").mkdir()
    old = tmp_path / "eml" / _names(release)[0]
    old.write_bytes(b"old")
    made.clear()
    with pytest.raises(RuntimeError, match="stop"):
        cablethread.write_eml(release, tmp_path / "eml")
    assert os.listdir(tmp_path / "eml") == [old.name] and old.read_bytes() == b"old"


@pytest.mark.timeout(20)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_name_taken_by_a_fifo_is_refused_before_any_file_is_moved(
    tmp_path: Path, release: cablethread.Release
) -> None:
    names = _names(release)
    os.mkfifo(tmp_path / names[-1])
    (tmp_path / names[0]).write_bytes(b"old")
    with pytest.raises(FileExistsError, match=r"not a regular file \(a FIFO\)"):
        cablethread.write_eml(release, tmp_path)
    assert sorted(os.listdir(tmp_path)) == sorted([names[0], names[-1]])
    assert (tmp_path / names[0]).read_bytes() == b"old"
    assert stat.S_ISFIFO((tmp_path / names[-1]).stat().st_mode)


def test_a_name_taken_by_a_folder_is_refused(tmp_path: Path, release: cablethread.Release) -> None:
    (tmp_path / _names(release)[2]).mkdir()
    with pytest.raises(FileExistsError, match=r"not a regular file \(a folder\)"):
        cablethread.write_eml(release, tmp_path)
    assert os.listdir(tmp_path) == [_names(release)[2]]


def test_a_file_there_is_replaced_whole_and_keeps_its_permissions(
    tmp_path: Path, release: cablethread.Release
) -> None:
    names = _names(release)
    (tmp_path / names[1]).write_bytes(b"old")
    (tmp_path / names[1]).chmod(0o600)
    (tmp_path / "other.txt").write_bytes(b"kept")
    cablethread.write_eml(release, tmp_path)
    assert sorted(os.listdir(tmp_path)) == sorted([*names, "other.txt"])
    assert stat.S_IMODE((tmp_path / names[1]).stat().st_mode) == 0o600
    assert (tmp_path / names[1]).read_bytes().startswith(b"Message-ID: ")
    assert (tmp_path / "other.txt").read_bytes() == b"kept"
    fresh = stat.S_IMODE((tmp_path / names[0]).stat().st_mode)
    assert fresh == 0o666 & ~_umask()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_name_that_is_a_link_is_written_through_as_a_single_file_write_does(
    tmp_path: Path, release: cablethread.Release
) -> None:
    names = _names(release)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "kept.eml").write_bytes(b"old")
    folder = tmp_path / "eml"
    folder.mkdir()
    (folder / names[0]).symlink_to(elsewhere / "kept.eml")
    (folder / names[1]).symlink_to(elsewhere / "new.eml")  # dangling: made where it points
    cablethread.write_eml(release, folder)
    assert (folder / names[0]).is_symlink() and (folder / names[1]).is_symlink()
    assert sorted(os.listdir(elsewhere)) == ["kept.eml", "new.eml"]
    assert (elsewhere / "kept.eml").read_bytes() == (folder / names[0]).read_bytes() != b"old"
    assert sorted(os.listdir(folder)) == sorted(names)


def test_the_target_given_as_a_link_to_a_folder_is_written_into(
    tmp_path: Path, release: cablethread.Release
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    paths = cablethread.write_eml(release, tmp_path / "link")
    assert paths[0].parent == tmp_path / "link"
    assert sorted(os.listdir(tmp_path / "real")) == sorted(_names(release))
    assert (tmp_path / "link").is_symlink()


def test_a_target_that_is_a_file_is_refused(tmp_path: Path, release: cablethread.Release) -> None:
    (tmp_path / "eml").write_bytes(b"a file")
    with pytest.raises(FileExistsError):
        cablethread.write_eml(release, tmp_path / "eml")
    assert os.listdir(tmp_path) == ["eml"]


def test_a_name_given_twice_keeps_its_last_data(tmp_path: Path) -> None:
    paths = write_folder(tmp_path / "out", [("a", b"1"), ("b", b"2"), ("a", b"3")])
    assert paths == [tmp_path / "out" / n for n in ("a", "b", "a")]
    assert (tmp_path / "out" / "a").read_bytes() == b"3"
    assert sorted(os.listdir(tmp_path / "out")) == ["a", "b"]


@pytest.mark.parametrize("name", ["", ".", "..", "a/b"])
def test_a_name_that_is_not_a_file_name_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="not a file name"):
        write_folder(tmp_path / "out", [("a", b"1"), (name, b"2")])
    assert os.listdir(tmp_path) == []


def test_an_empty_write_makes_an_empty_folder(tmp_path: Path) -> None:
    assert write_folder(tmp_path / "out", []) == []
    assert os.listdir(tmp_path / "out") == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_folder_under_a_file_is_refused_naming_the_folder(
    tmp_path: Path, release: cablethread.Release
) -> None:
    (tmp_path / "file.txt").write_text("kept", encoding="utf-8")
    target = tmp_path / "file.txt" / "eml"
    with pytest.raises(NotADirectoryError) as raised:
        cablethread.write_eml(release, target)
    assert raised.value.filename == str(target)
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "kept"
    assert sorted(os.listdir(tmp_path)) == ["file.txt"]
