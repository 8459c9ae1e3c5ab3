"""Collation: every printing of a message compared, on real printings redacted differently."""

from __future__ import annotations

import csv
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import cablethread
from cablethread.export.schema import schema_json
from cablethread.messages import collate
from cablethread.messages.collate import (
    DIFFERENCE_COLUMNS,
    REDACTION_SUMMARY_COLUMNS,
    redaction_summary_records,
)
from cablethread.models import Collation, Difference

ROOT = Path(__file__).resolve().parent.parent
COLLATION = ROOT / "tests" / "data" / "collation"


def _parse(*names: str) -> cablethread.Release:
    return cablethread.parse_many([COLLATION / name for name in names])


def _collation(release: cablethread.Release, subject: str, first_line: int = 0) -> Collation:
    """The collation of the message with ``subject`` (whose first printing's header begins at
    ``first_line``, where one subject heads two messages)."""
    found = [
        c
        for c in release.collations
        if (message := release.message(c.message_id)).subject is not None
        and message.subject.text == subject
        and first_line in (0, c.printings[0].span.start)
    ]
    assert len(found) == 1, [c.message_id for c in found]
    return found[0]


def _source(collation: Collation, difference: Difference, side: str) -> str:
    printing = getattr(difference, side).printing
    return Path(collation.printings[printing].source or "").name


@pytest.fixture(scope="module")
def nathanson() -> cablethread.Release:
    return _parse("nathanson_released_C05783040.txt", "nathanson_withheld_b6_C05783415.txt")


@pytest.fixture(scope="module")
def pakistan() -> cablethread.Release:
    return _parse(
        "pakistan_aid_b5_beside_line_C05770995.txt",
        "pakistan_aid_no_code_C05771014.txt",
        "pakistan_aid_ocr_C05776435.txt",
        "pakistan_aid_reply_C05776434.txt",
    )


# --- the seed ------------------------------------------------------------------------------


def test_seed_messages_printed_twice_are_collated(seed: cablethread.Release) -> None:
    printed_twice = [m for m in seed.messages if len(m.occurrences) > 1]
    assert [c.message_id for c in seed.collations] == [m.id for m in printed_twice]
    first = seed.collations[0]
    assert [(p.span.start, p.span.end) for p in first.printings] == [(14, 22), (405, 413)]
    assert first.printings[0].words == first.printings[1].words > 0
    assert first.differences == [] and first.unaligned == []


def test_seed_printings_withhold_alike_so_no_redaction_difference_is_claimed(
    seed: cablethread.Release,
) -> None:
    # Both printings of each message carry the same s6(a), s6(b) and s9(2)(g)(i) in the same
    # places: nothing was withheld in one and released in the other.
    kinds = {d.kind for c in seed.collations for d in c.differences}
    assert kinds == {"ocr"}
    spelled = [d for c in seed.collations for d in c.differences]
    assert {(d.a.text, d.b.text) for d in spelled} == {("Uighurs", "Uyghurs")}
    assert all(d.a.span.start == 251 and d.b.span.start == 642 for d in spelled)
    assert all("1 letter edit" in d.evidence for d in spelled)


def test_collations_only_add_to_the_json(seed: cablethread.Release) -> None:
    document = json.loads(seed.to_json())
    assert list(document)[-1] == "collations"
    without = seed.model_copy(update={"collations": []})
    assert json.loads(without.to_json()) == {**document, "collations": []}
    assert cablethread.Release.model_validate_json(seed.to_json()) == seed


def test_schema_describes_collations() -> None:
    schema = json.loads(schema_json())
    assert "collations" in schema["properties"]
    difference = schema["$defs"]["Difference"]
    assert difference["properties"]["kind"]["enum"] == [
        "withheld-here",
        "code-only",
        "ocr",
        "truncated",
        "other",
    ]
    for name in ("Collation", "CollatedPrinting", "Difference", "DifferenceSide"):
        model = schema["$defs"][name]
        assert model["additionalProperties"] is False
        assert all(prop.get("description") for prop in model["properties"].values()), name


# --- withheld-here ---------------------------------------------------------------------------


def test_name_withheld_beside_b6_in_one_printing_and_printed_in_the_other(
    nathanson: cablethread.Release,
) -> None:
    collation = _collation(nathanson, "FW: East-West Center Board")
    [difference] = collation.differences
    assert difference.kind == "withheld-here"
    assert difference.a.text == "Marc Nathanson" and difference.a.codes == []
    assert _source(collation, difference, "a") == "nathanson_released_C05783040.txt"
    assert difference.b.text == ""
    assert [(c.code, c.ground) for c in difference.b.codes] == [("b6", "FOIA (b)(6)")]
    assert difference.withheld_in == difference.b.printing
    assert (difference.a.span.start, difference.b.span.start) == (23, 71)
    assert "B6 (FOIA (b)(6)) on line 71" in difference.evidence


