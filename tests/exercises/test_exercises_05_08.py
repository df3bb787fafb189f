"""The exercise checks of notebooks 05-08: right answers pass, wrong ones get a hint.

A hint starts with "❌ Not yet", never contains the solution, and no answer
(wrong value, wrong type, None, NaN) makes a check raise.
"""

import warnings

import numpy as np
import pytest
from article_reference import article_sigmoid, train_article

from nnfs_lib.exercises import backpropagation, loss_function, the_math, training_and_results


def _loss(y, y_hat):
    return float(np.sum((np.asarray(y) - np.asarray(y_hat)) ** 2))


def _descent_step(weights, gradient, learning_rate):
    return weights - learning_rate * gradient


def _grad_w2(layer1, output, y):
    return layer1.T @ (2 * (output - y) * output * (1 - output))


def _reproducible_start(seed):
    generator = np.random.default_rng(seed)
    return generator.random((3, 4)), generator.random((4, 1))


def _global_seed_start(seed):
    np.random.seed(seed)
    return np.random.rand(3, 4), np.random.rand(4, 1)


def _raises(*args):
    raise RuntimeError("student bug")


def _returns_string(*args):
    return "0.3"


def _warns(*args):
    warnings.warn("a student's own warning", UserWarning, stacklevel=1)
    return np.log(np.zeros(1))[0] * 0  # -inf * 0 = NaN, with numpy warnings on the way


def _seed_0_reference():
    """The article's own loop (tests/article_reference.py) from seed 0's starting weights,
    drawn as NeuralNetwork(x, y, rng=0) draws them: weights1 first, then weights2."""
    x = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
    y = np.array([[0], [1], [1], [0]], dtype=float)
    generator = np.random.default_rng(0)
    weights1, weights2 = generator.random((3, 4)), generator.random((4, 1))
    net, losses = train_article(x, y, weights1, weights2, iterations=1500)
    totals = np.array([float(np.sum(loss)) for loss in losses])  # totals[k]: after k updates
    first_below = int(np.flatnonzero(totals < 0.05)[0])
    centre = np.array([[0.5, 0.5, 1.0]])
    prediction = float(article_sigmoid(article_sigmoid(centre @ net.weights1) @ net.weights2)[0, 0])
    return first_below, prediction


FIRST_BELOW, CENTRE = _seed_0_reference()


NAN = float("nan")

# check, right answer, wrong answers, strings that would give the solution away
CASES = [
    (loss_function.check_05_loss_value, 0.3,
     [0.55, [0.01, 0.04, 0.16, 0.09], "0.3", None, NAN, True, 10**400], ["0.3"]),
    # y - y_hat = -0.9, 0.7, 0.8, -0.6: they add up to 0.0; their squares
    # 0.81 + 0.49 + 0.64 + 0.36 to 2.30. (0.0, 1.5) was the old exercise's answer, and
    # 3.0 the sum of the absolute differences.
    (loss_function.check_05_cancelling_errors, (0.0, 2.3),
     [(2.3, 0.0), (0.0, 3.0), (0, 2), (0.0, 1.5), (1.2, 2.3), 2.3, "0, 2.3", None, NAN,
      [NAN, 2.3], (0.0, 2.3, 0.0)],
     ["(0", "2.3", "0.0, 2.3", "0.81", "0.49"]),
    (loss_function.check_05_loss_function, _loss,
     [lambda y, y_hat: (y - y_hat) ** 2, lambda y, y_hat: float(np.sum(y - y_hat)),
      _raises, _returns_string, _warns, lambda y, y_hat: [0.3], 0.3, None, NAN, "loss",
      lambda y, y_hat: str(_loss(y, y_hat))],
     ["**2", "** 2", "np.sum"]),
    (backpropagation.check_06_new_weight, 0.7,
     [0.3, 0.5 + 2, "0.7", None, NAN, True, 10**400], ["0.7"]),
    (backpropagation.check_06_plateau_steps, 7033,
     [(10 - 0.8574) * 0.0013, 9.1426, 10 / 0.0013, 1, -7033, "7033", [7033], None, NAN,
      float("inf"), True, 10**400],
     ["7033", "6812", "7,0", "9.14", "0.0013"]),
    (backpropagation.check_06_descent_step, _descent_step,
     [lambda w, g, r: w + r * g, lambda w, g, r: w - g, lambda w, g, r: 0.0, _raises,
      _returns_string, _warns, lambda w, g, r: (w - r * g).astype(str), None, NAN, "step"],
     ["weights - learning_rate", "- learning_rate * gradient"]),
    (the_math.check_07_gradient_shapes, ((3, 6), (6, 1)),
     [((3, 4), (4, 1)), ((6, 3), (1, 6)), ((3, 6),), (3, 6), "((3, 6), (6, 1))", None, NAN,
      [[NAN, 6], [6, 1]], ((3.7, 6), (6, 1)), ((3, 6.2), (6, 1.9)), ((3, 6), (6, 1), ()),
      ((3, 6), "61")],
     ["(3, 6)", "(6, 1)"]),
    (the_math.check_07_output_delta, -0.064,
     [0.064, -0.4, -0.2, -0.032, 0.25, -0.16, "-0.064", [-0.064], None, NAN, True],
     ["0.064", "-0.4", "0.16", "2(y_hat - y) *"]),
    (the_math.check_07_weights2_gradient, _grad_w2,
     [lambda a, o, y: -_grad_w2(a, o, y), lambda a, o, y: _grad_w2(a, o, y).T,
      lambda a, o, y: a.T @ (2 * (o - y)), _raises, _returns_string, _warns, None, NAN,
      "grad"],
     ["layer1.T @", "output * (1 - output)"]),
    (training_and_results.check_08_reproducible, _reproducible_start,
     [lambda seed: (np.random.rand(3, 4), np.random.rand(4, 1)),
      lambda seed: (np.random.default_rng(seed).normal(size=(3, 4)),
                    np.random.default_rng(seed).normal(size=(4, 1))),
      lambda seed: (np.full((3, 4), 0.5), np.full((4, 1), 0.5)),
      lambda seed: tuple(reversed(_reproducible_start(seed))),
      lambda seed: _reproducible_start(seed)[0], lambda seed: [*_reproducible_start(seed), 1],
      _raises, _returns_string, _warns, True, False, None, NAN, "seed"],
     ["default_rng", "np.random.seed", "rng.random"]),
    (training_and_results.check_08_first_below, None,  # filled in below from training
     [0, 1500, "265", 265.5, None, NAN, True], []),
    (training_and_results.check_08_centre_prediction, None,  # filled in below from training
     [0.5, 0.0, "0.79", [0.1, 0.2], None, NAN], []),
]


