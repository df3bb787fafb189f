"""Interactive explorers for the notebooks (ipywidgets 8): controls -> training -> figure.

This module holds no maths. It wires sliders and buttons to
``nnfs_lib.network.NeuralNetwork`` and ``nnfs_lib.training.train`` and shows
the result with the drawing functions of ``nnfs_lib.plotting``.

Rendering is a pure function of the settings: the figures are drawn by
``nnfs_lib.explorer_figures`` (re-exported here for the notebooks' imports),
so the very same code draws the static fallback figure of a notebook::

    from nnfs_lib.widgets import TrainingExplorer
    from nnfs_lib.explorer_figures import TrainingSettings, draw_training

    explorer = TrainingExplorer()          # live, needs a kernel
    explorer
    draw_training(TrainingSettings())      # static, deterministic

Design notes

* Each explorer owns ONE ``matplotlib.figure.Figure`` (never a pyplot figure,
  so nothing is registered with pyplot and nothing leaks). The first drawing
  comes from the ``plotting`` functions; an update only changes the data of the
  existing artists (line data, ``set_array``, bar heights, the contour), which
  is several times faster than drawing from scratch.
* The figure is rendered with Agg (incrementally, ``nnfs_lib.fastrender``) to
  PNG bytes shown in an ``ipywidgets.Image``.
  Compared with ``display(fig)`` inside an ``ipywidgets.Output`` this needs no
  output capture (it works the same in a test without a kernel), does not
  flicker, and the picture is one trait that a test or a browser can compare.
* An exception in a callback is stored in ``explorer.last_error`` and shown in
  the explorer's error label; with ``raise_errors=True`` (tests) it is raised.
"""

import contextlib
import traceback

import ipywidgets as widgets
import numpy as np

from nnfs_lib.explorers.figures import (
    ACTIVATION_X,
    WEIGHT_LIMIT,
    TrainingResult,
    TrainingSettings,
    draw_activation,
    draw_loss_along,
    draw_neuron,
    draw_training,
    initial_weights,
    recorded_steps,
    render_png,
    snapshot_steps,
    train_from_settings,
)
from nnfs_lib.lab.settings import LabResult, LabSettings, train_lab
from nnfs_lib.plots.lab import draw_lab

__all__ = [
    "TrainingSettings", "TrainingResult", "train_from_settings", "draw_training",
    "snapshot_steps", "recorded_steps", "initial_weights", "render_png",
    "LabSettings", "LabResult", "train_lab", "draw_lab",
    "TrainingExplorer", "ActivationExplorer", "NeuronExplorer", "LossExplorer", "LabExplorer",
    "draw_activation", "draw_neuron", "draw_loss_along",
]


# -- explorer machinery --------------------------------------------------------------
class _Explorer:
    """Common parts: one figure shown as a PNG ``Image``, an error label, a hold."""

    def __init__(self, raise_errors=False):
        self.raise_errors = raise_errors
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

    def _show(self):
        self.image.value = render_png(self.figure)
        self.updates += 1


def _slider(kind, description, value, **options):
    # One description width and one total width for every slider, so that the
    # tracks line up and stay long enough to move with the mouse.
    style = {"description_width": "140px"}
    layout = options.pop("layout", widgets.Layout(width="400px"))
    return kind(value=value, description=description, style=style, layout=layout,
                continuous_update=options.pop("continuous_update", False), **options)


def _row(children):
    """An HBox that wraps onto a new line when the notebook is narrow, instead of
    squeezing its sliders until their readouts disappear."""
    return widgets.HBox(children, layout=widgets.Layout(flex_flow="row wrap"))


