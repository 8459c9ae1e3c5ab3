"""Parse the example release and print what it holds: counts, then every thread as a tree.

python examples/quickstart.py
"""

from __future__ import annotations

from pathlib import Path

from cablethread.report import thread_tree

import cablethread

RELEASE = Path(__file__).with_name("mfat_xinjiang_oia.txt")


def main() -> None:
    release = cablethread.parse_file(RELEASE)
    print(release)
    print(f"{len(release.messages)} messages, {len(release.placeholders)} placeholder(s)")
    print(f"thread sizes: {[len(t.message_ids) for t in release.threads]}")
    for thread in release.threads:
        print()
        print("\n".join(thread_tree(release, thread)))


if __name__ == "__main__":
    main()
