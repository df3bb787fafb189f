"""Sphinx configuration of the static book: ``make book`` (tools/build_book.py).

Plain Sphinx + myst-nb + sphinx-book-theme (the stack Jupyter Book 1 is made
of), reading a staged copy of notebooks/ and images/ that tools/build_book.py
prepares; nothing here needs a network, at build time or when reading.
"""

import sys
from pathlib import Path

# tools/book/ holds the heading-slug function named below.
sys.path.insert(0, str(Path(__file__).resolve().parent))

project = "nnfs: a neural network from scratch"
author = "the nnfs authors"
copyright = "the nnfs authors, MIT licence"
root_doc = "index"

extensions = [
    "myst_nb",                 # reads the .ipynb files with their stored outputs
    "sphinx.ext.mathjax",      # formulas ...
    "sphinx-mathjax-offline",  # ... with MathJax 3 copied into _static, no CDN
]
exclude_patterns = ["**.ipynb_checkpoints"]

# The notebooks' stored outputs are the book's: never execute.
nb_execution_mode = "off"
# Live-widget views would need a widget renderer from a CDN: leave them out of
# the pages (the static figure after each explorer stands in), and load no
# widget JavaScript.
nb_mime_priority_overrides = [("*", "application/vnd.jupyter.widget-view+json", None)]
nb_ipywidgets_js = {}

# $...$ and $$...$$ as in JupyterLab.
myst_enable_extensions = ["dollarmath", "amsmath"]
# The notebooks link headings the way JupyterLab names them ("solutions.ipynb#05-Loss-function",
# "#What-is-an-Artificial-Neural-Network?"): the same slugs, as HTML ids, resolve here.
myst_heading_anchors = 6
myst_heading_slug_func = "book_slugs.jupyterlab_slug"
# Warnings fail the build (a link that does not resolve), except a skipped heading level
# (# then ###): JupyterLab shows it as written, and so does the book.
suppress_warnings = ["myst.header"]

html_theme = "sphinx_book_theme"
html_title = "nnfs: a neural network from scratch"
html_copy_source = True  # the .ipynb of each page, for the download button
html_theme_options = {
    "use_download_button": True,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
html_last_updated_fmt = None
