"""How quickly did each post answer? Reply delays per sender, with pandas.

pip install 'cablethread[pandas]'
python examples/reply_delays.py
"""

from __future__ import annotations

from pathlib import Path

import cablethread

RELEASE = Path(__file__).with_name("mfat_xinjiang_oia.txt")


def main() -> None:
    release = cablethread.parse_file(RELEASE)
    messages = release.to_dataframe()
    edges = release.to_dataframe("edges")
    replies = edges.merge(messages, left_on="child_id", right_on="id")
    hours = replies.groupby("sender")["delay_seconds"].median().div(3600).round(1)
    print("median hours from the parent to the reply, by the replying sender:")
    print(hours.sort_values().to_string())


if __name__ == "__main__":
    main()