# -- the training explorer -----------------------------------------------------------
class TrainingExplorer(_Explorer):
    """Train the article's 3-4-1 network on XOR and watch what happens (notebook 08).

    Controls: iterations, learning rate, random seed, initial-weight scale; the
    16 initial weights as the matrices weights1 (3x4) and weights2 (4x1);
    buttons "new random weights", "all equal", "all zero", "reset"; a log-scale
    checkbox and a time slider that shows iteration k of the run without
    retraining: exactly k, as every iteration of a run up to
    ``EVERY_STEP_UP_TO`` (10,000, the iterations slider's end) is recorded;
    longer runs snap to ~100 recorded iterations, and ``time_note`` says so.
    ``TrainingExplorer(compact=True)`` (notebook 06) has no weight matrix, no
    time slider and only the diagram and the loss.

    ``settings`` gives the current ``TrainingSettings``; ``result`` the last
    ``TrainingResult``; ``figure`` the one figure that is updated.
    """

    def __init__(self, settings=None, compact=False, raise_errors=False):
        super().__init__(raise_errors)
        self.compact = compact
        settings = TrainingSettings() if settings is None else settings
        self.defaults = settings
        self.iterations = _slider(widgets.IntSlider, "iterations", settings.iterations,
                                  min=0, max=10_000, step=50)
        self.learning_rate = _slider(widgets.FloatLogSlider, "learning rate",
                                     settings.learning_rate, base=10, min=-2, max=2, step=0.05,
                                     readout_format=".3g")
        self.seed = _slider(widgets.IntSlider, "random seed", settings.seed, min=0, max=100)
        self.init_scale = _slider(widgets.FloatSlider, "initial-weight scale",
                                  settings.init_scale, min=0.1, max=WEIGHT_LIMIT, step=0.1)
        self.log_scale = widgets.Checkbox(value=settings.log_scale, description="log-scale loss")
        self.weights1 = [[self._weight_slider(f"x{i + 1}→h{j + 1}") for j in range(4)]
                         for i in range(3)]
        self.weights2 = [self._weight_slider(f"h{j + 1}→ŷ") for j in range(4)]
        self.new_weights_button = widgets.Button(description="new random weights",
                                                 tooltip="draw weights from the seed and scale")
        self.equal_button = widgets.Button(description="all equal",
                                           tooltip="every weight = scale / 2")
        self.zero_button = widgets.Button(description="all zero")
        self.reset_button = widgets.Button(description="reset", button_style="warning")
        self.time = widgets.IntSlider(description="show iteration", value=settings.iterations,
                                      min=0, max=max(settings.iterations, 1),
                                      continuous_update=True,
                                      style={"description_width": "initial"},
                                      layout=widgets.Layout(width="70%"))
        # Which iterations the time slider can show: said next to it.
        self.time_note = widgets.HTML(value="")
        self.result = None
        self._set_controls(settings)

        for control in (self.iterations, self.learning_rate, *self.weight_sliders):
            self._observe(control, self._retrain)
        for control in (self.seed, self.init_scale):
            self._observe(control, self._random_weights)
        self._observe(self.log_scale, self._redraw)
        self._observe(self.time, self._on_time)
        self.new_weights_button.on_click(self._guarded(self._random_weights))
        self.equal_button.on_click(self._guarded(self._equal_weights))
        self.zero_button.on_click(self._guarded(self._zero_weights))
        self.reset_button.on_click(self._guarded(self.reset))

        self.widget = self._layout()
        self._guarded(self._retrain)()

    # -- controls -------------------------------------------------------------
    def _weight_slider(self, description):
        return widgets.FloatSlider(value=0.0, description=description, min=-WEIGHT_LIMIT,
                                   max=WEIGHT_LIMIT, step=0.01, readout_format=".2f",
                                   continuous_update=False, style={"description_width": "44px"},
                                   layout=widgets.Layout(width="190px"))

    @property
    def weight_sliders(self):
        return [s for row in self.weights1 for s in row] + list(self.weights2)

    def _layout(self):
        buttons = _row([self.new_weights_button, self.equal_button, self.zero_button,
                                self.reset_button])
        settings = _row([
            widgets.VBox([self.iterations, self.learning_rate]),
            widgets.VBox([self.seed, self.init_scale]),
            widgets.VBox([self.log_scale]),
        ])
        parts = [settings, buttons]
        if not self.compact:
            grid1 = widgets.GridBox([s for row in self.weights1 for s in row],
                                    layout=widgets.Layout(grid_template_columns="repeat(4, auto)"))
            grid2 = widgets.GridBox(list(self.weights2),
                                    layout=widgets.Layout(grid_template_columns="auto"))
            matrices = widgets.HBox([
                widgets.VBox([widgets.HTML("<b>weights1</b> (3×4, input → hidden)"), grid1]),
                widgets.VBox([widgets.HTML("<b>weights2</b> (4×1)"), grid2],
                             layout=widgets.Layout(margin="0 0 0 12px")),
            ])
            parts += [widgets.HTML("<b>Initial weights</b> (training starts from these)"),
                      matrices, widgets.HBox([self.time, self.time_note])]
        parts += [self.error_label, self.image]
        return widgets.VBox(parts)

    def _set_controls(self, settings):
        weights1, weights2 = settings.weights1, settings.weights2
        if weights1 is None or weights2 is None:
            weights1, weights2 = initial_weights(settings.seed, settings.init_scale)
        with self._hold():
            self.iterations.value = settings.iterations
            self.learning_rate.value = settings.learning_rate
            self.seed.value = settings.seed
            self.init_scale.value = settings.init_scale
            self.log_scale.value = settings.log_scale
            self._set_weights(weights1, weights2)
            self._set_time_range(settings.iterations, settings.time)

    def _set_weights(self, weights1, weights2):
        weights1 = np.asarray(weights1, dtype=np.float64).reshape(3, 4)
        weights2 = np.asarray(weights2, dtype=np.float64).reshape(4)
        with self._hold():
            for i in range(3):
                for j in range(4):
                    self.weights1[i][j].value = float(weights1[i, j])
            for j in range(4):
                self.weights2[j].value = float(weights2[j])

    def _set_time_range(self, iterations, time=None):
        # step stays 1: a changing step makes the browser re-round the value;
        # the kernel snaps it to the recorded iterations instead (``_on_time``).
        with self._hold():
            self.time.max = max(iterations, 1)
            self.time.value = iterations if time is None else time

    @property
    def settings(self):
        """The current ``TrainingSettings`` read from the controls."""
        weights1 = np.array([[s.value for s in row] for row in self.weights1])
        weights2 = np.array([[s.value] for s in self.weights2])
        time = None if self.compact or self.time.value >= self.iterations.value \
            else self.time.value
        return TrainingSettings(
            iterations=self.iterations.value, learning_rate=self.learning_rate.value,
            seed=self.seed.value, init_scale=self.init_scale.value,
            weights1=weights1, weights2=weights2, log_scale=self.log_scale.value, time=time)

    # -- callbacks --------------------------------------------------------------
    def _retrain(self, change=None):
        if change is not None and change["owner"] is self.iterations:
            self._set_time_range(self.iterations.value)
        settings = self.settings
        self.result = train_from_settings(settings)
        spacing = self.result.spacing
        self.time_note.value = (
            "exact: every iteration is recorded" if spacing == 1 else
            f"snaps to the recorded iterations: every {spacing:,}th, and the last")
        self._draw(settings)

    def _draw(self, settings):
        self.figure = draw_training(settings, self.result, fig=self.figure,
                                    compact=self.compact)
        self._show()

    def _redraw(self, change=None):
        self._draw(self.settings)

    def _on_time(self, change=None):
        if self.result is None:
            return
        snapped = self.result.snap(self.time.value)
        if snapped != self.time.value:
            with self._hold():
                self.time.value = snapped
        self._redraw()

    def _random_weights(self, *args):
        self._set_weights(*initial_weights(self.seed.value, self.init_scale.value))
        self._retrain()

    def _equal_weights(self, *args):
        value = self.init_scale.value / 2
        self._set_weights(np.full((3, 4), value), np.full((4, 1), value))
        self._retrain()

    def _zero_weights(self, *args):
        self._set_weights(np.zeros((3, 4)), np.zeros((4, 1)))
        self._retrain()

    def reset(self, *args):
        """Back to the settings the explorer started with."""
        self._set_controls(self.defaults)
        self._retrain()


