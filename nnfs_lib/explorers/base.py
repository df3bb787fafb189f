"""What every explorer shares: one figure shown as a PNG, an error label, sliders.

The explorers (``explorers.small``, ``explorers.training``, ``explorers.lab``)
hold no maths: they wire sliders and buttons to the library and show the
result with the drawing functions of ``nnfs_lib.plots``.

* Each explorer owns ONE ``matplotlib.figure.Figure`` (never a pyplot figure,
  so nothing is registered with pyplot and nothing leaks), and the handles to
  its artists. The first drawing comes from the ``plots`` functions; an update
  only changes the data of the existing artists (line data, ``set_array``, bar
  heights, the contour), which is several times faster than drawing from scratch.
* The figure is rendered with Agg (``explorers.fastrender.render_png``) to
  PNG bytes shown in an ``ipywidgets.Image``. Compared with ``display(fig)``
  inside an ``ipywidgets.Output`` this needs no output capture (it works the
  same in a test without a kernel), does not flicker, and the picture is one
  trait that a test or a browser can compare.
* An exception in a callback is stored in ``explorer.last_error`` and shown in
  the explorer's error label; with ``raise_errors=True`` (tests) it is raised.
"""

import contextlib
import math
import traceback

import ipywidgets as widgets

from nnfs_lib._checks import check_flag
from nnfs_lib.explorers.fastrender import render_png


class _Explorer:
    """Common parts: one figure shown as a PNG ``Image``, an error label, a hold."""

    def __init__(self, raise_errors=False):
        self.raise_errors = check_flag("raise_errors", raise_errors)
        self.last_error = None
        self.updates = 0
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.error_label = widgets.HTML(value="", layout=widgets.Layout(min_height="0"))
        self._held = 0
        self.figure = None

    # Display as the explorer's top-level box.
    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    @contextlib.contextmanager
    def _hold(self):
        """Change many controls without an update per control."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1

    def _guarded(self, function):
        """Wrap a callback: exceptions go to ``last_error`` and the error label."""

        def callback(*args):
            if self._held:
                return None
            try:
                result = function(*args)
            except Exception as error:  # noqa: BLE001 - shown to the student
                self.last_error = error
                self.error_label.value = (
                    "<pre style='color:#D55E00'>Error: "
                    + "".join(traceback.format_exception_only(type(error), error)).strip()
                    + "</pre>")
                if self.raise_errors:
                    raise
                return None
            self.last_error = None
            self.error_label.value = ""
            return result

        return callback

    def _observe(self, control, function):
        control.observe(self._guarded(function), names="value")

    def _render(self):
        """The figure as PNG bytes (the training explorer renders incrementally)."""
        return render_png(self.figure)

    def _show(self):
        self.image.value = self._render()
        self.updates += 1


def _slider(kind, description, value, **options):
    """A slider of ``kind`` whose range (``min``, ``max`` of ``options``) widens to hold ``value``.

    A setting outside the usual range is shown as it is, never clamped. For a
    ``FloatLogSlider`` min and max are exponents of ``base``: they widen to
    whole powers, so that ``base ** max >= value`` despite rounding.
    """
    low, high = options.pop("min"), options.pop("max")
    if kind is widgets.FloatLogSlider:
        exponent = math.log(value, options["base"])
        low, high = min(low, math.floor(exponent)), max(high, math.ceil(exponent))
    else:
        low, high = min(low, value), max(high, value)
    # One description width and one total width for every slider, so that the
    # tracks line up and stay long enough to move with the mouse.
    style = {"description_width": "140px"}
    layout = options.pop("layout", widgets.Layout(width="400px"))
    return kind(value=value, description=description, min=low, max=high, style=style,
                layout=layout, continuous_update=options.pop("continuous_update", False),
                **options)


def _row(children):
    """An HBox that wraps onto a new line when the notebook is narrow, instead of
    squeezing its sliders until their readouts disappear."""
    return widgets.HBox(children, layout=widgets.Layout(flex_flow="row wrap"))
