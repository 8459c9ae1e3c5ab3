"""cablethread benchmark harness: throughput, memory, peers, threading scale, parallel parsing.

Run ``python -m benchmarks`` (or ``python benchmarks/run.py``) from a checkout; ``--help`` lists
the options, ``--sizes 1`` makes a quick run. Every measurement of time and memory runs in a
fresh interpreter so that peak memory (``ru_maxrss``) belongs to that measurement alone. Prints
a Markdown report and writes the figures as JSON (``--json``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpora

_MB = 1_000_000

#: The floor: one compiled expression that finds header blocks (a ``From:`` line and the field
#: lines under it) and does nothing else; what any parser of these releases pays at least.
FLOOR = re.compile(
    r"^[ \t>]*From[ \t]*:[^\n]*\n(?:[ \t>]*(?:Sent|Date|To|Cc|Bcc|Subject)[ \t]*:[^\n]*\n)+",
    re.MULTILINE,
)
#: The literal-anchored floor: the same blocks found by an expression whose first token is the
#: literal ``From`` (``re`` looks for it with a fast search, where an expression opening with
#: ``^`` under ``MULTILINE`` is tried at every character), each match then checked to stand at
#: the start of its line after blanks and quote marks only. The targets stay against
#: :data:`FLOOR`.
LITERAL_FLOOR = re.compile(
    r"From[ \t]*:[^\n]*\n(?:[ \t>]*(?:Sent|Date|To|Cc|Bcc|Subject)[ \t]*:[^\n]*\n)+"
)
#: What may stand before ``From`` on its line.
_LINE_LEAD = frozenset(" \t>")


# ---------------------------------------------------------------------------------------------
# Measurements, each run in a worker interpreter
# ---------------------------------------------------------------------------------------------


def _rss_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _reset_peak() -> None:
    """Start the peak-memory count afresh (Linux: ``5`` to ``/proc/self/clear_refs``)."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        pass


