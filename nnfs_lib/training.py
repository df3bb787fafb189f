"""Training loops and their history (article section 8, "Training").

``train`` runs the article's loop (feedforward, then backprop) and records
what the plots and explorers need: the loss at every iteration and copies of
the weights at the iterations asked for.
"""

from dataclasses import dataclass, field

import numpy as np

from .network import NeuralNetwork
from .validation import check_count


@dataclass
class TrainingHistory:
    """What happened during ``train``.

    ``loss`` has ``iterations + 1`` entries: ``loss[k]`` is the sum-of-squares
    loss of the weights after ``k`` updates, so ``loss[0]`` is the starting
    loss and ``loss[-1]`` the final one. (The article's list holds the first
    ``iterations`` of these.) ``snapshots[k]`` is a tuple of copies of
    ``network.parameters()`` after ``k`` updates, for each ``k`` requested.
    """

    loss: np.ndarray
    snapshots: dict = field(default_factory=dict)

    @property
    def iterations(self):
        return len(self.loss) - 1


def _snapshot_steps(snapshots, iterations):
    if snapshots is None:
        return set()
    if isinstance(snapshots, str):
        raise TypeError("snapshots must be None, 'all' is not supported; give iterations")
    steps = set()
    for step in np.atleast_1d(snapshots).tolist():
        if isinstance(step, bool) or not isinstance(step, int):
            raise TypeError(f"snapshots must hold integers, got {step!r}")
        if not 0 <= step <= iterations:
            raise ValueError(f"snapshots must lie in [0, {iterations}], got {step}")
        steps.add(step)
    return steps


def train(network, iterations, snapshots=None):
    """Train ``network`` in place for ``iterations`` steps and return its history.

    Parameters
    ----------
    network : NeuralNetwork
    iterations : int >= 0
    snapshots : optional iterable of ints in [0, iterations]: record the
        parameters after that many updates.
    """
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")
    iterations = check_count("iterations", iterations)
    steps = _snapshot_steps(snapshots, iterations)
    loss = np.empty(iterations + 1)
    recorded = {}
    y = network.y
    feedforward, backprop, vdot = network.feedforward, network.backprop, np.vdot
    start = 0
    for stop in sorted(steps | {iterations}):  # run from snapshot to snapshot
        for k in range(start, stop):
            feedforward()
            backprop()
            error = network._last_error  # output - y of this iteration's forward pass
            loss[k] = vdot(error, error)  # the sum of squares, in one call
        if stop in steps:
            recorded[stop] = tuple(p.copy() for p in network.parameters())
        start = stop
    error = network.feedforward() - y
    loss[iterations] = np.vdot(error, error)
    return TrainingHistory(loss=loss, snapshots=recorded)