# -- smaller explorers -----------------------------------------------------------------
class ActivationExplorer(_Explorer):
    """One neuron a = sigmoid(w·x + b) and sigmoid'(z) at z = w·x + b (notebook 03).

    The weight w sets the steepness (the slope against x at the centre is
    w·sigmoid'(0) = w/4; the dashed sigmoid'(z) itself always peaks at 0.25), the bias
    b shifts the curve: its centre sits at x = -b/w.
    """

    X = ACTIVATION_X

    def __init__(self, weight=1.0, bias=0.0, raise_errors=False):
        super().__init__(raise_errors)
        self.weight = _slider(widgets.FloatSlider, "weight w", weight, min=-5, max=5,
                              step=0.1, continuous_update=True)
        self.bias = _slider(widgets.FloatSlider, "bias b", bias, min=-5, max=5, step=0.1,
                            continuous_update=True)
        self.figure = draw_activation(weight, bias)
        for control in (self.weight, self.bias):
            self._observe(control, self._update)
        self.widget = widgets.VBox([_row([self.weight, self.bias]),
                                    self.error_label, self.image])
        self._guarded(self._update)()

    def _update(self, change=None):
        draw_activation(self.weight.value, self.bias.value, fig=self.figure)
        self._show()


class NeuronExplorer(_Explorer):
    """A single neuron: inputs x1, x2, x3, weights w1..w3, output sigmoid(Σ wᵢxᵢ) (notebook 04)."""

    def __init__(self, inputs=(1.0, 0.0, 1.0), weights=(0.5, -0.5, 0.2), raise_errors=False):
        super().__init__(raise_errors)
        self.inputs = [_slider(widgets.FloatSlider, f"x{i + 1}", float(v), min=0, max=1,
                               step=0.1, continuous_update=True) for i, v in enumerate(inputs)]
        self.weights = [_slider(widgets.FloatSlider, f"w{i + 1}", float(v), min=-5, max=5,
                                step=0.1, continuous_update=True)
                        for i, v in enumerate(weights)]
        self.figure = draw_neuron(inputs, weights)
        for control in (*self.inputs, *self.weights):
            self._observe(control, self._update)
        self.widget = widgets.VBox([_row([widgets.VBox(self.inputs),
                                                  widgets.VBox(self.weights)]),
                                    self.error_label, self.image])
        self._guarded(self._update)()

    def _update(self, change=None):
        draw_neuron([s.value for s in self.inputs], [s.value for s in self.weights],
                    fig=self.figure)
        self._show()


