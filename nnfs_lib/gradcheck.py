"""Checking backpropagation with finite differences (article section 7, "The Math!").

Taught in notebook 07. The chain rule gives the gradients in closed form; a
central difference (L(w + eps) - L(w - eps)) / (2 eps), one weight at a time,
gives them numerically without any calculus. If the two agree to many digits,
the derivation and its code are right.
"""

import numpy as np

from ._checks import as_real_array, check_real_number
from .network import NeuralNetwork

#: The range of the step ``eps``: a central difference needs a small step, and below
#: about 1e-10 rounding errors of the loss (about 1e-16 of it) swamp what it measures.
MIN_EPS, MAX_EPS = 1e-10, 1e-2

PARAMETER_NAMES = ("weights1", "weights2", "bias1", "bias2")

#: The floor of the relative error's denominator. At eps = 1e-6 rounding puts ~1e-16 |L| / eps
#: (3e-10) in each entry: over 1e-3 that stays under 3e-7; a 1e-8 floor would show 1e-4 and more.
RELATIVE_FLOOR = 1e-3
#: Below CORRECT_BELOW a gradient agrees as well as the difference can tell;
#: "suspicious" up to WRONG_FROM (a small bug, or eps = 1e-2, truncation 1e-4);
#: "wrong" from there on (a slipped sign gives 2, a missing factor 0.3 or more).
CORRECT_BELOW, WRONG_FROM = 1e-6, 1e-3
#: ``comparison_table`` rounds errors up to these: coarse, so a BLAS's last bits don't show.
BOUNDS = (1e-12, 1e-9, 1e-6, 1e-3, 1.0)


def numerical_gradients(network, eps=1e-6):
    """Central-difference gradients of ``network.loss()``, one array per parameter.

    Taught in notebook 07. ``eps``, the step, is 1e-10 to 1e-2; ``network`` is left as it was.
    """
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")
    eps = check_real_number("eps", eps, MIN_EPS, MAX_EPS)
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
    """The largest |a - n| / max(|a|, |n|, RELATIVE_FLOOR) of two same-shape arrays (or
    numbers); taught in notebook 07, its meaning in ``verdict``."""
    analytic, numeric = as_real_array("analytic", analytic), as_real_array("numeric", numeric)
    if numeric.shape != analytic.shape:
        raise ValueError(f"numeric must have the shape {analytic.shape}, got {numeric.shape}")
    scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), RELATIVE_FLOOR)
    return float(np.max(np.abs(analytic / scale - numeric / scale)))  # scaled: no overflow


def verdict(error):
    """"correct", "suspicious" or "wrong" for a relative error (notebook 07)."""
    error = check_real_number("error", error, 0.0, np.inf)
    return "correct" if error < CORRECT_BELOW else "suspicious" if error < WRONG_FROM else "wrong"


def gradient_check(network, eps=1e-6):
    """``{name: relative_error}`` of ``network.gradients()`` against finite differences, per
    parameter ("weights1", "weights2", "bias1", "bias2" when present); notebook 07."""
    numeric = numerical_gradients(network, eps)
    return {name: relative_error(a, n)
            for name, a, n in zip(PARAMETER_NAMES, network.gradients(), numeric)}


def _sequence(name, value, expected="a sequence of arrays"):
    if isinstance(value, (str, bytes, np.ndarray)) or not hasattr(value, "__iter__"):
        raise TypeError(f"{name} must be {expected}, got {type(value).__name__}")
    return list(value)


def comparison_rows(analytic, numeric, names, rtol=1e-5, atol=1e-8):
    """One ``(name, exact, close, max_difference, relative_error, verdict)`` per pair.

    Taught in notebook 07. ``exact`` is ``np.array_equal``, ``close`` is ``np.allclose``
    (``rtol``/``atol`` from 0 to 1), ``max_difference`` the largest ``|a - n|``. The
    arguments are sequences of one length (or one array pair and one name string).
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
    rtol, atol = check_real_number("rtol", rtol, 0, 1), check_real_number("atol", atol, 0, 1)
    rows = []
    for name, a, n in zip(names, analytic, numeric):
        a, n = as_real_array(f"analytic ({name})", a), as_real_array(f"numeric ({name})", n)
        if a.shape != n.shape:
            raise ValueError(f"{name}: shapes differ, {a.shape} and {n.shape}")
        with np.errstate(over="ignore"):  # |a - n| of two huge numbers may be inf
            difference = float(np.max(np.abs(a - n)))
        error, close = relative_error(a, n), bool(np.allclose(a, n, rtol=rtol, atol=atol))
        rows.append((name, bool(np.array_equal(a, n)), close, difference, error, verdict(error)))
    return rows


def _rounded_up(value, bounds=BOUNDS):
    return "0" if value == 0 else next(
        (f"< {bound:.0e}" for bound in bounds if value < bound), f"{value:.1e}")


def comparison_table(analytic, numeric, names, rtol=1e-5, atol=1e-8):
    """``comparison_rows`` as a text table, taught in notebook 07. For a reproducible printout
    the errors are rounded *up* ("< 1e-09"; the relative one to the verdicts' bounds); 0 is "0"."""
    rows = comparison_rows(analytic, numeric, names, rtol=rtol, atol=atol)
    cells = [("quantity", "exact", "close", "max difference", "relative error", "verdict")] + [
        (name, str(exact), str(close), _rounded_up(difference),
         _rounded_up(error, (CORRECT_BELOW, WRONG_FROM, 1.0)), judged)
        for name, exact, close, difference, error, judged in rows]
    widths = (max(len(row[0]) for row in cells), 5, 5, 14, 14, 10)
    lines = [" | ".join(f"{c:<{w}}" for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines[:1] + ["-+-".join("-" * w for w in widths)] + lines[1:])
