"""What every explorer shares: an anywidget whose browser side draws what Python computes.

The explorers (``explorers.small_explorers``, ``explorers.training``,
``explorers.lab``) are ``anywidget.AnyWidget`` subclasses. Python owns every
number: the controls are traitlets synced with the browser, and a change
retrains (or recomputes) with the library and sends the result. The browser
side is a plain ES module in ``static/`` (``common.js`` plus one module per
explorer, joined by ``_module``), which draws SVG and canvas pictures: crisp at
any zoom, and the training explorer replays a run without asking the kernel.

* The palette, colour maps, labels and font ratios come from
  ``nnfs_lib.plots.style`` (``look``), the definitions of the static figures.
* Without a kernel (GitHub, nbviewer, an HTML export) a notebook shows the
  explorer's text/plain output: ``FRIENDLY``, never the widget repr. The static
  figure in the next cell shows the default settings.
* Re-running a cell closes the explorer it made before (same class, same cell) and drops
  its data, so old explorers (kept alive by IPython's ``Out``) cost almost nothing.
* An exception in a callback goes to ``last_error`` and the ``error`` line of
  the widget; with ``raise_errors=True`` (tests) it is raised.
"""

import math
import traceback
import weakref
from pathlib import Path

import anywidget
import matplotlib as mpl
import numpy as np
import traitlets

from nnfs_lib._checks import check_flag
from nnfs_lib.plots import style
from nnfs_lib.plots.diagram import edge_widths

STATIC = Path(__file__).parent / "static"
FRIENDLY = ("Interactive explorer: run this cell in Jupyter to use it; "
            "the figure below shows its default settings")
#: Colour stops sent for each colour map (the browser interpolates linearly between them).
MAP_STOPS = 33


def _module(name):
    """The widget's ES module: ``static/common.js`` followed by ``static/<name>``."""
    return (STATIC / "common.js").read_text() + "\n" + (STATIC / name).read_text()


def _stops(cmap):
    colours = mpl.colormaps[cmap] if isinstance(cmap, str) else cmap
    return [mpl.colors.to_hex(colours(t)) for t in np.linspace(0, 1, MAP_STOPS)]


def look():
    """Palette, colour maps, labels and font ratios of ``plots.style``, for the browser."""
    base, full = edge_widths(np.array([0.0, 1.0]), 1.0)
    return {
        "colors": {name.lower(): getattr(style, name) for name in
                   ("BLACK", "ORANGE", "SKY", "GREEN", "YELLOW", "BLUE", "VERMILLION",
                    "PURPLE", "GREY")},
        "weight_map": _stops(style.WEIGHT_CMAP),
        "output_map": _stops(style.OUTPUT_CMAP),
        "loss_label": style.LOSS_LABEL,
        "title_ratio": style.TITLE_SIZE / style.FONT_SIZE,
        # Edge widths in points: base + growth * |w| / largest (plots.diagram.edge_widths).
        "edge_width": [float(base), float(full - base)],
    }


def widened(low, high, value, log_base=None):
    """``[low, high]`` widened to hold ``value``: a setting is shown as it is, never clamped.

    For a log slider (``log_base``) the ends widen to whole powers of the base.
    """
    if log_base is not None:
        exponent = math.log(value, log_base)
        return [min(low, log_base ** math.floor(exponent)),
                max(high, log_base ** math.ceil(exponent))]
    return [min(low, value), max(high, value)]


