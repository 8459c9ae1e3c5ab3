"""The HTML viewer's page as written: self-contained, small, escaped; the ``view`` command.

What a reader sees in a browser is tested in ``tests/test_viewer_browser.py``.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from hostile_page import HOSTILE, IMG, SCRIPT

import cablethread
from cablethread.cli import main
from cablethread.views.viewer import release_data, release_page, script_json, shown, timeline_svg

ROOT = Path(__file__).parent.parent
SEED = ROOT / "examples" / "mfat_xinjiang_oia.txt"


@pytest.fixture(scope="module")
def seed() -> cablethread.Release:
    return cablethread.parse_file(SEED)


def _data(page: str) -> dict[str, object]:
    found = re.search(
        r'<script type="application/json" id="release-data">(.*?)</script>', page, re.S
    )
    assert found is not None
    loaded: dict[str, object] = json.loads(found[1])
    return loaded


def test_seed_page_is_self_contained_and_under_a_megabyte(seed: cablethread.Release) -> None:
    page = release_page(seed)
    assert len(page.encode("utf-8")) < 1_000_000
    # Nothing is fetched: no external script, style sheet, image, font or frame.
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", page)
    assert "<link" not in page and "@import" not in page and "url(http" not in page
    assert "default-src 'none'" in page
    # The style sheet and the script are the package's data files, written in.
    assert "function chooseMessage" in page and ".tree li:focus" in page


def test_the_data_is_the_release(seed: cablethread.Release) -> None:
    data = _data(release_page(seed))
    assert data == json.loads(json.dumps(release_data(seed)))
    messages = data["messages"]
    assert isinstance(messages, list)
    assert len(messages) == len(seed.messages) + len(seed.placeholders) == 24
    assert [m["id"] for m in messages[-1:]] == [seed.placeholders[0].id]
    assert messages[-1]["placeholder"] is True
    first = messages[0]
    parties = data["parties"]
    assert isinstance(parties, list)
    assert first["from"] == [0, "14"]  # the first party, printed on line 14
    assert parties[0]["name"] == "North Asia Division"
    # Each party is written once, however many messages name it.
    assert len(parties) == len({tuple(p.values()) for p in parties})
    assert first["zone"] == "NZST" and first["utc"] == "2019-07-10 23:25Z"
    assert first["body"][0] == 23  # the first printing's body starts on line 23
    codes = data["codes"]
    assert isinstance(codes, dict)
    assert codes["s6(a)"][0] == "OIA s6(a)"
    assert len(data["threads"]) == 6  # type: ignore[arg-type]


def test_a_timeline_for_every_thread_of_two_or_more(seed: cablethread.Release) -> None:
    page = release_page(seed)
    several = [i for i, t in enumerate(seed.threads) if len(t.message_ids) > 1]
    assert re.findall(r'<template id="tl-(\d+)">', page) == [str(i) for i in several]
    svg = timeline_svg(seed, seed.threads[3])
    # One lane per home zone of the senders, one point per message, one arrow per reply link.
    assert svg.count('class="tl-zone"') == 3
    assert svg.count('class="tl-point"') == 15
    assert svg.count('class="tl-link"') == 14


def test_script_json_cannot_end_its_element() -> None:
    text = script_json({"a": SCRIPT + "<!-- \u2028\u2029 & >"})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": SCRIPT + "<!-- \u2028\u2029 & >"}


def test_controls_and_bidi_are_shown_not_obeyed() -> None:
    assert shown("a\u202eb\u2066c\x1bd\te\nf") == "a[U+202E]b[U+2066]c[U+001B]d\te\nf"
    assert shown("lone \udc80") == "lone \ufffd"


def test_hostile_text_is_never_markup() -> None:
    release = cablethread.parse(HOSTILE)
    assert len(release.messages) == 2
    page = release_page(release)
    # The only script elements are the page's own: the data and the script.
    assert page.count("<script") == 2 and page.count("</script>") == 2
    for needle in ("<img", "<svg onload", "<a href", "<!-- <template", "\u202e", "\u2028"):
        assert needle not in page
    # In the timeline (markup written here) the sender is escaped text.
    assert "&lt;svg onload=&quot;window.__pwned=6&quot;&gt;" in page
    data = _data(page)
    messages = data["messages"]
    assert isinstance(messages, list)
    assert data["parties"][messages[0]["from"][0]]["raw"] == SCRIPT  # type: ignore[index]
    assert IMG in messages[0]["subject"]
    assert "[U+202E]txt.exe" in messages[0]["body"][1]


def test_write_html_replaces_the_file_whole(seed: cablethread.Release, tmp_path: Path) -> None:
    target = tmp_path / "release.html"
    target.write_text("old")
    cablethread.write_html(seed, target)
    assert target.read_text(encoding="utf-8") == release_page(seed)
    assert [p.name for p in tmp_path.iterdir()] == ["release.html"]
    buffer = io.BytesIO()
    cablethread.write_html(seed, buffer)
    assert buffer.getvalue() == target.read_bytes()
    with pytest.raises(FileExistsError):
        cablethread.write_html(seed, tmp_path)


def test_view_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    target = tmp_path / "release.html"
    assert main(["view", "examples/mfat_xinjiang_oia.txt", "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert err == f"23 messages, 6 threads, 15 diagnostics; wrote {target}\n"
    assert target.read_bytes() == release_page(
        cablethread.parse_many(["examples/mfat_xinjiang_oia.txt"])
    ).encode("utf-8")


def test_view_command_refuses_an_output_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The input does not exist: an output error first means it was never read.
    missing = str(tmp_path / "no-such-release.txt")
    assert main(["view", missing, "-o", str(tmp_path / "gone" / "x.html")]) == 2
    assert "no folder" in capsys.readouterr().err
    assert main(["view", missing, "-o", str(tmp_path)]) == 2
    assert "it is a folder" in capsys.readouterr().err
    assert main(["view", str(SEED)]) == 2
    assert "-o/--output" in capsys.readouterr().err


def test_view_command_to_standard_output(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["view", "examples/mfat_xinjiang_oia.txt", "-o", "-"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out == release_page(
        cablethread.parse_many(["examples/mfat_xinjiang_oia.txt"])
    ).encode("utf-8")
    assert captured.err == b"23 messages, 6 threads, 15 diagnostics\n"
