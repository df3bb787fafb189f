"""The precision rule of every numeric exercise check, against values derived here.

An exercise asks for a number of decimals d and its hint says so ("to 3 decimals").
Any answer within half a unit of the d-th decimal passes: every correct rounding
(0.916 for 0.91555 at 3 decimals), and more decimals that are right. An answer off by
more fails, and so does one with fewer decimals, with a hint that says d.

The true values are worked out by hand below (or, for notebook 08, by the article's
own training loop in tests/article_reference.py), never taken from the checks.
"""

import math
import re
from fractions import Fraction

import numpy as np
import pytest
from article_reference import article_sigmoid, train_article

from nnfs_lib.exercises import (
    activation_function,
    architecture,
    backpropagation,
    feedforward,
    loss_function,
    neurons,
    the_math,
    the_network,
    training_and_results,
    weights_and_biases,
    which_starts_train,
)


def _sum_of_squares(y, y_hat):
    """Exact, in fractions: the decimals of the inputs are exact decimals."""
    return float(sum((Fraction(t) - Fraction(p)) ** 2 for t, p in zip(y, y_hat)))


def _centre_of_seed_0():
    """Exercise 8.3: the article's loop from NeuralNetwork(x, y, rng=0)'s weights
    (weights1 drawn first), 1500 updates, then the forward pass at (0.5, 0.5, 1)."""
    x = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
    y = np.array([[0], [1], [1], [0]], dtype=float)
    generator = np.random.default_rng(0)
    weights1, weights2 = generator.random((3, 4)), generator.random((4, 1))
    net, _ = train_article(x, y, weights1, weights2, iterations=1500)
    centre = np.array([[0.5, 0.5, 1.0]])
    return float(article_sigmoid(article_sigmoid(centre @ net.weights1) @ net.weights2)[0, 0])


def _all_rows(sums):
    return neurons.check_01_all_rows(sums, "or")


# exercise: (check, true value, decimals asked). The values, by hand:
NUMERIC = {
    # z = 1.5 * 1 + (-2.0) * 0 + 0.75
    "1.1": (neurons.check_01_weighted_sum, 2.25, 2),
    # x @ (1, 1, -0.5) for the rows (0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 1)
    "1.3": (_all_rows, [-0.5, 0.5, 0.5, 1.5], 1),
    # 1 / (1 + e^-z) = 0.9  <=>  e^-z = 1/9  <=>  z = ln 9 = 2.1972...
    "3.1": (activation_function.check_03_sigmoid_inverse, math.log(9), 3),
    # a(1 - a) is largest at a = 1/2: 1/4
    "3.2": (activation_function.check_03_derivative_max, 0.25, 2),
    # every hidden unit outputs sigma(0) = 1/2; the output sees 4 * 1/2 = 2: sigma(2) = 0.8808
    "4.2": (feedforward.check_04_constant_output, 1 / (1 + math.exp(-2)), 3),
    # squares of -0.1, 0.2, 0.4, -0.3: 0.01 + 0.04 + 0.16 + 0.09 = 0.30
    "5.1": (loss_function.check_05_loss_value,
            _sum_of_squares(["0", "1", "1", "0"], ["0.1", "0.8", "0.6", "0.3"]), 2),
    # y - y_hat = -0.9, 0.7, 0.8, -0.6: sum 0; squares 0.81 + 0.49 + 0.64 + 0.36 = 2.30
    "5.2": (loss_function.check_05_cancelling_errors,
            [float(sum(Fraction(t) - Fraction(p) for t, p in zip("0110", ["0.9", "0.3", "0.2",
                                                                        "0.6"]))),
             _sum_of_squares(["0", "1", "1", "0"], ["0.9", "0.3", "0.2", "0.6"])], 2),
    # w - rate * slope = 0.5 - 0.1 * (-2)
    "6.1": (backpropagation.check_06_new_weight, float(Fraction("0.5") + Fraction("0.2")), 1),
    # delta2 = 2 (y_hat - y) * y_hat (1 - y_hat) = 2 (-0.2) * 0.8 * 0.2
    "7.2": (the_math.check_07_output_delta,
            float(2 * (Fraction("0.8") - 1) * Fraction("0.8") * Fraction("0.2")), 3),
    "8.3": (training_and_results.check_08_centre_prediction, _centre_of_seed_0(), 3),
    # a hidden sum of three weights uniform on [0, 8) is 3 * 4 = 12 on average: sigma'(12),
    # asked to two significant figures, 6.1e-06, i.e. 7 decimals
    "9.3": (which_starts_train.check_09_saturated_slope,
            1 / (1 + math.exp(-12)) * (1 - 1 / (1 + math.exp(-12))), 7),
}