def _cell_id():
    """The id of the notebook cell being run (JupyterLab and Notebook 7 send it), else None."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    kernel = getattr(shell, "kernel", None)
    if kernel is None or not hasattr(kernel, "get_parent"):
        return None
    return kernel.get_parent().get("metadata", {}).get("cellId")


class _Explorer(anywidget.AnyWidget):
    """Common parts: the look, the error line, callbacks that report errors, release."""

    look = traitlets.Dict().tag(sync=True)
    error = traitlets.Unicode("").tag(sync=True)
    #: The last explorer made by each (class, notebook cell), held weakly: a
    #: re-run of the cell closes it. Two explorers in different cells both live.
    _latest = weakref.WeakValueDictionary()
    _css = (STATIC / "explorers.css").read_text()

    def __init__(self, raise_errors=False, **traits):
        raise_errors = check_flag("raise_errors", raise_errors)
        self._held = 0
        explorer_class = type(self)  # before anywidget's add_traits makes a subclass per instance
        super().__init__(look=look(), **traits)
        self.raise_errors = raise_errors
        self.last_error = None
        self.updates = 0
        # Release the explorer this class made before (a re-run cell).
        key = (explorer_class, _cell_id())
        previous = _Explorer._latest.get(key)
        if previous is not None:
            previous.close()
        _Explorer._latest[key] = self
        self.on_msg(self._on_message)

    # -- how a notebook shows it ----------------------------------------------------
    def __repr__(self):
        """``FRIENDLY``: anywidget's mime bundle uses it as the text/plain output."""
        return FRIENDLY

    def close(self):
        """Close the widget and drop its data (``Out`` may still hold the object)."""
        super().close()
        self._drop()

    def _drop(self):
        """Forget the large results; each explorer says what it holds."""

    # -- callbacks ------------------------------------------------------------------------
    def _guarded(self, function, *args):
        """Run ``function(*args)``; an exception goes to ``last_error`` and the error line."""
        if self._held:
            return None
        try:
            result = function(*args)
        except Exception as error:  # noqa: BLE001 - shown to the student
            self.last_error = error
            self.error = "Error: " + "".join(
                traceback.format_exception_only(type(error), error)).strip()
            if self.raise_errors:
                raise
            return None
        self.last_error = None
        self.error = ""
        self.updates += 1
        return result

    def _watch(self, names, function):
        """Call ``function(change)`` (guarded) when one of the traits ``names`` changes."""
        self.observe(lambda change: self._guarded(function, change), names=names)

    def _on_message(self, widget, content, buffers):
        """A button pressed in the browser: ``{"press": name}`` calls the method ``name``."""
        name = content.get("press") if isinstance(content, dict) else None
        if name in self.buttons:
            self._guarded(getattr(self, name))

    #: The methods a browser button may call (each explorer lists its own).
    buttons = ()


class _ControlsExplorer(_Explorer):
    """An explorer of sliders: controls in ``values``, the picture's numbers in ``view``.

    ``CONTROLS``: ``(name, label, low, high, step, log)`` of each slider in
    order (``log``: 0, or the base of a log slider; the ends widen to hold the
    value); ``CONTINUOUS``: whether the browser sends values while dragging.
    A subclass sets ``KIND`` (which picture the browser draws), ``_check``
    (``values`` checked, or raise) and ``_view`` (the numbers for ``values``).
    A bad value from the browser is refused: the controls go back to the last
    good values and the error line says why.
    """

    kind = traitlets.Unicode().tag(sync=True)
    controls = traitlets.List().tag(sync=True)
    actions = traitlets.List().tag(sync=True)
    values = traitlets.Dict().tag(sync=True)
    view = traitlets.Dict().tag(sync=True)
    CONTROLS = ()
    CONTINUOUS = True

    def __init__(self, values, raise_errors=False, **traits):
        super().__init__(raise_errors=raise_errors, kind=self.KIND, actions=list(self.buttons),
                         **traits)
        self._good = self._check(values)
        self._show(self._good)
        self._watch("values", self._update)
        self._update()
        if self.last_error is not None:
            raise self.last_error

    def _show(self, values):
        """Show ``values`` (already checked) on sliders widened to hold them."""
        self._held += 1
        try:
            self.controls = [{"name": name, "label": label, "step": step, "log": log,
                              "continuous": self.CONTINUOUS,
                              "range": widened(low, high, values[name], log or None)}
                             for name, label, low, high, step, log in self.CONTROLS]
            self.values = dict(values)
        finally:
            self._held -= 1

    def _update(self, change=None):
        try:
            values = self._check(dict(self.values))
        except (TypeError, ValueError):
            self._show(self._good)
            raise
        self._show(values)
        self._good = values
        self.view = self._view(values)

    def set(self, **values):
        """Set some controls, as the browser does (``explorer.set(weight=2.0)``)."""
        self.values = {**self.values, **values}

    def _drop(self):
        self.view = {}
