"""Slide metadata for presenting a notebook with jupyterlab-slideshow (``make notebooks``).

Usage: ``python tools/slides.py notebooks/*.ipynb`` (rewrites each file's
``metadata.slideshow.slide_type``; ``tools/run_notebooks.py`` calls it too).

``slide_types(notebook)`` chooses one type per cell by these rules, in order:

1. The first cell starts a ``slide``; so does every ``#`` or ``##`` heading,
   and every ``###`` heading starts a ``subslide``: one idea per slide.
2. A live explorer (a code cell marked ``# NBVAL_IGNORE_OUTPUT`` that imports
   from ``nnfs_lib.explorers``) is a ``slide`` of its own (the arrow keys reach
   it too): the cell after it starts the next (sub)slide. Its static fallback
   figure, the code cell right after it with an image output, is ``skip``ped:
   the live one is on screen.
3. Under ``## Exercises`` the code cells (the checker import, the answer
   stubs) are ``skip``ped and each exercise's text starts a ``subslide``.
4. The text that reads a result (a markdown cell right after a code cell) is a
   ``fragment``: the class sees the output first, then its reading.
5. A cell that would push its slide past what a 1280x720 projector shows in
   Presentation Mode (``SLIDE_HEIGHT``, estimated from line counts and the
   stored images' heights) starts a ``subslide`` instead: slides do not scroll.
6. Every other cell is ``-``: it joins the slide above it (written as no
   ``slideshow`` metadata, the default: jupyterlab-slideshow 0.3.4 misreads an
   explicit ``"-"``: such a cell showed late, with the next fragment, or never).

Space walks every step in the notebook's order (fragments, subslides, slides).

A cell taller than a whole slide by itself is shrunk on its slide only, to the
largest zoom (in steps of 5 %, at least 60 %) at which ``shown_height``, an
estimate fitted to heights measured in Chromium, fits it (``zoom``, in the cell
styles that jupyterlab-slideshow reads from ``metadata["@deathbeds/jupyterlab-fonts"]``;
this tool owns that key), never an explorer.
"""

import base64
import json
import re
import struct
import sys
from pathlib import Path

#: Estimated content height in px that one slide may fill: 720 px of screen less
#: the slideshow's margins, and less a margin for the estimate's error (measured
#: in Chromium in Presentation Mode, the real heights were up to 1.3 times it).
SLIDE_HEIGHT = 540
#: Estimated px per line of prose (wrapped at ``PROSE_WIDTH`` characters) and of code,
#: at Presentation Mode's font sizes on a 1280 px wide slide. Generous on purpose: each
#: source line is counted apart (a paragraph's lines flow together when shown).
PROSE_LINE, PROSE_WIDTH, CODE_LINE = 24, 110, 21
TABLE_WIDTH = 100
#: Extra px per cell (its padding) and per heading line.
CELL_PAD, HEADING_EXTRA = 14, 24
#: The height in px a cell alone on a slide may fill by ``shown_height`` (in Presentation
#: Mode the slide shows it from the window's top to 720 px), less a margin for the
#: estimate's error: measured in Chromium, the zoomed cells were up to 1.04 times it.
ZOOM_ROOM = 700
#: For the zoom, the closer estimate ``shown_height`` (fitted to the heights of the
#: notebooks' markdown cells measured in Chromium in Presentation Mode at 1280x720):
#: px per line of a paragraph or list item, whose source lines flow together wrapped at
#: ``FLOW_WIDTH`` characters; a table row's padding, px per line of its text (wrapped at
#: ``TABLE_CHARS``); px per display formula (``$$``), without and with a fraction.
FLOW_LINE, FLOW_WIDTH = 26, 125
TABLE_ROW, TABLE_LINE, TABLE_CHARS = 8, 20, 120
DISPLAY_MATH = (45, 90)
#: The smallest zoom: Presentation Mode's 17 px prose still about 10 px on a slide.
MIN_ZOOM = 60
#: Where jupyterlab-slideshow reads a cell's styles on a slide (its design tools write it).
STYLES_KEY = "@deathbeds/jupyterlab-fonts"
PRESENTING = "body[data-jp-deck-mode='presenting'] &"
EXPLORER_MARK = "# NBVAL_IGNORE_OUTPUT"
EXPLORER_IMPORT = re.compile(r"^\s*from nnfs_lib\.explorers[\w.]* import", re.MULTILINE)
HEADING = re.compile(r"^(#{1,3}) ")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
INLINE_MATH = re.compile(r"\$([^$]+)\$")
COMMAND = re.compile(r"\\[A-Za-z]+|\\.")
MATH_MARKUP = re.compile(r"[{}_^ ]")
EMPHASIS = re.compile(r"[*`]")
COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)
DISPLAY = re.compile(r"\$\$.*?\$\$", re.DOTALL)
QUOTE = re.compile(r"^>\s?")
ITEM = re.compile(r"^\s*([-*+]|\d+\.) ")
TABLE_RULE = re.compile(r"^\|[-:| ]+\|\s*$")