def _peak_bytes() -> int:
    """The peak resident memory of this process since :func:`_reset_peak`.

    ``VmHWM`` rather than ``ru_maxrss``: Linux carries ``ru_maxrss`` over ``execve`` from the
    forked parent, so a worker would report the harness's own peak.
    """
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _best(
    run: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> tuple[float, object]:
    """The least time of ``repeat`` runs by ``clock`` (wall time unless told), and the last
    run's result."""
    best = float("inf")
    result: object = None
    for _ in range(repeat):
        # The result of the run before is let go first: a peak measured over two runs would
        # count two releases.
        result = None
        gc.collect()
        start = clock()
        result = run()
        best = min(best, clock() - start)
    return best, result


def task_parse(path: str, repeat: int) -> dict[str, Any]:
    """``parse`` (threads included) over the corpus text: time, messages, peak memory."""
    import cablethread

    text = Path(path).read_text(encoding="utf-8")
    cablethread.parse("From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: UNHC\n")
    gc.collect()
    # The peak is that of the first run: later runs in the same process start from the heap
    # the first one left (freed, but not given back to the system), and would add its holes
    # to their own peak. The time is the best of all the runs.
    _reset_peak()
    before = _rss_bytes()
    seconds, release = _best(lambda: cablethread.parse(text), 1)
    peak = _peak_bytes() - before
    if repeat > 1:
        release = None
        again, release = _best(lambda: cablethread.parse(text), repeat - 1)
        seconds = min(seconds, again)
    assert isinstance(release, cablethread.Release)
    return {
        "seconds": seconds,
        "messages": len(release.messages),
        "blocks": sum(len(m.occurrences) for m in release.messages),
        "threads": len(release.threads),
        "peak_bytes": peak,
        "chars": len(text),
    }


def literal_floor_blocks(text: str) -> int:
    """The header blocks :data:`LITERAL_FLOOR` finds that begin their line (after blanks and
    quote marks)."""
    count = 0
    lead = _LINE_LEAD
    for match in LITERAL_FLOOR.finditer(text):
        start = match.start()
        line = text.rfind("\n", 0, start) + 1
        if line == start or not set(text[line:start]) - lead:
            count += 1
    return count


def task_floor(path: str, repeat: int) -> dict[str, Any]:
    """The single header-block expression over the same text, and the literal-anchored one."""
    text = Path(path).read_text(encoding="utf-8")
    seconds, count = _best(lambda: sum(1 for _ in FLOOR.finditer(text)), repeat)
    literal, literal_count = _best(lambda: literal_floor_blocks(text), repeat)
    return {
        "seconds": seconds,
        "blocks": count,
        "literal_seconds": literal,
        "literal_blocks": literal_count,
    }


#: The exporters timed against the parse, each writing the release once into a folder.
EXPORTERS = ("graphml", "json", "node-link", "csv", "mbox", "eml")


def _export(name: str, release: Any, folder: Path) -> None:
    import cablethread

    if name == "graphml":
        cablethread.write_graphml(release, folder / "reply.graphml")
    elif name == "json":
        cablethread.write_json(release, folder / "release.json")
    elif name == "node-link":
        cablethread.write_node_link(release, folder / "node-link.json")
    elif name == "csv":
        cablethread.write_csv(release, folder / "csv")
    elif name == "mbox":
        cablethread.write_mbox(release, folder / "release.mbox")
    else:
        cablethread.write_eml(release, folder / "eml")


def task_exports(path: str) -> dict[str, Any]:
    """``parse`` once, then each exporter of :data:`EXPORTERS` on its release (one run each)."""
    import shutil

    import cablethread

    text = Path(path).read_text(encoding="utf-8")
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    release = cablethread.parse(text)
    parse = time.perf_counter() - start
    out: dict[str, Any] = {
        "parse_seconds": parse,
        "parse_cpu": time.process_time() - cpu,
        "messages": len(release.messages),
        "cpu": {},
    }
    for name in EXPORTERS:
        folder = Path(tempfile.mkdtemp(prefix=f"cablethread-export-{name}-"))
        try:
            gc.collect()
            start, cpu = time.perf_counter(), time.process_time()
            _export(name, release, folder)
            out[name] = time.perf_counter() - start
            out["cpu"][name] = time.process_time() - cpu
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return out


def _quotequail(text: str) -> int:
    import quotequail

    blocks = 0
    while text:
        found = quotequail.unwrap(text)
        if not found or not found.get("text"):
            break
        blocks += 1
        text = found["text"]
    return blocks


def _mail_parser_reply(text: str) -> int:
    from mailparser_reply import EmailReplyParser

    return len(EmailReplyParser(languages=["en"]).read(text=text).replies)


def _email_reply_parser(text: str) -> int:
    from email_reply_parser import EmailReplyParser

    return len(EmailReplyParser.read(text).fragments)


PEERS: dict[str, Callable[[str], int]] = {
    "quotequail (iterative unwrap)": _quotequail,
    "mail-parser-reply": _mail_parser_reply,
    "email-reply-parser": _email_reply_parser,
}


def task_peer(path: str, peer: str, limit: int) -> dict[str, Any]:
    """One peer over each document (chain) of the corpus, up to ``limit`` characters."""
    documents = json.loads(Path(path).read_text(encoding="utf-8"))
    chosen: list[str] = []
    size = 0
    for document in documents:
        if size >= limit:
            break
        chosen.append(document)
        size += len(document) + 1
    function = PEERS[peer]
    function(chosen[0][:2000])
    gc.collect()
    start = time.perf_counter()
    found = sum(function(document) for document in chosen)
    return {"seconds": time.perf_counter() - start, "chars": size, "found": found}


def task_threads(messages: int) -> dict[str, Any]:
    """Threading alone (``build_threads``) over a synthetic release of ``messages`` messages."""
    from cablethread.diagnostics import Collector
    from cablethread.fields.profiles import profiles
    from cablethread.policy import Policy
    from cablethread.threads.build import build_threads

    built = corpora.synthetic_messages(messages)
    gc.collect()
    total_peak = _peak_bytes()
    _reset_peak()
    before = _rss_bytes()
    start, cpu = time.perf_counter(), time.process_time()
    gc.disable()  # as parse() does
    threaded = build_threads(built, Policy.default, profiles()["nz-mfat"], Collector())
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu,
        "load_average": os.getloadavg()[0],
        "peak_bytes": _peak_bytes() - before,
        "total_peak_bytes": max(total_peak, _peak_bytes()),
        "edges": len(threaded.edges),
        "threads": len(threaded.threads),
    }


