"""Training loops and their history (article section 8, "Training").

``train`` runs the article's loop (feedforward, then backprop) and records
what the plots and explorers need: the loss at every iteration and copies of
the weights at the iterations asked for.
"""

import numbers
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
    """The set of iteration numbers in ``snapshots`` (None or an iterable of ints)."""
    if snapshots is None:
        return set()
    expected = ("snapshots must be None or an iterable of integers (a list, range, set, "
                "generator or integer numpy array)")
    if isinstance(snapshots, (str, bytes)):
        raise TypeError(f"{expected}, got a string")
    if isinstance(snapshots, np.ndarray):
        if snapshots.dtype.kind not in "iu":
            raise TypeError(f"{expected}, got an array of dtype {snapshots.dtype}")
        snapshots = snapshots.ravel().tolist()
    try:
        items = iter(snapshots)
    except TypeError:
        raise TypeError(f"{expected}, got {type(snapshots).__name__}") from None
    steps = set()
    for step in items:
        if isinstance(step, (bool, np.bool_)) or not isinstance(step, numbers.Integral):
            raise TypeError(f"snapshots must hold integers, got {step!r}")
        if not 0 <= step <= iterations:
            raise ValueError(f"snapshots must lie in [0, {iterations}], got {step}")
        steps.add(int(step))
    return steps


def train(network, iterations, snapshots=None):
    """Train ``network`` in place for ``iterations`` steps and return its history.

    Parameters
    ----------
    network : NeuralNetwork
    iterations : int from 0 to 10,000,000 (a larger count is almost surely a
        typo and would allocate the loss history before failing).
    snapshots : None, or any iterable of ints in [0, iterations] (a list,
        tuple, set, range, generator or integer numpy array; repeats are
        fine): record the parameters after that many updates.
    """
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")
    iterations = check_count("iterations", iterations)
    steps = _snapshot_steps(snapshots, iterations)
    recorded = {}
    # errors[k] = output - y after k updates; the loss is its sum of squares.
    n_samples, n_outputs = network.y.shape
    errors = np.empty((iterations + 1, n_samples, n_outputs))
    workspace = network._workspace()  # made once, even with a snapshot every step
    start = 0
    for stop in sorted(steps | {iterations}):  # run from snapshot to snapshot
        network._train_steps(stop - start, errors[start:stop], workspace)
        if stop in steps:
            recorded[stop] = tuple(p.copy() for p in network.parameters())
        start = stop
    errors[iterations] = network.feedforward() - network.y
    flat = errors.reshape(iterations + 1, -1)
    loss = np.einsum("ij,ij->i", flat, flat)
    return TrainingHistory(loss=loss, snapshots=recorded)
