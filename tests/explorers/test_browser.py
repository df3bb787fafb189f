"""The explorers in a real browser: JupyterLab and Notebook 7 in Chromium.

One private Jupyter server (``private_lab``) serves a generated notebook that
holds only the explorer cells of the series (fast to open and run). In
JupyterLab at 1280x720 with the file browser open, at 853x480 with device
scale 1.5 (150 % zoom) and in Notebook 7, each explorer is checked: a drag
changes the drawing and its text description, no error shows, the text is at
least 14 px, every control has an accessible name, is reached with Tab and
moves with the arrow keys; the training explorer's playback advances frames,
its log toggle after scrubbing back to 0 shows the end, its weight readouts
lie inside the notebook's viewport apart, and after a sequence of changes and
reset it draws exactly what a fresh explorer draws (SVG markup and canvas
pixels); a re-run of its cell releases the explorer it made before.
A screenshot per explorer is saved under the test's temporary directory.
Skipped without /usr/bin/chromium (or playwright), unless CI=true: then it fails.

    .venv/bin/python -m pytest tests/explorers/test_browser.py -p no:cacheprovider -o addopts=""
"""

import re

import pytest
from private_lab import (
    CELLS,
    PANEL,
    drag,
    drawing,
    frames,
    kernel_prints,
    no_errors,
    served_notebook,
    wait_painted,
    widget_host,
)

pytestmark = pytest.mark.browser

ORDER = ["activation", "neuron", "loss", "compact", "training", "lab"]
TRAINING = ORDER.index("training")
#: The time budget for these browser tests, server start included: printed, not asserted.
BUDGET_SECONDS = 180
#: The controls a user can reach, as a CSS selector (the closed weights panel hides some).
CONTROLS = "input, button, select, summary"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    cells = [CELLS[name] for name in ORDER]
    with served_notebook(tmp_path_factory, "explorers.ipynb", cells, BUDGET_SECONDS) as server:
        yield server


# -- what is compared and read -----------------------------------------------------------
def _without_ids(markup):
    """Markup without the page-unique ids of ``common.js``' ``uniqueId``."""
    return re.sub(r"nnfs-[a-z]+-[a-z0-9]+-\d+", "ID", markup)


def _description(host):
    return host.locator(".nnfs-description").inner_text()


def _wait_description(page, host, old):
    """Wait until the text description differs from ``old``; return it."""
    page.wait_for_function("([el, old]) => el.querySelector('.nnfs-description')"
                           ".textContent !== old", arg=[host.element_handle(), old],
                           timeout=20_000)
    return _description(host)


def _viewport(page):
    """The notebook's visible area (its scroll box) as [top, bottom, left, right]."""
    return page.evaluate("""panel => { const box = document.querySelector(panel
        + ' .jp-WindowedPanel-outer') || document.querySelector(panel);
        const r = box.getBoundingClientRect();
        return [Math.max(r.top, 0), Math.min(r.bottom, innerHeight), Math.max(r.left, 0),
                Math.min(r.right, innerWidth)]; }""", PANEL)


def _inside(box, viewport):
    top, bottom, left, right = viewport
    return (box["y"] >= top - 0.5 and box["y"] + box["height"] <= bottom + 0.5
            and box["x"] >= left - 0.5 and box["x"] + box["width"] <= right + 0.5)


# -- the checks ------------------------------------------------------------------------------
def _check_keyboard(page, host, name):
    """Tab reaches every control in order; each slider and menu moves with an arrow key."""
    count = host.evaluate(f"""el => {{ const c = [...el.querySelectorAll('{CONTROLS}')]
        .filter(e => e.checkVisibility());
        c.forEach((e, k) => {{ e.dataset.nnfsTab = k; }}); c[0].focus(); return c.length; }}""")
    reached = ["0"]
    for _ in range(count - 1):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.dataset.nnfsTab"))
    assert reached == [str(k) for k in range(count)], f"{name}: Tab reached {reached}"
    for k in range(count):
        control = host.locator(f"[data-nnfs-tab='{k}']")
        kind = control.evaluate("e => e.tagName + (e.type || '')")
        if kind not in ("INPUTrange", "SELECTselect-one"):
            continue
        control.focus()
        at_end = control.evaluate("e => e.tagName === 'SELECT' ? e.selectedIndex === "
                                  "e.options.length - 1 : Number(e.value) >= Number(e.max)")
        value, text, painted = control.input_value(), _description(host), frames(host)
        control.press("ArrowLeft" if at_end else "ArrowRight")
        assert control.input_value() != value, f"{name}: an arrow key left {kind} at {value}"
        if kind == "INPUTrange":  # a slider redraws; the menu of speeds does not
            _wait_description(page, host, text)
            wait_painted(page, host, painted)
        page.wait_for_timeout(100)  # a continuous explorer may answer twice


