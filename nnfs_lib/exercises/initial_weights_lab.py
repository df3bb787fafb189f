"""Exercise checks of notebook 09, the initial-weights lab.

``notebooks/09_initial_weights_lab.ipynb`` runs
``from nnfs_lib.exercises import initial_weights_lab as exercises``.
"""

import numpy as np

from nnfs_lib.exercises._checking import _as_array, _logistic, _quiet, _verdict


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


def check_09_single_neuron_gates(answer):
    """Which of NOR, XNOR and IMPLIES (x1 -> x2) can one sigmoid neuron with a bias learn?"""
    names = None
    if isinstance(answer, (list, tuple, set, frozenset)) and all(
            isinstance(name, str) for name in answer):
        names = {name.strip().lower() for name in answer}
    return _verdict(
        names == {"nor", "implies"},
        "one neuron draws one straight line, and exactly those two gates are linearly separable.",
        "give a list of gate names such as [\"nor\"]. For each gate, write its truth table, mark "
        "its 1s and 0s on the four corners of the square, and ask whether one straight line can "
        "put all the 1s on one side and all the 0s on the other (compare section 6).",
    )


def check_09_two_unit_xor(weights1, bias1, weights2, bias2):
    """Hand-set weights of a 2-2-1 sigmoid network with biases whose outputs solve XOR.

    Shapes: weights1 (2, 2), bias1 2 entries, weights2 (2, 1), bias2 one number. XOR is
    solved when every output is on the right side of 0.5, as in the lab.
    """
    w1, b1, w2, b2 = (_as_array(a) for a in (weights1, bias1, weights2, bias2))
    if (w1 is None or b1 is None or w2 is None or b2 is None or w1.shape != (2, 2)
            or b1.size != 2 or w2.shape != (2, 1) or b2.size != 1):
        return _verdict(False, "", "give weights1 as a (2, 2) array (one column per hidden unit), "
                        "bias1 with 2 entries, weights2 as a (2, 1) array and bias2 as one number.")
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    with _quiet():  # weights like 1e308 overflow x @ w1 to inf: the sigmoid of inf is 1
        output = _logistic(_logistic(x @ w1 + b1.reshape(1, 2)) @ w2 + b2.reshape(1, 1)).ravel()
    if not np.all(np.isfinite(output)):
        return _verdict(False, "", "with weights this large the outputs are not numbers any "
                        "more; weights of a few tens already make each sigmoid almost a step.")
    solved = bool(np.all(np.abs(output - np.array([0.0, 1.0, 1.0, 0.0])) < 0.5))
    shown = ", ".join(f"{value:.3f}" for value in output)
    return _verdict(
        solved,
        f"your network outputs {shown}: two lines parallel to the anti-diagonal, one on each "
        "side of the band through (0, 1) and (1, 0), combined by the output neuron.",
        f"your network outputs {shown} for (0, 0), (0, 1), (1, 0), (1, 1); each must be on the "
        "right side of 0.5. Let each hidden unit draw one line that cuts off one corner, (0, 0) "
        "or (1, 1), and let the output fire only when both hidden units agree the point is in "
        "the band between them. Weights like 20 make each sigmoid almost a step.",
    )
