"""Exercise checks of notebook 10, the architecture: learning rate, biases, gates, width.

``notebooks/10_architecture.ipynb`` runs
``from nnfs_lib.exercises import architecture as exercises``.
"""

import numpy as np

from nnfs_lib.exercises._checking import _as_array, _as_number, _logistic, _quiet, _verdict


def check_10_overshoot_rate(answer):
    """The learning rate at which a step on L(w) = w**2 sends w exactly to -w."""
    value = _as_number(answer)
    if value is None or not np.isfinite(value):
        return _verdict(False, "", "give one number, the learning rate.")
    if abs(value - 1.0) < 1e-9:
        return _verdict(True, "below that rate every step brings w closer to 0; above it "
                        "each step overshoots by more than it should have moved, and |w| grows.",
                        "")
    if abs(value - 0.5) < 1e-9:
        return _verdict(False, "", "at that rate one step lands exactly on 0, the minimum; the "
                        "question asks for the rate where the step jumps past 0 to the other "
                        "side, just as far out as it started.")
    return _verdict(False, "", "write w after one step, w - rate * 2w, as a number times w; "
                    "jumping to -w means that number is -1.")


def check_10_single_neuron_gates(answer):
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
        "put all the 1s on one side and all the 0s on the other (compare section 3).",
    )


def check_10_two_unit_xor(weights1, bias1, weights2, bias2):
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
        f"your network outputs {shown}: each hidden unit draws one line, and the output "
        "neuron combines the two sides into XOR's pattern.",
        f"your network outputs {shown} for (0, 0), (0, 1), (1, 0), (1, 1); each must be on the "
        "right side of 0.5. Let each hidden unit draw one line that cuts off one corner, (0, 0) "
        "or (1, 1), and let the output fire only when both hidden units agree the point is in "
        "the band between them. Weights like 20 make each sigmoid almost a step.",
    )
