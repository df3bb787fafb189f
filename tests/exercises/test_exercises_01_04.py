"""The exercise checks of notebooks 00-04: right answers pass, wrong ones get a hint.

A hint must start with "❌ Not yet", must not give the solution away, and no
wrong answer (of any type) may make a check raise.
"""

import math

import numpy as np
import pytest

from nnfs_lib.activations import sigmoid
from nnfs_lib.exercises import (
    activation_function,
    feedforward,
    neurons,
    the_network,
    weights_and_biases,
)


def tanh_from_sigmoid(z):
    return 2 * sigmoid(2 * z) - 1


def feedforward_with_biases(x, weights1, bias1, weights2, bias2):
    layer1 = sigmoid(x @ weights1 + bias1)
    return sigmoid(layer1 @ weights2 + bias2)


def bias_after_sigmoid(x, weights1, bias1, weights2, bias2):
    layer1 = sigmoid(x @ weights1) + bias1
    return sigmoid(layer1 @ weights2) + bias2


def raises(*args):
    raise ZeroDivisionError("student bug")


COMMON_WRONG = [None, "an answer", float("nan"), [], {}, object()]

# check, right answers, wrong answers, strings the hint must not contain
CASES = [
    (the_network.check_00_weight_count, [16, 16.0, np.int64(16)],
     [12, 15, 17, 20, 7, "16", [16], 16.5, True], ["16", "12", "3 × 4", "3*4"]),
    (the_network.check_00_nand_targets,
     [[1, 1, 1, 0], (1, 1, 1, 0), np.array([[1], [1], [1], [0]])],
     [[0, 0, 0, 1], [0, 1, 1, 0], [0, 1, 1, 1], [1, 0, 0, 0], [1, 1, 1], [1, 1, 1, 0, 0], 0,
      "1110", "[1, 1, 1, 0]"],
     ["1, 1, 1, 0", "1110", "(1, 1, 1, 0)"]),
    (the_network.check_00_separable_gates, [14, 14.0, np.int64(14)],
     [16, 15, 13, 12, 2, 8, "14", [14], 14.5, True], ["14"]),
    (neurons.check_01_weighted_sum, [2.25, np.float64(2.25)],
     [1.5, -1.25, 0.75, 0.25, "2.25", [2.25], True, 10**400, float("inf")], ["2.25"]),
    (neurons.check_01_layer_shape, [(4, 5), [4, 5], np.array([4, 5])],
     [(5, 4), (4, 3), (3, 5), 20, (4, 5, 1), (4.5, 5), "(4, 5)"], ["(4, 5)", "4, 5"]),
    (weights_and_biases.check_02_weight_shapes, [((3, 6), (6, 1)), [[3, 6], [6, 1]]],
     [((3, 4), (4, 1)), ((6, 3), (1, 6)), (3, 6), ((2, 6), (6, 1)), "((3, 6), (6, 1))"],
     ["(3, 6)", "(6, 1)"]),
    (weights_and_biases.check_02_bias_entry, [(2, 2), [2, 2], (-1, 2), (2, -2), (-1, -2),
                                      np.array([2, 2])],
     [(2, 3), (3, 2), (2, 1), (0, 2), (1, 2), (2, 0), (3, 3), (2,), (2, 2, 0), 2, (2.5, 2),
      (5, 2), (2, 9), "(2, 2)", [[2, 2]]],
     ["(2, 2)", "[2, 2]", "2, 2", "row 2", "column 2", "third row", "last row"]),
    (weights_and_biases.check_02_parameter_count, [17, 17.0],
     [16, 12, 13, 21, "17", [17], 17.5], ["17"]),
    (activation_function.check_03_sigmoid_inverse, [math.log(9), np.log(0.9 / 0.1), 2.197],
     [0.9, 2.2, -2.197, math.log(0.9), "2.197", [2.197], True], ["2.19", "log(9)", "ln(9)"]),
    (activation_function.check_03_derivative_max, [0.25, 1 / 4],
     [0.5, 1, 0, 0.2, "0.25", [0.25]], ["0.25", "1/4", "quarter"]),
    (activation_function.check_03_tanh_from_sigmoid, [tanh_from_sigmoid, np.tanh],
     [lambda z: 2 * sigmoid(z) - 1, lambda z: sigmoid(2 * z), sigmoid, raises,
      lambda z: 0.0, lambda: 1.0, np.tanh(1.0), "2*sigmoid(2*z)-1"],
     ["2 * sigmoid", "sigmoid(2", "2*sigmoid"]),
    (feedforward.check_04_predict_shapes, [((10, 4), (10, 1)), [[10, 4], [10, 1]]],
     [((4, 4), (4, 1)), ((10, 1), (10, 4)), ((4, 10), (1, 10)), (10, 4), "((10, 4), (10, 1))"],
     ["(10, 4)", "(10, 1)"]),
    (feedforward.check_04_constant_output, [1 / (1 + math.exp(-2)), 0.8808, 0.881],
     [0.5, 0.7311, 0.88, 2.0, 1.0, "0.8808", [0.8808]], ["0.88", "0.881"]),
    (feedforward.check_04_feedforward_with_biases, [feedforward_with_biases],
     [bias_after_sigmoid, lambda x, w1, b1, w2, b2: sigmoid(sigmoid(x @ w1) @ w2), raises,
      lambda x, w1, b1, w2, b2: (x @ w1 + b1) @ w2 + b2, lambda x: x, 3.0],
     ["+ bias1)", "@ weights1 + bias1"]),
]
IDS = [case[0].__name__ for case in CASES]


