"""Write every export of the example release into a folder (default: ./cablethread-out).

    python examples/export_all.py [FOLDER]

reply.graphml and parties.graphml open in Gephi, Cytoscape, yEd, igraph and networkx;
release.json reads back with Release.model_validate_json; graph.json is node-link JSON for d3;
messages.csv and edges.csv open in any spreadsheet.
"""

from __future__ import annotations

import sys
from pathlib import Path

import cablethread

RELEASE = Path(__file__).with_name("mfat_xinjiang_oia.txt")


def main(folder: Path) -> None:
    release = cablethread.parse_file(RELEASE)
    folder.mkdir(parents=True, exist_ok=True)
    cablethread.write_graphml(release, folder / "reply.graphml")
    cablethread.write_graphml(release, folder / "parties.graphml", graph="party")
    cablethread.write_json(release, folder / "release.json")
    cablethread.write_node_link(release, folder / "graph.json")
    cablethread.write_csv(release, folder)
    for path in sorted(folder.iterdir()):
        print(f"{path.name:<16} {path.stat().st_size:>8} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("cablethread-out"))
