"""Parse an archive of releases on a Dask cluster and thread the result.

A Dask client hands out a ``concurrent.futures.Executor``; ``parse_many`` reads each file on a
worker and threads all the messages together on the client, so the graph is the same as a
serial run's::

    pip install 'cablethread[dask]'
    python examples/dask_archive.py releases/*.txt                 # a local cluster
    python examples/dask_archive.py --scheduler tcp://host:8786 releases/*.txt

It prints the number of messages, threads and reply edges, and with ``--graphml`` writes the
reply graph.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import cablethread


def parse_archive(
    paths: Sequence[str | Path],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    processes: bool = True,
) -> cablethread.Release:
    """Parse ``paths`` on a Dask cluster (``scheduler``, or a new local one) and thread them."""
    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler) as client:
            return cablethread.parse_many(paths, executor=client.get_executor())
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        return cablethread.parse_many(paths, executor=client.get_executor())


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: files in, a summary (and optionally GraphML) out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="release text files")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--workers", type=int, default=2, help="local workers (default 2)")
    parser.add_argument("--graphml", help="write the reply graph here")
    args = parser.parse_args(argv)
    release = parse_archive(args.paths, scheduler=args.scheduler, workers=args.workers)
    print(
        f"{len(release.sources)} files: {len(release.messages)} messages, "
        f"{len(release.threads)} threads, {len(release.edges)} reply edges"
    )
    if args.graphml:
        Path(args.graphml).write_text(release.to_graphml(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
