"""The lab explorer's settings and its training run: numpy only.

Notebook 10 ("10_architecture.ipynb") ends with the lab explorer
(``nnfs_lib.explorers.lab``): ``LabSettings`` are its sliders, ``train_lab``
trains what they describe and ``LabResult`` holds what the figure shows.
"""

from dataclasses import dataclass

import numpy as np

from nnfs_lib._checks import check_count, check_entries, check_positive_number
from nnfs_lib.datasets import xor
from nnfs_lib.lab.many import initial_weights_from_seeds, solved, train_many

#: The loss axis of the lab figure (histogram x, curves y): sum-of-squares losses
#: lie in [0, 4] on XOR; anything below ``LOSS_FLOOR`` counts as ``LOSS_FLOOR``.
LOSS_FLOOR = 1e-6
LOSS_TOP = 5.0
#: Fixed histogram bins, so that pictures of different settings compare directly.
LOSS_BINS = np.logspace(np.log10(LOSS_FLOOR), np.log10(4.0), 34)
#: Limits of a ``LabSettings`` (the explorer's sliders stay well inside them).
MAX_LAB_NETWORKS = 10_000
MAX_LAB_ITERATIONS = 100_000
MAX_LAB_HIDDEN_UNITS = 64
MAX_LAB_CURVES = 20


@dataclass(eq=False)
class LabSettings:
    """Everything that determines the lab explorer's picture.

    ``networks`` starts, seeds ``0..networks-1`` (start ``s`` has exactly the
    weights of ``NeuralNetwork(x, y, hidden_units, rng=s, init_scale=...)``),
    each trained on XOR for ``iterations`` updates at ``learning_rate``;
    ``curves``: how many of them (the first) show their loss curve. Every field
    is checked when the settings are made.
    """

    init_scale: float = 1.0
    iterations: int = 1500
    learning_rate: float = 1.0
    hidden_units: int = 4
    networks: int = 500
    curves: int = 8

    def __post_init__(self):
        self.init_scale = check_positive_number("init_scale", self.init_scale)
        self.iterations = check_count("iterations", self.iterations,
                                      maximum=MAX_LAB_ITERATIONS)
        self.learning_rate = check_positive_number("learning_rate", self.learning_rate)
        self.hidden_units = check_count("hidden_units", self.hidden_units, minimum=1,
                                        maximum=MAX_LAB_HIDDEN_UNITS)
        self.networks = check_count("networks", self.networks, minimum=1,
                                    maximum=MAX_LAB_NETWORKS)
        self.curves = check_count("curves", self.curves, minimum=1,
                                  maximum=min(MAX_LAB_CURVES, self.networks))
        check_entries("the loss history, networks x (iterations + 1),",
                      self.networks * (self.iterations + 1), "networks and iterations")


@dataclass(eq=False)
class LabResult:
    """The lab's trained starts (notebook 10's explorer): their ``many.ManyHistory``
    and which ones solve XOR.

    ``solved`` (networks,) bool from ``many.solved``; ``success_rate`` its mean,
    a float in [0, 1]; ``final_loss`` (networks,) the losses after training;
    ``loss`` (iterations + 1, networks) every loss history.
    """

    settings: LabSettings
    history: object
    solved: np.ndarray

    @property
    def success_rate(self):
        return float(np.mean(self.solved))

    @property
    def final_loss(self):
        return self.history.final_loss

    @property
    def loss(self):
        return self.history.loss

    def histogram(self):
        """``(solved_counts, failed_counts)`` of the final losses over ``LOSS_BINS``.

        Losses below ``LOSS_FLOOR`` (down to exactly 0) count in the first bin.
        """
        shown = np.clip(self.final_loss, LOSS_BINS[0], LOSS_BINS[-1])
        solved_counts = np.histogram(shown[self.solved], LOSS_BINS)[0]
        failed_counts = np.histogram(shown[~self.solved], LOSS_BINS)[0]
        return solved_counts, failed_counts


def _check_lab_settings(settings):
    """Raise ``TypeError`` unless ``settings`` is a ``LabSettings``."""
    if not isinstance(settings, LabSettings):
        raise TypeError(f"settings must be a LabSettings, got {type(settings).__name__}")


def train_lab(settings=None):
    """Train the lab's starts (``LabSettings``) on XOR, all at once: a ``LabResult``.

    What notebook 10's lab explorer draws after every change of a slider.

    One ``many.train_many`` call trains every start; ``many.solved`` says which
    ones solve XOR.
    """
    settings = LabSettings() if settings is None else settings
    _check_lab_settings(settings)
    x, y = xor()
    weights1, weights2 = initial_weights_from_seeds(
        range(settings.networks), x.shape[1], settings.hidden_units, y.shape[1],
        init_scale=settings.init_scale)
    history = train_many(x, y, weights1, weights2, settings.iterations,
                         settings.learning_rate)
    return LabResult(settings=settings, history=history, solved=solved(history.outputs, y))
