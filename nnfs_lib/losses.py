"""The sum-of-squares loss (article section 5, "Loss Function").

``y`` holds the targets and ``y_hat`` the network's outputs, both of shape
(n_samples, n_outputs); for the article's XOR network that is (4, 1).

Correction to the article: its ``calculate_loss`` returns the array of
per-sample squared errors, not a loss. Here ``squared_errors`` gives that
array and ``sum_of_squares`` gives the loss, one number.
"""

import numpy as np


def squared_errors(y, y_hat):
    """Per-sample squared errors (y - y_hat)**2, same shape as ``y``."""
    return (np.asarray(y, dtype=np.float64) - np.asarray(y_hat, dtype=np.float64)) ** 2


def sum_of_squares(y, y_hat):
    """The loss L = sum over samples of (y - y_hat)**2, as a Python float."""
    return float(np.sum(squared_errors(y, y_hat)))


def sum_of_squares_derivative(y, y_hat):
    """dL/dy_hat = 2 * (y_hat - y), shape of ``y``.

    Correction to the article: it writes sum 2(y - y_hat), the *negative* of
    this gradient. Its code then adds that to the weights, which is the same
    as subtracting the true gradient: gradient descent, as it should be.
    """
    return 2.0 * (np.asarray(y_hat, dtype=np.float64) - np.asarray(y, dtype=np.float64))
