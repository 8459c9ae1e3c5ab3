"""Reply threads of the seed release: every edge, its evidence, and time under each mode."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import cablethread

# (child header line, parent header line or "placeholder", evidence)
EDGES = [
    (14, 46, "printed-chain"),
    (781, 814, "printed-chain"),
    (814, 842, "printed-chain"),
    (866, 933, "printed-chain"),
    (933, 943, "printed-chain"),
    (943, 967, "printed-chain"),
    (967, 977, "printed-chain"),  # GENEVA's 10 July message without RE: continues the chain
    (977, 995, "printed-chain"),  # LETTER TO … replies to PROPOSED LETTER TO …
    (995, 1011, "printed-chain"),
    (1011, 1025, "printed-chain"),
    (1025, 1037, "printed-chain"),
    (1037, 1053, "printed-chain"),
    (1053, 1071, "printed-chain"),
    (1071, 1079, "printed-chain"),
    (1079, 1087, "printed-chain"),
    (1087, 1097, "printed-chain"),
    (1097, 1111, "printed-chain"),
    (1289, "placeholder", "placeholder"),
]


def _line(release: cablethread.Release, message_id: str) -> int | str:
    message = release.message(message_id)
    return "placeholder" if message.placeholder else message.occurrences[0].span.start


def test_every_reply_edge(seed: cablethread.Release) -> None:
    found = sorted(
        ((_line(seed, e.child_id), _line(seed, e.parent_id), e.evidence) for e in seed.edges),
        key=lambda item: item[0],
    )
    assert found == EDGES


def test_six_threads_of_sizes(seed: cablethread.Release) -> None:
    assert sorted((len(t.message_ids) for t in seed.threads), reverse=True) == [15, 3, 2, 1, 1, 1]


def test_the_long_chain_runs_from_geneva_to_beijing(seed: cablethread.Release) -> None:
    thread = max(seed.threads, key=lambda t: len(t.message_ids))
    first, last = seed.message(thread.message_ids[0]), seed.message(thread.message_ids[-1])
    assert first.sender is not None and first.sender.raw == "GENEVA"
    assert first.sent_local == datetime(2019, 6, 28, 6, 56)
    assert last.sender is not None and last.sender.raw == "BEIJING"
    assert last.sent_local == datetime(2019, 7, 12, 20, 4)
    assert thread.depth == 14
    times = [seed.message(i).sent_utc for i in thread.message_ids]
    assert times == sorted(times)  # type: ignore[type-var]


def test_missing_parent_is_a_placeholder_with_its_subject(seed: cablethread.Release) -> None:
    assert len(seed.placeholders) == 1
    placeholder = seed.placeholders[0]
    assert placeholder.placeholder and placeholder.subject is not None
    assert placeholder.subject.text == "FORMAL MESSAGE: XINJIANG"
    child = next(m for m in seed.messages if m.parent_id == placeholder.id)
    assert child.subject is not None and child.subject.text == "RE: FORMAL MESSAGE: XINJIANG"
    # Never linked to the unrelated message printed below it.
    assert child.occurrences[0].span.start == 1289


def test_loose_variants_are_not_reply_links(seed: cablethread.Release) -> None:
    by_line = {m.occurrences[0].span.start: m for m in seed.messages}
    assert by_line[842].parent_id is None  # FORMAL MESSAGE: s6(a) XINJIANG LETTER
    assert by_line[1321].parent_id is None  # TPs for Xinjiang statement …
    assert by_line[159].parent_id is None


def test_archive_mode_reads_nz_daylight_time(seed: cablethread.Release) -> None:
    beijing = next(m for m in seed.messages if m.occurrences[0].span.start == 159)
    assert beijing.sent_utc == datetime(2018, 11, 5, 12, 42, tzinfo=UTC)
    assert beijing.time_zone == "Pacific/Auckland" and beijing.tz_mode == "archive"
    winter = next(m for m in seed.messages if m.occurrences[0].span.start == 1111)
    assert winter.sent_utc == datetime(2019, 6, 27, 18, 56, tzinfo=UTC)


def test_no_reply_older_than_its_parent_under_archive(seed: cablethread.Release) -> None:
    assert not [d for d in seed.diagnostics if d.code == "time-reply-before-parent"]
    for edge in seed.edges:
        if edge.delay_seconds is not None:
            assert edge.delay_seconds >= 0


def test_graph_nodes_and_edges(seed: cablethread.Release) -> None:
    graph = seed.graph()
    assert graph.number_of_nodes() == 24
    assert graph.number_of_edges() == 18
    placeholders = [n for n, data in graph.nodes(data=True) if data["placeholder"]]
    assert placeholders == [seed.placeholders[0].id]
    edge = graph.edges[seed.messages[1].id, seed.messages[0].id]
    assert edge["evidence"] == "printed-chain" and 0 < edge["confidence"] <= 1


def test_graph_is_deterministic(seed_text: str) -> None:
    first = cablethread.parse(seed_text).graph()
    second = cablethread.parse(seed_text).graph()
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(data=True)) == list(second.edges(data=True))


def test_ids_are_stable_across_runs(seed: cablethread.Release, seed_text: str) -> None:
    again = cablethread.parse(seed_text, source="mfat_xinjiang_oia.txt")
    assert [m.id for m in again.messages] == [m.id for m in seed.messages]
    assert again.to_json() == seed.to_json()


def test_infer_chooses_archive_for_every_chain(seed_text: str) -> None:
    release = cablethread.parse(seed_text, cablethread.Policy(tz_mode="infer"))
    chosen = [d.message for d in release.diagnostics if d.code == "time-zone-chosen"]
    assert chosen and all("mode archive" in text for text in chosen)
    assert {m.tz_mode for m in release.messages} == {"archive"}


def test_parse_many_merges_printings_across_releases(seed_text: str) -> None:
    release = cablethread.parse_many([cablethread.SourceText(seed_text)] * 2)
    assert len(release.messages) == 23
    assert len(release.edges) == 18
    assert sum(len(m.occurrences) for m in release.messages) == 52


def test_dst_gap_is_reported() -> None:
    # 2:30 a.m. on 29 September 2019 did not happen in Wellington (clocks went forward).
    text = "From: NAD\nSent: Sunday, 29 September 2019 2:30 a.m.\nTo: GENEVA\nSubject: X\n"
    release = cablethread.parse(text, cablethread.Policy(profile="nz-mfat"))
    assert [d.code for d in release.diagnostics if d.code.startswith("time-")] == [
        "time-nonexistent"
    ]


def test_dst_fold_is_reported() -> None:
    # 2:30 a.m. on 7 April 2019 happened twice in Wellington (clocks went back).
    text = "From: NAD\nSent: Sunday, 7 April 2019 2:30 a.m.\nTo: GENEVA\nSubject: X\n"
    release = cablethread.parse(text, cablethread.Policy(profile="nz-mfat"))
    assert [d.code for d in release.diagnostics if d.code.startswith("time-")] == ["time-ambiguous"]


@pytest.mark.parametrize("mode", ["archive", "sender", "quoter", "infer"])
def test_every_mode_gives_every_dated_message_an_instant(seed_text: str, mode: str) -> None:
    release = cablethread.parse(seed_text, cablethread.Policy(tz_mode=mode))  # type: ignore[arg-type]
    assert all(m.sent_utc is not None and m.sent_utc.tzinfo is UTC for m in release.messages)


def test_thread_participants_are_identities(seed: cablethread.Release) -> None:
    identities = {p.key for p in seed.parties}
    for thread in seed.threads:
        assert set(thread.participants) <= identities
        assert len(thread.participants) == len(set(thread.participants))


def test_sender_mode_shows_the_geneva_replies_out_of_order(seed_text: str) -> None:
    release = cablethread.parse(seed_text, cablethread.Policy(tz_mode="sender"))
    late = [d for d in release.diagnostics if d.code == "time-reply-before-parent"]
    # NAD's reply of 5 July and UNHC's of 4 July read in Wellington time fall before the
    # GENEVA messages they answer, read in Geneva time.
    assert [(d.span.start, d.related.start) for d in late if d.span and d.related] == [
        (1025, 1037),
        (1053, 1071),
    ]
    assert all("minutes older than its parent" in d.message for d in late)
    geneva = next(m for m in release.messages if m.occurrences[0].span.start == 1071)
    assert geneva.time_zone == "Europe/Zurich" and geneva.tz_mode == "sender"
    assert geneva.sent_utc == datetime(2019, 7, 4, 3, 26, tzinfo=UTC)
    beijing = next(m for m in release.messages if m.occurrences[0].span.start == 159)
    assert beijing.time_zone == "Asia/Shanghai"
    assert beijing.sent_utc == datetime(2018, 11, 5, 17, 42, tzinfo=UTC)


def test_message_lookup_follows_the_release_it_is_asked_of(seed: cablethread.Release) -> None:
    parent = seed.message(seed.edges[0].parent_id)
    assert parent.id == seed.edges[0].parent_id
    again = cablethread.parse(seed.text, source="mfat_xinjiang_oia.txt")
    assert seed == again  # the lookup leaves equality and JSON alone
    assert seed.to_json() == again.to_json()
    fewer = seed.model_copy(update={"messages": seed.messages[:3]})
    assert fewer.message(seed.messages[2].id) is seed.messages[2]
    with pytest.raises(KeyError):
        fewer.message(seed.messages[5].id)
    with pytest.raises(KeyError):
        seed.message("m-000000000000")
