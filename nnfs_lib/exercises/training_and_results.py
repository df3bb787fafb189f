"""Exercise checks of notebook 08, training and results.

``notebooks/08_training_and_results.ipynb`` runs
``from nnfs_lib.exercises import training_and_results as exercises``.
"""

import numpy as np

from nnfs_lib.datasets import xor
from nnfs_lib.exercises._checking import (
    _as_array,
    _as_number,
    _guarded,
    _number_verdict,
    _verdict,
)
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train


def _trained_seed_0():
    x, y = xor()
    network = NeuralNetwork(x, y, rng=0)
    history = train(network, 1500)
    return network, history


def _pair_of_arrays(value):
    """A returned ``(weights1, weights2)`` as two finite float arrays, or None."""
    pair = tuple(value) if isinstance(value, (tuple, list)) else None
    arrays = None if pair is None or len(pair) != 2 else [_as_array(a) for a in pair]
    return None if arrays is None or arrays[0] is None or arrays[1] is None else arrays


def _start_weights(func, seed):
    """``func(seed)`` as a pair of finite arrays, or ``(None, hint)``; never raises.

    The call is guarded (see ``_guarded``): in particular a student's
    ``np.random.seed`` is undone afterwards, so checking leaves no trace.
    """
    arrays, problem = _guarded(func, (seed,), _pair_of_arrays,
                               advice="call it with a seed such as 0 to see why.")
    if problem:
        return None, problem
    if arrays is None:
        return None, "return a pair (weights1, weights2) of numpy arrays of numbers."
    if arrays[0].shape != (3, 4) or arrays[1].shape != (4, 1):
        return None, "use the article's shapes: weights1 (3, 4) and weights2 (4, 1)."
    return arrays, None


def check_08_reproducible(func):
    """A function ``reproducible_start(seed)`` returning (weights1, weights2) as the article
    draws them, uniform on [0, 1) with shapes (3, 4) and (4, 1), but the same for the same seed."""
    draws = {}
    for seed in (0, 0, 1, 7):
        arrays, problem = _start_weights(func, seed)
        if problem:
            return _verdict(False, "", problem)
        if np.any(arrays[0] < 0) or np.any(arrays[0] >= 1) or np.any(arrays[1] < 0) or np.any(
                arrays[1] >= 1):
            return _verdict(False, "", "the article draws every weight uniformly from [0, 1) "
                            "(np.random.rand); keep that distribution.")
        if seed in draws and not all(np.array_equal(a, b) for a, b in zip(arrays, draws[seed])):
            return _verdict(False, "", "two calls with the same seed gave different weights: "
                            "the random numbers must come from a generator fixed by the seed.")
        draws[seed] = arrays
    if any(np.array_equal(draws[a][0], draws[b][0]) for a, b in [(0, 1), (0, 7), (1, 7)]):
        return _verdict(False, "", "different seeds gave the same weights1; the seed must "
                        "choose the random numbers, not replace them.")
    if np.all(draws[0][0] == draws[0][0].flat[0]):
        return _verdict(False, "", "all of weights1 is one number: that start is symmetric. "
                        "Draw every weight separately.")
    return _verdict(True, "same seed, same start, same result on every run.", "")


def check_08_first_below(answer):
    """For the seed-0 network: the first k with history.loss[k] < 0.05."""
    passed = False
    step = _as_number(answer, whole=True)
    if step is not None:
        loss = _trained_seed_0()[1].loss
        passed = step == int(np.argmax(loss < 0.05))
    return _verdict(
        passed,
        "after that, the loss only creeps down: most of the learning happens early.",
        "give a whole number. history.loss[k] is the loss after k updates; find the "
        "smallest k where it is below 0.05 (np.argmax of a boolean array helps).",
    )


def check_08_centre_prediction(answer):
    """The seed-0 network's output for the new input (x1, x2) = (0.5, 0.5), to 3 decimals."""
    hint = ("give one number, to 3 decimals: train the seed-0 network for 1500 iterations, "
            "then call net.predict on one row (x1, x2, constant 1).")
    if _as_number(answer) is None:  # no training for an answer that is not a number
        return _verdict(False, "", hint)
    expected = _trained_seed_0()[0].predict(np.array([[0.5, 0.5, 1.0]]))[0, 0]
    return _number_verdict(
        answer, expected, 3,
        "XOR never defined this point; the number is the network's own guess.", hint)