class LossExplorer(_Explorer):
    """The loss along one chosen weight, with the current point and its tangent (notebook 05).

    All other weights stay at their initial values (seed ``seed``). The
    tangent's slope is that weight's entry of ``network.gradients()``:
    gradient descent moves the weight downhill along it.
    """

    def __init__(self, seed=0, raise_errors=False):
        super().__init__(raise_errors)
        names = [(f"weights1[{i},{j}]  (x{i + 1}→h{j + 1})", (0, i, j))
                 for i in range(3) for j in range(4)]
        names += [(f"weights2[{j},0]  (h{j + 1}→ŷ)", (1, j, 0)) for j in range(4)]
        self.choice = widgets.Dropdown(options=names, value=(1, 0, 0),
                                       description="weight", style={"description_width": "initial"})
        self.seed = _slider(widgets.IntSlider, "random seed", seed, min=0, max=100)
        start = initial_weights(seed)[1][0, 0]
        self.value = _slider(widgets.FloatSlider, "its value", float(round(start, 2)),
                             min=-8, max=8, step=0.05, continuous_update=True)
        self.figure = draw_loss_along(self.choice.value, self.value.value, seed)
        self._observe(self.choice, self._on_choice)
        self._observe(self.seed, self._on_choice)
        self._observe(self.value, self._update)
        self.widget = widgets.VBox([_row([self.choice, self.seed]), self.value,
                                    self.error_label, self.image])
        self._guarded(self._update)()

    def _on_choice(self, change=None):
        layer, i, j = self.choice.value
        with self._hold():
            self.value.value = float(initial_weights(self.seed.value)[layer][i, j])
        self._update()

    def _update(self, change=None):
        draw_loss_along(self.choice.value, self.value.value, self.seed.value, fig=self.figure)
        self._show()


