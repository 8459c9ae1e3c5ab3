"""The package's data files: each has a declared shape, loads through one function, and a damaged
copy gives one clear error naming the file, the key and the problem."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from pydantic import BaseModel

from cablethread.datafiles import (
    FILES,
    LanguagesFile,
    OcrDebrisFile,
    OcrLabelsFile,
    ProfilesFile,
    SubjectTagsFile,
    ZonesFile,
    load_data,
)
from cablethread.errors import DataFileError
from cablethread.fields.directory import Directory, DirectoryError, read_entries
from cablethread.fields.profiles import profiles

DATA = Path(str(resources.files("cablethread").joinpath("data")))


def _copy(tmp_path: Path, name: str, text: str | None = None, *, bom: bool = False) -> Path:
    """A folder laid out as ``cablethread/data/`` holding ``name``: the package's own, or
    ``text``."""
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    body = (DATA / name).read_text("utf-8") if text is None else text
    target.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8"))
    return tmp_path


def test_every_data_file_has_a_shape() -> None:
    packaged = {
        path.relative_to(DATA).as_posix()
        for path in DATA.rglob("*.toml")
        if path.relative_to(DATA).parts[0] != "directory"
    }
    assert sorted(FILES.values()) == sorted(packaged)


@pytest.mark.parametrize("shape", list(FILES), ids=list(FILES.values()))
def test_every_packaged_file_loads_and_validates(shape: type[BaseModel]) -> None:
    value = load_data(shape)
    assert isinstance(value, shape)
    # Read once per process: the same object each time.
    assert load_data(shape) is value


def test_every_directory_file_loads_and_validates() -> None:
    for path in sorted((DATA / "directory").glob("*.toml")):
        assert path.stem in profiles()
        assert len(Directory.for_profile(path.stem)) > 0


def test_values_are_typed() -> None:
    est = load_data(ZonesFile).root["EST"].readings[0]
    assert (est.offset, est.zones[0]) == ("-05:00", "America/New_York")
    assert load_data(ProfilesFile).root["nz-mfat"].dayfirst is True
    assert load_data(LanguagesFile).root["en"].labels("from") == ("From",)
    assert load_data(OcrDebrisFile).max_letters == 6


def test_a_copy_loads_from_another_root(tmp_path: Path) -> None:
    root = _copy(tmp_path, "zones.toml")
    assert load_data(ZonesFile, root=root) == load_data(ZonesFile)


def test_a_value_of_the_wrong_shape_names_the_file_and_key(tmp_path: Path) -> None:
    text = (
        (DATA / "zones.toml").read_text("utf-8").replace('offset = "-06:00"', 'offset = "-0600"', 1)
    )
    root = _copy(tmp_path, "zones.toml", text)
    with pytest.raises(DataFileError) as caught:
        load_data(ZonesFile, root=root)
    error = caught.value
    assert error.file == str(root / "zones.toml")
    assert error.key == "CST.readings[0].offset"
    assert str(error).startswith(f"{root / 'zones.toml'}: CST.readings[0].offset: String should")
    assert str(error).endswith(", not '-0600'")


def test_a_missing_key_is_named(tmp_path: Path) -> None:
    root = _copy(tmp_path, "ocr/redaction_debris.toml", 'box_letters = "aceos"\n')
    with pytest.raises(DataFileError, match=r"redaction_debris\.toml: box_marks: Field required"):
        load_data(OcrDebrisFile, root=root)


def test_an_unknown_key_is_named(tmp_path: Path) -> None:
    text = (DATA / "profiles.toml").read_text("utf-8") + '\n[generic2]\nname = "x"\n'
    text = text.replace("[us-nih]\nname", '[us-nih]\narchive_zone = "UTC"\nname')
    root = _copy(tmp_path, "profiles.toml", text)
    with pytest.raises(DataFileError) as caught:
        load_data(ProfilesFile, root=root)
    assert caught.value.key == "us-nih.archive_zone"
    assert caught.value.problem.startswith("Extra inputs are not permitted (and ")


def test_a_quoted_key_is_written_as_toml_quotes_it(tmp_path: Path) -> None:
    root = _copy(tmp_path, "ocr/labels.toml", '[labels]\n"Sen t" = 5\n')
    with pytest.raises(DataFileError) as caught:
        load_data(OcrLabelsFile, root=root)
    assert caught.value.key == 'labels."Sen t"'
    assert caught.value.problem == "Input should be a valid string, not 5"


def test_a_string_is_never_read_as_a_flag(tmp_path: Path) -> None:
    text = (
        (DATA / "profiles.toml").read_text("utf-8").replace("dayfirst = true", 'dayfirst = "yes"')
    )
    with pytest.raises(DataFileError, match=r"nz-mfat\.dayfirst: Input should be a valid boolean"):
        load_data(ProfilesFile, root=_copy(tmp_path, "profiles.toml", text))


def test_a_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    root = _copy(tmp_path, "subject_tags.toml", '# tags\n\ntags == ["EXTERNAL"]\n')
    with pytest.raises(DataFileError) as caught:
        load_data(SubjectTagsFile, root=root)
    assert caught.value.key is None
    assert caught.value.problem.startswith("not valid TOML: ")
    assert "(at line 3, column" in caught.value.problem


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"subject_tags\.toml: no such file$"):
        load_data(SubjectTagsFile, root=tmp_path)


def test_bytes_that_are_not_utf8_are_named(tmp_path: Path) -> None:
    (tmp_path / "subject_tags.toml").write_bytes(b'tags = ["\xff"]\n')
    with pytest.raises(DataFileError, match=r"subject_tags\.toml: not UTF-8 text$"):
        load_data(SubjectTagsFile, root=tmp_path)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    root = _copy(tmp_path, "languages.toml", bom=True)
    assert load_data(LanguagesFile, root=root) == load_data(LanguagesFile)


def test_a_shape_without_a_file_is_refused() -> None:
    with pytest.raises(TypeError, match="not the shape of a data file"):
        load_data(BaseModel)


def test_the_data_file_error_is_a_value_error() -> None:
    assert issubclass(DataFileError, ValueError)


def test_directory_files_keep_their_own_errors(tmp_path: Path) -> None:
    # The directory shares the decoding step; its errors and their words stay its own.
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b'\xef\xbb\xbf[[entry]]\ncode = "PARIS"\nkind = "post"\n')
    assert [entry.code for entry in read_entries(bom)] == ["PARIS"]
    broken = tmp_path / "broken.toml"
    broken.write_text('[[entry]\ncode = "PARIS"\n', "utf-8")
    with pytest.raises(DirectoryError) as caught:
        read_entries(broken)
    assert not isinstance(caught.value, DataFileError)
    assert str(caught.value).startswith(f"{broken}: not valid TOML: ")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe")
    with pytest.raises(DirectoryError, match=r"binary\.toml: not UTF-8 text$"):
        read_entries(binary)
