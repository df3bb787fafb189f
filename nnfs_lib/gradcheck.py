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


#: The bounds ``comparison_table`` rounds a maximum difference up to: coarse on
#: purpose, so the printed table does not change with the last bits of a BLAS.
DIFFERENCE_BOUNDS = (1e-12, 1e-9, 1e-6, 1e-3, 1.0)


def _difference_text(difference):
    if difference == 0:
        return "0"
    for bound in DIFFERENCE_BOUNDS:
        if difference < bound:
            return f"< {bound:.0e}"
    return f"{difference:.1e}"


def comparison_rows(analytic, numeric, names, rtol=1e-5, atol=1e-8):
    """One ``(name, exact, close, max_difference)`` tuple per pair of arrays.

    ``exact`` is ``np.array_equal``, ``close`` is ``np.allclose`` (with
    ``rtol``/``atol``) and ``max_difference`` the largest ``|a - n|`` as a
    float. ``analytic``, ``numeric`` and ``names`` are sequences of the same
    length (a single array and a single name are accepted too).
    """
    if isinstance(names, str):
        names, analytic, numeric = [names], [analytic], [numeric]
    names, analytic, numeric = list(names), list(analytic), list(numeric)
    if not len(names) == len(analytic) == len(numeric):
        raise ValueError(f"need one name per pair of arrays: {len(names)} names, "
                         f"{len(analytic)} analytic, {len(numeric)} numeric")
    rows = []
    for name, a, n in zip(names, analytic, numeric):
        a, n = np.asarray(a, dtype=np.float64), np.asarray(n, dtype=np.float64)
        if a.shape != n.shape:
            raise ValueError(f"{name}: shapes differ, {a.shape} and {n.shape}")
        difference = float(np.max(np.abs(a - n))) if a.size else 0.0
        rows.append((str(name), bool(np.array_equal(a, n)),
                     bool(np.allclose(a, n, rtol=rtol, atol=atol)), difference))
    return rows


def comparison_table(analytic, numeric, names, rtol=1e-5, atol=1e-8):
    """A text table comparing two gradients (or any arrays), one line per name.

    Columns: quantity | exact (``array_equal``) | close (``allclose``) | max
    difference. The difference is rounded *up* to a coarse bound ("< 1e-09",
    "< 1e-06", ...) so that the printout is reproducible; 0 prints as "0".
    """
    rows = comparison_rows(analytic, numeric, names, rtol=rtol, atol=atol)
    width = max([len("quantity")] + [len(row[0]) for row in rows])
    lines = [f"{'quantity':<{width}} | exact | close | max difference",
             f"{'-' * width}-+-------+-------+---------------"]
    for name, exact, close, difference in rows:
        lines.append(f"{name:<{width}} | {exact!s:<5} | {close!s:<5} | "
                     f"{_difference_text(difference)}")
    return "\n".join(lines)