#: The other checks ask for no decimals: whole numbers, shapes, names, functions,
#: and one estimate (6.2: "roughly how many steps", a range).
NOT_DECIMAL = {
    "check_00_weight_count", "check_00_nand_targets", "check_00_separable_gates",
    "check_01_layer_shape", "check_02_weight_shapes", "check_02_bias_entry",
    "check_02_parameter_count", "check_03_tanh_from_sigmoid", "check_04_predict_shapes",
    "check_04_feedforward_with_biases", "check_05_loss_function", "check_06_plateau_steps",
    "check_06_descent_step", "check_07_gradient_shapes", "check_07_weights2_gradient",
    "check_08_reproducible", "check_08_first_below",
    # 9.1 is a whole number of starts, 9.2 a pair of arrays, 10.1 exactly 1 (a rate that
    # sends w to -w), 10.2 gate names, 10.3 weights of a hand-built network
    "check_09_failed_starts", "check_09_symmetric_start", "check_10_overshoot_rate",
    "check_10_single_neuron_gates", "check_10_two_unit_xor",
}
MODULES = (the_network, neurons, weights_and_biases, activation_function, feedforward,
           loss_function, backpropagation, the_math, training_and_results, which_starts_train,
           architecture)


def _asks_for(message, decimals):
    """True if a hint names exactly this precision ("1 decimal", "3 decimals")."""
    unit = "decimal" if decimals == 1 else "decimals"
    return re.search(rf"(?<![\d.]){decimals} {unit}(?!s)", message) is not None


def _shifted(value, units, decimals):
    """The value moved by ``units`` of its d-th decimal (every entry, if several)."""
    return (np.asarray(value) + units * 10.0 ** -decimals).tolist()


def _rounded(value, decimals):
    return np.round(np.asarray(value, dtype=float), decimals).tolist()


CASES = list(NUMERIC.items())
IDS = [name for name, _ in CASES]


def test_the_values_are_what_the_exercises_say():
    # The hand values above, as the solutions notebook states them.
    assert round(NUMERIC["3.1"][1], 4) == 2.1972 and round(NUMERIC["4.2"][1], 4) == 0.8808
    assert NUMERIC["5.1"][1] == 0.3 and NUMERIC["5.2"][1] == [0.0, 2.3]
    assert NUMERIC["7.2"][1] == -0.064 and 0.5 < NUMERIC["8.3"][1] < 1


@pytest.mark.parametrize("exercise, case", CASES, ids=IDS)
def test_any_correct_rounding_passes(exercise, case):
    check, value, decimals = case
    for answer in (_rounded(value, decimals), _shifted(value, 0.49, decimals),
                   _shifted(value, -0.49, decimals)):
        result = check(answer)
        assert result, f"{exercise}: {answer!r} is right to {decimals} decimals: {result!r}"
        assert repr(result).startswith("✅ Correct")


@pytest.mark.parametrize("exercise, case", CASES, ids=IDS)
def test_more_decimals_that_are_right_pass(exercise, case):
    check, value, decimals = case
    for answer in (value, _rounded(value, decimals + 1), _rounded(value, decimals + 3)):
        assert check(answer), f"{exercise}: {answer!r}"


@pytest.mark.parametrize("exercise, case", CASES, ids=IDS)
def test_more_than_half_a_unit_off_fails_with_the_precision_in_the_hint(exercise, case):
    check, value, decimals = case
    for answer in (_shifted(value, 0.6, decimals), _shifted(value, -0.6, decimals)):
        result = check(answer)
        assert not result, f"{exercise}: {answer!r} is off by 0.6 units of the last decimal"
        assert _asks_for(repr(result), decimals), repr(result)


@pytest.mark.parametrize("exercise, case", CASES, ids=IDS)
def test_fewer_decimals_fail_with_a_hint_saying_how_many(exercise, case):
    check, value, decimals = case
    coarse = _rounded(value, decimals - 1)
    result = check(coarse)
    if np.all(np.abs(np.asarray(coarse) - value) <= 0.5 * 10.0 ** -decimals):
        # 0.3 for 0.30: the same number written shorter, so right.
        assert exercise in ("5.1", "5.2"), f"{exercise}: {coarse!r} should be too coarse"
        assert result, f"{exercise}: {coarse!r}"
        return
    assert not result, f"{exercise}: {coarse!r} has fewer decimals than the {decimals} asked"
    message = repr(result)
    assert "right as far as it goes" in message and _asks_for(message, decimals), message


@pytest.mark.parametrize("exercise, case", CASES, ids=IDS)
def test_every_hint_states_the_precision(exercise, case):
    check, _, decimals = case
    for answer in (None, "0.5", float("nan"), 1e6):
        message = repr(check(answer))
        assert message.startswith("❌ Not yet") and _asks_for(message, decimals), message


def test_the_bug_report_case_passes():
    # 0.916 is the 3-decimal rounding of the seed-0 centre prediction 0.91555...
    centre = NUMERIC["8.3"][1]
    assert round(centre, 3) == 0.916 and abs(0.916 - centre) > 1e-4
    assert training_and_results.check_08_centre_prediction(0.916)
    assert not training_and_results.check_08_centre_prediction(0.92)


def test_every_check_is_classified():
    """A new check must say whether it asks for decimals (and join NUMERIC) or not."""
    names = {name for module in MODULES for name in dir(module) if name.startswith("check_")}
    numeric = {case[0].__name__ for case in NUMERIC.values()} - {"_all_rows"}
    assert names == numeric | NOT_DECIMAL | {"check_01_all_rows"}
    assert not numeric & NOT_DECIMAL
