"""Render the seed release as French Outlook would have printed it: ``mfat_xinjiang_oia.fr.txt``.

Run from the repository root::

    python tests/data/make_french_rendering.py           # write the rendering
    python tests/data/make_french_rendering.py --check   # exit 1 if the file is out of date

Only the header blocks change: the labels become French Outlook's (``De :``, ``Envoyé :``,
``À :``, ``Cc :``, ``Objet :``, with the space French puts before a colon), the send times are
printed the French way (``jeudi 11 juillet 2019 11:25``: weekday and month in French, day first,
a 24-hour clock) and the reply prefix becomes ``RE :``. Every other line is copied as it is, so
the rendering holds the same messages and the same printed chains as the original.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).parent
SOURCE = HERE / "mfat_xinjiang_oia.txt"
TARGET = HERE / "mfat_xinjiang_oia.fr.txt"

LABELS = {"From": "De", "Sent": "Envoyé", "To": "À", "Cc": "Cc", "Subject": "Objet"}
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"]
MONTHS += ["septembre", "octobre", "novembre", "décembre"]
ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
ENGLISH_MONTHS += ["September", "October", "November", "December"]

#: ``Sent: Thursday, 11 July 2019 11:25 AM``: a header line as the seed prints it.
HEADER_LINE = re.compile(r"^(From|Sent|To|Cc|Subject):(.*)$")
#: The seed's send times: ``Friday, 17 May 2019 12:38 a.m.``.
ENGLISH_TIME = re.compile(
    r"^ (?:\w+), (?P<day>\d{1,2}) (?P<month>\w+) (?P<year>\d{4}) "
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2}) (?P<half>AM|PM|a\.m\.|p\.m\.)$"
)


def french_time(value: str) -> str:
    """`` Thursday, 11 July 2019 11:25 AM`` → `` jeudi 11 juillet 2019 11:25``."""
    match = ENGLISH_TIME.match(value)
    if match is None:
        raise ValueError(f"not a send time of the seed: {value!r}")
    hour = int(match["hour"]) % 12 + (12 if match["half"].lower().startswith("p") else 0)
    month = ENGLISH_MONTHS.index(match["month"]) + 1
    wall = datetime(int(match["year"]), month, int(match["day"]), hour, int(match["minute"]))
    return (
        f" {WEEKDAYS[wall.weekday()]} {wall.day} {MONTHS[wall.month - 1]} {wall.year} {wall:%H:%M}"
    )


def render(text: str) -> str:
    """The French rendering of the seed's text."""
    out: list[str] = []
    for line in text.split("\n"):
        match = HEADER_LINE.match(line)
        if match is None:
            out.append(line)
            continue
        label, value = match.groups()
        if label == "Sent":
            value = french_time(value)
        elif label == "Subject":
            value = re.sub(r"^ RE: ", " RE : ", value)
        out.append(f"{LABELS[label]} :{value}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Write the rendering, or with ``--check`` say whether the committed one is current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    rendered = render(SOURCE.read_text(encoding="utf-8"))
    if args.check:
        current = TARGET.read_text(encoding="utf-8") == rendered
        print("up to date" if current else f"{TARGET.name} is out of date")
        return 0 if current else 1
    TARGET.write_text(rendered, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
