"""How a release and a thread show themselves in a notebook and in a console."""

from __future__ import annotations

import xml.dom.minidom

import pytest

import cablethread
from cablethread.views import notebook as display


def test_release_html_summarises_counts_and_threads(seed: cablethread.Release) -> None:
    html = seed._repr_html_()
    assert "23 messages, 1 placeholder, 18 reply edges, 6 threads, 15 diagnostics" in html
    assert html.count("<tr>") == 1 + 23 + 1 + len({d.code for d in seed.diagnostics})
    assert "[missing parent]" in html
    # The fragment is well-formed markup: every tag the summary opens, it closes.
    xml.dom.minidom.parseString(html)


def test_thread_html(seed: cablethread.Release) -> None:
    html = seed.threads[3]._repr_html_()
    assert "Thread t-56b1fd60d7f3" in html and "15 messages" in html
    xml.dom.minidom.parseString(html)


def test_html_escapes_what_the_release_holds() -> None:
    release = cablethread.parse(
        "From: <script>alert(1)</script>\nSent: Thursday, 4 July 2019 5:26 AM\nTo: A&B\n"
        'Subject: RE: "x" <b>bold</b> & ]]>\n'
    )
    html = release._repr_html_()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "&amp; ]]&gt;" in html
    xml.dom.minidom.parseString(html)


def test_text_reprs_are_one_readable_line(seed: cablethread.Release) -> None:
    assert repr(seed) == (
        "<Release sources=['mfat_xinjiang_oia.txt'] messages=23 threads=6 diagnostics=15>"
    )
    assert repr(seed.threads[0]) == (
        "<Thread t-1269a780e6b6: 2 messages, depth 1, "
        "2019-05-16 12:38Z to 2019-07-10 23:25Z, archive>"
    )
    assert str(seed.threads[1]) == repr(seed.threads[1])


def test_release_html_stays_small_for_a_large_release(
    seed: cablethread.Release, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(display, "MAX_ROWS", 5)
    html = seed._repr_html_()
    # Whole threads are shown until the cap is passed: 2 + 1 + 3 messages, then a note.
    assert html.count("<tr>") - 1 - len({d.code for d in seed.diagnostics}) - 1 == 6
    assert "… and 17 more messages" in html
    xml.dom.minidom.parseString(html)


def test_model_reprs_are_one_short_line_of_who_when_what_where(seed: cablethread.Release) -> None:
    message = seed.messages[0]
    text = repr(message)
    assert "\n" not in text and len(text) < 200
    assert text.startswith(f"<Message {message.id} NAD 2019-07-11 11:25 (2019-07-10 23:25Z) ")
    assert text.endswith("lines 14-22, 405-413>")
    assert repr(message.sender) == "<Party 'NAD' division code=NAD line 14>"
    participant = next(p for p in seed.parties if p.code == "NAD")
    assert repr(participant) == (
        f"<Participant 'NAD' division code=NAD sent {len(participant.sent)}, "
        f"received {len(participant.received)}>"
    )
    joined = next(d for d in seed.diagnostics if d.code == "header-subject-joined")
    assert repr(joined).startswith("<Diagnostic info header-subject-joined ")
    # A list of messages, as a notebook shows it, stays a line a message.
    assert repr(seed.messages).count("\n") == 0
    assert len(repr(seed.messages)) < 200 * len(seed.messages)


def test_repr_of_a_hostile_subject_is_one_line() -> None:
    release = cablethread.parse(
        "From: A\nSent: Monday, 1 July 2019 10:00 AM\nTo: B\nSubject: x\n\ny\n"
    )
    message = release.messages[0].model_copy(
        update={"subject": release.messages[0].subject.model_copy(update={"text": "a\nb" * 100})}  # type: ignore[union-attr]
    )
    text = repr(message)
    assert "\n" not in text and len(text) < 200


def test_thread_view_draws_the_reply_tree_with_who_when_and_evidence(
    seed: cablethread.Release,
) -> None:
    thread = seed.threads[3]
    view = seed.thread_view(thread)
    lines = repr(view).splitlines()
    assert len(lines) == 1 + len(thread.message_ids)
    assert lines[1].startswith("2019-06-28 06:56 NZST = 2019-06-27 18:56Z  GENEVA")
    assert lines[2].startswith("└ [printed-chain 0.95] 2019-07-01 07:04 NZST")
    html = view._repr_html_()
    xml.dom.minidom.parseString(html)
    assert "GENEVA" in html and "1111-1119" in html and "printed-chain 0.95" in html
    assert ">lines</th>" in html and ">zone</th>" in html
    assert seed.thread_view(thread.id).thread == thread
    with pytest.raises(KeyError):
        seed.thread_view("t-none")


def test_release_table_shows_zone_and_lines(seed: cablethread.Release) -> None:
    html = display.release_html(seed)
    assert "<th" in html and ">zone</th>" in html and ">lines</th>" in html
    assert "Pacific/Auckland" in html and "14-22, 405-413" in html


def test_models_show_themselves_as_html(seed: cablethread.Release) -> None:
    message = seed.messages[0]
    for html in (
        message._repr_html_(),
        message.sender._repr_html_(),  # type: ignore[union-attr]
        seed.parties[0]._repr_html_(),
        seed.diagnostics[3]._repr_html_(),
    ):
        xml.dom.minidom.parseString(html)
    assert "Thursday, 11 July 2019 11:25 AM" in message._repr_html_()
    assert "North Asia Division" in message.sender._repr_html_()  # type: ignore[union-attr]
    joined = next(d for d in seed.diagnostics if d.code == "header-subject-joined")
    assert f"{joined.source}:{joined.span}" in joined._repr_html_()
