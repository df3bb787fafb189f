"""Exercise checks of notebook 07, the math.

``notebooks/07_the_math.ipynb`` runs
``from nnfs_lib.exercises import the_math as exercises``.
"""

import numpy as np

from nnfs_lib.exercises._checking import (
    _as_shape,
    _is_close,
    _number_verdict,
    _run_shaped,
    _verdict,
)


def check_07_gradient_shapes(answer):
    """(shape of dL/dW1, shape of dL/dW2) for a 3-6-1 network (6 hidden units), as two tuples."""
    shapes = None
    if isinstance(answer, (tuple, list)):  # two shapes; each must hold whole numbers
        shapes = tuple(_as_shape(shape) for shape in answer)
    if shapes == ((3, 4), (4, 1)):
        return _verdict(False, "", "those are the shapes for 4 hidden units; this network has 6.")
    return _verdict(
        shapes == ((3, 6), (6, 1)),
        "a gradient always has the shape of the array it differentiates.",
        "give two shapes like ((rows, columns), (rows, columns)); a gradient has the same "
        "shape as the weights it belongs to, and weights1 has one column per hidden unit.",
    )


def check_07_output_delta(answer):
    """delta2 = dL/dz2, to 3 decimals, for one sample with target y = 1 and prediction 0.8."""
    expected = 2 * (0.8 - 1) * 0.8 * (1 - 0.8)
    if _is_close(answer, -expected, 3):
        return _verdict(False, "", "the size is right but the sign is flipped: that is the "
                        "article's 2(y - y_hat). The prediction is too low, so raising z2 "
                        "lowers the loss.")
    if _is_close(answer, 2 * (0.8 - 1), 3) or _is_close(answer, 0.8 - 1, 3):
        return _verdict(False, "", "that is only dL/dy_hat (or part of it); the chain rule also "
                        "multiplies by the sigmoid's slope at the output.")
    return _number_verdict(
        answer, expected, 3,
        "dL/dy_hat times the sigmoid's slope, y_hat(1 - y_hat); negative because the "
        "prediction is too low.",
        "give one number, to 3 decimals: chain Step 1 (dL/dy_hat) and Step 2 (the sigmoid's "
        "slope, computed from the output y_hat itself) as Step 3 does, and check the sign: is "
        "this prediction too high or too low?",
    )


def check_07_weights2_gradient(func):
    """A function ``my_grad_w2(layer1, output, y)`` returning dL/dW2 (shape (h, 1))."""
    if not callable(func):
        return _verdict(False, "", "define `def my_grad_w2(layer1, output, y):` and pass the "
                        "function itself.")
    rng = np.random.default_rng(7)
    for n, h in [(4, 4), (6, 3)]:
        layer1, output = rng.random((n, h)), rng.random((n, 1))
        y = rng.integers(0, 2, (n, 1)).astype(float)
        expected = layer1.T @ (2 * (output - y) * output * (1 - output))
        result, problem = _run_shaped(func, (layer1, output, y), expected.shape,
                                      "the result must have the shape of W2 (one row per "
                                      "hidden unit); check the transpose.")
        if problem:
            return _verdict(False, "", problem)
        if np.allclose(result, -expected):
            return _verdict(False, "", "the sign is flipped: that is the article's 2(y - y_hat).")
        if not np.allclose(result, expected):
            return _verdict(False, "", "three factors: dL/dy_hat, the sigmoid's slope at the "
                            "output, and the hidden activations (transposed, in a matrix product).")
    return _verdict(True, "layer1 transposed times the output delta.", "")
