"""The ``cablethread`` command: its subcommands, outputs and exit codes."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cablethread
from cablethread.cli import commands as cli
from cablethread.cli.commands import COMMANDS, main

DATA = Path(__file__).parent / "data"
SEED = str(DATA / "mfat_xinjiang_oia.txt")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_parse_prints_one_line_per_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", SEED)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 23
    assert lines[0].startswith("m-ebe89fddf502  2019-07-11 11:25  NAD")
    assert lines[0].endswith("[lines 14-22, 405-413]")
    assert err.strip() == "23 messages, 6 threads, 15 diagnostics"


def test_parse_writes_every_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, _ = run(
        capsys,
        "parse",
        SEED,
        "--json",
        str(tmp_path / "release.json"),
        "--graphml",
        str(tmp_path / "reply.graphml"),
        "--party-graphml",
        str(tmp_path / "party.graphml"),
        "--node-link",
        str(tmp_path / "graph.json"),
        "--csv",
        str(tmp_path / "tables"),
    )
    assert code == 0
    names = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert names == [
        "graph.json",
        "party.graphml",
        "release.json",
        "reply.graphml",
        "tables/edges.csv",
        "tables/messages.csv",
    ]


def test_threads_prints_the_six_threads_as_trees(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "threads", SEED)
    assert code == 0
    assert err == "6 threads, 23 messages, 1 placeholder\n"
    expected = (DATA / "mfat_xinjiang_oia.threads.txt").read_text(encoding="utf-8")
    assert out == expected
    blocks = out.strip().split("\n\n")
    assert [block.splitlines()[0].split("  ")[1].split(",")[0] for block in blocks] == [
        "2 messages",
        "1 message",
        "3 messages",
        "15 messages",
        "1 message",
        "1 message",
    ]
    assert "[missing] FORMAL MESSAGE: XINJIANG" in blocks[4]
    assert "└ [placeholder 0.5]" in blocks[4]


def test_threads_under_another_mode(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "threads", "--tz-mode", "infer", SEED)
    assert code == 0 and out.count("\n\n") == 5


def test_show_prints_fields_and_redactions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", SEED, "--message", "m-96facfbe2619")
    assert code == 0
    assert "  From:        GENEVA" in out
    assert "  Sent:        Saturday, 6 July 2019 4:53 AM" in out
    assert "line 1021  s6(a), printed 'i(a)'" in out
    assert "Reply to:    m-c1eb58c148a4 (printed-chain, confidence 0.95)" in out


def test_show_every_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", SEED)
    assert code == 0 and out.count("  From:") == 23


def test_show_unknown_message_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", SEED, "--message", "m-nothing")
    assert (code, out) == (2, "")
    assert err == "cablethread: no message m-nothing in the input\n"


def test_diagnostics(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "diagnostics", SEED)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 15
    assert sum(": info: thread-placeholder: " in line for line in lines) == 1
    assert f"{SEED}:1021: info: redaction-ocr-damaged: " in out
    assert err.strip() == "15 diagnostics: 15 info, 0 warnings, 0 errors"
    code, out, _ = run(capsys, "diagnostics", "--min-severity", "warning", SEED)
    assert (code, out) == (0, "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "missing.txt"], "cablethread: missing.txt: no such file"),
        (
            ["parse", "--archive-tz", "Mars/Olympus", SEED],
            "cablethread parse: error: argument --archive-tz: unknown IANA time zone "
            "'Mars/Olympus'; give a name of the IANA database, e.g. Pacific/Auckland or "
            "America/New_York (see cablethread parse --help)",
        ),
        (
            ["parse", "--archive-tz", "localtime", SEED],
            "cablethread parse: error: argument --archive-tz: unknown IANA time zone "
            "'localtime'; 'localtime' is a file of this machine's zone folder, not a zone of the "
            "IANA database: name the zone itself, e.g. Pacific/Auckland "
            "(see cablethread parse --help)",
        ),
        (
            ["threads", "--profile", "nowhere", SEED],
            "cablethread threads: error: argument --profile: invalid choice: 'nowhere'",
        ),
        (
            ["parse", "--jobs", "many", SEED],
            "cablethread parse: error: argument --jobs/-j: --jobs takes a number of processes, "
            "not 'many'",
        ),
        (["parse"], "cablethread parse: error: the following arguments are required: FILE"),
        ([], "cablethread: error: the following arguments are required: COMMAND"),
        (["frobnicate"], "cablethread: error: argument COMMAND: invalid choice: 'frobnicate'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(message)


def test_binary_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "scan.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR binary")
    code, out, err = run(capsys, "threads", str(binary))
    assert (code, out) == (2, "")
    assert err.startswith(f"cablethread: {binary}: not a text file") and err.count("\n") == 1


def test_damaged_pdf_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    damaged = tmp_path / "scan.pdf"
    damaged.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    code, out, err = run(capsys, "threads", str(damaged))
    assert (code, out) == (2, "")
    assert err.startswith(f"cablethread: {damaged}: not a readable PDF") and err.count("\n") == 1


def test_unwritable_output_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "parse", SEED, "--json", str(tmp_path / "no" / "such" / "x.json"))
    assert code == 2
    assert err.splitlines()[-1].startswith("cablethread: cannot write JSON to ")


def test_strict_exits_1_on_a_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text("A briefing note with no email in it.\n", encoding="utf-8")
    code, _, err = run(capsys, "parse", "--strict", str(memo))
    assert code == 1
    assert "input-no-headers" in err and err.count("\n") == 1
    code, _, _ = run(capsys, "parse", str(memo))
    assert code == 0


def test_strict_seed_has_no_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "parse", "--strict", SEED)[0] == 0


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_every_command_has_help_with_an_example(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert "examples:\n  cablethread " + command in out
    assert "exit codes:" in out


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert all(command.name in out for command in COMMANDS)


def _copies(folder: Path, count: int) -> list[str]:
    """``count`` files holding the seed release, each its own input."""
    paths = [folder / f"release-{n}.txt" for n in range(count)]
    for path in paths:
        shutil.copy(SEED, path)
    return [str(path) for path in paths]


def test_progress_bar_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    two, three = _copies(tmp_path, 2), _copies(tmp_path, 3)
    code, _, err = run(capsys, "parse", *two)
    assert code == 0 and "parsing" not in err

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["parse", *two]) == 0
    shown = terminal.getvalue()
    # tqdm's bar: the files read of how many, the unit, drawn in place and cleared at the end.
    assert "parsing:" in shown and "/2 [" in shown and "file/s" in shown
    assert shown.count("\r") >= 2

    # Read on processes, the bar is drawn too.
    terminal.seek(0)
    terminal.truncate()
    assert main(["parse", "--jobs", "2", *three]) == 0
    shown = terminal.getvalue()
    assert "parsing:" in shown and "/3 [" in shown


def test_no_progress_bar_without_tqdm(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # import tqdm.auto raises ImportError
    assert main(["parse", *_copies(tmp_path, 2)]) == 0
    assert "parsing" not in terminal.getvalue()
    assert "23 messages" in terminal.getvalue()


def test_parse_many_progress_counts_every_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    release = cablethread.parse_many(_copies(tmp_path, 2), progress=True)
    assert len(release.messages) == 23
    assert "parsing:" in (err := capsys.readouterr().err) and "/2 [" in err


def test_commands_are_one_function_each() -> None:
    for command in COMMANDS:
        assert command.run.__name__ == f"run_{command.name}"
    assert cli.build_parser().prog == "cablethread"


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cablethread", "threads", SEED],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout == (DATA / "mfat_xinjiang_oia.threads.txt").read_text(encoding="utf-8")
    missing = subprocess.run(
        [sys.executable, "-m", "cablethread", "show", str(tmp_path / "gone.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2
    assert missing.stderr == f"cablethread: {tmp_path / 'gone.txt'}: no such file\n"


def test_jobs_read_the_files_on_processes_with_the_serial_result(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The seed cut into three releases at header blocks, read on two processes.
    lines = Path(SEED).read_text(encoding="utf-8").splitlines(keepends=True)
    cuts = [0, lines.index("From: NAD\n", 400), lines.index("From: NAD\n", 700), len(lines)]
    files = []
    for index in range(3):
        path = tmp_path / f"part-{index}.txt"
        path.write_text("".join(lines[cuts[index] : cuts[index + 1]]), encoding="utf-8")
        files.append(str(path))
    serial = run(capsys, "threads", *files)
    pooled = run(capsys, "threads", "--jobs", "2", *files)
    assert serial[0] == 0
    assert pooled == serial
    assert serial[2].strip() == "6 threads, 23 messages, 1 placeholder"


def test_an_output_that_is_an_input_is_refused_and_the_input_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # `cablethread parse --json release.txt release.txt` replaced the release with its JSON.
    (release,) = _copies(tmp_path, 1)
    before = Path(release).read_bytes()
    link = tmp_path / "link.txt"
    link.symlink_to(release)
    for argv in (
        ["parse", "--json", release, release],
        ["parse", "--mbox", str(link), release],
        ["view", "-o", release, release],
        ["collate", "--json", release, release],
        ["parse", "--graphml", release, str(tmp_path)],  # the folder holds it
    ):
        assert main(argv) == 2, argv
        assert "is one of the files to read; writing it would replace it" in capsys.readouterr().err
    assert Path(release).read_bytes() == before
    inside = tmp_path / "tables"
    inside.mkdir()
    shutil.copy(release, inside / "messages.csv")
    assert main(["parse", "--glob", "*.csv", "--csv", str(inside), str(inside)]) == 2
    assert "--csv" in capsys.readouterr().err


def test_two_exports_to_one_file_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The second replaced the first without a word.
    out = tmp_path / "out"
    assert main(["parse", "--json", str(out), "--graphml", str(out), SEED]) == 2
    assert "--json and --graphml both write" in capsys.readouterr().err
    assert not out.exists()


def test_ctrl_c_stops_the_command_with_code_130_and_no_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "parse_many", interrupted)
    assert main(["parse", SEED]) == 130
    err = capsys.readouterr().err
    assert err == "cablethread: interrupted\n"


@pytest.mark.timeout(120)
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")
def test_ctrl_c_on_a_pool_stops_the_command_cleanly(tmp_path: Path) -> None:
    # The pool's workers printed a traceback each, and the command ended killed by the signal
    # (-2), not with the code of an interrupted command.
    files = _copies(tmp_path, 300)  # far more than can be read before the signal
    command = [sys.executable, "-m", "cablethread", "parse", "--jobs", "2", *files]
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a group of its own, as a terminal's Ctrl-C signals
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(2.5)  # past the imports, into the reading
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.decode().strip().splitlines()[-1] == "cablethread: interrupted"
    assert b"Traceback" not in err


def test_show_takes_the_start_of_a_message_id_as_git_takes_a_commits(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "show", "--message", "m-4b5", SEED)
    assert code == 0
    assert "m-4b57e2c5362b" in out and "m-4425d88b86cd" not in out
    code, _, err = run(capsys, "show", "--message", "m-4", SEED)
    assert code == 2
    assert "m-4 begins 2 message ids (m-4425d88b86cd, m-4b57e2c5362b); give more of it" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_folder_names_what_it_leaves_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A FIFO or a link to nothing among a folder's *.txt was dropped without a word.
    _copies(tmp_path, 1)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    code, _, err = run(capsys, "parse", str(tmp_path))
    assert code == 0 and "23 messages" in err
    assert f"{tmp_path / 'pipe.txt'}: left out, not a regular file" in err
    assert f"{tmp_path / 'gone.txt'}: left out, a link to nothing" in err
