"""Activation functions and their derivatives (article section 3, "Activation Function").

Taught in notebook 03. Every function works elementwise on a number or an
array of any shape and returns float64 (a ``numpy.float64`` for a number).
Input is checked first: a string, None, NaN/inf or an empty array raises a
``TypeError``/``ValueError`` naming the argument.

The sigmoid has two derivatives, because the article uses one and backpropagation
the other: ``sigmoid_derivative(z)`` takes the *pre-activation* z, as the article's
``sigmoid_derivative(np.dot(...))`` does; ``sigmoid_derivative_from_activation(a)``
takes the *activation* a = sigmoid(z) that the forward pass already stored.
"""

import numpy as np

from ._checks import MAX_MAGNITUDE, as_real_array

# exp(-z) overflows float64 for z below about -709.78. Clamping z at -708
# keeps a margin; sigmoid(-708) is already ~3e-308, zero for every purpose.
_SIGMOID_FLOOR = -708.0


def _sigmoid(z):
    """The sigmoid without input checks, for the network's own, already checked arrays."""
    return 1.0 / (1.0 + np.exp(-np.maximum(z, _SIGMOID_FLOOR)))


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), evaluated at max(z, -708) so that exp(-z)
    never overflows (no finite input warns or gives NaN); for z >= -708, bit for bit the
    article's."""
    return _sigmoid(as_real_array("z", z))


def sigmoid_derivative(z):
    """d sigmoid / dz at the pre-activation ``z``: sigmoid(z) * (1 - sigmoid(z)), computed as
    sigmoid(z) * sigmoid(-z), the same number: for large z, 1 - sigmoid(z) loses its digits."""
    z = as_real_array("z", z)
    return _sigmoid(z) * _sigmoid(-z)


def sigmoid_derivative_from_activation(a):
    """The same derivative from the activation ``a = sigmoid(z)``: a * (1 - a).
    ``a`` should lie in [0, 1]; anything beyond 1e6 in size is refused."""
    a = as_real_array("a", a, limit=MAX_MAGNITUDE)
    return a * (1.0 - a)


def tanh(z):
    """Hyperbolic tangent, range (-1, 1); tanh(z) = 2 * sigmoid(2z) - 1."""
    return np.tanh(as_real_array("z", z))


def tanh_derivative(z):
    """d tanh / dz at the pre-activation ``z``: 1 - tanh(z)**2."""
    return 1.0 - np.tanh(as_real_array("z", z)) ** 2


def relu(z):
    """Rectified linear unit: max(0, z)."""
    return np.maximum(as_real_array("z", z), 0.0)


def relu_derivative(z):
    """d relu / dz: 1 where z > 0, else 0 (we take 0 at the kink z = 0)."""
    return (as_real_array("z", z) > 0).astype(np.float64)
