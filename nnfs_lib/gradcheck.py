"""Checking backpropagation with finite differences (article section 7, "The Math!").

The chain rule gives the gradients in closed form; a central difference
(L(w + eps) - L(w - eps)) / (2 eps), one weight at a time, gives them
numerically without any calculus. If the two agree to many digits, the
derivation and its code are right.
"""

import numpy as np

from .network import NeuralNetwork
from .validation import check_positive_number

PARAMETER_NAMES = ("weights1", "weights2", "bias1", "bias2")


def numerical_gradients(network, eps=1e-6):
    """Central-difference gradients of ``network.loss()``, one array per parameter.

    Works on a copy: ``network`` is left exactly as it was.
    """
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")
    eps = check_positive_number("eps", eps)
    twin = network.copy()
    result = []
    for parameter in twin.parameters():
        gradient = np.zeros_like(parameter)
        for index in np.ndindex(parameter.shape):
            original = parameter[index]
            parameter[index] = original + eps
            loss_plus = twin.loss()
            parameter[index] = original - eps
            loss_minus = twin.loss()
            parameter[index] = original
            gradient[index] = (loss_plus - loss_minus) / (2 * eps)
        result.append(gradient)
    return tuple(result)


def relative_error(analytic, numeric):
    """max |a - n| / max(|a| + |n|), a scale-free distance; 0.0 when both are 0."""
    analytic, numeric = np.asarray(analytic), np.asarray(numeric)
    scale = np.max(np.abs(analytic) + np.abs(numeric))
    if scale == 0:
        return 0.0
    return float(np.max(np.abs(analytic - numeric)) / scale)


def gradient_check(network, eps=1e-6):
    """Compare ``network.gradients()`` with finite differences.

    Returns a dict ``{name: relative error}`` with one entry per parameter
    array ("weights1", "weights2", and "bias1", "bias2" when present).
    Values around 1e-8 or smaller mean the gradients are right.
    """
    numeric = numerical_gradients(network, eps)
    analytic = network.gradients()
    return {name: relative_error(a, n)
            for name, a, n in zip(PARAMETER_NAMES, analytic, numeric)}
