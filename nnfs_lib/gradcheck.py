"""Checking backpropagation with finite differences (article section 7, "The Math!").

Taught in notebook 07. The chain rule gives the gradients in closed form; a
central difference (L(w + eps) - L(w - eps)) / (2 eps), one weight at a time,
gives them numerically without any calculus. If the two agree to many digits,
the derivation and its code are right.
"""

import numpy as np

from ._checks import as_real_array, check_positive_number, check_real_number
from .network import NeuralNetwork

#: The range of the step ``eps``. A central difference is a good derivative
#: only for a small step, and below about 1e-10 rounding errors of the loss
#: (about 1e-16 of it) swamp the difference it measures.
MIN_EPS, MAX_EPS = 1e-10, 1e-2

PARAMETER_NAMES = ("weights1", "weights2", "bias1", "bias2")


def _check_arguments(network, eps):
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")
    eps = check_positive_number("eps", eps)
    if not MIN_EPS <= eps <= MAX_EPS:
        raise ValueError(f"eps must be a small step from {MIN_EPS:g} to {MAX_EPS:g}, "
                         f"got {eps:g}")
    return eps


def numerical_gradients(network, eps=1e-6):
    """Central-difference gradients of ``network.loss()``, one array per parameter.

    ``eps`` is the step, from 1e-10 to 1e-2. Works on a copy: ``network`` is
    left exactly as it was.
    """
    eps = _check_arguments(network, eps)
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
    """max |a - n| / max(|a| + |n|), a scale-free distance; 0.0 when both are 0.

    ``analytic`` and ``numeric`` are finite numbers or arrays of the same shape.
    """
    analytic = as_real_array("analytic", analytic)
    numeric = as_real_array("numeric", numeric)
    if numeric.shape != analytic.shape:
        raise ValueError(f"numeric must have the same shape as analytic, "
                         f"{analytic.shape}, got {numeric.shape}")
    largest = max(float(np.max(np.abs(analytic))), float(np.max(np.abs(numeric))))
    if largest == 0:
        return 0.0
    analytic, numeric = analytic / largest, numeric / largest  # scale-free: no overflow
    return float(np.max(np.abs(analytic - numeric)) / np.max(np.abs(analytic) + np.abs(numeric)))


def gradient_check(network, eps=1e-6):
    """Compare ``network.gradients()`` with finite differences.

    Returns ``{name: relative error}`` with one entry per parameter array
    ("weights1", "weights2", and "bias1", "bias2" when present). Values
    around 1e-8 or smaller mean the gradients are right.
    """
    numeric = numerical_gradients(network, eps)
    return {name: relative_error(a, n)
            for name, a, n in zip(PARAMETER_NAMES, network.gradients(), numeric)}


#: The bounds ``comparison_table`` rounds a maximum difference up to: coarse on
#: purpose, so the printed table does not change with the last bits of a BLAS.
DIFFERENCE_BOUNDS = (1e-12, 1e-9, 1e-6, 1e-3, 1.0)


def _sequence(name, value, expected="a sequence of arrays"):
    if value is None or isinstance(value, (str, bytes, int, float, np.ndarray)):
        raise TypeError(f"{name} must be {expected}, got {type(value).__name__}")
    try:
        return list(value)
    except TypeError:
        raise TypeError(f"{name} must be {expected}, got {type(value).__name__}") from None


def comparison_rows(analytic, numeric, names, rtol=1e-5, atol=1e-8):
    """One ``(name, exact, close, max_difference)`` tuple per pair of arrays.

    ``exact`` is ``np.array_equal``, ``close`` is ``np.allclose`` (with
    ``rtol``/``atol``, numbers from 0 to 1) and ``max_difference`` the largest
    ``|a - n|``. ``analytic``, ``numeric`` and ``names`` are sequences of the
    same length (or a single array pair and one name string).
    """
    if isinstance(names, str):
        names, analytic, numeric = [names], [analytic], [numeric]
    names = _sequence("names", names, "a string or a sequence of strings")
    analytic, numeric = _sequence("analytic", analytic), _sequence("numeric", numeric)
    if not all(isinstance(name, str) for name in names):
        raise TypeError("names must hold strings")
    if not len(names) == len(analytic) == len(numeric) or not names:
        raise ValueError(f"need one name per pair of arrays, at least one: {len(names)} "
                         f"names, {len(analytic)} analytic, {len(numeric)} numeric")
    rtol = check_real_number("rtol", rtol, 0.0, 1.0)
    atol = check_real_number("atol", atol, 0.0, 1.0)
    pairs = [(name, as_real_array(f"analytic ({name})", a), as_real_array(f"numeric ({name})", n))
             for name, a, n in zip(names, analytic, numeric)]
    rows = []
    for name, a, n in pairs:
        if a.shape != n.shape:
            raise ValueError(f"{name}: shapes differ, {a.shape} and {n.shape}")
        with np.errstate(over="ignore"):  # |a - n| of two huge numbers may be inf
            difference = float(np.max(np.abs(a - n)))
        rows.append((name, bool(np.array_equal(a, n)),
                     bool(np.allclose(a, n, rtol=rtol, atol=atol)), difference))
    return rows


def comparison_table(analytic, numeric, names, rtol=1e-5, atol=1e-8):
    """A text table comparing two gradients (or any arrays), one line per name.

    Columns: quantity | exact (``array_equal``) | close (``allclose``) | max
    difference, rounded *up* to a coarse bound ("< 1e-09", ...) so that the
    printout is reproducible; 0 prints as "0".
    """
    rows = comparison_rows(analytic, numeric, names, rtol=rtol, atol=atol)
    width = max([len("quantity")] + [len(row[0]) for row in rows])
    lines = [f"{'quantity':<{width}} | exact | close | max difference",
             f"{'-' * width}-+-------+-------+---------------"]
    for name, exact, close, difference in rows:
        text = "0" if difference == 0 else next(
            (f"< {bound:.0e}" for bound in DIFFERENCE_BOUNDS if difference < bound),
            f"{difference:.1e}")
        lines.append(f"{name:<{width}} | {exact!s:<5} | {close!s:<5} | {text}")
    return "\n".join(lines)
