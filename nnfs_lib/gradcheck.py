"""Checking backpropagation with finite differences (article section 7, "The Math!").

The chain rule gives the gradients in closed form; a central difference
(L(w + eps) - L(w - eps)) / (2 eps), one weight at a time, gives them
numerically without any calculus. If the two agree to many digits, the
derivation and its code are right.
"""

import numbers

import numpy as np

from ._checks import as_real_array, check_positive_number
from .network import NeuralNetwork

#: The largest step ``eps`` accepted. A central difference is only a good
#: derivative for a small step; anything above this is almost surely a slip.
MAX_EPS = 1e-2

PARAMETER_NAMES = ("weights1", "weights2", "bias1", "bias2")


def _check_eps(eps):
    eps = check_positive_number("eps", eps)
    if eps > MAX_EPS:
        raise ValueError(f"eps must be a small step, at most {MAX_EPS:g}, got {eps:g}")
    return eps


def _check_network(network):
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")


def numerical_gradients(network, eps=1e-6):
    """Central-difference gradients of ``network.loss()``, one array per parameter.

    ``eps`` is the step, a number in (0, 1e-2]. Works on a copy: ``network``
    is left exactly as it was.
    """
    _check_network(network)
    eps = _check_eps(eps)
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
    if largest > 1e100:
        # The ratio is scale-free: shrink first, so that sums and differences
        # of numbers near 1e308 cannot overflow.
        analytic, numeric = analytic / largest, numeric / largest
    scale = np.max(np.abs(analytic) + np.abs(numeric))
    return float(np.max(np.abs(analytic - numeric)) / scale)


def gradient_check(network, eps=1e-6):
    """Compare ``network.gradients()`` with finite differences.

    Returns a dict ``{name: relative error}`` with one entry per parameter
    array ("weights1", "weights2", and "bias1", "bias2" when present).
    Values around 1e-8 or smaller mean the gradients are right. ``eps`` as
    for ``numerical_gradients``.
    """
    _check_network(network)
    _check_eps(eps)
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
    length (a single array and a single name are accepted too); the arrays
    hold finite numbers and each pair has one shape. ``rtol`` and ``atol``
    are non-negative numbers.
    """
    if isinstance(names, str):
        names, analytic, numeric = [names], [analytic], [numeric]
    names = _as_list("names", names, "a string or a sequence of strings")
    analytic = _as_list("analytic", analytic, "a sequence of arrays")
    numeric = _as_list("numeric", numeric, "a sequence of arrays")
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"names must hold strings, got {type(name).__name__}")
    if not len(names) == len(analytic) == len(numeric):
        raise ValueError(f"need one name per pair of arrays: {len(names)} names, "
                         f"{len(analytic)} analytic, {len(numeric)} numeric")
    if not names:
        raise ValueError("names must not be empty: give at least one pair of arrays")
    rtol = _tolerance("rtol", rtol)
    atol = _tolerance("atol", atol)
    pairs = []
    for name, a, n in zip(names, analytic, numeric):
        a = as_real_array(f"analytic ({name})", a)
        n = as_real_array(f"numeric ({name})", n)
        if a.shape != n.shape:
            raise ValueError(f"{name}: shapes differ, {a.shape} and {n.shape}")
        pairs.append((name, a, n))
    rows = []
    with np.errstate(over="ignore"):  # |a - n| of two huge finite numbers may be inf
        for name, a, n in pairs:
            difference = float(np.max(np.abs(a - n)))
            rows.append((name, bool(np.array_equal(a, n)),
                         bool(np.allclose(a, n, rtol=rtol, atol=atol)), difference))
    return rows


def _as_list(name, value, expected):
    if value is None or isinstance(value, (str, bytes, numbers.Number)):
        raise TypeError(f"{name} must be {expected}, got {type(value).__name__}")
    try:
        return list(value)
    except TypeError:
        raise TypeError(f"{name} must be {expected}, got {type(value).__name__}") from None


def _tolerance(name, value):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value}")
    return value


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
