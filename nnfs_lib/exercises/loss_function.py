"""Exercise checks of notebook 05, the loss function.

``notebooks/05_loss_function.ipynb`` runs
``from nnfs_lib.exercises import loss_function as exercises``.
"""

import numpy as np

from nnfs_lib.exercises._checking import _number_verdict, _run, _verdict


def check_05_loss_value(answer):
    """The sum-of-squares loss for y = [0, 1, 1, 0] and y_hat = [0.1, 0.8, 0.6, 0.3]."""
    return _number_verdict(
        answer, 0.30, 2,
        "square each error (0.01, 0.04, 0.16, 0.09) and add them up.",
        "the loss is ONE number, to 2 decimals: subtract, square each of the four "
        "differences, then add the four squares together.",
    )


def check_05_cancelling_errors(answer):
    """(sum of y - y_hat, sum of squares), to 2 decimals, for y = [0, 1, 1, 0] and
    y_hat = [0.9, 0.3, 0.2, 0.6]: every prediction on the wrong side of 0.5."""
    y, y_hat = np.array([0.0, 1.0, 1.0, 0.0]), np.array([0.9, 0.3, 0.2, 0.6])
    return _number_verdict(
        answer, np.array([np.sum(y - y_hat), np.sum((y - y_hat) ** 2)]), 2,
        "every prediction is on the wrong side of 0.5, yet the plain differences cancel out; "
        "the squares cannot cancel.",
        "give two numbers (plain_sum, squared_sum), to 2 decimals. Write down the four "
        "differences y - y_hat with their signs; add them as they are for the first number, "
        "and add their squares for the second.",
    )


def _loss_cases():
    rng = np.random.default_rng(5)
    cases = [(np.array([[0.0], [1.0], [1.0], [0.0]]), np.array([[0.1], [0.8], [0.6], [0.3]]))]
    for shape in [(4, 1), (7, 1), (5, 3)]:
        cases.append((rng.integers(0, 2, shape).astype(float), rng.random(shape)))
    return cases


def check_05_loss_function(func):
    """A function ``loss(y, y_hat)`` returning the sum-of-squares loss as one number."""
    if not callable(func):
        return _verdict(False, "", "define a function with `def loss(y, y_hat):` and pass "
                        "the function itself (no brackets after its name).")
    for y, y_hat in _loss_cases():
        array, problem = _run(func, y, y_hat)
        if problem:
            return _verdict(False, "", problem)
        if array.ndim != 0:
            return _verdict(False, "", "your function returns an array (one value per sample, "
                            "like the article's calculate_loss); add them up into one number.")
        expected = np.sum((y - y_hat) ** 2)
        if not np.isclose(array, expected, rtol=1e-9, atol=1e-12):
            return _verdict(False, "", "the value is off: square the differences y - y_hat, "
                            "then add up all of the squares.")
    return _verdict(True, "one number that is 0 only when every prediction is exact.", "")