def _right_answer(check, answer):
    if check is training_and_results.check_08_first_below:
        return FIRST_BELOW
    if check is training_and_results.check_08_centre_prediction:
        return CENTRE
    return answer


@pytest.mark.parametrize("check, answer", [(c[0], c[1]) for c in CASES],
                         ids=[c[0].__name__ for c in CASES])
def test_right_answer_passes(check, answer):
    result = check(_right_answer(check, answer))
    assert result
    assert repr(result).startswith("✅ Correct")


@pytest.mark.parametrize("check, wrong, secrets",
                         [(c[0], w, c[3]) for c in CASES for w in c[2]],
                         ids=[f"{c[0].__name__}-{i}" for c in CASES for i in range(len(c[2]))])
def test_wrong_answer_gets_a_hint(check, wrong, secrets):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = check(wrong)
    assert not caught, [str(w.message) for w in caught]
    assert not result
    message = repr(result)
    assert message.startswith("❌ Not yet")
    assert "Hint:" in message
    for secret in secrets:
        assert secret not in message


def test_training_answers_are_not_in_the_hints():
    first = str(_right_answer(training_and_results.check_08_first_below, None))
    centre = f"{_right_answer(training_and_results.check_08_centre_prediction, None):.2f}"
    assert first not in repr(training_and_results.check_08_first_below(first))
    assert centre not in repr(training_and_results.check_08_centre_prediction("x"))


def test_every_check_of_05_to_08_is_tested():
    names = {name for module in (loss_function, backpropagation, the_math, training_and_results)
             for name in dir(module) if name.startswith("check_")}
    assert names == {case[0].__name__ for case in CASES}


def test_output_delta_explains_the_common_slips():
    assert "sign is flipped" in repr(the_math.check_07_output_delta(0.064))
    assert "slope" in repr(the_math.check_07_output_delta(-0.4))
    assert the_math.check_07_output_delta(np.float64(2 * (0.8 - 1) * 0.8 * 0.2))


def test_the_seed_0_answers_come_out_as_expected():
    # Sanity of the independent reference: a loss that falls below 0.05 early, and a
    # centre prediction strictly between 0 and 1.
    assert 0 < FIRST_BELOW < 1500
    assert 0 < CENTRE < 1
    assert training_and_results.check_08_first_below(FIRST_BELOW)
    assert not training_and_results.check_08_first_below(FIRST_BELOW + 1)
    assert not training_and_results.check_08_centre_prediction(CENTRE + 1e-3)


def test_the_global_seed_way_to_reproduce_passes_too():
    assert training_and_results.check_08_reproducible(_global_seed_start)


def test_checking_a_globally_seeded_answer_leaves_numpy_global_state_alone():
    before = np.random.get_state()[1].copy()
    assert training_and_results.check_08_reproducible(_global_seed_start)
    np.testing.assert_array_equal(np.random.get_state()[1], before)
