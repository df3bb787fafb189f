"""Notebook 08 as a slideshow (jupyterlab-slideshow) in Chromium at 1280x720.

A copy of the series' notebooks is served by a private JupyterLab. Notebook 08
runs, its slideshow starts (the ``deck:start`` command, as the notebook
toolbar's deck button), Space moves through the slides (each inside the
1280x720 window) until the training explorer's slide: the explorer is alone on
it and on screen, and a drag of its first slider changes the picture. Then
JupyterLab's content font size is increased through its settings (Settings →
Theme → Increase Content Font Size), and Presentation Mode is switched on (View
→ Presentation Mode): each enlarges the explorer's controls and drawn labels.
Screenshots of a few slides are saved under the test's temporary directory
(the paths are printed).
Skipped without /usr/bin/chromium (or playwright), unless CI=true: then it fails.

    .venv/bin/python -m pytest tests/explorers/test_browser_slides.py -p no:cacheprovider \
        -o addopts="" -s
"""

import json
import shutil
import time
from pathlib import Path

import pytest
import slides
from private_lab import (
    PANEL,
    chromium,
    drag,
    frames,
    open_notebook,
    private_lab,
    require_browser,
    wait_painted,
)

pytestmark = pytest.mark.browser

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOK = "08_training_and_results.ipynb"
#: The time budget for these tests together, server start and notebook run included: printed,
#: not asserted (speed is measured by benchmarks/, never by timed tests).
BUDGET_SECONDS = 60
#: The cells on the current slide (the slideshow marks them jp-deck-mod-visible).
ON_SLIDE = f"""() => [...document.querySelectorAll('{PANEL} .jp-Cell')]
    .map((cell, k) => cell.classList.contains('jp-deck-mod-visible') ? k : -1)
    .filter(k => k >= 0)"""
#: The notebook's active cell (the slideshow moves it with every step).
ACTIVE = "() => window.jupyterapp.shell.currentWidget.content.activeCellIndex"
#: The top and bottom (px) of what the current slide shows.
EXTENT = f"""() => {{
    const r = [...document.querySelectorAll('{PANEL} .jp-Cell.jp-deck-mod-visible')]
        .map(cell => cell.getBoundingClientRect());
    return [Math.min(...r.map(b => b.top)), Math.max(...r.map(b => b.bottom))];
}}"""
#: The explorer's control font size and the height of a drawn label (the first
#: input node's name in the weights diagram), both in CSS px; argument: its cell.
SIZES = f"""k => {{
    const el = document.querySelectorAll('{PANEL} .jp-Cell')[k].querySelector('.nnfs-explorer');
    const label = [...el.querySelectorAll('svg text')].find(t => t.textContent === 'x1');
    return [parseFloat(getComputedStyle(el.querySelector('.nnfs-control label')).fontSize),
            label.getBoundingClientRect().height];
}}"""


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    """Notebook 08 run in JupyterLab at 1280x720: ``(page, explorer cell index, shots)``."""
    require_browser()
    start = time.monotonic()
    root, shots = tmp_path_factory.mktemp("served"), tmp_path_factory.mktemp("slides")
    shutil.copytree(NOTEBOOKS, root / "notebooks")
    cells = json.loads((NOTEBOOKS / NOTEBOOK).read_text(encoding="utf-8"))["cells"]
    explorers = [k for k, cell in enumerate(cells) if slides.is_explorer(cell)]
    training = [k for k in explorers if "TrainingExplorer(" in "".join(cells[k]["source"])]
    with private_lab(root, tmp_path_factory.mktemp("jupyter")) as (base, token), \
            chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        open_notebook(page, f"{base}/lab/tree/notebooks/{NOTEBOOK}?reset&token={token}",
                      len(explorers))
        print(f"notebook 08 open and run after {time.monotonic() - start:.1f} s")
        # From the top, as a presenter starts (the deck opens at the active cell).
        page.evaluate("() => { window.jupyterapp.shell.currentWidget.content.activeCellIndex = 0; "
                      "return window.jupyterapp.commands.execute('deck:start'); }")
        page.wait_for_function("() => document.body.dataset.jpDeckMode === 'presenting'")
        yield page, training[0], shots
        assert errors == [], errors
    elapsed = time.monotonic() - start
    print(f"slideshow browser tests took {elapsed:.1f} s (budget {BUDGET_SECONDS} s)")


