"""Exercise checks of notebook 01, neurons.

``notebooks/01_neurons.ipynb`` runs
``from nnfs_lib.exercises import neurons as exercises``.
"""

import numpy as np

from nnfs_lib.exercises._checking import (
    _as_array,
    _as_shape,
    _is_close,
    _number_verdict,
    _verdict,
)


def check_01_weighted_sum(answer):
    """z = w1*x1 + w2*x2 + b for x = (1, 0), w = (1.5, -2.0), b = 0.75."""
    return _number_verdict(
        answer, 2.25, 2,
        "multiply each input by its weight, add the products, then add the bias.",
        "give one number, to 2 decimals. An input of 0 contributes nothing; an input of 1 "
        "contributes its weight unchanged. Do not forget the bias, and mind the signs.",
    )


def check_01_layer_shape(answer):
    """Shape of x @ W for x of shape (4, 3) and W of shape (3, 5)."""
    return _verdict(
        _as_shape(answer) == (4, 5),
        "one row per sample, one column per neuron.",
        "give a shape as a tuple like (rows, columns). In a matrix product the inner "
        "sizes must match and disappear; the outer sizes remain.",
    )


def check_01_all_rows(sums, gate=None):
    """The weighted sums of the 4 XOR rows for w = (1, 1, -0.5) (third input is the constant 1),
    and the name of the logic gate the neuron resembles (it fires where its sum is positive)."""
    array = _as_array(sums)
    values = array.ravel() if array is not None and array.size == 4 else None
    expected = np.array([-0.5, 0.5, 0.5, 1.5])
    if not _is_close(values, expected, 1):
        return _number_verdict(values, expected, 1, "", "give four numbers, to 1 decimal, one per "
                               "row of x. Try x @ w, with w as a numpy array of three weights in "
                               "the order of x's columns.")
    name = gate.strip().lower() if isinstance(gate, str) else None
    return _verdict(
        name == "or",
        "one matrix product gives every row's sum, and the neuron fires whenever at least "
        "one input is 1.",
        "the sums are right; now name the gate as a string such as \"nand\". The neuron fires "
        "for the rows with a positive sum: which gate outputs 1 for exactly those inputs?",
    )
