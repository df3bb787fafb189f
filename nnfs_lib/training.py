"""The training loop and its history (article section 8, "Training").

Taught in notebooks 06 and 08. ``train`` runs the article's loop (a forward
pass, then a backward pass and an update) and records what the plots and
explorers need: the loss at every iteration and copies of the weights at the
iterations asked for.
"""

from dataclasses import dataclass, field

import numpy as np

from ._checks import as_real_array, check_count, check_entries
from .network import NeuralNetwork


@dataclass(frozen=True)
class TrainingHistory:
    """What happened during ``train`` (made by it, not by hand).

    ``loss`` has ``iterations + 1`` entries: ``loss[k]`` is the sum-of-squares loss of the
    weights after ``k`` updates, so ``loss[0]`` is the starting loss and ``loss[-1]`` the final
    one (the article's list holds the first ``iterations`` of these). ``snapshots[k]`` is a
    tuple of copies of ``network.parameters()`` after ``k`` updates, for each ``k`` requested.
    """

    loss: np.ndarray
    snapshots: dict = field(default_factory=dict)

    def __post_init__(self):
        if as_real_array("loss", self.loss).ndim != 1:
            raise ValueError("loss must be a 1-D array, one loss per iteration")
        if not isinstance(self.snapshots, dict):
            raise TypeError(f"snapshots must be a dict {{iteration: parameters}}, "
                            f"got {type(self.snapshots).__name__}")

    @property
    def iterations(self):
        return len(self.loss) - 1


def _snapshot_steps(snapshots, iterations):
    """The set of iteration numbers in ``snapshots`` (None or an iterable of ints)."""
    if snapshots is None:
        return set()
    if isinstance(snapshots, (str, bytes)) or not hasattr(snapshots, "__iter__"):
        raise TypeError(f"snapshots must be None or an iterable of integers, "
                        f"got {type(snapshots).__name__}")
    steps = snapshots.ravel() if isinstance(snapshots, np.ndarray) else snapshots
    return {check_count("snapshots", step, maximum=iterations) for step in steps}


def train(network, iterations, snapshots=None):
    """Train ``network``, a NeuralNetwork, in place for ``iterations`` steps (0 to 10,000,000:
    a larger count is almost surely a typo) and return its ``TrainingHistory`` (notebooks 06, 08).

    ``snapshots``: None, or any iterable of ints in [0, iterations] (a list, tuple, set,
    range, generator or integer numpy array; repeats are fine): record the parameters after
    that many updates. Each iteration is one ``feedforward()`` and one backward pass with its
    update: the same arithmetic as the article's ``feedforward(); backprop()``.
    """
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")
    iterations = check_count("iterations", iterations)
    steps = _snapshot_steps(snapshots, iterations)
    check_entries("the snapshots", len(steps) * sum(p.size for p in network.parameters()),
                  "snapshots")
    loss, recorded = np.empty(iterations + 1), {}
    for k in range(iterations + 1):
        if k in steps:
            recorded[k] = tuple(p.copy() for p in network.parameters())
        values = network.iteration_values()  # feedforward() and the chain rule
        loss[k] = values["loss"]
        if k < iterations:
            network._step(values["gradients"])  # backprop()'s update
    network.layer1, network.output = values["layer1"], values["output"]  # as feedforward()
    return TrainingHistory(loss=loss, snapshots=recorded)
