"""The HTML viewer's page: its size, the time to write it, and the time a browser takes to draw it.

    python benchmarks/viewer.py                 # the seed and a 10 MB Clinton release (~1 minute)
    python benchmarks/viewer.py --mb 1 --runs 5 # another size, more loads
    python benchmarks/viewer.py --corpora PATH  # the folder holding clinton-foia/

Each release is parsed once and written with ``cablethread.write_html``. The page is then opened
``--runs`` times in headless Chromium (Debian's ``chromium`` and ``chromium-driver``, under
selenium; the same flags as the tests, ``tests/browser.py``) and the best load is reported:
from the navigation's start to the page's ``tree-drawn`` mark (the script has read the release's
JSON and drawn the overview, the filters and the first rows of the thread tree), and to the
load event. Then, on the page drawn, the time to filter by a sender (``a``: most threads pass
and the first rows are drawn again) and to open the longest thread and choose its first message
(its tree, timeline and panel drawn). The issue's targets: the seed's page under 1 MB, a 10 MB release drawn within a few
seconds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chrome  # noqa: E402

import cablethread  # noqa: E402
from benchmarks import corpora  # noqa: E402

#: A filter typed in: the sender ``a`` (most messages pass), the tree drawn again.
_FILTER = """
var box = document.getElementsByName('sender')[0];
var start = performance.now();
box.value = 'a';
box.dispatchEvent(new Event('input', {bubbles: true}));
var took = performance.now() - start;
box.value = '';
box.dispatchEvent(new Event('input', {bubbles: true}));
return took;
"""
#: The longest thread opened, and its first message chosen: messages, timeline and panel drawn.
_OPEN = """
var data = JSON.parse(document.getElementById('release-data').textContent);
var longest = 0;
data.threads.forEach(function (t, i) { if (t.count > data.threads[longest].count) longest = i; });
var box = document.getElementsByName('subject')[0];
box.value = data.threads[longest].subject || '';
box.dispatchEvent(new Event('input', {bubbles: true}));
var item = document.querySelector("#tree > li[data-thread='" + longest + "'] > .row");
var start = performance.now();
item.click();
document.querySelector("#tree li.message > .row").click();
return [performance.now() - start, data.threads[longest].count];
"""
_TIMES = """
var drawn = performance.getEntriesByName('tree-drawn')[0];
var nav = performance.getEntriesByType('navigation')[0];
return [drawn ? drawn.startTime : -1, nav ? nav.loadEventEnd : -1,
        document.querySelectorAll('#tree > li').length];
"""


def measure(name: str, release: cablethread.Release, folder: Path, runs: int) -> dict[str, float]:
    """Write the page of ``release`` and open it ``runs`` times; the best load's figures."""
    target = folder / f"{name}.html"
    started = time.perf_counter()
    cablethread.write_html(release, target)
    written = time.perf_counter() - started
    best: tuple[float, float, int] | None = None
    filtered = opened = float("inf")
    longest = 0
    with chrome() as driver:
        for _ in range(runs):
            driver.get("about:blank")
            driver.get(target.as_uri())
            drawn, loaded, rows = driver.execute_script(_TIMES)
            if best is None or drawn < best[0]:
                best = (float(drawn), float(loaded), int(rows))
            filtered = min(filtered, float(driver.execute_script(_FILTER)))
            took, longest = driver.execute_script(_OPEN)
            opened = min(opened, float(took))
    assert best is not None
    return {
        "messages": len(release.messages),
        "threads": len(release.threads),
        "page_mb": target.stat().st_size / 1_000_000,
        "write_s": written,
        "drawn_ms": best[0],
        "load_ms": best[1],
        "rows": best[2],
        "filter_ms": filtered,
        "open_ms": opened,
        "longest": longest,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the Clinton release")
    parser.add_argument("--runs", type=int, default=3, help="page loads; the best is kept")
    parser.add_argument("--corpora", type=Path, help="the folder holding clinton-foia/")
    args = parser.parse_args(argv)
    releases: list[tuple[str, float, cablethread.Release]] = [
        (
            "seed",
            corpora.SEED_PATH.stat().st_size / 1_000_000,
            cablethread.parse_file(corpora.SEED_PATH),
        )
    ]
    clinton = corpora.clinton_path(args.corpora)
    if clinton is None:
        print("no Clinton sample found (--corpora); the seed only", file=sys.stderr)
    else:
        text = corpora.join(
            corpora.repeated(corpora.clinton_documents(clinton), int(args.mb * 1_000_000))
        )
        releases.append((f"clinton {args.mb:g} MB", len(text) / 1_000_000, cablethread.parse(text)))
    print(
        "| release | input MB | messages | threads | page MB | write s "
        "| tree drawn ms | load event ms | rows drawn | filter ms | open longest thread ms |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="cablethread-viewer-") as folder:
        for name, size, release in releases:
            got = measure(name.split()[0], release, Path(folder), args.runs)
            print(
                f"| {name} | {size:.2f} | {got['messages']:,.0f} | {got['threads']:,.0f} "
                f"| {got['page_mb']:.2f} | {got['write_s']:.2f} | {got['drawn_ms']:,.0f} "
                f"| {got['load_ms']:,.0f} | {got['rows']:,.0f} | {got['filter_ms']:,.0f} "
                f"| {got['open_ms']:,.0f} ({got['longest']:.0f} messages) |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