def test_withheld_here_in_the_body_beside_a_code_and_in_a_blank_without_one(
    nathanson: cablethread.Release,
) -> None:
    collation = _collation(nathanson, "East-West Center Board")
    withheld = [d for d in collation.differences if d.kind == "withheld-here"]
    assert [(d.a.text, d.b.text, [c.code for c in d.b.codes]) for d in withheld] == [
        ("Suanne:", "", ["b6"]),
        # ``,ovould`` is what OCR made of ``would`` at the blank's edge.
        ("Mr. Nathanson would", ",ovould", ["b6"]),
        # ``Let me know if               would be interested``: a blank inside the line.
        ("Mr. Nathanson", "", []),
    ]
    assert "OCR form" in withheld[1].evidence
    assert "15 columns blank between 'if' and 'would' on line 123" in withheld[2].evidence
    # The released text is printed in the other printing, and nothing else is called withheld.
    others = [d for d in collation.differences if d.kind != "withheld-here"]
    assert [d.kind for d in others] == ["ocr"]


# --- code-only and ocr -------------------------------------------------------------------------


def test_b5_beside_a_line_both_printings_print_alike_is_code_only(
    pakistan: cablethread.Release,
) -> None:
    collation = _collation(
        pakistan, "FW: Billions of aid dollars buy U.S. little goodwill in Pakistan", 46
    )
    sources = [Path(p.source or "").name for p in collation.printings]
    assert [s[-13:-4] for s in sources] == ["C05770995", "C05771014", "C05776435", "C05776434"]
    beside = [
        d
        for d in collation.differences
        if d.kind == "code-only" and "Note the comment in the" in d.a.text
    ]
    # The one printing with the code against each of the three without it.
    assert [d.b.printing for d in beside] == [1, 2, 3]
    for difference in beside:
        assert difference.withheld_in == 0
        assert [c.code for c in difference.a.codes] == ["b5"] and difference.b.codes == []
        assert difference.a.span.start == 69
        assert difference.a.text.split() == difference.b.text.split()
    assert "beside 'implementing partners frequently raise Note the comment in" in (
        beside[0].evidence
    )
    assert not [d for d in collation.differences if d.kind == "withheld-here"]


def test_words_read_otherwise_by_ocr_are_ocr_not_redactions(
    pakistan: cablethread.Release,
) -> None:
    collation = _collation(
        pakistan, "FW: Billions of aid dollars buy U.S. little goodwill in Pakistan", 46
    )
    ocr = {
        (d.a.text, d.b.text)
        for d in collation.differences
        if d.kind == "ocr" and d.a.printing == 0 and d.b.printing == 2
    }
    # ``I just sent to Raj`` / ``I iust sent to Rai``; the ``im`` mark below the signature.
    assert ocr == {("just", "iust"), ("Raj", "Rai"), ("im", "")}
    assert all(d.a.codes == d.b.codes == [] for d in collation.differences if d.kind == "ocr")


# --- truncated, other and unaligned --------------------------------------------------------------


def test_printing_cut_at_a_page_is_truncated() -> None:
    release = _parse("libya_update_cut_at_page_C05739783.txt", "libya_update_whole_C05782879.txt")
    [collation] = release.collations
    [cut] = [d for d in collation.differences if d.kind == "truncated"]
    assert cut.a.text == "" and cut.a.span.start == 63
    assert cut.b.text.startswith("10. Situation on the ground: definitely returning to normal")
    assert cut.b.text.endswith("This email is UNCLASSIFIED.")
    assert "body ends at line 63" in cut.evidence
    kinds = {d.kind for d in collation.differences}
    assert kinds == {"ocr", "other", "truncated"}
    # ``2e,`` for ``24th,`` is three edits in five letters: too many to call noise; no code
    # beside it, so it is no redaction either.
    [other] = [d for d in collation.differences if d.kind == "other"]
    assert (other.a.text, other.b.text) == ("2e,", "24th,")
    assert "no withholding code" in other.evidence


def test_a_printing_whose_body_was_read_short_is_not_called_cut() -> None:
    release = _parse(
        "npr_quotation_wrapped_without_marks_C05794117.txt", "npr_message_C05790643.txt"
    )
    [collation] = release.collations
    [difference] = collation.differences
    # ``> Turns out we are having …`` and then ``can't get on air, …`` without the mark: the
    # quotation goes on below the line read as the end of its body.
    assert difference.kind == "other"
    assert difference.a.text == "" and difference.b.text.startswith("can't get on air")
    assert "after the lines read as its body (from line 26)" in difference.evidence