def _source(cell):
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def is_explorer(cell):
    """Whether ``cell`` shows a live explorer (its output is a widget view)."""
    source = _source(cell)
    return (cell["cell_type"] == "code" and source.lstrip().startswith(EXPLORER_MARK)
            and EXPLORER_IMPORT.search(source) is not None)


def _image_heights(cell):
    """Heights in px of the PNG images among the stored outputs of ``cell``."""
    heights = []
    for output in cell.get("outputs", []):
        data = output.get("data", {}).get("image/png")
        if data:
            head = base64.b64decode("".join(data)[:64])
            heights.append(struct.unpack(">I", head[20:24])[0])
    return heights


def is_fallback(cells, index):
    """Whether cell ``index`` is the static figure standing in for the explorer before it."""
    return (index > 0 and is_explorer(cells[index - 1]) and cells[index]["cell_type"] == "code"
            and bool(_image_heights(cells[index])))


def heading_level(cell):
    """1-3 for a markdown cell that starts with a ``#``-``###`` heading, else 0."""
    match = HEADING.match(_source(cell)) if cell["cell_type"] == "markdown" else None
    return len(match.group(1)) if match else 0


def _prose_height(text):
    lines = text.split("\n")
    # A table's row wraps within its column: about TABLE_WIDTH characters a line.
    rows = sum(max(1, -(-len(line) // (TABLE_WIDTH if line.startswith("|") else PROSE_WIDTH)))
               for line in lines if line.strip())
    gaps = sum(1 for line in lines if not line.strip())
    headings = sum(1 for line in lines if HEADING.match(line))
    return rows * PROSE_LINE + gaps * PROSE_LINE // 2 + headings * HEADING_EXTRA


def cell_height(cell):
    """Estimated height in px of ``cell`` on a slide (source, text outputs, images)."""
    if cell["cell_type"] == "markdown":
        return CELL_PAD + _prose_height(_source(cell))
    height = CELL_PAD + CODE_LINE * (_source(cell).count("\n") + 1)
    for output in cell.get("outputs", []):
        text = output.get("text") or output.get("data", {}).get("text/plain", "")
        if "image/png" not in output.get("data", {}) and text:
            height += CODE_LINE * "".join(text).rstrip("\n").count("\n") + CODE_LINE
    return height + sum(_image_heights(cell))


def _shown(line):
    """About what a line of markdown shows: links as their text, math without its commands."""
    line = LINK.sub(r"\1", line)
    line = INLINE_MATH.sub(lambda m: MATH_MARKUP.sub("", COMMAND.sub("x", m.group(1))), line)
    return EMPHASIS.sub("", line)


def _flow_height(text, scale):
    """Estimated px of markdown ``text`` shown at ``scale`` (the zoom: its lines hold more).

    The source lines of one paragraph or list item flow together, wrapped at
    ``FLOW_WIDTH`` characters; a table row wraps within ``TABLE_CHARS``.
    """
    height, flow = 0.0, ""

    def flush():
        nonlocal flow
        if flow:
            height_of = FLOW_LINE * _wrapped(_shown(flow), FLOW_WIDTH / scale)
            flow = ""
            return height_of
        return 0

    # Display math is one line of formula, however many source lines it takes: "$$f$$" if
    # it holds a fraction (taller), else "$$$$".
    text = DISPLAY.sub(lambda m: "$$f$$" if "frac" in m.group(0) else "$$$$", COMMENT.sub("", text))
    for line in text.split("\n"):
        line = QUOTE.sub("", line)  # a quoted block is shown as it would be unquoted
        if line.strip().startswith("$$"):
            height += flush() + DISPLAY_MATH[line.strip() == "$$f$$"]
        elif not line.strip():
            height += flush() + FLOW_LINE / 2
        elif TABLE_RULE.match(line):
            continue  # the |---| line under a table's header shows nothing
        elif line.startswith("|"):
            height += flush() + TABLE_ROW + TABLE_LINE * _wrapped(_shown(line), TABLE_CHARS / scale)
        elif HEADING.match(line):
            height += flush() + FLOW_LINE * _wrapped(line, FLOW_WIDTH / scale) + HEADING_EXTRA
        elif ITEM.match(line):
            height += flush()
            flow = line
        else:
            flow += " " + line.strip()
    return height + flush()


def _wrapped(line, width):
    return max(1, -(-len(line) // int(width)))


def shown_height(cell, zoom=100):
    """Estimated height in px of ``cell`` alone on a slide at ``zoom`` % (what ``zoom`` fits).

    A zoomed cell is ``zoom`` % as tall, and its prose wraps in fewer, longer lines.
    """
    scale = zoom / 100
    if cell["cell_type"] != "markdown":
        return round(scale * cell_height(cell))
    return round(scale * (CELL_PAD + _flow_height(_source(cell), scale)))


def slide_types(notebook):
    """One ``slide_type`` per cell of ``notebook`` (a dict as ``json.load`` reads it)."""
    cells = notebook["cells"]
    types, used, in_exercises = [], 0, False
    for index, cell in enumerate(cells):
        level = heading_level(cell)
        if level in (1, 2):
            in_exercises = _source(cell).startswith("## Exercises")
        starts_own = (index > 0 and is_explorer(cells[index - 1])
                      or index > 1 and is_fallback(cells, index - 1))
        if is_fallback(cells, index):
            types.append("skip")
            continue
        if in_exercises and cell["cell_type"] == "code":
            types.append("skip")
            continue
        height = cell_height(cell)
        if index == 0 or level in (1, 2):
            kind = "slide"
        elif is_explorer(cell):
            kind = "slide"
        elif (level == 3 or starts_own or used + height > SLIDE_HEIGHT
              or in_exercises and cell["cell_type"] == "markdown"):
            kind = "subslide"
        elif cell["cell_type"] == "markdown" and cells[index - 1]["cell_type"] == "code":
            kind = "fragment"
        else:
            kind = "-"
        used = height if kind in ("slide", "subslide") else used + height
        types.append(kind)
    return types


def zoom(cell):
    """The largest zoom (a percentage in steps of 5, at least ``MIN_ZOOM``) that fits ``cell``."""
    if is_explorer(cell):
        return 100
    return next((z for z in range(100, MIN_ZOOM, -5) if shown_height(cell, z) <= ZOOM_ROOM),
                MIN_ZOOM)


def apply(notebook):
    """Write ``slide_types(notebook)`` and ``zoom`` into the cells' metadata (in place)."""
    for cell, kind in zip(notebook["cells"], slide_types(notebook)):
        metadata = cell.setdefault("metadata", {})
        metadata.pop("slideshow", None)
        metadata.pop(STYLES_KEY, None)
        if kind != "-":  # the default, left out (rule 6)
            metadata["slideshow"] = {"slide_type": kind}
        if kind != "skip" and zoom(cell) < 100:
            metadata[STYLES_KEY] = {"styles": {"": {PRESENTING: {"zoom": f"{zoom(cell)}%"}}}}
    return notebook


def main(paths):
    if not paths:
        print("usage: python tools/slides.py NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    for path in map(Path, paths):
        notebook = apply(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
