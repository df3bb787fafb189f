"""Exercise checks of notebook 04, feedforward.

``notebooks/04_feedforward.ipynb`` runs
``from nnfs_lib.exercises import feedforward as exercises``.
"""

import numpy as np

from nnfs_lib.exercises._checking import (
    _call,
    _is_exactly,
    _logistic,
    _number_verdict,
    _verdict,
)


def check_04_predict_shapes(answer):
    """(layer1 shape, output shape) when a 3-4-1 network's feedforward sees 10 inputs."""
    return _verdict(
        _is_exactly(answer, [[10, 4], [10, 1]]),
        "every sample keeps its row through the network; only the columns change.",
        "give two shapes, like ((a, b), (c, d)). The number of rows is the number of "
        "samples; the number of columns is the number of neurons in that layer.",
    )


def check_04_constant_output(answer):
    """The output of a 3-4-1 network with weights1 all 0 and weights2 all 1, for any input."""
    return _number_verdict(
        answer, 1.0 / (1.0 + np.exp(-2.0)), 3,
        "every hidden neuron outputs the same value, whatever the input.",
        "give one number, to 3 decimals. With zero weights every hidden sum is "
        "0: what does the sigmoid make of 0? Then add up what the output neuron receives.",
    )


def check_04_feedforward_with_biases(answer):
    """A function feedforward(x, weights1, bias1, weights2, bias2) returning the output."""
    rng = np.random.default_rng(4)
    x = rng.random((5, 3))
    weights1, bias1 = rng.normal(size=(3, 4)), rng.normal(size=(1, 4))
    weights2, bias2 = rng.normal(size=(4, 1)), rng.normal(size=(1, 1))
    expected = _logistic(_logistic(x @ weights1 + bias1) @ weights2 + bias2)
    result, too_slow = _call(answer, x, weights1, bias1, weights2, bias2)
    if too_slow:
        return _verdict(False, "", too_slow)
    passed = result is not None and result.shape == expected.shape and np.allclose(
        result, expected)
    return _verdict(
        passed,
        "each layer is a matrix product, plus its bias, through the sigmoid.",
        "give a function of (x, weights1, bias1, weights2, bias2) that returns the output "
        "array, one row per row of x. Add each bias before that layer's sigmoid, not after.",
    )
