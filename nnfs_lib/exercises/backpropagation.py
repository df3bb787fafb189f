"""Exercise checks of notebook 06, backpropagation.

``notebooks/06_backpropagation.ipynb`` runs
``from nnfs_lib.exercises import backpropagation as exercises``.
"""

import numpy as np

from nnfs_lib.exercises._checking import _as_number, _number_verdict, _run_shaped, _verdict


def check_06_new_weight(answer):
    """One gradient-descent step: w = 0.5, dL/dw = -2, learning rate 0.1. The new w?"""
    return _number_verdict(
        answer, 0.7, 1,
        "a negative slope means the loss falls to the right, so w moves right.",
        "give one number, to 1 decimal: w_new = w - learning_rate * dL/dw, and mind the two "
        "minus signs.",
    )


def check_06_plateau_steps(answer):
    """Steps of size 1 * dL/dw needed to go from w = 10 back to w = 0.8574, at a fixed slope.

    The slope at w = 10 is about 0.0013 (notebook 06's probe of weights2[0, 0]), so the answer
    is about 7,000; anything from 6,000 to 7,500 passes (the slope may be read rounded).
    """
    value = _as_number(answer)
    if value is None:
        return _verdict(False, "", "give one number: how many steps.")
    if 6000 <= value <= 7500:
        return _verdict(True, "thousands of steps on ground that looks almost flat: a tiny "
                        "gradient far from the minimum stalls training.", "")
    if 0 < value < 1:
        return _verdict(False, "", "that is less than one step: you have multiplied the distance "
                        "by the slope. How far does ONE step move the weight, and how many such "
                        "steps fit into the distance?")
    return _verdict(False, "", "one step moves the weight by learning rate × slope; compare that "
                    "with the distance between the two weight values.")


def check_06_descent_step(func):
    """A function ``descent_step(weights, gradient, learning_rate)`` returning new weights."""
    if not callable(func):
        return _verdict(False, "", "define `def descent_step(weights, gradient, "
                        "learning_rate):` and pass the function itself.")
    rng = np.random.default_rng(6)
    for rate in (0.1, 1.0, 2.5):
        weights, gradient = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
        result, problem = _run_shaped(func, (weights, gradient, rate), weights.shape,
                                      "return the new weights, an array of the same shape "
                                      "as `weights`.")
        if problem:
            return _verdict(False, "", problem)
        if np.allclose(result, weights + rate * gradient):
            return _verdict(False, "", "your step goes uphill: the gradient points to where "
                            "the loss grows.")
        if not np.allclose(result, weights - rate * gradient):
            return _verdict(False, "", "the step should be the gradient scaled by the "
                            "learning rate; check how you combine the three arguments.")
    return _verdict(True, "a step against the gradient, scaled by the learning rate.", "")
