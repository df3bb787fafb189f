"""The hidden layer's view of XOR in a real browser: JupyterLab and Notebook 7 in Chromium.

One private Jupyter server (``private_lab``) serves a notebook of the explorer's one cell.
In JupyterLab at 1280x720 with the file browser open, and in Notebook 7: the explorer
paints, dragging the time scrubber changes the picture, the points drawn in the hidden
plane are the Python values of the iteration shown (read back from the kernel) at the
place the plane's scale puts them, the line separates them at the end, nothing overflows
the notebook's width and no error shows. A screenshot of each is saved under the test's
temporary directory. Skipped without /usr/bin/chromium (or playwright), unless CI=true.

    .venv/bin/python -m pytest tests/explorers/test_browser_hidden.py -o addopts=""
"""

import json

import pytest
from private_lab import (
    CELLS,
    PANEL,
    drag,
    drawing,
    frames,
    kernel_prints,
    new_page,
    no_errors,
    served_notebook,
    shutdown_sessions,
    wait_painted,
    widget_host,
)

pytestmark = pytest.mark.browser

#: Prints the explorer's hidden points at iteration ``time`` (its snapshot's weights), JSON.
POINTS = ("import json\nfrom nnfs_lib.explorers.hidden_view import HiddenViewExplorer\n"
          "e = HiddenViewExplorer._latest[(HiddenViewExplorer, {cell!r})]\n"
          "w1, w2 = e.history.snapshots[e.time]\n"
          "print(json.dumps([e.time, (1 / (1 + np.exp(-(e.network.input @ w1)))).tolist()]))")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    cells = ["import numpy as np", CELLS["hidden"]]
    with served_notebook(tmp_path_factory, "hidden.ipynb", cells) as server:
        yield server


def _kernel_json(page, code):
    """What ``code`` run in the notebook's kernel prints, read as JSON."""
    return json.loads(kernel_prints(page, code))


def _drawn(host):
    """The hidden plane's markers: their values and centres, the panel's square in px."""
    return host.evaluate("""el => {
        const svg = el.querySelector("svg[aria-label='hidden plane']");
        const square = svg.querySelector('rect').getBBox();
        const marks = [...svg.querySelectorAll('.nnfs-sample')].map(m => {
            const b = m.getBBox();
            return { u: Number(m.dataset.u), v: Number(m.dataset.v),
                     cx: b.x + b.width / 2, cy: b.y + b.height / 2 }; });
        return { square: [square.x, square.y, square.width], marks,
                 text: el.querySelector('.nnfs-headline').textContent }; }""")


def _check(page, host, cell, shots, name):
    host.evaluate("el => el.scrollIntoView({block: 'start'})")
    end = _drawn(host)
    assert end["text"].startswith("Iteration 1500 of 1500"), end["text"]
    assert "one straight line separates the points" in end["text"]
    before, painted = drawing(host), frames(host)
    drag(page, host.locator(".nnfs-playback input[type=range]"), -150, steps=10)
    wait_painted(page, host, painted)
    page.wait_for_function("() => window.jupyterapp.shell.currentWidget.sessionContext"
                           ".session.kernel.status === 'idle'")
    page.wait_for_timeout(300)
    assert drawing(host) != before, f"{name}: dragging the scrubber changed nothing"
    time, points = _kernel_json(page, POINTS.format(cell=cell))
    drawn = _drawn(host)
    assert drawn["text"].startswith(f"Iteration {time} of 1500"), (time, drawn["text"])
    assert time < 1500
    left, top, side = drawn["square"]
    low, high = -0.05, 1.05
    for mark, (a1, a2) in zip(drawn["marks"], points, strict=True):
        assert mark["u"] == pytest.approx(a1, abs=1e-12)
        assert mark["v"] == pytest.approx(a2, abs=1e-12)
        assert mark["cx"] == pytest.approx(left + (a1 - low) / (high - low) * side, abs=0.6)
        assert mark["cy"] == pytest.approx(top + side - (a2 - low) / (high - low) * side,
                                           abs=0.6)
    # Nothing reaches beyond the notebook's right edge; no text under 14 px.
    edge = page.evaluate(f"() => document.querySelector('{PANEL}')"
                         ".getBoundingClientRect().right")
    right = host.evaluate("el => Math.max(...[...el.querySelectorAll('*')]"
                          ".map(e => e.getBoundingClientRect().right))")
    assert right <= edge, f"{name}: the explorer reaches {right} px, the notebook ends at {edge}"
    smallest = host.evaluate("""el => Math.min(...[...el.querySelectorAll(
        'label, text, input, button, select, p')].filter(e => e.checkVisibility())
        .map(e => parseFloat(getComputedStyle(e).fontSize)))""")
    assert smallest >= 14, f"{name}: text of {smallest} px"
    assert host.locator(".nnfs-error").inner_text() == ""
    host.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(shots / f"{name}.png"))


