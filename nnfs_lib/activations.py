"""Activation functions and their derivatives (article section 3, "Activation Function").

Every public function works elementwise on a number or a numpy array of any
shape. An array in gives a float64 array of the same shape out; a single
number in (a Python float or int, or a 0-d array) gives a ``numpy.float64``
out. Input is checked first: a string, None, an object array, a ragged list,
an empty array or a NaN/inf raises ``TypeError``/``ValueError`` naming the
argument (``z`` or ``a``).

Two derivatives of the sigmoid are given, because the article uses one and
fast code uses the other:

* ``sigmoid_derivative(z)`` takes the *pre-activation* ``z`` (the article's
  ``sigmoid_derivative(np.dot(...))``): it has to compute ``sigmoid(z)`` again.
* ``sigmoid_derivative_from_activation(a)`` takes the *activation*
  ``a = sigmoid(z)`` that the forward pass already stored, and returns
  ``a * (1 - a)``: the same number, with no exponential.

Internal fast path (used by ``network.py``, not part of the public API):
``_sigmoid(z, one, floor)`` is the one sigmoid formula, *without* input
checks, and ``_SIGMOID_FLOOR`` is the clamp it applies. ``NeuralNetwork``
calls it twice per training iteration on arrays it built itself (already
checked), passing ``one`` and ``floor`` as preallocated arrays shaped like
``z``; checking them again on every call would cost more than the arithmetic.
"""

import numpy as np

from .validation import as_real_array

# exp(x) overflows float64 for x above about 709.78 (log of the largest
# float, 1.8e308), i.e. exp(-z) overflows for z below about -709.78. Clamping
# z at -708 keeps a safety margin of ~1.8 below that limit. sigmoid(-708) is
# already ~3e-308, about the smallest normal float, so the clamp changes no
# result by more than that.
_SIGMOID_FLOOR = -708.0


def _sigmoid(z, one, floor):
    """Internal, unchecked: ``one / (one + exp(-max(z, floor)))``.

    ``one`` and ``floor`` are 1.0 and ``_SIGMOID_FLOOR``, as floats or as
    arrays shaped like ``z`` (numpy adds two arrays faster than an array and a
    Python float, and the network runs this twice per iteration). No input
    checks: callers pass finite float arrays they have already validated.
    """
    return one / (one + np.exp(-np.maximum(z, floor)))


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), without overflow.

    It is the article's formula, evaluated at max(z, -708): exp(-z) can then
    never overflow, so no finite input gives a warning or a NaN. sigmoid(1e4)
    is 1.0 and sigmoid(-1e4) is 3e-308, zero for every practical purpose. For
    z >= -708 the result is bit-for-bit the article's.
    """
    return _sigmoid(as_real_array("z", z), 1.0, _SIGMOID_FLOOR)


def sigmoid_derivative(z):
    """d sigmoid / dz at the pre-activation ``z``: sigmoid(z) * (1 - sigmoid(z)).

    Computed as sigmoid(z) * sigmoid(-z), the same number, because for large z
    the subtraction 1 - sigmoid(z) would lose most of its digits.
    """
    z = as_real_array("z", z)
    return _sigmoid(z, 1.0, _SIGMOID_FLOOR) * _sigmoid(-z, 1.0, _SIGMOID_FLOOR)


def sigmoid_derivative_from_activation(a):
    """The same derivative, from the activation ``a = sigmoid(z)``: a * (1 - a).

    This is what backpropagation uses: ``a`` is already stored by the forward
    pass, so no exponential is needed. (Once a is within ~1e-8 of 1 the
    result keeps only a few digits; for training that does not matter.)
    """
    a = as_real_array("a", a)
    return a * (1.0 - a)


def tanh(z):
    """Hyperbolic tangent, range (-1, 1); tanh(z) = 2 * sigmoid(2z) - 1."""
    return np.tanh(as_real_array("z", z))


def tanh_derivative(z):
    """d tanh / dz at the pre-activation ``z``: 1 - tanh(z)**2."""
    t = np.tanh(as_real_array("z", z))
    return 1.0 - t * t


def relu(z):
    """Rectified linear unit: max(0, z)."""
    return np.maximum(as_real_array("z", z), 0.0)


def relu_derivative(z):
    """d relu / dz: 1 where z > 0, else 0 (we take 0 at the kink z = 0)."""
    return (as_real_array("z", z) > 0).astype(np.float64)
