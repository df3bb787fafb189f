"""Heading anchors as JupyterLab makes them, for the book (tools/book/conf.py).

JupyterLab gives each markdown heading the id of its text with every space
replaced by "-", case and punctuation kept ("05 Loss function" ->
"05-Loss-function"); the notebooks' links use those ids.
"""


def jupyterlab_slug(title):
    """The id JupyterLab gives a heading whose text is ``title``."""
    return title.replace(" ", "-")
