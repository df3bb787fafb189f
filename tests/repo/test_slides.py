"""The notebooks' slide metadata (tools/slides.py): current, and a usable slideshow.

The stored metadata must be what the rules give (``make notebooks`` keeps it so);
the slides are then read back from the stored ``slide_type`` values as
jupyterlab-slideshow reads them (a ``slide`` or ``subslide`` starts a slide, a
``skip`` is never shown) and checked: the notebook opens on a slide, every
heading starts one, no slide is empty, each live explorer is alone on its slide
and its static fallback figure is skipped. A small notebook written here checks
the rules against types chosen by hand.
"""

import copy
import json
from pathlib import Path

import pytest
import slides

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
STARTS = ("slide", "subslide")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell):
    return "".join(cell["source"])


def slide_type(cell):
    return cell["metadata"].get("slideshow", {}).get("slide_type", "-")


def explorer(cell):
    """A live explorer cell, as the notebooks write them (a widget view, so output ignored)."""
    text = source(cell)
    return (cell["cell_type"] == "code" and text.startswith("# NBVAL_IGNORE_OUTPUT")
            and "from nnfs_lib.explorers" in text)


def has_image(cell):
    return any("image/png" in o.get("data", {}) for o in cell.get("outputs", []))


def slides_of(nb):
    """The slides as lists of the indices of the cells shown on them."""
    shown = []
    for k, cell in enumerate(nb["cells"]):
        kind = slide_type(cell)
        if kind == "skip":
            continue
        if kind in STARTS or not shown:
            shown.append([])
        shown[-1].append(k)
    return shown


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_stored_slide_metadata_is_what_the_rules_give(path):
    stored = load(path)
    expected = slides.apply(copy.deepcopy(stored))
    for k, (have, want) in enumerate(zip(stored["cells"], expected["cells"])):
        assert have["metadata"] == want["metadata"], (
            f"cell {k}: stale slide metadata; run `python tools/slides.py {path.name}`")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_the_slideshow_is_usable(path):
    nb = load(path)
    cells = nb["cells"]
    assert slide_type(cells[0]) == "slide", "the slideshow must open on a slide"
    for k, cell in enumerate(cells):
        if cell["cell_type"] == "markdown" and source(cell).startswith("#"):
            assert slide_type(cell) in STARTS, f"heading in cell {k} does not start a slide"
        assert slide_type(cell) in ("slide", "subslide", "fragment", "skip", "-"), k
    shown = slides_of(nb)
    for group in shown:
        assert any(source(cells[k]).strip() or cells[k].get("outputs") for k in group), (
            f"an empty slide: cells {group}")
    explorers = [k for k, cell in enumerate(cells) if explorer(cell)]
    for k in explorers:
        assert [k] in shown, f"explorer {k} shares its slide: {[g for g in shown if k in g]}"
        following = cells[k + 1] if k + 1 < len(cells) else None
        if following is not None and following["cell_type"] == "code" and has_image(following):
            assert slide_type(following) == "skip", f"the fallback of cell {k} is on a slide"
        assert slides.STYLES_KEY not in cells[k]["metadata"], f"explorer {k} is zoomed"
    if path.stem == "08_training_and_results":
        assert any("TrainingExplorer(" in source(cells[k]) for k in explorers)


def _cell(kind, text, image_height=None):
    cell = {"cell_type": kind, "metadata": {}, "source": text}
    if kind == "code":
        cell["outputs"] = []
        if image_height:
            import base64
            import struct
            png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(
                ">II", 600, image_height) + b"\x08\x06\x00\x00\x00"
            cell["outputs"] = [{"output_type": "execute_result", "metadata": {},
                                "data": {"image/png": base64.b64encode(png).decode()}}]
    return cell


