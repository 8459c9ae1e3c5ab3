"""Threading rules on small printed layouts: cut chains, variants across releases, ENDS."""

from __future__ import annotations

import cablethread

NZ = cablethread.Policy(profile="nz-mfat")

ORIGINAL = (
    "From: GENEVA\nSent: Monday, 1 July 2019 9:00 AM\nTo: NAD\n"
    "Subject: FORMAL MESSAGE: HRC LETTER\n\nSummary\n\ns6(a)\n\nENDS\n"
)
CUT_REPLY = (
    "From: NAD\nSent: Tuesday, 2 July 2019 10:00 AM\nTo: GENEVA\n"
    "Subject: RE: FORMAL MESSAGE: HRC LETTER\n\nThanks.\n\n"
    "The remainder of this email thread is out of scope\n"
)


def test_a_cut_chain_links_by_subject_and_time() -> None:
    release = cablethread.parse(CUT_REPLY + "\n" + ORIGINAL, NZ)
    reply, original = release.messages
    (edge,) = release.edges
    assert (edge.parent_id, edge.child_id) == (original.id, reply.id)
    assert edge.evidence == "subject-time" and edge.confidence < 0.95
    assert any(d.code == "thread-subject-time" for d in release.diagnostics)


def test_printed_directly_below_is_a_printed_chain_link() -> None:
    whole = CUT_REPLY.replace("The remainder of this email thread is out of scope\n", "")
    release = cablethread.parse(whole + ORIGINAL, NZ)
    (edge,) = release.edges
    assert edge.evidence == "printed-chain" and edge.confidence >= 0.95


def test_ends_then_an_unrelated_block_is_no_parent() -> None:
    unrelated = (
        "From: BEIJING\nSent: Friday, 28 June 2019 8:00 AM\nTo: NAD\n"
        "Subject: FORMAL MESSAGE: TRADE TALKS\n\nReport\n"
    )
    release = cablethread.parse(ORIGINAL + "\n" + unrelated, NZ)
    assert release.edges == []
    assert any(d.code == "thread-chain-break" for d in release.diagnostics)


def test_a_reply_released_alone_hangs_from_a_placeholder() -> None:
    release = cablethread.parse(CUT_REPLY, NZ)
    (placeholder,) = release.placeholders
    assert placeholder.placeholder and placeholder.subject is not None
    assert placeholder.subject.text == "FORMAL MESSAGE: HRC LETTER"
    (edge,) = release.edges
    assert edge.evidence == "placeholder" and edge.parent_id == placeholder.id


def test_a_thread_below_a_placeholder_has_it_as_its_root_and_one_level_more() -> None:
    above = (
        "From: GENEVA\nSent: Wednesday, 3 July 2019 8:00 AM\nTo: NAD\n"
        "Subject: RE: FORMAL MESSAGE: HRC LETTER\n\nNoted.\n\n"
    )
    for mode in ("archive", "sender", "quoter", "infer"):
        release = cablethread.parse(above + CUT_REPLY, NZ.clone(tz_mode=mode))
        later, cut = release.messages
        (placeholder,) = release.placeholders
        assert [(e.parent_id, e.child_id) for e in release.edges] == [
            (cut.id, later.id),
            (placeholder.id, cut.id),
        ]
        (thread,) = release.threads
        assert thread.root_id == placeholder.id and thread.depth == 2
        # In time order, though the later reply is printed first.
        assert thread.message_ids == [cut.id, later.id]


def test_one_message_in_two_releases_is_one_node_with_both_printings() -> None:
    redacted = ORIGINAL
    fuller = ORIGINAL.replace("s6(a)", "The letter was delivered today.")
    release = cablethread.parse_many(
        [cablethread.SourceText(CUT_REPLY + "\n" + redacted), cablethread.SourceText(fuller)], NZ
    )
    original = next(m for m in release.messages if m.subject and not m.subject.prefixes)
    assert len(original.occurrences) == 2
    assert len(release.messages) == 2
    variants = [d for d in release.diagnostics if d.code == "message-variant"]
    assert len(variants) == 1 and original.id in variants[0].message


def test_a_page_opening_with_a_forward_of_the_message_above_begins_a_new_document() -> None:
    original = "From: GENEVA\nSent: Monday, 1 July 2019 9:00 AM\nTo: NAD\nSubject: HRC LETTER\n\n"
    forward = "From: NAD\nSent: Tuesday, 2 July 2019 10:00 AM\nTo: CEO\nSubject: FW: HRC LETTER\n\n"
    release = cablethread.parse(
        original + "The letter.\n\nDOC-0001234\n\n" + forward + "FYI.\n", NZ
    )
    letter, fwd = release.messages
    # The forward is printed below the letter, on the next page: it is not the letter's parent.
    assert letter.parent_id is None
    assert [o.chain for o in fwd.occurrences] == [1]
    assert [(e.parent_id, e.child_id) for e in release.edges] == [(letter.id, fwd.id)]
    assert not any(d.code == "time-reply-before-parent" for d in release.diagnostics)
