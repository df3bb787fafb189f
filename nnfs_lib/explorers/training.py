"""The training explorer (notebooks 06 and 08): Python trains, the browser draws and replays.

A change of a control retrains the article's network with the library
(``training_settings.train_from_settings``) and sends the whole run to the
browser (``run``): the weights after every recorded iteration (float64), the
loss history and the colour scale of the run. ``static/training.js`` draws
the diagram with a map of each hidden unit, the loss curve, the predictions
and the output map, and replays the run (time scrubber, Play) locally::

    from nnfs_lib.explorers.training import TrainingExplorer
    from nnfs_lib.explorers.training_figure import draw_training
    from nnfs_lib.explorers.training_settings import TrainingSettings

    explorer = TrainingExplorer()          # live, needs a kernel
    explorer
    draw_training(TrainingSettings())      # static, the default settings
"""

import numpy as np
import traitlets

from nnfs_lib._checks import check_flag
from nnfs_lib.explorers.base import _Explorer, _module, widened
from nnfs_lib.explorers.training_settings import (
    TrainingSettings,
    _check_training_settings,
    initial_weights,
    train_from_settings,
)

#: The controls' usual ranges (they widen for settings beyond them).
RANGES = {"iterations": [0, 10_000], "learning_rate": [0.01, 100.0], "seed": [0, 100],
          "init_scale": [0.1, 20.0]}
#: The weights' drag range [-WEIGHT_RANGE, WEIGHT_RANGE] to start with.
WEIGHT_RANGE = 8.0
#: At most this many loss values are sent (longer runs send every k-th, ``loss_stride``).
MAX_LOSS_POINTS = 10_001
#: The traits that retrain, and those that draw new random weights first.
RETRAIN = ("iterations", "learning_rate", "weights1", "weights2")
REDRAW_WEIGHTS = ("seed", "init_scale")


