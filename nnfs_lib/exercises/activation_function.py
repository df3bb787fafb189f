"""Exercise checks of notebook 03, the activation function.

``notebooks/03_activation_function.ipynb`` runs
``from nnfs_lib.exercises import activation_function as exercises``.
"""

import numpy as np

from nnfs_lib.exercises._checking import _call, _number_verdict, _verdict


def check_03_sigmoid_inverse(answer):
    """The z for which sigmoid(z) = 0.9."""
    return _number_verdict(
        answer, np.log(9.0), 3,
        "solving a = 1 / (1 + e^(-z)) for z gives z = log(a / (1 - a)), the logit.",
        "give one number, to 3 decimals. Set 1 / (1 + e^(-z)) equal to 0.9, "
        "solve for e^(-z) first, then take a logarithm (np.log). Check: sigmoid(z) "
        "should print 0.9.",
    )


def check_03_derivative_max(answer):
    """The largest value the sigmoid's derivative takes."""
    return _number_verdict(
        answer, 0.25, 2,
        "the derivative a(1 - a) peaks where a is one half, at z = 0.",
        "give one number, to 2 decimals. The derivative is a * (1 - a) with a = sigmoid(z); "
        "for which a is that product largest? (It is a parabola in a.)",
    )


def check_03_tanh_from_sigmoid(answer):
    """A function computing tanh(z) using only the sigmoid (a Python callable)."""
    z = np.linspace(-4.0, 4.0, 33)
    expected = np.tanh(z)  # before the call; the function is given a copy of z
    result, too_slow = _call(answer, z)
    if too_slow:
        return _verdict(False, "", too_slow)
    passed = result is not None and result.shape == z.shape and np.allclose(
        result, expected, atol=1e-9)
    return _verdict(
        passed,
        "tanh is a sigmoid stretched to the range (-1, 1) and squeezed along z.",
        "give a function of z (an array) that returns an array of the same shape. "
        "Stretch the output range (0, 1) to (-1, 1), then compare your curve with "
        "np.tanh: is it too flat?",
    )