def test_the_rules_on_a_notebook_typed_by_hand():
    nb = {"cells": [
        _cell("markdown", "# 99 · Title\n\nGoals."),                                  # slide
        _cell("code", "x = 1\nprint(x)"),                                              # -
        _cell("markdown", "The output is 1."),                                         # fragment
        _cell("markdown", "## An idea\n\nText."),                                      # slide
        _cell("markdown", "### Try it"),                                               # subslide
        _cell("code", "# NBVAL_IGNORE_OUTPUT\nfrom nnfs_lib.explorers.x import E\nE()"),  # slide
        _cell("code", "draw()", image_height=300),                                     # skip
        _cell("markdown", "After the explorer."),                                      # subslide
        _cell("code", "figure()", image_height=520),                                   # subslide
        _cell("markdown", "## Exercises\n\nTry."),                                     # slide
        _cell("code", "from nnfs_lib.exercises import e"),                             # skip
        _cell("markdown", "**Exercise 99.1.** Do it."),                                # subslide
        _cell("code", "answer = None"),                                                # skip
        _cell("markdown", "## Recap\n\n- done"),                                       # slide
    ]}
    assert slides.slide_types(nb) == [
        "slide", "-", "fragment", "slide", "subslide", "slide", "skip", "subslide",
        "subslide", "slide", "skip", "subslide", "skip", "slide"]
    # Cell 8 starts a subslide because the line of text above it plus its 520 px
    # image pass what a slide holds; alone on its slide it needs no zoom.
    assert slides.cell_height(nb["cells"][8]) < slides.ZOOM_ROOM
    slides.apply(nb)
    assert "slideshow" not in nb["cells"][1]["metadata"]  # "-" is the default, left out
    assert all(slides.STYLES_KEY not in c["metadata"] for c in nb["cells"])


def _zoom_of(cell):
    return (cell["metadata"].get(slides.STYLES_KEY, {}).get("styles", {}).get("", {})
            .get(slides.PRESENTING, {}).get("zoom"))


def test_a_cell_taller_than_a_slide_is_zoomed_to_fit_it():
    # 14 px padding + 21 px of code + 865 px image = 900 px; 700 / 900 = 78 %, down to 75 %.
    assert (slides.ZOOM_ROOM, slides.CELL_PAD, slides.CODE_LINE) == (700, 14, 21)
    nb = {"cells": [_cell("markdown", "# Title"), _cell("code", "figure()", image_height=865),
                    _cell("code", "figure()", image_height=5000)]}
    slides.apply(nb)
    assert [_zoom_of(c) for c in nb["cells"]] == [None, "75%", "60%"]  # never below 60 %


def test_shown_prose_flows_and_rewraps_when_zoomed():
    assert (slides.FLOW_LINE, slides.FLOW_WIDTH, slides.TABLE_ROW, slides.TABLE_LINE,
            slides.TABLE_CHARS) == (26, 125, 8, 20, 120)
    # Three source lines of 50 characters are one paragraph of 150 (with 2 joining spaces):
    # 2 lines of 125 at 100 %; at 80 % a line holds 156, so 1 line, and all is 80 % as tall.
    paragraph = _cell("markdown", "\n".join(["a" * 50] * 3))
    assert slides.shown_height(paragraph) == 14 + 2 * 26
    assert slides.shown_height(paragraph, 80) == round(0.8 * (14 + 26))
    # A table: the |---| line shows nothing; a link shows its text, math without commands.
    link = "[02](02_weights_and_biases.ipynb)"
    table = _cell("markdown", f"| a | b |\n|---|---|\n| $\\hat{{y}}$ | {link} |")
    assert slides.shown_height(table) == 14 + 2 * (8 + 20)
    # The generous estimate that places slide breaks counts each source line apart (3 lines).
    assert slides.cell_height(paragraph) == 14 + 3 * 24


def test_make_notebooks_writes_the_slide_metadata(tmp_path):
    from run_notebooks import execute

    path = tmp_path / "tiny.ipynb"
    nb = {"cells": [_cell("markdown", "# Title"), _cell("code", "print(1 + 1)"),
                    _cell("markdown", "## Next")],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    for k, cell in enumerate(nb["cells"]):
        cell["id"] = f"c{k}"
        if cell["cell_type"] == "code":
            cell["execution_count"] = None
    path.write_text(json.dumps(nb))
    execute(path, timeout=60)
    written = load(path)["cells"]
    assert [slide_type(c) for c in written] == ["slide", "-", "slide"]
    assert "".join(written[1]["outputs"][0]["text"]) == "2\n"
