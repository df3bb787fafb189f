"""Exercise checks of notebook 09, which starting weights train.

``notebooks/09_which_starts_train.ipynb`` runs
``from nnfs_lib.exercises import which_starts_train as exercises``.
"""

import math

import numpy as np

from nnfs_lib.exercises._checking import (
    _as_array,
    _as_number,
    _is_close,
    _number_verdict,
    _too_few_decimals,
    _verdict,
)

#: Section 1's table: 87.1% of the 1,000 starts at scale 4 solve XOR within 2,000
#: iterations, so 1,000 - 871 = 129 do not.
_FAILED_AT_SCALE_4 = 129
_FAILED_HINT = ("the table gives, for each scale, the percentage of the 1,000 starts that solve "
                "XOR; read the entry for scale 4 after 2,000 iterations and count the starts "
                "that are not in it (a whole number).")

#: Exercise 9.3: at scale 8 a hidden unit's sum for the input (1, 1, 1) is three weights
#: of average 8 / 2 = 4, so z = 12 on average; sigma'(12) = 6.144e-06, 6.1e-06 to two
#: significant figures. Any answer that rounds to 6.1e-06 is right: 6.05e-06 up to (not
#: including) 6.15e-06.
#: sigma'(12): the typical hidden sum at scale 8 is 3 x 4 = 12. Asked to 7 decimals
#: (two significant figures, 6.1e-06).
_SLOPE, _SLOPE_DECIMALS = math.exp(-12) / (1 + math.exp(-12)) ** 2, 7


def check_09_failed_starts(answer):
    """How many of the 1,000 starts at scale 4 still fail after 2,000 iterations? A count."""
    value = _as_number(answer)
    if value is None or not np.isfinite(value):
        return _verdict(False, "", "give one number, a count of starts: " + _FAILED_HINT)
    if abs(value - _FAILED_AT_SCALE_4) < 1e-9:
        return _verdict(True, "about one start in eight at scale 4 is still stuck after "
                        "2,000 iterations; at scale 1 none is.", "")
    if abs(value - (1000 - _FAILED_AT_SCALE_4)) < 1e-9:
        return _verdict(False, "", "that is how many starts succeed; the question asks how many "
                        "still fail.")
    if abs(value - _FAILED_AT_SCALE_4 / 10) < 1e-9 or abs(value - _FAILED_AT_SCALE_4 / 1000) < 1e-9:
        return _verdict(False, "", "that is the share of starts that fail; the question asks how "
                        "many of the 1,000 starts that is.")
    return _verdict(False, "", _FAILED_HINT)


def check_09_symmetric_start(weights1, weights2):
    """A (3, 4) weights1 and (4, 1) weights2, not all one number, with identical hidden units."""
    w1, w2 = _as_array(weights1), _as_array(weights2)
    if w1 is None or w2 is None or w1.shape != (3, 4) or w2.shape != (4, 1):
        return _verdict(False, "", "give weights1 as a (3, 4) array of numbers and weights2 as "
                        "a (4, 1) array, e.g. built with np.array or np.full.")
    hidden_identical = bool(np.all(w1 == w1[:, :1]) and np.all(w2 == w2[0, 0]))
    if hidden_identical and np.all(w1 == w2[0, 0]):
        return _verdict(False, "", "that start is symmetric, but every weight is the same "
                        "number; find one where the weights differ yet the hidden units "
                        "still cannot be told apart.")
    return _verdict(
        hidden_identical,
        "each hidden unit has the same incoming weights (equal columns of weights1) and the "
        "same outgoing weight, so all four get identical gradients forever.",
        "a hidden unit is its column of weights1 plus its row of weights2; two units are "
        "interchangeable when both of those match.",
    )


def check_09_saturated_slope(answer):
    """The sigmoid's slope at a typical hidden sum at scale 8, to two significant figures."""
    value = _as_number(answer)
    if value is None or not np.isfinite(value):
        return _verdict(False, "", "give one number, to two significant figures (7 decimals); "
                        "very small numbers can be written like 3.5e-4, which means 0.00035.")
    if _is_close(value, _SLOPE, _SLOPE_DECIMALS) or _too_few_decimals(value, _SLOPE,
                                                                        _SLOPE_DECIMALS):
        return _number_verdict(value, _SLOPE, _SLOPE_DECIMALS,
                               "the slope is tens of thousands of times smaller than its "
                               "largest value 0.25, and every gradient through this unit is "
                               "multiplied by it.", "")
    if value <= 0:
        return _verdict(False, "", "the sigmoid rises everywhere, so its slope is a positive "
                        "number, to two significant figures (7 decimals).")
    if 0.99 < value <= 1:
        return _verdict(False, "", "that looks like sigma(z) itself; the slope is "
                        "sigma(z)(1 - sigma(z)), to 7 decimals.")
    if value >= 0.25 - 1e-12:
        return _verdict(False, "", "the slope is at most 0.25 (at z = 0); far from 0 it is much "
                        "smaller. Work out the typical sum z first, then sigma(z)(1 - sigma(z)), "
                        "to 7 decimals.")
    return _verdict(False, "", "a hidden unit adds up three terms for the input (1, 1, 1), each "
                    "a weight drawn uniformly from [0, 8); use the average of such a weight for "
                    "each term, then compute sigma(z)(1 - sigma(z)) and round to two "
                    "significant figures (7 decimals).")