def task_parallel(folder: str, workers: int, rounds: int = 2) -> dict[str, Any]:
    """``parse_many`` over a folder of files: serially, then on a process pool, ``rounds`` times
    in turn; the best of each, with the CPU times of those runs, and every run's time.

    On a shared machine one run of either can take a quarter longer than the next; the best of
    alternating runs compares the two at their least disturbed."""
    from concurrent.futures import ProcessPoolExecutor

    import cablethread

    paths = sorted(Path(folder).iterdir())
    serials: list[tuple[float, float]] = []
    pools: list[tuple[float, float, float]] = []
    keys: set[tuple[int, int, int]] = set()
    for _ in range(rounds):
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        serial = cablethread.parse_many(paths)
        serials.append((time.perf_counter() - start, time.process_time() - cpu))
        keys.add((len(serial.messages), len(serial.edges), len(serial.threads)))
        del serial
        gc.collect()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(abs, range(workers)))  # start the workers before the clock
            start, cpu = time.perf_counter(), time.process_time()
            pooled = cablethread.parse_many(paths, executor=pool)
            seconds, parent_cpu = time.perf_counter() - start, time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
        pools.append((seconds, parent_cpu, worker_cpu))
        keys.add((len(pooled.messages), len(pooled.edges), len(pooled.threads)))
        del pooled
    serial_seconds, serial_cpu = min(serials)
    pooled_seconds, parent_cpu, worker_cpu = min(pools)
    return {
        "serial_seconds": serial_seconds,
        "pool_seconds": pooled_seconds,
        "serial_runs": [seconds for seconds, _ in serials],
        "pool_runs": [seconds for seconds, _, _ in pools],
        "workers": workers,
        "files": len(paths),
        "same": len(keys) == 1,
        "messages": next(iter(keys))[0],
        "serial_cpu": serial_cpu,
        "parent_cpu": parent_cpu,
        "worker_cpu": worker_cpu,
        "load_average": os.getloadavg()[0],
    }


TASKS: dict[str, Callable[..., dict[str, Any]]] = {
    "parse": task_parse,
    "floor": task_floor,
    "exports": task_exports,
    "peer": task_peer,
    "threads": task_threads,
    "parallel": task_parallel,
}


def _in_worker(name: str, *args: Any) -> dict[str, Any]:
    root = Path(__file__).resolve().parent.parent
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--worker", json.dumps([name, *args])],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import cablethread

    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cablethread": cablethread.__version__,
        "date": time.strftime("%Y-%m-%d"),
    }


