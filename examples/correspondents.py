"""Who wrote to whom in the example release: the busiest sender → recipient pairs.

python examples/correspondents.py
"""

from __future__ import annotations

from pathlib import Path

import cablethread

RELEASE = Path(__file__).with_name("mfat_xinjiang_oia.txt")


def main() -> None:
    parties = cablethread.parse_file(RELEASE).party_graph()
    label = dict(parties.nodes(data="label"))
    pairs = sorted(
        parties.edges(data=True),
        key=lambda edge: (-edge[2]["weight"], label[edge[0]], label[edge[1]]),
    )
    print(
        f"{parties.number_of_nodes()} parties, {parties.number_of_edges()} sender-recipient pairs"
    )
    for sender, recipient, data in pairs[:10]:
        print(
            f"{label[sender]:>10} -> {label[recipient]:<24} {data['weight']:>2} messages "
            f"(to {data['to']}, cc {data['cc']})"
        )


if __name__ == "__main__":
    main()
