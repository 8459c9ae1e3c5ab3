"""Deterministic benchmark corpora: real releases repeated and perturbed, and synthetic releases.

Every builder takes a size or a count and returns the same text (or the same messages) on every
machine: perturbations come from ``random.Random`` seeded with the copy number.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cablethread.fields.subjects import parse_subject
from cablethread.models import Message, Occurrence, Party, Span, Subject

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "tests" / "data" / "mfat_xinjiang_oia.txt"
#: Where the shared corpora folder may stand: ``$CABLETHREAD_CORPORA``, beside the checkout,
#: or two levels up (from a work tree).
CORPORA = [
    Path(os.environ["CABLETHREAD_CORPORA"]) if "CABLETHREAD_CORPORA" in os.environ else None,
    ROOT.parent / "shared" / "corpora",
    ROOT.parent.parent / "shared" / "corpora",
]
CLINTON_NAME = Path("clinton-foia") / "clinton_foia_sample.jsonl"
NIH_NAME = Path("nih-foia") / "nih_fauci_foia_ocr.txt"
#: A Bates stamp alone on its line ends a page of the NIH release.
_NIH_PAGE_END = re.compile(r"^NIH-\d{6}[ \t]*$", re.M)

_MB = 1_000_000
_SENT_CLOCK = re.compile(
    r"^(?P<head>[ \t]*(?:Sent|Date)[ \t]*:.*?)(?P<h>\d{1,2}):(?P<m>\d{2})", re.M
)


def clinton_path(corpora: Path | None = None) -> Path | None:
    """Where the Clinton sample is, or None when this checkout has no shared corpora."""
    for base in (corpora, *CORPORA):
        if base is not None and (base / CLINTON_NAME).is_file():
            return base / CLINTON_NAME
    return None


def nih_path(corpora: Path | None = None) -> Path | None:
    """Where the NIH FOIA OCR text is, or None when this checkout has no shared corpora."""
    for base in (corpora, *CORPORA):
        if base is not None and (base / NIH_NAME).is_file():
            return base / NIH_NAME
    return None


def nih_documents(path: Path) -> list[str]:
    """The NIH release cut into its pages (each ends at its Bates stamp line); joined again
    with line ends, the pages are the text."""
    text = path.read_text(encoding="utf-8")
    pages: list[str] = []
    start = 0
    for match in _NIH_PAGE_END.finditer(text):
        if match.end() < len(text):
            pages.append(text[start : match.end()])
            start = match.end() + 1
    pages.append(text[start:])
    return pages


def seed_documents() -> list[str]:
    """The seed release as one document."""
    return [SEED_PATH.read_text(encoding="utf-8")]


def clinton_documents(path: Path) -> list[str]:
    """The Clinton sample's documents in file order."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def _perturb(document: str, copy: int) -> str:
    """Copy ``copy`` of a document: each ``Sent:`` clock moved by ``copy`` minutes and given
    ``copy // 720`` seconds (so the messages of every copy are distinct messages), and about
    one body line in two hundred dropped or doubled, as a second printing differs from the
    first."""
    if copy == 0:
        return document

    def shift(match: re.Match[str]) -> str:
        minutes = int(match.group("h")) * 60 + int(match.group("m")) + copy
        hour, minute = divmod(minutes % (12 * 60), 60)
        seconds = f":{copy // 720 % 60:02d}" if copy >= 720 else ""
        return f"{match.group('head')}{hour or 12}:{minute:02d}{seconds}"

    text = _SENT_CLOCK.sub(shift, document)
    rng = random.Random(copy)
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        roll = rng.random()
        if roll < 0.005 and ":" not in line:
            continue
        out.append(line)
        if roll > 0.995 and ":" not in line:
            out.append(line)
    return "\n".join(out)


def repeated(documents: list[str], size: int) -> list[str]:
    """Documents repeated (each copy perturbed) until their text reaches ``size`` characters."""
    out: list[str] = []
    total = 0
    copy = 0
    while total < size:
        for document in documents:
            piece = _perturb(document, copy)
            out.append(piece)
            total += len(piece) + 1
            if total >= size:
                break
        copy += 1
    return out


def join(documents: list[str]) -> str:
    """Documents as one release text."""
    return "\n".join(documents)


# ---------------------------------------------------------------------------------------------
# Synthetic releases
# ---------------------------------------------------------------------------------------------

