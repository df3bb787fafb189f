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


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), without overflow.

    For z >= 0 it is computed as 1 / (1 + e) and for z < 0 as e / (1 + e), with
    e = exp(-|z|) <= 1, so no exponential can overflow: sigmoid(-1e4) is 0.0
    and sigmoid(1e4) is 1.0, silently, as they should be.
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def sigmoid_derivative(z):
    """d sigmoid / dz at the pre-activation ``z``: sigmoid(z) * (1 - sigmoid(z))."""
    s = sigmoid(z)
    return s * (1.0 - s)


def sigmoid_derivative_from_activation(a):
    """The same derivative, from the activation ``a = sigmoid(z)``: a * (1 - a)."""
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
