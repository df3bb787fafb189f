"""The look shared by every figure: palette, fonts, ``STYLE``, and small drawing helpers.

Every drawing function of ``nnfs_lib.plots`` (and of the explorers) draws
inside ``matplotlib.rc_context(STYLE)``, for a projector: text of at least
12 pt, titles 14 pt, and the Okabe-Ito colour-blind-safe palette (``BLUE``,
``ORANGE``, ...). Weights use ``WEIGHT_CMAP``, a diverging blue - grey -
vermillion map, symmetric around 0. Notebooks 00, 03, 05 and 06 draw their own
figures with ``STYLE`` and these colours.

Each drawing function takes ``ax=None``:

* with ``ax`` given, it draws into that axes and returns ``ax.figure``;
* with ``ax=None``, it creates a new ``matplotlib.figure.Figure`` (not through
  pyplot, so nothing is registered and nothing leaks: drop the figure and it is
  gone) and returns it.

Because no pyplot figure is involved, ``plt.show()`` will not show these
figures. In a notebook, end the cell with the call (Jupyter displays a
returned ``Figure``) or write ``display(fig)``; ``fig.savefig(path)`` saves it.
"""

import matplotlib as mpl
import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from nnfs_lib._checks import as_real_array

# Okabe-Ito palette, colour-blind safe.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#999999"
PALETTE = (BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, BLACK)

#: Diverging map for weights: negative blue, 0 light grey (still visible on
#: white), positive vermillion. Blue/vermillion stay distinct for all common
#: colour-vision deficiencies.
WEIGHT_CMAP = LinearSegmentedColormap.from_list("nnfs_weights", [BLUE, "#C8C8C8", VERMILLION])
#: Sequential, colour-blind-safe map for network outputs in [0, 1].
OUTPUT_CMAP = "cividis"

FONT_SIZE = 12
TITLE_SIZE = 14
STYLE = {
    "font.size": FONT_SIZE,
    "axes.titlesize": TITLE_SIZE,
    "axes.labelsize": FONT_SIZE + 1,
    "xtick.labelsize": FONT_SIZE,
    "ytick.labelsize": FONT_SIZE,
    "legend.fontsize": FONT_SIZE,
    "legend.title_fontsize": FONT_SIZE,
    "figure.titlesize": TITLE_SIZE + 2,
    "axes.prop_cycle": mpl.cycler(color=list(PALETTE)),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "grid.alpha": 0.35,
    "lines.linewidth": 2.5,
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "image.cmap": OUTPUT_CMAP,
}

LOSS_LABEL = "sum-of-squares loss"
SUCCESS_LABEL = "success rate (% of starts that solve it)"
#: Resolution of the explorers' figures: at 92 dpi a 12 pt label is about 15 px
#: high, readable on a projector, while the PNG of a figure about 970 px wide
#: stays quick to render at every slider move.
EXPLORER_DPI = 92


# -- figures and axes ------------------------------------------------------------
def _new_axes(ax, figsize):
    """Return ``(fig, ax)``: the given axes' figure, or a fresh pyplot-free Figure."""
    _check_axes(ax)
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=figsize, layout="constrained")
    return fig, fig.add_subplot()


def _new_figure(figsize, ncols=1, nrows=1, **kwargs):
    """A fresh pyplot-free Figure and its (nrows, ncols) array of axes."""
    fig = Figure(figsize=figsize, layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False, **kwargs)
    return fig, axes


def _style_ticks(*axes):
    # Ticks are created lazily at draw time, outside rc_context: fix their size now.
    for ax in axes:
        ax.tick_params(labelsize=FONT_SIZE)


def _by_gid(artists, gid):
    """The first of ``artists`` whose gid is ``gid``."""
    return [a for a in artists if a.get_gid() == gid][0]


def _number_text(value):
    """``1.0`` -> ``"1"``, ``0.25`` -> ``"0.25"``: a number as it is written on a figure."""
    value = float(value)
    return f"{value:.0f}" if value == round(value) else f"{value:.3g}"


# -- argument checks that _checks.py does not have -------------------------------------
def _check_figure(name, fig):
    if fig is not None and not isinstance(fig, Figure):
        raise TypeError(f"{name} must be None or a matplotlib Figure, got {type(fig).__name__}")


def _check_axes(ax):
    if ax is not None and not isinstance(ax, mpl.axes.Axes):
        raise TypeError(f"ax must be None or a matplotlib Axes, got {type(ax).__name__}")


def _check_text(name, value, allow_none=False):
    """``value`` if it is a string (or None with ``allow_none``), else ``TypeError``."""
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__}")
    return value


def _check_texts(name, values, count=None):
    """``values`` as a list of strings, exactly ``count`` of them unless ``count`` is None."""
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        expected = "strings" if count is None else f"{count} strings"
        raise TypeError(f"{name} must be a sequence of {expected}, "
                        f"got {type(values).__name__}")
    values = list(values)
    if count is not None and len(values) != count:
        raise ValueError(f"{name} must hold {count} strings (one per line), got {len(values)}")
    return [_check_text(name, value) for value in values]


def _check_fractions(name, values, shape):
    """``values`` as a float array of ``shape`` whose entries lie in [0, 1], or raise."""
    array = as_real_array(name, values)
    if array.shape != shape:
        raise ValueError(f"{name} must have shape {shape}, got {array.shape}")
    if np.any((array < 0) | (array > 1)):
        raise ValueError(f"{name} must hold fractions between 0 and 1")
    return array