def run_data(result):
    """What the browser replays of ``result`` (a ``TrainingResult``), as one dict.

    ``weights``: float64 bytes, one row of 16 per recorded iteration (weights1
    row by row, then weights2); ``steps``: those iterations; ``loss``: float64
    bytes, the loss at iterations 0, k, 2k, ... (``loss_stride`` k, 1 up to
    10,000 iterations), ``step_loss`` the loss at each of ``steps``;
    ``inputs`` and ``targets`` the XOR data; ``scale``: the largest |weight| of the whole run (one
    colour scale for the replay; 1 if every weight is 0).
    """
    snapshots = result.history.snapshots
    weights = np.array([np.concatenate([w1.ravel(), w2.ravel()])
                        for w1, w2 in (snapshots[step] for step in result.steps)])
    loss = result.history.loss
    stride = max(1, -(-(loss.size - 1) // (MAX_LOSS_POINTS - 1)))
    largest = float(np.max(np.abs(weights)))
    network = result.network
    return {"steps": list(result.steps), "weights": weights.astype("<f8").tobytes(),
            "loss": loss[::stride].astype("<f8").tobytes(), "loss_stride": stride,
            "step_loss": loss[result.steps].astype("<f8").tobytes(),
            "iterations": int(loss.size - 1), "scale": largest if largest > 0 else 1.0,
            "inputs": network.input.tolist(), "targets": network.y[:, 0].tolist()}


class TrainingExplorer(_Explorer):
    """Train the article's 3-4-1 network on XOR and watch it learn (notebooks 06 and 08).

    Controls (traits, synced with the browser): ``iterations``,
    ``learning_rate``, ``seed``, ``init_scale``, the 16 initial weights
    ``weights1`` (3x4 nested list) and ``weights2`` (4 numbers) with their drag
    range ``weight_range``, ``log_scale`` and ``time``, the iteration shown.
    Buttons (methods): ``new_random_weights`` (next seed), ``all_equal``
    (every weight = scale / 2), ``all_zero``, ``reset``. Setting a trait in
    Python does what the control does in the browser. A retrain sends ``run``
    (``run_data``); every control change (also ``log_scale`` and ``weight_range``,
    which do not retrain) moves ``time`` to the end. Settings beyond a control's
    usual range widen it (``ranges``). ``compact=True`` (notebook 06) shows
    the diagram and the loss only, without the weights panel.

    ``settings`` gives the current ``TrainingSettings``; ``result`` the last run.
    """

    _esm = _module("training.js")
    buttons = ("new_random_weights", "all_equal", "all_zero", "reset")

    compact = traitlets.Bool(False).tag(sync=True)
    iterations = traitlets.Int().tag(sync=True)
    learning_rate = traitlets.Float().tag(sync=True)
    seed = traitlets.Int().tag(sync=True)
    init_scale = traitlets.Float().tag(sync=True)
    log_scale = traitlets.Bool().tag(sync=True)
    weights1 = traitlets.List().tag(sync=True)
    weights2 = traitlets.List().tag(sync=True)
    weight_range = traitlets.Float(WEIGHT_RANGE).tag(sync=True)
    time = traitlets.Int().tag(sync=True)
    ranges = traitlets.Dict().tag(sync=True)
    run = traitlets.Dict().tag(sync=True)

    def __init__(self, settings=None, compact=False, raise_errors=False):
        settings = TrainingSettings() if settings is None else settings
        _check_training_settings(settings)
        super().__init__(raise_errors=raise_errors, compact=check_flag("compact", compact))
        self.defaults = settings
        self.result = None
        self._good = settings
        self._show_settings(settings)
        self._watch(RETRAIN, self._retrain)
        self._watch(REDRAW_WEIGHTS, self._random_weights)
        self._watch("weight_range", self._new_range)
        self._watch("time", self._on_time)
        self._watch("log_scale", self._show_end)
        self._retrain()
        if self.last_error is not None:
            raise self.last_error

    # -- settings <-> traits ----------------------------------------------------------------
    @property
    def settings(self):
        """The current ``TrainingSettings`` (checked: a bad value raises here)."""
        time = self.time if self.result is not None and self.time < self.iterations else None
        return TrainingSettings(
            iterations=self.iterations, learning_rate=self.learning_rate, seed=self.seed,
            init_scale=self.init_scale, weights1=self.weights1,
            weights2=[[w] for w in self.weights2],
            log_scale=self.log_scale, time=time)

    def _show_settings(self, settings):
        """Set every control from ``settings`` (weights drawn from its seed if not given)."""
        weights1, weights2 = settings.weights1, settings.weights2
        if weights1 is None:
            weights1, weights2 = initial_weights(settings.seed, settings.init_scale)
        self._held += 1
        try:
            self.iterations, self.learning_rate = settings.iterations, settings.learning_rate
            self.seed, self.init_scale = settings.seed, settings.init_scale
            self.log_scale = settings.log_scale
            self._set_weights(weights1, weights2)
            self.time = settings.iterations if settings.time is None else settings.time
        finally:
            self._held -= 1

    def _set_weights(self, weights1, weights2):
        self._held += 1
        try:
            self.weights1 = np.asarray(weights1, dtype=np.float64).reshape(3, 4).tolist()
            self.weights2 = np.asarray(weights2, dtype=np.float64).reshape(4).tolist()
        finally:
            self._held -= 1
        self._widen_weights()

    def _widen(self, settings):
        ranges = {name: widened(*RANGES[name], getattr(settings, name),
                                10 if name == "learning_rate" else None) for name in RANGES}
        ranges["init_scale"][1] = max(ranges["init_scale"][1], self.weight_range)
        self.ranges = ranges

    # -- callbacks ----------------------------------------------------------------------------
    def _retrain(self, change=None):
        """Train from the controls, send the run, show its end."""
        try:
            settings = self.settings
        except (TypeError, ValueError):
            self._show_settings(self._good)  # the controls go back to the last good run
            raise
        self._set_weights(settings.weights1, settings.weights2)  # widens the drag range
        self.result = train_from_settings(settings)
        self._good = settings
        with self.hold_sync():
            self._widen(settings)
            self.run = run_data(self.result)
            self._show_end()

    def _random_weights(self, change=None):
        """New seed or scale: draw the initial weights from them, then retrain."""
        try:
            drawn = initial_weights(self.seed, self.init_scale)
        except (TypeError, ValueError):
            self._show_settings(self._good)
            raise
        self._set_weights(*drawn)
        self._retrain()

    def _widen_weights(self, change=None):
        """The drag range: positive, and wide enough for every weight (never clamped)."""
        bad = not np.isfinite(self.weight_range) or self.weight_range <= 0
        largest = float(np.max(np.abs(np.array(self.weights1 + [self.weights2]))))
        self._held += 1
        try:
            self.weight_range = max(WEIGHT_RANGE if bad else self.weight_range,
                                    float(np.ceil(largest)))
        finally:
            self._held -= 1
        if bad:
            raise ValueError("weight_range must be a positive number")

    def _show_end(self, change=None):
        """Show the last iteration: what every control change does (not only a retrain),
        so that after scrubbing back to 0 the log toggle or the drag range visibly acts."""
        self._held += 1
        try:
            self.time = self.iterations
        finally:
            self._held -= 1

    def _new_range(self, change=None):
        """A new drag range: widened to hold every weight, and the last iteration shown."""
        self._widen_weights()
        self._show_end()

    def _on_time(self, change=None):
        """Show iteration ``time``: snapped to the recorded iterations, in [0, iterations]."""
        snapped = self.result.snap(min(max(self.time, 0), self.iterations))
        if snapped != self.time:
            self._held += 1
            try:
                self.time = snapped
            finally:
                self._held -= 1

    # -- buttons ----------------------------------------------------------------------------
    def new_random_weights(self):
        """The next seed, and the weights it draws at the current scale."""
        self.seed += 1  # redraws and retrains through the seed's observer

    def all_equal(self):
        """Every initial weight = initial-weight scale / 2 (the symmetric start)."""
        value = self.init_scale / 2
        self._set_weights(np.full((3, 4), value), np.full(4, value))
        self._retrain()

    def all_zero(self):
        """Every initial weight = 0."""
        self._set_weights(np.zeros((3, 4)), np.zeros(4))
        self._retrain()

    def reset(self):
        """Back to the settings the explorer started with, the weights' drag range too."""
        self._held += 1
        try:
            self.weight_range = WEIGHT_RANGE  # widened again below for the starting weights
        finally:
            self._held -= 1
        self._show_settings(self.defaults)
        self._retrain()

    def _drop(self):
        self.result = None
        self.run = {}