def _peer_available(peer: str) -> str | None:
    module = {
        "quotequail (iterative unwrap)": "quotequail",
        "mail-parser-reply": "mailparser_reply",
        "email-reply-parser": "email_reply_parser",
    }[peer]
    try:
        __import__(module)
    except ImportError:
        return "not installed (pip install 'cablethread[bench]')"
    return None


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every measurement the options ask for; the figures as one JSON-ready dict."""
    results: dict[str, Any] = {"machine": machine(), "corpora": [], "threads": [], "parallel": None}
    work = Path(tempfile.mkdtemp(prefix="cablethread-bench-"))
    sources: dict[str, list[str]] = {"seed": corpora.seed_documents()}
    results["notes"] = []
    clinton = corpora.clinton_path(Path(args.corpora) if args.corpora else None)
    if clinton is not None:
        sources["clinton"] = corpora.clinton_documents(clinton)
    else:
        results["notes"].append("Clinton corpus not found; pass --corpora")
    nih = corpora.nih_path(Path(args.corpora) if args.corpora else None)
    if nih is not None:
        sources["nih"] = corpora.nih_documents(nih)
    else:
        results["notes"].append("NIH corpus not found; pass --corpora")
    if args.only:
        sources = {kind: docs for kind, docs in sources.items() if kind in args.only}
    for kind, documents in sources.items():
        for size_mb in args.sizes:
            docs = corpora.repeated(documents, int(size_mb * _MB))
            text_path = work / f"{kind}-{size_mb}.txt"
            text_path.write_text(corpora.join(docs), encoding="utf-8")
            repeat = 3 if size_mb <= 10 else 1
            row: dict[str, Any] = {"corpus": kind, "size_mb": size_mb}
            row["parse"] = _in_worker("parse", str(text_path), repeat)
            row["floor"] = _in_worker("floor", str(text_path), 3)
            if size_mb <= args.export_max_mb and not args.no_exports:
                row["exports"] = _in_worker("exports", str(text_path))
            row["peers"] = {}
            if size_mb <= args.peer_max_mb and not args.no_peers:
                docs_path = work / f"{kind}-{size_mb}.json"
                docs_path.write_text(json.dumps(docs), encoding="utf-8")
                for peer in PEERS:
                    missing = _peer_available(peer)
                    row["peers"][peer] = (
                        {"skipped": missing}
                        if missing
                        else _in_worker("peer", str(docs_path), peer, int(size_mb * _MB))
                    )
            results["corpora"].append(row)
            print(f"measured {kind} {size_mb} MB", file=sys.stderr)
    for count in args.messages:
        results["threads"].append({"messages": count, **_in_worker("threads", count)})
        print(f"measured threading of {count} messages", file=sys.stderr)
    if not args.no_parallel:
        size_mb = max(args.sizes)
        folder = work / "archive"
        folder.mkdir()
        docs = corpora.repeated(sources["seed"], int(size_mb * _MB))
        # About 1 MB per file, as an archive of releases is.
        per_file = max(1, len(docs) * _MB // max(1, int(size_mb * _MB)))
        for index in range(0, len(docs), per_file):
            (folder / f"release-{index:05d}.txt").write_text(
                corpora.join(docs[index : index + per_file]), encoding="utf-8"
            )
        results["parallel"] = {
            "size_mb": size_mb,
            **_in_worker("parallel", str(folder), 2, args.parallel_rounds),
        }
        print("measured parse_many", file=sys.stderr)
    measure_stages(results, work)
    return results


def _mbs(chars: int, seconds: float) -> float:
    return chars / _MB / seconds if seconds else float("inf")


def report(results: dict[str, Any]) -> str:
    """The figures as Markdown tables."""
    m = results["machine"]
    out = [
        f"Machine: {m['nproc']} × {m['cpu']}, Python {m['python']}, {m['platform']}, "
        f"cablethread {m['cablethread']}, {m['date']}",
        "",
        "### parse (threads included) against the single-regex floor and the peers",
        "",
        "| corpus | MB | parse MB/s | messages/s | peak memory × input | floor MB/s | "
        "parse / floor | literal floor MB/s | parse / literal floor | "
        "peer MB/s (parse ÷ peer) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in results["corpora"]:
        parse, floor = row["parse"], row["floor"]
        if "error" in parse or "error" in floor:
            out.append(
                f"| {row['corpus']} | {row['size_mb']} | error: {parse.get('error') or floor.get('error')} |"
            )
            continue
        speed = _mbs(parse["chars"], parse["seconds"])
        floor_speed = _mbs(parse["chars"], floor["seconds"])
        peers = []
        for peer, figures in row["peers"].items():
            if "skipped" in figures or "error" in figures:
                peers.append(f"{peer}: {figures.get('skipped') or figures.get('error')}")
                continue
            peer_speed = _mbs(figures["chars"], figures["seconds"])
            peers.append(f"{peer} {peer_speed:.1f} ({speed / peer_speed:.1f}×)")
        literal_speed = _mbs(parse["chars"], floor["literal_seconds"])
        out.append(
            f"| {row['corpus']} | {row['size_mb']} | {speed:.1f} | "
            f"{parse['messages'] / parse['seconds']:,.0f} | "
            f"{parse['peak_bytes'] / parse['chars']:.1f} | {floor_speed:.0f} | "
            f"{speed / floor_speed:.3f} | {literal_speed:.0f} | {speed / literal_speed:.3f} | "
            f"{'; '.join(peers) or '—'} |"
        )
    exported = [row for row in results["corpora"] if row.get("exports")]
    if exported:
        names = list(EXPORTERS)
        out += [
            "",
            "### exporters against the parse of the same release (exporter time / parse time)",
            "",
            "Each cell: wall-clock seconds (over the parse's), then CPU seconds of the process "
            "(over the parse's), which a busy shared machine disturbs less.",
            "",
            "| corpus | MB | messages | parse s (CPU s) | " + " | ".join(names) + " |",
            "| --- | ---: | ---: | ---: | " + " | ".join("---:" for _ in names) + " |",
        ]
        for row in exported:
            figures = row["exports"]
            if "error" in figures:
                out.append(f"| {row['corpus']} | {row['size_mb']} | error: {figures['error']} |")
                continue
            parse_s, parse_cpu = figures["parse_seconds"], figures["parse_cpu"]
            cells = [
                f"{figures[n]:.2f} s ({figures[n] / parse_s:.2f}); "
                f"CPU {figures['cpu'][n]:.2f} s ({figures['cpu'][n] / parse_cpu:.2f})"
                for n in names
            ]
            out.append(
                f"| {row['corpus']} | {row['size_mb']} | {figures['messages']:,} | "
                f"{parse_s:.2f} ({parse_cpu:.2f}) | " + " | ".join(cells) + " |"
            )
    if results["threads"]:
        out += [
            "",
            "### threading (build_threads) on synthetic releases",
            "",
            "| messages | seconds | CPU seconds | load average | peak memory MB (threading) | "
            "process peak MB | growth per 10× |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        previous: dict[str, Any] | None = None
        for row in results["threads"]:
            if "error" in row:
                out.append(f"| {row['messages']:,} | error: {row['error']} | | | | | |")
                continue
            growth = "—"
            if previous is not None and previous["messages"] * 10 == row["messages"]:
                growth = f"{row['seconds'] / previous['seconds']:.1f}×"
            out.append(
                f"| {row['messages']:,} | {row['seconds']:.2f} | {row['cpu_seconds']:.2f} | "
                f"{row['load_average']:.1f} | {row['peak_bytes'] / _MB:,.0f} | "
                f"{row['total_peak_bytes'] / _MB:,.0f} | {growth} |"
            )
            previous = row
    parallel = results.get("parallel")
    if parallel:
        out += ["", "### parse_many over an archive of ~1 MB files", ""]
        if "error" in parallel:
            out.append(f"error: {parallel['error']}")
        else:
            out.append(
                f"{parallel['size_mb']} MB in {parallel['files']} files, the best of "
                f"{len(parallel.get('serial_runs', [0]))} alternating runs of each: serial "
                f"{parallel['serial_seconds']:.1f} s, process pool of {parallel['workers']} "
                f"{parallel['pool_seconds']:.1f} s, speed-up "
                f"{parallel['serial_seconds'] / parallel['pool_seconds']:.2f}×, same result: "
                f"{parallel['same']}. CPU time: serial {parallel['serial_cpu']:.1f} s; pool "
                f"workers {parallel['worker_cpu']:.1f} s + parent {parallel['parent_cpu']:.1f} s, "
                "so on two idle cores the pool would take at least "
                f"{max(parallel['parent_cpu'], (parallel['worker_cpu'] + parallel['parent_cpu']) / 2):.1f} s "
                f"(load average during the run: {parallel['load_average']:.1f}). Every run: "
                f"serial {_seconds(parallel.get('serial_runs', []))}; "
                f"pool {_seconds(parallel.get('pool_runs', []))}"
            )
    return "\n".join(out)


def _seconds(runs: list[float]) -> str:
    return ", ".join(f"{seconds:.1f} s" for seconds in runs) or "—"


# ---------------------------------------------------------------------------------------------
# Stage timings: where the time of one parse goes (``cablethread.stages``)
# ---------------------------------------------------------------------------------------------

#: Stage timings are taken for the corpora up to this size (one more parse of each).
STAGE_MAX_MB = 10


def task_stages(path: str) -> dict[str, Any]:
    """Seconds spent in each stage of one ``parse`` of the corpus text."""
    import cablethread
    from cablethread.stages import timed

    text = Path(path).read_text(encoding="utf-8")
    cablethread.parse("From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: UNHC\n")
    gc.collect()
    with timed() as timings:
        cablethread.parse(text)
    return {"seconds": timings.seconds, "chars": len(text)}


TASKS["stages"] = task_stages


def measure_stages(results: dict[str, Any], work: Path) -> None:
    """Stage timings for each corpus text :func:`run` wrote, up to :data:`STAGE_MAX_MB`."""
    results["stages"] = []
    for row in results["corpora"]:
        text_path = work / f"{row['corpus']}-{row['size_mb']}.txt"
        if row["size_mb"] > STAGE_MAX_MB or not text_path.exists():
            continue
        measured = _in_worker("stages", str(text_path))
        results["stages"].append({"corpus": row["corpus"], "size_mb": row["size_mb"], **measured})
        print(f"measured the stages of {row['corpus']} {row['size_mb']} MB", file=sys.stderr)


def stage_report(results: dict[str, Any]) -> str:
    """The stage timings as a Markdown table: seconds, and each stage's share of the parse."""
    rows = results.get("stages") or []
    if not rows:
        return ""
    names: list[str] = []
    for row in rows:
        names += [name for name in row.get("seconds", {}) if name not in names]
    out = [
        "",
        "### where the time of a parse goes (stage seconds, share of the parse)",
        "",
        "| corpus | MB | " + " | ".join(names) + " | total |",
        "| --- | ---: | " + " | ".join("---:" for _ in names) + " | ---: |",
    ]
    for row in rows:
        if "error" in row:
            out.append(f"| {row['corpus']} | {row['size_mb']} | error: {row['error']} |")
            continue
        seconds = row["seconds"]
        total = sum(seconds.values())
        cells = [
            f"{seconds[name]:.2f} ({seconds[name] / total:.0%})" if name in seconds else "—"
            for name in names
        ]
        out.append(
            f"| {row['corpus']} | {row['size_mb']} | " + " | ".join(cells) + f" | {total:.2f} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Parse the options and run (or, with ``--worker``, run one measurement)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", default="1,10,100", help="corpus sizes in MB (default 1,10,100)")
    parser.add_argument(
        "--messages", default="10000,100000,1000000", help="synthetic release sizes for threading"
    )
    parser.add_argument("--peer-max-mb", type=float, default=10, help="largest corpus for peers")
    parser.add_argument("--no-peers", action="store_true", help="skip the peers")
    parser.add_argument("--no-parallel", action="store_true", help="skip parse_many on a pool")
    parser.add_argument(
        "--parallel-rounds",
        type=int,
        default=2,
        help="alternating serial and pool runs of parse_many, the best of each kept (default 2)",
    )
    parser.add_argument(
        "--corpora",
        help="folder holding clinton-foia/ and nih-foia/ (default: shared/corpora)",
    )
    parser.add_argument(
        "--only", default="", help="corpora to measure, of seed,clinton,nih (default: all)"
    )
    parser.add_argument(
        "--export-max-mb", type=float, default=10, help="largest corpus for the exporters"
    )
    parser.add_argument("--no-exports", action="store_true", help="skip the exporters")
    parser.add_argument(
        "--json", default="benchmarks/results/latest.json", help="where to write the JSON"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        name, *rest = json.loads(args.worker)
        print(json.dumps(TASKS[name](*rest)))
        return 0
    args.sizes = [float(s) if "." in s else int(s) for s in args.sizes.split(",") if s]
    args.messages = [int(s) for s in args.messages.split(",") if s]
    args.only = [s for s in args.only.split(",") if s]
    results = run(args)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(report(results))
    print(stage_report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