def _check_explorer(page, host, name, shots):
    """A drag changes the drawing and description; fonts, names, keyboard; screenshot."""
    host.scroll_into_view_if_needed()
    before, painted, text = drawing(host), frames(host), _description(host)
    drag(page, host.locator("input[type=range]").first, 25)
    wait_painted(page, host, painted)
    _wait_description(page, host, text)
    page.wait_for_timeout(150)  # the continuous explorers may answer several times
    assert drawing(host) != before, f"{name}: the drawing did not change"
    smallest = host.evaluate("""el => Math.min(...[...el.querySelectorAll(
        'label, text, input, button, select, summary, .nnfs-description')]
        .filter(e => e.checkVisibility())
        .map(e => parseFloat(getComputedStyle(e).fontSize)))""")
    assert smallest >= 14, f"{name}: text of {smallest} px"
    unnamed = host.evaluate(f"""el => [...el.querySelectorAll('{CONTROLS}')]
        .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                     && !(['BUTTON', 'SUMMARY'].includes(e.tagName) && e.textContent.trim()))
        .map(e => e.outerHTML)""")
    assert unnamed == [], f"{name}: controls without an accessible name"
    _check_keyboard(page, host, name)
    assert host.locator(".nnfs-error").inner_text() == ""
    # What the user sees (an element shot of an explorer taller than the notebook is grey).
    host.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(shots / f"{name}.png"))


def _no_overlap(boxes):
    for k, a in enumerate(boxes):
        for b in boxes[k + 1:]:
            assert (a["x"] + a["width"] <= b["x"] + 0.5 or b["x"] + b["width"] <= a["x"] + 0.5
                    or a["y"] + a["height"] <= b["y"] + 0.5
                    or b["y"] + b["height"] <= a["y"] + 0.5), (a, b)


def _check_layout(page, host, shots, together=True):
    """Open weights panel: its 16 readouts inside the notebook's viewport, nothing in it
    overlapping; figure and main controls on screen together (``together``)."""
    host.locator("details summary").click()
    grid = host.locator(".nnfs-weights")
    grid.evaluate("e => e.scrollIntoView({block: 'center'})")
    viewport = _viewport(page)
    readouts = [b.bounding_box() for b in grid.locator(".nnfs-box").all()]
    assert len(readouts) == 16
    assert all(_inside(box, viewport) for box in readouts), (viewport, readouts)
    _no_overlap([b.bounding_box() for b in grid.locator(
        "label, .nnfs-box, input[type=range], .nnfs-head").all()])
    page.screenshot(path=str(shots / "weights_panel.png"))
    host.locator("details summary").click()
    if together:
        host.locator(".nnfs-settings").evaluate("e => e.scrollIntoView({block: 'start'})")
        for part in (".nnfs-settings", ".nnfs-playback", ".nnfs-figure"):
            box = host.locator(part).bounding_box()
            assert _inside(box, _viewport(page)), f"{part} {box} is not on screen"
        page.screenshot(path=str(shots / "training_page.png"))


def _check_playback_and_log(page, host):
    """Play advances frames; after scrubbing to 0 the log toggle (Space) shows the end."""
    scrubber = host.locator(".nnfs-playback input[type=range]")
    end = host.get_by_label("iterations (type a value)").input_value()
    scrubber.fill("0")
    assert _description(host).startswith(f"Iteration 0 of {end}")
    painted = frames(host)
    host.locator("button", has_text="Play").click()
    page.wait_for_timeout(700)
    assert frames(host) > painted + 10
    shown = _description(host)
    assert not shown.startswith("Iteration 0 "), shown
    host.locator("button", has_text="Pause").click()
    scrubber.fill("0")
    text = _description(host)
    host.locator("input[type=checkbox]").press("Space")
    assert _wait_description(page, host, text).startswith(f"Iteration {end} of {end}")
    assert "(log)" in host.locator("svg[aria-label='loss curve']").inner_html()
    host.locator("input[type=checkbox]").press("Space")


