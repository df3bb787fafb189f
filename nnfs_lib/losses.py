"""The sum-of-squares loss (article section 5, "Loss Function").

Taught in notebook 05. ``y`` holds the targets and ``y_hat`` the network's
outputs, both of shape (n_samples, n_outputs): (4, 1) for XOR. They must have
exactly the same shape: numpy would otherwise *broadcast* a (4, 1) ``y``
against a (4,) ``y_hat`` into a 4x4 table of every pairing and return a wrong
loss without complaint, so a mismatch raises ``ValueError``.

Correction to the article: its ``calculate_loss`` returns the array of
per-sample squared errors, not a loss. Here ``squared_errors`` gives that
array and ``sum_of_squares`` the loss, one number.
"""

from ._checks import MAX_MAGNITUDE, as_real_array


def _targets_and_outputs(y, y_hat):
    y = as_real_array("y", y, limit=MAX_MAGNITUDE)
    y_hat = as_real_array("y_hat", y_hat, limit=MAX_MAGNITUDE)
    if y_hat.shape != y.shape:
        raise ValueError(
            f"y_hat must have the same shape as y, {y.shape}, got {y_hat.shape} "
            "(no broadcasting: reshape one of them, e.g. y_hat.reshape(y.shape))")
    return y, y_hat


def squared_errors(y, y_hat):
    """Per-sample squared errors (y - y_hat)**2, same shape as ``y``."""
    y, y_hat = _targets_and_outputs(y, y_hat)
    return (y - y_hat) ** 2


def sum_of_squares(y, y_hat):
    """The loss L = sum over samples of (y - y_hat)**2, as a Python float."""
    return float(squared_errors(y, y_hat).sum())


def sum_of_squares_derivative(y, y_hat):
    """dL/dy_hat = 2 * (y_hat - y), shape of ``y``.

    Correction to the article: it writes 2(y - y_hat), the *negative* of this
    gradient. Its code then adds that to the weights, which is the same as
    subtracting the true gradient: gradient descent, as it should be.
    """
    y, y_hat = _targets_and_outputs(y, y_hat)
    return 2.0 * (y_hat - y)
