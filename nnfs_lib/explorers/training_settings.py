"""The training explorer's settings and its run (notebooks 06 and 08): numpy only.

``TrainingSettings`` is everything that determines the training explorer's
picture; ``train_from_settings`` trains the article's network on XOR from them
and records the weights the time slider can show. The picture itself is drawn
by ``explorers.training_figure.draw_training``.
"""

import bisect
from dataclasses import dataclass, field

import numpy as np

from nnfs_lib._checks import (
    as_matrix,
    check_count,
    check_flag,
    check_positive_number,
    check_shape,
)
from nnfs_lib.datasets import xor
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train

#: Runs of at most this many iterations record the weights after *every*
#: iteration, so the time slider shows exactly the iteration it names (the
#: iterations slider goes to 10,000; recording costs ~3 ms per 1,000 iterations).
EVERY_STEP_UP_TO = 10_000
#: Longer runs record about this many evenly spaced snapshots, and the time
#: slider snaps to them (the explorer says so next to the slider).
TIME_STEPS = 100
#: The most iterations a settings object accepts (the slider goes to 10,000).
MAX_ITERATIONS = 1_000_000
#: The largest random seed (numpy accepts any; the explorers' seeds fit in 32 bits).
MAX_SEED = 2**32 - 1
#: The article's weight shapes: (layer, rows, columns).
WEIGHT_SHAPES = ((3, 4), (4, 1))


@dataclass(eq=False)
class TrainingSettings:
    """Everything that determines a training explorer's picture.

    ``weights1`` (3, 4) and ``weights2`` (4, 1) are the *initial* weights;
    ``None`` (for both) means: draw them from ``seed`` and ``init_scale`` as
    ``NeuralNetwork`` does. ``time`` is the iteration k in [0, iterations]
    whose weights are shown (exact for runs of at most ``EVERY_STEP_UP_TO``
    iterations, else snapped to the nearest recorded snapshot, see
    ``recorded_steps``); ``None`` means the end. Every field is checked when the settings are made.
    """

    iterations: int = 1500
    learning_rate: float = 1.0
    seed: int = 0
    init_scale: float = 1.0
    weights1: np.ndarray | None = None
    weights2: np.ndarray | None = None
    log_scale: bool = False
    time: int | None = None

    def __post_init__(self):
        self.iterations = check_count("iterations", self.iterations, maximum=MAX_ITERATIONS)
        self.learning_rate = check_positive_number("learning_rate", self.learning_rate)
        self.seed = check_count("seed", self.seed, maximum=MAX_SEED)
        self.init_scale = check_positive_number("init_scale", self.init_scale)
        if (self.weights1 is None) != (self.weights2 is None):
            raise ValueError("weights1 and weights2 must be given together (or neither)")
        if self.weights1 is not None:
            for name, shape in zip(("weights1", "weights2"), WEIGHT_SHAPES, strict=True):
                array = as_matrix(name, getattr(self, name))
                check_shape(name, array, shape)
                setattr(self, name, array.copy())
        self.log_scale = check_flag("log_scale", self.log_scale)
        if self.time is not None:
            self.time = check_count("time", self.time, maximum=self.iterations)


@dataclass(eq=False)
class TrainingResult:
    """A finished run: the trained ``network``, its ``history`` and the snapshot ``steps``."""

    network: NeuralNetwork
    history: object
    steps: list = field(default_factory=list)

    def snap(self, time):
        """The recorded iteration nearest to ``time`` (``None``: the last; ties: the earlier)."""
        if time is None:
            return self.steps[-1]
        i = bisect.bisect_left(self.steps, time)  # steps are sorted
        near = self.steps[max(i - 1, 0):i + 1]
        return min(near, key=lambda step: (abs(step - time), step))

    @property
    def spacing(self):
        """Iterations between recorded snapshots: 1 when every iteration is recorded."""
        return self.steps[1] - self.steps[0] if len(self.steps) > 1 else 1

    def network_at(self, time):
        """A copy of the network holding the weights recorded at ``snap(time)``."""
        shown = self.network.copy()
        saved = self.history.snapshots[self.snap(time)]
        for target, value in zip(shown.parameters(), saved, strict=True):
            target[...] = value
        return shown


def snapshot_steps(iterations, count=TIME_STEPS):
    """About ``count`` (>= 1) evenly spaced iterations in [0, iterations], both ends included."""
    iterations = check_count("iterations", iterations, maximum=MAX_ITERATIONS)
    count = check_count("count", count, minimum=1)
    step = max(1, -(-iterations // count))
    steps = list(range(0, iterations + 1, step))
    if steps[-1] != iterations:
        steps.append(iterations)
    return steps


def recorded_steps(iterations):
    """The iterations whose weights a run records for the time slider.

    Every iteration (``0..iterations``) when ``iterations <= EVERY_STEP_UP_TO``,
    so the slider is exact; beyond it, ``snapshot_steps(iterations)``.
    """
    iterations = check_count("iterations", iterations, maximum=MAX_ITERATIONS)
    if iterations <= EVERY_STEP_UP_TO:
        return list(range(iterations + 1))
    return snapshot_steps(iterations)


def initial_weights(seed=0, init_scale=1.0):
    """``(weights1, weights2)`` as ``NeuralNetwork(x, y, rng=seed, init_scale=...)`` draws them."""
    seed = check_count("seed", seed, maximum=MAX_SEED)
    init_scale = check_positive_number("init_scale", init_scale)
    x, y = xor()
    network = NeuralNetwork(x, y, rng=seed, init_scale=init_scale)
    return network.weights1, network.weights2


def _check_training_settings(settings):
    if not isinstance(settings, TrainingSettings):
        raise TypeError(f"settings must be a TrainingSettings, got {type(settings).__name__}")


def train_from_settings(settings):
    """The article's network on XOR built from ``settings`` and trained: a ``TrainingResult``."""
    _check_training_settings(settings)
    x, y = xor()
    network = NeuralNetwork(x, y, weights1=settings.weights1, weights2=settings.weights2,
                            rng=settings.seed, init_scale=settings.init_scale,
                            learning_rate=settings.learning_rate)
    steps = recorded_steps(settings.iterations)
    history = train(network, settings.iterations, snapshots=steps)
    return TrainingResult(network=network, history=history, steps=steps)