_POSTS = [
    "NAD",
    "BEIJING",
    "GENEVA",
    "NEW YORK",
    "WASHINGTON",
    "LONDON",
    "CANBERRA",
    "UNHC",
    "TOKYO",
    "OTTAWA",
    "DELHI",
    "PARIS",
    "BERLIN",
    "BRUSSELS",
    "SEOUL",
    "JAKARTA",
    "HANOI",
    "MANILA",
]
_TOPICS = [
    "XINJIANG",
    "HUMAN RIGHTS COUNCIL",
    "LETTER TO THE PRESIDENT",
    "UPDATE AND NEXT STEPS",
    "TRADE TALKS",
    "MEDIA LINES",
    "VISIT PROGRAMME",
    "UPR PREPARATIONS",
    "STATEMENT",
    "BRIEFING",
]


@dataclass(frozen=True)
class ChainSpec:
    """One printed chain of a synthetic release: its subject and its messages, oldest first."""

    topic: str
    senders: tuple[str, ...]
    times: tuple[datetime, ...]


def synthetic_chains(messages: int, seed: int = 6) -> Iterator[ChainSpec]:
    """Chains of 1–8 messages, subjects shared by several chains, times moving forward."""
    rng = random.Random(seed)
    made = 0
    clock = datetime(2019, 1, 7, 9, 0)
    number = 0
    while made < messages:
        length = min(messages - made, rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 8)))
        topic = f"{rng.choice(_TOPICS)} {number // 3}"
        senders = tuple(rng.choice(_POSTS) for _ in range(length))
        times = []
        for _ in range(length):
            clock += timedelta(minutes=rng.randrange(1, 180))
            times.append(clock)
        yield ChainSpec(topic, senders, tuple(times))
        made += length
        number += 1


def _block(sender: str, when: datetime, to: str, subject: str) -> str:
    return (
        f"From: {sender}\n"
        f"Sent: {when:%A}, {when.day} {when:%B %Y} {when:%I:%M %p}\n"
        f"To: {to}; NAD\n"
        f"Cc: CEO; DS AAG; UNHC\n"
        f"Subject: {subject}\n\n"
        f"Body of the message from {sender} about {subject.lower()}.\n"
        "s9(2)(g)(i)\n\n"
    )


def synthetic_text(messages: int, seed: int = 6) -> str:
    """A release of ``messages`` messages printed as chains, newest block first in each."""
    parts: list[str] = []
    for chain in synthetic_chains(messages, seed):
        parts.append("Released under the Official Information Act\n\n")
        for depth in range(len(chain.senders) - 1, -1, -1):
            prefix = "RE: " * min(depth, 1)
            subject = f"{prefix}FORMAL MESSAGE: {chain.topic}"
            to = chain.senders[depth - 1] if depth else "NAD"
            parts.append(_block(chain.senders[depth], chain.times[depth], to, subject))
    return "".join(parts)


def synthetic_messages(messages: int, seed: int = 6) -> list[Message]:
    """The messages the parser reads from :func:`synthetic_text`, built directly (no scan)."""
    out: list[Message] = []
    line = 1
    subjects: dict[str, Subject] = {}
    parties: dict[str, Party] = {}

    def party(name: str) -> Party:
        if name not in parties:
            parties[name] = Party(raw=name, span=Span(start=1, end=1), name=name)
        return parties[name]

    for index, chain in enumerate(synthetic_chains(messages, seed)):
        for depth in range(len(chain.senders) - 1, -1, -1):
            raw = f"{'RE: ' * min(depth, 1)}FORMAL MESSAGE: {chain.topic}"
            subject = subjects.get(raw) or subjects.setdefault(raw, parse_subject(raw))
            when = chain.times[depth]
            out.append(
                Message(
                    id=f"m-{index:07d}{depth:02d}",
                    sender=party(chain.senders[depth]),
                    to=[party(chain.senders[depth - 1] if depth else "NAD")],
                    cc=[],
                    bcc=[],
                    subject=subject,
                    sent_raw=f"{when}",
                    sent_local=when,
                    redactions=[],
                    occurrences=[
                        Occurrence(
                            span=Span(start=line, end=line + 4),
                            depth=len(chain.senders) - 1 - depth,
                            chain=index,
                        )
                    ],
                    attachments=[],
                )
            )
            line += 9
    return out
