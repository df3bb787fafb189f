"""Activation functions and their derivatives (article section 3, "Activation Function").

Every function works elementwise on a numpy array of any shape and returns an
array of the same shape (a Python float in, a 0-d array out).

Two derivatives of the sigmoid are given, because the article uses one and
fast code uses the other:

* ``sigmoid_derivative(z)`` takes the *pre-activation* ``z`` (the article's
  ``sigmoid_derivative(np.dot(...))``): it has to compute ``sigmoid(z)`` again.
* ``sigmoid_derivative_from_activation(a)`` takes the *activation*
  ``a = sigmoid(z)`` that the forward pass already stored, and returns
  ``a * (1 - a)``: the same number, with no exponential.
"""

import numpy as np

# Below -708, exp(-z) would overflow float64 (exp(709.8) is the largest
# finite value). sigmoid(-708) is already ~3e-308, the smallest normal float,
# so clamping there changes no result by more than that.
_SIGMOID_FLOOR = -708.0


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), without overflow.

    It is the article's formula, evaluated at max(z, -708): exp(-z) can then
    never overflow, so no input gives a warning or a NaN. sigmoid(1e4) is 1.0
    and sigmoid(-1e4) is 3e-308, zero for every practical purpose. For
    z >= -708 the result is bit-for-bit the article's.
    """
    return _sigmoid(z, 1.0, _SIGMOID_FLOOR)


def _sigmoid(z, one, floor):
    # The one formula behind ``sigmoid``. The network passes arrays of ones and
    # of -708 shaped like z: numpy adds two arrays faster than an array and a
    # Python float, and this runs twice per training iteration.
    return one / (one + np.exp(-np.maximum(z, floor)))


def sigmoid_derivative(z):
    """d sigmoid / dz at the pre-activation ``z``: sigmoid(z) * (1 - sigmoid(z)).

    Computed as sigmoid(z) * sigmoid(-z), the same number, because for large z
    the subtraction 1 - sigmoid(z) would lose most of its digits.
    """
    z = np.asarray(z, dtype=np.float64)
    return sigmoid(z) * sigmoid(-z)


def sigmoid_derivative_from_activation(a):
    """The same derivative, from the activation ``a = sigmoid(z)``: a * (1 - a).

    This is what backpropagation uses: ``a`` is already stored by the forward
    pass, so no exponential is needed. (Once a is within ~1e-8 of 1 the
    result keeps only a few digits; for training that does not matter.)
    """
    a = np.asarray(a, dtype=np.float64)
    return a * (1.0 - a)


def tanh(z):
    """Hyperbolic tangent, range (-1, 1); tanh(z) = 2 * sigmoid(2z) - 1."""
    return np.tanh(np.asarray(z, dtype=np.float64))


def tanh_derivative(z):
    """d tanh / dz at the pre-activation ``z``: 1 - tanh(z)**2."""
    t = tanh(z)
    return 1.0 - t * t


def relu(z):
    """Rectified linear unit: max(0, z)."""
    return np.maximum(np.asarray(z, dtype=np.float64), 0.0)


def relu_derivative(z):
    """d relu / dz: 1 where z > 0, else 0 (we take 0 at the kink z = 0)."""
    return (np.asarray(z, dtype=np.float64) > 0).astype(np.float64)
