"""One printed wall clock, four readings: how each time-zone mode places the BEIJING message.

    python examples/time_zone_modes.py

The release was printed from a Wellington mailbox, so `archive` (Pacific/Auckland) is the
reading that keeps every reply after its parent.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cablethread.timeline import localise

import cablethread

RELEASE = Path(__file__).with_name("mfat_xinjiang_oia.txt")


def main() -> None:
    for mode in ("archive", "sender", "quoter", "infer"):
        release = cablethread.parse_file(RELEASE, cablethread.Policy(tz_mode=mode))
        beijing = next(
            m for m in release.messages if m.sent_raw and "6 November 2018" in m.sent_raw
        )
        late = sum(d.code == "time-reply-before-parent" for d in release.diagnostics)
        utc = beijing.sent_utc.isoformat() if beijing.sent_utc else "unknown"
        print(
            f"{mode:<8} {beijing.sent_raw!r} in {beijing.time_zone}: {utc}  ({late} late replies)"
        )
    # Read in the sender's own zone, the same clock is five hours later in UTC.
    in_beijing = localise(datetime(2018, 11, 6, 1, 42), "Asia/Shanghai").utc
    print(f"if read in Asia/Shanghai: {in_beijing.isoformat() if in_beijing else 'unknown'}")


if __name__ == "__main__":
    main()
