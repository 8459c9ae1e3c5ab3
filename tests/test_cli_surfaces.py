"""The command line through its real entry point: nothing lost to a closed pipe, standard input
and output, folders and globs, the version, outputs checked before any reading."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
SEED = ROOT / "examples" / "mfat_xinjiang_oia.txt"
# A listing far longer than a pipe's buffer, so that ``| head -1`` closes it mid-way.
NIH = ROOT / "tests" / "data" / "nih" / "nih_fauci_foia_ocr.txt"


def cablethread(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cablethread", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_exports_are_written_whole_when_the_listing_meets_a_closed_pipe(tmp_path: Path) -> None:
    # ``cablethread parse --json o.json --graphml g.graphml FILE | head -1``
    out_json, out_graphml = tmp_path / "o.json", tmp_path / "g.graphml"
    command = (
        f"{sys.executable} -m cablethread parse --json {out_json} --graphml {out_graphml} "
        f"{NIH} | head -1"
    )
    done = subprocess.run(command, shell=True, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0
    assert done.stdout.decode().startswith("m-")
    assert len(json.loads(out_json.read_text("utf-8"))["messages"]) > 3000
    assert out_graphml.read_text("utf-8").rstrip().endswith("</graphml>")


def test_a_bad_output_path_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "o.json"
    # The input does not exist either: the output is checked first.
    done = cablethread("parse", "--json", str(missing), str(tmp_path / "nothing.txt"))
    assert done.returncode == 2
    assert b"cannot write JSON" in done.stderr and b"no folder" in done.stderr


def test_dash_reads_standard_input_and_writes_one_export_to_standard_output() -> None:
    done = cablethread("parse", "--json", "-", "-", stdin=SEED.read_bytes())
    assert done.returncode == 0, done.stderr
    release = json.loads(done.stdout)
    assert release["sources"] == ["<stdin>"]
    assert len(release["messages"]) == 23
    assert b"23 messages" in done.stderr


CP1252_BLOCK = b"From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\nSubject: caf\xe9\n"


def test_standard_input_is_decoded_and_limited_as_a_file_is() -> None:
    # It was read as the terminal's text: cp1252 came out as escapes (caf\udce9), UTF-16 as
    # nothing, and --max-size did not hold.
    done = cablethread("parse", "--format", "json", "-", stdin=CP1252_BLOCK)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["subject"] == "café"
    done = cablethread("diagnostics", "-", stdin=CP1252_BLOCK)
    assert b"<stdin>: warning: input-decoded-cp1252" in done.stdout
    utf16 = CP1252_BLOCK.decode("cp1252").encode("utf-16")
    done = cablethread("parse", "--format", "json", "-", stdin=utf16)
    assert json.loads(done.stdout)["subject"] == "café"
    done = cablethread("parse", "--max-size", "1K", "-", stdin=SEED.read_bytes())
    assert done.returncode == 2
    assert b"<stdin>: it holds more than the limit of 1,024 bytes" in done.stderr


def test_standard_input_is_read_on_a_pool_of_workers_too() -> None:
    done = cablethread("parse", "--jobs", "2", "--json", "-", "-", str(SEED), stdin=CP1252_BLOCK)
    assert done.returncode == 0, done.stderr
    release = json.loads(done.stdout)
    assert release["sources"] == ["<stdin>", str(SEED)]
    assert any(m["subject"] and m["subject"]["text"] == "café" for m in release["messages"])


def test_a_pdf_on_standard_input_is_read_through_its_text_layer() -> None:
    pdf = ROOT / "tests" / "data" / "mfat_xinjiang_oia.pdf"
    done = cablethread("parse", "-", stdin=pdf.read_bytes())
    assert done.returncode == 0, done.stderr
    assert b"23 messages" in done.stderr


def test_only_one_export_may_go_to_standard_output() -> None:
    done = cablethread("parse", "--json", "-", "--graphml", "-", str(SEED))
    assert done.returncode == 2
    assert b"only one export" in done.stderr


def test_a_folder_stands_for_its_files_and_a_quoted_glob_is_expanded(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SEED, tmp_path / "sub" / "b.txt")
    (tmp_path / "notes.md").write_text("From: nobody\n", "utf-8")
    by_folder = cablethread("parse", "--json", "-", str(tmp_path))
    assert by_folder.returncode == 0, by_folder.stderr
    sources = json.loads(by_folder.stdout)["sources"]
    assert [Path(s).name for s in sources] == ["a.txt", "b.txt"]
    by_glob = cablethread("parse", "--json", "-", "*.txt", cwd=tmp_path)
    assert json.loads(by_glob.stdout)["sources"] == ["a.txt"]
    only_md = cablethread("parse", "--glob", "*.md", "--json", "-", str(tmp_path))
    assert [Path(s).name for s in json.loads(only_md.stdout)["sources"]] == ["notes.md"]
    nothing = cablethread("parse", "*.pdf", cwd=tmp_path)
    assert nothing.returncode == 2 and b"no file matches" in nothing.stderr


def test_version() -> None:
    done = cablethread("--version")
    assert done.returncode == 0
    assert done.stdout.decode().startswith("cablethread ")


def test_csv_for_excel_opens_with_a_byte_order_mark_and_reads_back(tmp_path: Path) -> None:
    plain, excel = tmp_path / "plain", tmp_path / "excel"
    assert cablethread("parse", "--csv", str(plain), str(SEED)).returncode == 0
    done = cablethread("parse", "--csv", str(excel), "--csv-excel", str(SEED))
    assert done.returncode == 0, done.stderr
    raw = (excel / "messages.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not (plain / "messages.csv").read_bytes().startswith(
        b"\xef\xbb\xbf"
    )
    # Read back with the mark taken off, the rows are those of the plain file.
    assert (excel / "messages.csv").read_text("utf-8-sig") == (plain / "messages.csv").read_text(
        "utf-8"
    )
    assert (excel / "edges.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_diagnostics_always_name_their_file_and_no_line_is_printed_twice() -> None:
    done = cablethread("diagnostics", str(SEED))
    assert done.returncode == 0
    lines = done.stdout.decode().splitlines()
    assert lines and not any(line.startswith("<text>") for line in lines)
    assert all(line.startswith(str(SEED)) for line in lines)
    assert len(lines) == len(set(lines))


def test_listing_as_tsv_and_json_lines() -> None:
    tsv = cablethread("parse", "--format", "tsv", str(SEED))
    rows = [line.split("\t") for line in tsv.stdout.decode().splitlines()]
    assert rows[0][:3] == ["id", "thread_id", "sender"]
    assert len(rows) == 24 and all(len(row) == len(rows[0]) for row in rows)
    lines = cablethread("parse", "--format", "json", str(SEED)).stdout.decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 23
    assert records[0]["sender"] == "NAD" and records[0]["sent_utc"] == "2019-07-10T23:25:00+00:00"