def _next_slide(page):
    """Press Space until the slide shows other cells; return them (the same at the end).

    Each press moves the active cell on; one that only reaches a cell joining
    the slide already shown (or a skipped one) changes nothing on screen.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    shown = page.evaluate(ON_SLIDE)
    for _ in range(6):
        active = page.evaluate(ACTIVE)
        page.keyboard.press("Space")
        try:
            page.wait_for_function(f"a => ({ACTIVE})() !== a", arg=active, timeout=1_500)
        except PlaywrightTimeout:
            break  # the last slide
        page.wait_for_timeout(250)  # the slide's transition
        if page.evaluate(ON_SLIDE) != shown:
            break
    return page.evaluate(ON_SLIDE)


def _drawing(host):
    return host.evaluate("""el => [...el.querySelectorAll('svg')].map(s => s.outerHTML).join('')
        + [...el.querySelectorAll('canvas')].map(c => c.toDataURL()).join('|')""")


def test_slideshow_reaches_the_explorer_and_its_slider_redraws(deck):
    page, explorer, shots = deck
    assert page.evaluate(ON_SLIDE) == [0], "the slideshow does not start at the title"
    page.screenshot(path=str(shots / "slide_title.png"))
    steps, shown = 0, [0]
    while explorer not in shown:
        top, bottom = page.evaluate(EXTENT)
        assert top >= 0 and bottom <= 721, f"cells {shown} reach from {top} to {bottom} px"
        shown = _next_slide(page)
        steps += 1
        assert steps < 60, "Space never reached the explorer's slide"
        if steps in (1, 3):
            page.screenshot(path=str(shots / f"slide_{steps}.png"))
    assert shown == [explorer], f"the explorer shares its slide with cells {shown}"
    host = _host(page, explorer)
    box = host.locator(".nnfs-explorer").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= 720, f"the explorer {box} is cut off"
    page.screenshot(path=str(shots / "slide_explorer.png"))
    before, painted = _drawing(host), frames(host)
    drag(page, host.locator("input[type=range]").first, -25)
    wait_painted(page, host, painted)
    page.wait_for_timeout(200)
    assert _drawing(host) != before, "dragging a slider on the slide did not change the picture"
    assert page.evaluate(ON_SLIDE) == [explorer], "the drag moved the slideshow on"
    page.screenshot(path=str(shots / "slide_explorer_dragged.png"))
    print("slides:", *sorted(shots.glob("*.png")), sep="\n  ")


def _host(page, cell):
    """The element (anywidget's ``el``) of the explorer in cell number ``cell``."""
    return page.locator(f"{PANEL} .jp-Cell").nth(cell).locator(".nnfs-explorer").locator("xpath=..")


def _sizes_after(page, explorer, command, args=None):
    """Run a JupyterLab command, wait for the explorer's repaint; return ``SIZES``."""
    host = _host(page, explorer)
    painted = frames(host)
    page.evaluate("([c, a]) => window.jupyterapp.commands.execute(c, a)", [command, args or {}])
    wait_painted(page, host, painted)
    page.wait_for_timeout(200)  # settle (the ResizeObserver may answer twice)
    return page.evaluate(SIZES, explorer)


def test_font_size_setting_and_presentation_mode_enlarge_the_explorer(deck):
    page, explorer, shots = deck
    control, label = page.evaluate(SIZES, explorer)
    font = {"key": "content-font-size1"}
    bigger_control, bigger_label = _sizes_after(page, explorer, "apputils:incr-font-size", font)
    assert bigger_control > control and bigger_label > label * 1.04, (
        "a larger content font size did not enlarge the explorer",
        (control, label), (bigger_control, bigger_label))
    assert _sizes_after(page, explorer, "apputils:decr-font-size", font) == [control, label]
    presentation = "application:toggle-presentation-mode"
    shown_control, shown_label = _sizes_after(page, explorer, presentation)
    print(f"control font, label height (px): {control}, {label:.1f} by default; "
          f"{bigger_control}, {bigger_label:.1f} one step larger; "
          f"{shown_control}, {shown_label:.1f} in Presentation Mode")
    page.screenshot(path=str(shots / "slide_explorer_presentation_mode.png"))
    assert shown_control > control and shown_label > label * 1.04, (
        "Presentation Mode did not enlarge the explorer",
        (control, label), (shown_control, shown_label))
    assert _sizes_after(page, explorer, presentation) == [control, label]


def test_in_presentation_mode_the_slides_after_the_explorer_fit_the_window(deck):
    """From the training explorer's slide to the last, live, in Presentation Mode."""
    page, explorer, shots = deck
    page.evaluate("() => window.jupyterapp.commands.execute("
                  "'application:toggle-presentation-mode')")
    page.wait_for_timeout(300)
    # Keys pressed in a focused control stay with it (Space would press a button):
    # the presenter clicks beside the explorer, giving the notebook the keys again.
    page.evaluate("() => window.jupyterapp.shell.currentWidget.content.activeCell.node.focus()")
    shown, last, steps = page.evaluate(ON_SLIDE), None, 0
    assert explorer in shown
    while shown != last:
        top, bottom = page.evaluate(EXTENT)
        assert top >= 0 and bottom <= 721, f"cells {shown} reach from {top} to {bottom} px"
        last, shown = shown, _next_slide(page)
        steps += 1
        assert steps < 80, "Space never reached the last slide"
    page.screenshot(path=str(shots / "slide_last_presentation_mode.png"))
    cells = json.loads((NOTEBOOKS / NOTEBOOK).read_text(encoding="utf-8"))["cells"]
    assert max(shown) == max(k for k, cell in enumerate(cells)
                             if cell["metadata"].get("slideshow", {}).get("slide_type") != "skip")