def test_jupyterlab_1280x720_every_explorer(opened, tmp_path):
    page, errors = opened("/lab/workspaces/t1/tree/explorers.ipynb", 1280, 720,
                          explorers=len(ORDER))
    assert page.locator("#filebrowser").is_visible(), "the file browser should be open"
    for k, name in enumerate(ORDER):
        _check_explorer(page, widget_host(page, k), name, tmp_path)
    training = widget_host(page, TRAINING)
    _check_layout(page, training, tmp_path)
    _check_playback_and_log(page, training)
    no_errors(page, errors)
    print("screenshots in", tmp_path)


def test_150_percent_zoom(opened, tmp_path):
    page, errors = opened("/lab/workspaces/t2/tree/explorers.ipynb", 853, 480, scale=1.5,
                          explorers=len(ORDER))
    training = widget_host(page, TRAINING)
    _check_explorer(page, training, "training_150", tmp_path)
    _check_layout(page, training, tmp_path, together=False)
    # Nothing is cut off on the right: every explorer fits the notebook's visible width.
    edge = _viewport(page)[3]
    for k in range(len(ORDER)):
        right = widget_host(page, k).evaluate("el => Math.max(...[...el.querySelectorAll('*')]"
                                              ".map(e => e.getBoundingClientRect().right))")
        assert right <= edge, f"{ORDER[k]} reaches {right} px, the notebook ends at {edge}"
    no_errors(page, errors)


ALIVE = ("import gc\nfrom nnfs_lib.explorers.training import TrainingExplorer\n"
         "made = [w for w in gc.get_objects() if isinstance(w, TrainingExplorer)]\n"
         "print(sum(w.comm is not None for w in made), "
         "sum(w.comm is None and w.run == {} and w.result is None for w in made))")


def _changed(page, host, action):
    """Do ``action()`` and wait until the explorer has painted and Python is idle."""
    painted = frames(host)
    action()
    wait_painted(page, host, painted)
    page.wait_for_function("() => window.jupyterapp.shell.currentWidget.sessionContext"
                           ".session.kernel.status === 'idle'")
    page.wait_for_timeout(300)


def test_notebook7_changes_then_reset_draw_a_fresh_explorer(opened, tmp_path):
    page, errors = opened("/notebooks/explorers.ipynb", 1280, 720, explorers=len(ORDER))
    assert page.evaluate("() => window.jupyterapp.name") == "Jupyter Notebook"
    training = widget_host(page, TRAINING)
    _check_explorer(page, training, "training_nb7", tmp_path)
    iterations = training.locator("input[type=range]").first
    for dx, expected in ((2000, "10000"), (-2000, "0")):  # 10,000 iterations, then 0
        _changed(page, training, lambda dx=dx: drag(page, iterations, dx, steps=8))
        assert training.locator(".nnfs-box").first.input_value() == expected
    assert _description(training).startswith("Iteration 0 of 0")
    _changed(page, training, lambda: training.locator("button", has_text="all equal").click())
    seed = training.get_by_label("random seed", exact=True)
    _changed(page, training, lambda: seed.press("ArrowRight"))
    assert training.get_by_label("random seed (type a value)").input_value() != "0"
    _changed(page, training, lambda: training.locator("button", has_text="reset").click())
    changed = drawing(training)
    old = training.element_handle()
    page.evaluate("""k => { const nb = window.jupyterapp.shell.currentWidget.content;
        nb.activeCellIndex = k; window.jupyterapp.commands.execute('notebook:run-cell'); }""",
                  TRAINING)
    page.wait_for_function("el => !el.isConnected", arg=old, timeout=30_000)
    page.wait_for_function("k => document.querySelectorAll('.nnfs-explorer')[k]"
                           "?.parentElement.dataset.painted", arg=TRAINING, timeout=30_000)
    fresh = widget_host(page, TRAINING)
    page.wait_for_timeout(300)
    assert _without_ids(drawing(fresh)) == _without_ids(changed)
    # The compact explorer and the new one live; the old one is closed and holds no data.
    assert kernel_prints(page, ALIVE).split() == ["2", "1"]
    no_errors(page, errors)