def test_a_code_beside_the_header_in_one_printing_and_under_it_in_another_is_layout() -> None:
    release = _parse("saud_codes_beside_header_C05790877.txt", "saud_codes_in_body_C05778075.txt")
    collation = _collation(release, "Saud")
    assert [(d.kind, [c.code for c in d.b.codes]) for d in collation.differences] == [
        ("other", ["1.4(d)"]),
        ("other", ["b1"]),
    ]
    assert all("beside its header block" in d.evidence for d in collation.differences)


def test_a_declassification_stamp_run_into_a_line_is_not_the_messages_words() -> None:
    release = _parse(
        "craner_without_stamp_C05787990.txt", "craner_declassification_stamp_C05784944.txt"
    )
    # ``This is cool.   Classified by DAS, A/GIS, DoS on 09/30/2015 — … — Declassify`` and
    # ``on: 05/24/2026`` below it, against ``This is cool.``: the printings agree.
    assert len(release.collations) == 4
    assert all(c.differences == [] for c in release.collations)


def test_printings_too_different_to_align_get_a_diagnostic() -> None:
    release = _parse("mansplainer_link_C05796794.txt", "mansplainer_link_ocr_C05798046.txt")
    [collation] = release.collations
    assert collation.differences == [] and collation.unaligned == [[0, 1]]
    [diagnostic] = [d for d in release.diagnostics if d.code == "collation-unaligned"]
    assert "were not compared" in diagnostic.message
    assert diagnostic.span == collation.printings[0].body_span
    assert diagnostic.related == collation.printings[1].body_span


def test_every_difference_names_its_evidence_and_only_printed_text_is_released(
    nathanson: cablethread.Release, pakistan: cablethread.Release
) -> None:
    for release in (nathanson, pakistan):
        for collation in release.collations:
            for difference in collation.differences:
                assert difference.evidence
                assert difference.a.printing < difference.b.printing
                if difference.kind == "withheld-here":
                    released = (
                        difference.b
                        if difference.withheld_in == difference.a.printing
                        else (difference.a)
                    )
                    assert released.text and not released.codes
                    source = collation.printings[released.printing].source
                    assert source is not None
                    lines = Path(source).read_text(encoding="utf-8").split("\n")
                    printed = " ".join(" ".join(lines[n - 1].split()) for n in released.span.lines)
                    assert all(word in printed for word in released.text.split())


# --- redaction summary ---------------------------------------------------------------------------


def test_redaction_summary_measures_what_collation_found_withheld(
    nathanson: cablethread.Release,
) -> None:
    rows = {
        (Path(row["source"] or "").name, row["sender"], row["ground"]): row
        for row in redaction_summary_records(nathanson)
    }
    withheld = "nathanson_withheld_b6_C05783415.txt"
    b6 = rows[(withheld, "Samuelson, Heather F", "FOIA (b)(6)")]
    # ``Marc Nathanson``, ``Suanne:`` and ``Mr. Nathanson would``, each beside a B6.
    assert (b6["words_withheld"], b6["lines_withheld"], b6["month"]) == (6, 3, "2011-10")
    assert b6["collated_printings"] == 2 and b6["body_words"] is not None
    assert b6["share_withheld"] == pytest.approx(6 / (b6["body_words"] + 6))
    # ``if               would``: blanked with no code, so no ground.
    blank = rows[(withheld, "Samuelson, Heather F", None)]
    assert (blank["codes"], blank["words_withheld"]) == (0, 2)
    # A printing that was not collated has its codes counted and nothing measured.
    uncollated = [row for row in rows.values() if row["collated_printings"] == 0]
    assert uncollated and all(row["words_withheld"] is None for row in uncollated)
    assert all(row["share_withheld"] is None for row in uncollated)


def test_redaction_summary_of_the_seed_as_a_dataframe(seed: cablethread.Release) -> None:
    frame = seed.redaction_summary()
    assert list(frame.columns) == list(REDACTION_SUMMARY_COLUMNS)
    records = redaction_summary_records(seed)
    assert len(frame) == len(records) > 0
    assert set(frame["ground"]) >= {"OIA s6(a)", "OIA s9(2)(g)(i)"}
    # Both printings of each repeated message withhold alike: nothing measured as withheld.
    measured = frame[frame["collated_printings"] > 0]
    assert len(measured) > 0 and (measured["words_withheld"] == 0).all()
    assert frame["codes"].sum() >= sum(len(m.redactions) for m in seed.messages)


