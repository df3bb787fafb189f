"""The training explorer (notebooks 06 and 08): controls -> training -> figure.

Rendering is a pure function of the settings: the explorer draws with
``explorers.training_figure``, the very code of the static figure that
follows it in a notebook::

    from nnfs_lib.explorers.training import TrainingExplorer
    from nnfs_lib.explorers.training_figure import draw_training
    from nnfs_lib.explorers.training_settings import TrainingSettings

    explorer = TrainingExplorer()          # live, needs a kernel
    explorer
    draw_training(TrainingSettings())      # static, deterministic
"""

import ipywidgets as widgets
import numpy as np

from nnfs_lib._checks import check_flag
from nnfs_lib.explorers.base import _Explorer, _row, _slider
from nnfs_lib.explorers.fastrender import render_png
from nnfs_lib.explorers.training_figure import TrainingFigure
from nnfs_lib.explorers.training_settings import (
    TrainingSettings,
    _check_training_settings,
    initial_weights,
    train_from_settings,
)

#: Range of the weight sliders, and the usual end of the initial-weight scale
#: slider (both widen for settings beyond it).
WEIGHT_LIMIT = 20.0


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
    time slider and only the diagram and the loss. Settings beyond a slider's
    usual range widen that slider.

    ``settings`` gives the current ``TrainingSettings``; ``result`` the last
    ``TrainingResult``; ``figure`` the one figure that is updated, ``panels``
    its ``TrainingFigure``.
    """

    def __init__(self, settings=None, compact=False, raise_errors=False):
        super().__init__(raise_errors)
        settings = TrainingSettings() if settings is None else settings
        _check_training_settings(settings)
        self.compact = check_flag("compact", compact)
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
        limit = self._weight_limit(settings)
        self.weights1 = [[self._weight_slider(f"x{i + 1}→h{j + 1}", limit) for j in range(4)]
                         for i in range(3)]
        self.weights2 = [self._weight_slider(f"h{j + 1}→ŷ", limit) for j in range(4)]
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
        self.panels = None
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
    def _weight_limit(self, settings):
        """The weight sliders' range [-limit, limit]: wide enough for every weight the
        settings give or the initial-weight scale slider can draw."""
        limit = max(WEIGHT_LIMIT, self.init_scale.max)
        if settings.weights1 is not None:
            limit = max(limit, float(np.max(np.abs(settings.weights1))),
                        float(np.max(np.abs(settings.weights2))))
        return limit

    def _weight_slider(self, description, limit):
        return widgets.FloatSlider(value=0.0, description=description, min=-limit,
                                   max=limit, step=0.01, readout_format=".2f",
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
        if self.panels is None:
            self.panels = TrainingFigure(settings, self.result, self.compact)
            self.figure = self.panels.figure
        else:
            self.panels.update(settings, self.result)
        self._show()

    def _render(self):
        return render_png(self.figure, self.panels.blitter)

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