# -- the initial-weights lab (notebook 09) ---------------------------------------------
class LabExplorer(_Explorer):
    """Train many seeded starts at once and see how many solve XOR (notebook 09).

    Sliders: initial-weight scale, iterations, learning rate and hidden units
    (all retrain on release). Each change trains ``settings.networks`` starts
    (seeds 0, 1, ...) with ``train_lab`` and shows ``draw_lab``: the success
    rate, a histogram of the final losses and the loss curves of the first
    few starts. ``summary`` states the success rate in words.

    ``settings`` gives the current ``LabSettings``; ``result`` the last
    ``LabResult``; ``figure`` the one figure that is updated.
    """

    def __init__(self, settings=None, raise_errors=False):
        super().__init__(raise_errors)
        settings = LabSettings() if settings is None else settings
        if not isinstance(settings, LabSettings):
            raise TypeError(f"settings must be a LabSettings, got {type(settings).__name__}")
        self.defaults = settings
        # Log sliders: 2^-3 .. 2^4 in half powers of 2 (1, 2, 4, 8 on the way) and
        # 10^-2 .. 10^1.5 in quarter powers of 10 (0.1, 1, 10 on the way).
        self.init_scale = _slider(widgets.FloatLogSlider, "initial-weight scale",
                                  settings.init_scale, base=2, min=-3,
                                  max=max(4, float(np.log2(settings.init_scale))), step=0.5,
                                  readout_format=".3g")
        self.iterations = _slider(widgets.IntSlider, "iterations", settings.iterations,
                                  min=0, max=max(4000, settings.iterations), step=100)
        self.learning_rate = _slider(widgets.FloatLogSlider, "learning rate",
                                     settings.learning_rate, base=10,
                                     min=min(-2, float(np.log10(settings.learning_rate))),
                                     max=max(1.5, float(np.log10(settings.learning_rate))),
                                     step=0.25, readout_format=".3g")
        self.hidden_units = _slider(widgets.IntSlider, "hidden units", settings.hidden_units,
                                    min=1, max=max(8, settings.hidden_units))
        self.reset_button = widgets.Button(description="reset", button_style="warning")
        self.summary = widgets.HTML(value="")
        self.result = None
        for control in self.controls:
            self._observe(control, self._retrain)
        self.reset_button.on_click(self._guarded(self.reset))
        self.widget = widgets.VBox([
            _row([widgets.VBox([self.init_scale, self.learning_rate]),
                          widgets.VBox([self.hidden_units, self.iterations]),
                          widgets.VBox([self.reset_button])]),
            self.summary, self.error_label, self.image])
        self._guarded(self._retrain)()

    @property
    def controls(self):
        """The sliders, in the order of ``LabSettings``' fields."""
        return [self.init_scale, self.iterations, self.learning_rate, self.hidden_units]

    @property
    def settings(self):
        """The current ``LabSettings`` read from the sliders."""
        return LabSettings(init_scale=self.init_scale.value, iterations=self.iterations.value,
                           learning_rate=self.learning_rate.value,
                           hidden_units=self.hidden_units.value,
                           networks=self.defaults.networks, curves=self.defaults.curves)

    def _retrain(self, change=None):
        settings = self.settings
        self.result = train_lab(settings)
        self.figure = draw_lab(settings, self.result, fig=self.figure)
        self.summary.value = (f"<b>{100 * self.result.success_rate:.1f}%</b> of "
                              f"{settings.networks:,} starts solve XOR")
        self._show()

    def reset(self, *args):
        """Back to the settings the explorer started with."""
        with self._hold():
            self.init_scale.value = self.defaults.init_scale
            self.iterations.value = self.defaults.iterations
            self.learning_rate.value = self.defaults.learning_rate
            self.hidden_units.value = self.defaults.hidden_units
        self._retrain()