def test_redaction_summary_needs_the_pandas_extra(
    seed: cablethread.Release, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.import_module

    def without_pandas(name: str, package: str | None = None) -> object:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real(name, package)

    monkeypatch.setattr(collate.importlib, "import_module", without_pandas)
    with pytest.raises(ImportError, match=r"cablethread\[pandas\]"):
        seed.redaction_summary()


# --- the command -------------------------------------------------------------------------------


def _command(*argv: str, cwd: Path = COLLATION) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cablethread", "collate", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


NATHANSON = ("nathanson_released_C05783040.txt", "nathanson_withheld_b6_C05783415.txt")


def test_collate_command_prints_printings_and_withheld_passages_side_by_side() -> None:
    done = _command(*NATHANSON)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "m-5359c1f789e3  FW: East-West Center Board  (2 printings; 1 withheld-here)"
    )
    assert lines[1] == "  1  nathanson_released_C05783040.txt:18-21, body 22-26, 5 words"
    assert lines[2] == "  2  nathanson_withheld_b6_C05783415.txt:59-69, body 70-74, 3 words"
    assert lines[4:7] == [
        f"    {'[1] lines 23':<48} | [2] lines 71",
        f"    {'Marc Nathanson':<48} | (no words)",
        f"    {'':<48} | codes: B6 FOIA (b)(6)",
    ]
    # Only withheld-here differences are shown unless asked: the OCR one is counted, not shown.
    assert "(2 printings; 1 ocr, 3 withheld-here)" in done.stdout
    assert "eastwestcenter" not in done.stdout
    assert done.stderr == (
        "2 messages printed more than once; differences: 1 ocr, 4 withheld-here\n"
    )
    every = _command("--kind", "ocr", *NATHANSON)
    assert "eastwestcenter" in every.stdout and "Marc Nathanson" not in every.stdout


def test_collate_command_writes_json_and_one_csv_row_per_difference(tmp_path: Path) -> None:
    out_json, out_csv = tmp_path / "collations.json", tmp_path / "differences.csv"
    done = _command("--json", str(out_json), "--csv", str(out_csv), *NATHANSON)
    assert done.returncode == 0, done.stderr
    collations = [Collation.model_validate(item) for item in json.loads(out_json.read_text())]
    assert [c.message_id for c in collations] == ["m-5359c1f789e3", "m-6746f8e93a83"]
    with out_csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == sum(len(c.differences) for c in collations) == 5
    assert list(rows[0]) == list(DIFFERENCE_COLUMNS)
    first = rows[0]
    assert (first["kind"], first["a_text"], first["b_codes"], first["b_grounds"]) == (
        "withheld-here",
        "Marc Nathanson",
        "B6",
        "FOIA (b)(6)",
    )
    assert (first["withheld_in"], first["a_lines"], first["b_lines"]) == ("2", "23", "71")
    # To standard output, as JSON alone.
    piped = _command("--json", "-", *NATHANSON)
    assert [c["message_id"] for c in json.loads(piped.stdout)] == [
        "m-5359c1f789e3",
        "m-6746f8e93a83",
    ]


def test_collate_command_reports_a_missing_file_in_one_line(tmp_path: Path) -> None:
    done = _command(str(tmp_path / "gone.txt"))
    assert done.returncode == 2
    assert done.stderr == f"cablethread: {tmp_path / 'gone.txt'}: no such file\n"


def test_a_message_printed_in_one_input_alone_is_collated_with_it_as_with_the_release() -> None:
    # Collated where its input is read (a worker of parse_many), a message printed in one input
    # alone gets the collation and notes that comparing the release's printings gives; so does
    # one printed in two inputs, and in two inputs of one name (compared once merged).
    from concurrent.futures import ProcessPoolExecutor

    from cablethread.diagnostics import Collector
    from cablethread.messages.document import read_document

    names = ["nathanson_released_C05783040.txt", "nathanson_withheld_b6_C05783415.txt"]
    both = "".join((COLLATION / name).read_text(encoding="utf-8") for name in names)
    # One message printed twice with bodies too different to align.
    head = "From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\nSubject: Visit\n\n"
    both += head + "The minister arrives on Tuesday and stays three nights at the residence.\n\n"
    both += head + "Please send the signed letter to the embassy before the end of the week.\n"
    document = read_document(both, "both.txt", cablethread.Policy.default)
    ready = list(document.collations.values())
    assert [len(done.notes) for done in ready] == [0, 0, 1]
    assert all(done.collation.differences for done in ready[:2])
    pakistan = [COLLATION / "pakistan_aid_b5_beside_line_C05770995.txt"]
    pakistan.append(COLLATION / "pakistan_aid_no_code_C05771014.txt")
    items = [cablethread.SourceText(both, "both.txt"), *pakistan]
    twice = [cablethread.SourceText(both, "both.txt"), cablethread.SourceText(both, "both.txt")]
    for batch in (items, twice):
        release = cablethread.parse_many(batch)
        collector = Collector()
        assert collate.collate(release.messages, release.segments, collector) == release.collations
        unaligned = [d for d in release.diagnostics if d.code == "collation-unaligned"]
        assert unaligned == collector.items and unaligned
        with ProcessPoolExecutor(max_workers=2) as pool:
            assert cablethread.parse_many(batch, executor=pool).to_json() == release.to_json()