@pytest.mark.parametrize(("check", "right", "wrong", "secrets"), CASES, ids=IDS)
def test_right_answers_pass(check, right, wrong, secrets):
    for answer in right:
        result = check(answer)
        assert result, f"{answer!r}: {result!r}"
        assert repr(result).startswith("✅ Correct")


@pytest.mark.parametrize(("check", "right", "wrong", "secrets"), CASES, ids=IDS)
def test_wrong_answers_get_a_hint_without_the_solution(check, right, wrong, secrets):
    for answer in wrong + COMMON_WRONG:
        result = check(answer)
        assert not result, f"{answer!r} passed"
        message = repr(result)
        assert message.startswith("❌ Not yet"), message
        for secret in secrets:
            assert secret not in message, f"hint gives away {secret!r}: {message}"


@pytest.mark.parametrize(("check", "right", "wrong", "secrets"), CASES, ids=IDS)
def test_the_praise_does_not_repeat_the_solution_either(check, right, wrong, secrets):
    message = repr(check(right[0]))
    for secret in secrets:
        assert secret not in message, message


SUMS = np.array([-0.5, 0.5, 0.5, 1.5])


def test_all_rows_needs_the_sums_and_the_gate():
    for sums in (SUMS, [[-0.5], [0.5], [0.5], [1.5]]):
        for gate in ("or", "OR", " Or "):
            result = neurons.check_01_all_rows(sums, gate)
            assert result, f"{sums!r}, {gate!r}: {result!r}"
            assert repr(result).startswith("✅ Correct")
    wrong_sums = [[0, 1, 1, 1], [-0.5, 0.5, 0.5], [-1.5, -0.5, -0.5, 0.5], np.zeros(4), 0.5]
    wrong_gates = ["and", "xor", "nand", "nor", "or gate", "", 1, ["or"], True]
    cases = ([(sums, "or") for sums in wrong_sums + COMMON_WRONG]
             + [(SUMS, gate) for gate in wrong_gates + COMMON_WRONG])
    for sums, gate in cases:
        result = neurons.check_01_all_rows(sums, gate)
        assert not result, f"{sums!r}, {gate!r} passed"
        message = repr(result)
        assert message.startswith("❌ Not yet"), message
        for secret in ("-0.5", "1.5", "OR", "\"or\""):
            assert secret not in message, f"hint gives away {secret!r}: {message}"
    assert not neurons.check_01_all_rows(SUMS)  # the gate is part of the answer
    assert "now name the gate" in repr(neurons.check_01_all_rows(SUMS))
    praise = repr(neurons.check_01_all_rows(SUMS, "or"))
    assert "OR" not in praise and "-0.5" not in praise
