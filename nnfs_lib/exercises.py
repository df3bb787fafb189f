"""Answer checks for the notebooks' exercises.

Each ``check_*`` function takes a student's answer and returns a
``CheckResult``: it is truthy when the answer is right, and it displays as one
line, a pass message or a hint. It never reveals the solution (that lives in
``notebooks/solutions.ipynb``). A check never raises on a wrong answer,
whatever its type: a wrong type is just another hint.

Functions are grouped by notebook, named ``check_<notebook number>_<topic>``.
"""

import numpy as np

PASS = "✅ Correct"
HINT = "❌ Not yet"


class CheckResult:
    """The outcome of a check: ``passed`` (bool) and a one-line ``message``."""

    def __init__(self, passed, message):
        self.passed = bool(passed)
        self.message = message

    def __bool__(self):
        return self.passed

    def __repr__(self):
        return self.message


def _verdict(passed, praise, hint):
    if passed:
        return CheckResult(True, f"{PASS}: {praise}")
    return CheckResult(False, f"{HINT}. Hint: {hint}")


def _as_array(answer):
    """The answer as a float array, or None if it is not numeric."""
    try:
        array = np.asarray(answer, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return array if np.all(np.isfinite(array)) else None


def _is_number(answer):
    return isinstance(answer, (int, float, np.integer, np.floating)) and not isinstance(
        answer, bool)


# -- 00 the network ----------------------------------------------------------
def check_00_weight_count(answer):
    """How many weights does the article's 3-4-1 network have (no biases)?"""
    return _verdict(
        _is_number(answer) and answer == 3 * 4 + 4 * 1,
        "every input connects to every hidden unit, and every hidden unit to the output.",
        "count the lines in the diagram: each input-to-hidden pair has one weight, "
        "and so does each hidden-to-output pair.",
    )


def check_00_xor_targets(answer):
    """The XOR outputs for the inputs (0,0), (0,1), (1,0), (1,1), in that order."""
    array = _as_array(answer)
    passed = array is not None and array.size == 4 and np.array_equal(array.ravel(), [0, 1, 1, 0])
    return _verdict(
        passed,
        "XOR is 1 exactly when the two inputs differ.",
        "give four numbers, one per input pair; XOR ('exclusive or') is 1 when "
        "exactly one of the two inputs is 1.",
    )


def check_00_separable(answer):
    """Can one straight line separate XOR's 1s from its 0s? Answer True or False."""
    return _verdict(
        answer is False,
        "no single line works, which is why the network needs a hidden layer.",
        "draw the four points (0,0), (0,1), (1,0), (1,1) and colour them by their XOR "
        "output; then try to draw one line with all the 1s on one side.",
    )


# -- 01 neurons ---------------------------------------------------------------
# (checks for notebook 01 go here)


# -- 02 weights and biases ----------------------------------------------------
# (checks for notebook 02 go here)


# -- 03 activation function ---------------------------------------------------
# (checks for notebook 03 go here)


# -- 04 feedforward -----------------------------------------------------------
# (checks for notebook 04 go here)


# -- 05 loss function ---------------------------------------------------------
# (checks for notebook 05 go here)


# -- 06 backpropagation -------------------------------------------------------
# (checks for notebook 06 go here)


# -- 07 the math --------------------------------------------------------------
# (checks for notebook 07 go here)


# -- 08 training and results --------------------------------------------------
# (checks for notebook 08 go here)


# -- 09 initial-weights lab ---------------------------------------------------
# (checks for notebook 09 go here)
