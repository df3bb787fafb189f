"""Benchmark: the backpropagation stepper in JupyterLab in headless Chromium, click to picture.

Run: ``.venv/bin/python benchmarks/bench_browser_stepper.py [--clicks N]`` (N >= 7, default 16).

It starts the private JupyterLab of the browser tests on a notebook of one cell, the
stepper, opens it at 1280x720 and measures in the page's own clock, from the
pointer's release on a button (``pointerup``) to the first animation frame after
the widget recorded its new picture (``data-painted``, set when drawing ends), as
``benchmarks/bench_browser.py`` does for the other explorers:

* a step ("next ▶" and "◀ previous", alternately walking 1 -> 8 -> 1), drawn in
  the browser from the numbers it holds: target <= 20 ms (one frame);
* "next iteration": a message to Python, the library's ``backprop()``, the next
  iteration's numbers sent back and step 1 drawn: target <= 150 ms.

Each figure is the median over the clicks; the spread is printed too. Nothing is
asserted: the tests do not time anything.

Measured on the 2-core development VM (Chromium headless, JupyterLab 4.6, 16 clicks
each, two runs):

    stepper: a step             medians 8.2 and 7.6 ms (5-19 ms)
    stepper: next iteration     medians 33 and 54 ms (19-121 ms)
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "explorers"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_browser import CLEAR, READ, _idle, _line, bench_page  # noqa: E402
from private_lab import CELLS  # noqa: E402 - the paths above first


def click_latencies(page, host, names, wait_python=False):
    """Release -> first frame after the new picture, for a click on each button of ``names``."""
    out = []
    for name in names:
        button = host.get_by_role("button", name=name, exact=True)
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        page.evaluate(CLEAR)
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_function(
            """() => { const b = window.nnfsBench; return b.release.length && b.pictures
                .some(p => p.frame !== null && p.painted > b.release[b.release.length - 1]); }""",
            timeout=30_000)
        bench = page.evaluate(READ)
        release = bench["release"][-1]
        out.append(min(p["frame"] for p in bench["pictures"] if p["painted"] > release) - release)
        if wait_python:
            _idle(page)
            page.wait_for_timeout(200)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=16, help="clicks per measurement (>= 7)")
    clicks = max(parser.parse_args().clicks, 7)
    with bench_page([CELLS["stepper"]]) as (page, (host,)):
        walk = (["next ▶"] * 7 + ["◀ previous"] * 7) * (-(-clicks // 14))
        steps = click_latencies(page, host, walk[:clicks])
        iterations = click_latencies(page, host, ["next iteration"] * clicks, wait_python=True)
    print(f"Chromium headless, JupyterLab 1280x720, {clicks} clicks each; "
          "release -> first animation frame after the picture:")
    _line("stepper: a step", steps, "ms", "<= 20 ms")
    _line("stepper: next iteration", iterations, "ms", "<= 150 ms")


if __name__ == "__main__":
    main()