@pytest.mark.parametrize("url_path, name", [
    ("/lab/workspaces/h1/tree/hidden.ipynb", "hidden_lab"),
    ("/notebooks/hidden.ipynb", "hidden_nb7")])
def test_scrubbing_draws_the_python_points(browser, lab, tmp_path, url_path, name):
    context, page, errors = new_page(browser, lab, url_path)
    try:
        if name == "hidden_lab":
            assert page.locator("#filebrowser").is_visible(), "the file browser should be open"
        else:
            assert page.evaluate("() => window.jupyterapp.name") == "Jupyter Notebook"
        _check(page, widget_host(page, 0), "cell1", tmp_path, name)
        no_errors(page, errors)
        print("screenshots in", tmp_path)
    finally:
        context.close()
        shutdown_sessions(*lab)


#: The boxes (px, [left, top, right, bottom]) of the markers, with half their 2.5 px outline,
#: and of the labels' text, with its 3 px halo, in each panel of the explorer.
BOXES = """el => [...el.querySelectorAll('svg')].map(svg => {
    const box = (e, pad) => { const b = e.getBBox();
        return [b.x - pad, b.y - pad, b.x + b.width + pad, b.y + b.height + pad]; };
    return { markers: [...svg.querySelectorAll('.nnfs-sample')].map(m => box(m, 1.25)),
             labels: [...svg.querySelectorAll('text.halo')].map(t => box(t, 1.5)) }; })"""


def _overlap(a, b):
    return min(a[2], b[2]) - max(a[0], b[0]) > 0 and min(a[3], b[3]) - max(a[1], b[1]) > 0


@pytest.mark.parametrize("url_path, name", [("/lab/workspaces/h2/tree/hidden.ipynb", "labels")])
def test_no_label_covers_a_marker_or_another_label(browser, lab, tmp_path, url_path, name):
    """At 214 (0,1) and (1,0) nearly meet in the hidden plane; 0, 879 and 1500 for the rest."""
    context, page, errors = new_page(browser, lab, url_path)
    try:
        host = widget_host(page, 0)
        host.evaluate("el => el.scrollIntoView({block: 'start'})")
        slider = host.locator(".nnfs-playback input[type=range]")
        for iteration in (0, 214, 879, 1500):
            painted = frames(host)
            slider.evaluate("(s, v) => { s.value = v; s.dispatchEvent(new Event('input')); }",
                            iteration)
            wait_painted(page, host, painted)
            assert _drawn(host)["text"].startswith(f"Iteration {iteration} of 1500")
            for panel, boxes in zip(("hidden", "input"), host.evaluate(BOXES), strict=True):
                assert len(boxes["labels"]) == len(boxes["markers"]) == 4
                for k, label in enumerate(boxes["labels"]):
                    hits = [j for j, m in enumerate(boxes["markers"]) if _overlap(label, m)]
                    hits += [f"label {j}" for j, other in enumerate(boxes["labels"])
                             if j != k and _overlap(label, other)]
                    assert hits == [], f"{panel} plane, iteration {iteration}: label {k} on {hits}"
            page.screenshot(path=str(tmp_path / f"labels_{iteration}.png"))
        no_errors(page, errors)
        print("screenshots in", tmp_path)
    finally:
        context.close()
        shutdown_sessions(*lab)
