"""The exercise checks of notebooks 05-08: right answers pass, wrong ones get a hint.

A hint starts with "❌ Not yet", never contains the solution, and no answer
(wrong value, wrong type, None, NaN) makes a check raise.
"""

import numpy as np
import pytest

from nnfs_lib import exercises as ex


def _loss(y, y_hat):
    return float(np.sum((np.asarray(y) - np.asarray(y_hat)) ** 2))


def _descent_step(weights, gradient, learning_rate):
    return weights - learning_rate * gradient


def _grad_w2(layer1, output, y):
    return layer1.T @ (2 * (output - y) * output * (1 - output))


def _raises(*args):
    raise RuntimeError("student bug")


NAN = float("nan")

# check, right answer, wrong answers, strings that would give the solution away
CASES = [
    (ex.check_05_loss_value, 0.3,
     [0.55, [0.01, 0.04, 0.16, 0.09], "0.3", None, NAN, True], ["0.3"]),
    (ex.check_05_cancelling_errors, (0.0, 4.0),
     [(4.0, 0.0), (0, 2), 4.0, "0, 4", None, NAN, [NAN, 4.0]], ["(0", "0, 4", "0.0, 4.0"]),
    (ex.check_05_loss_function, _loss,
     [lambda y, y_hat: (y - y_hat) ** 2, lambda y, y_hat: float(np.sum(y - y_hat)),
      _raises, 0.3, None, NAN, "loss"], ["**2", "** 2", "np.sum"]),
    (ex.check_06_new_weight, 0.7,
     [0.3, 0.5 + 2, "0.7", None, NAN, True], ["0.7"]),
    (ex.check_06_small_gradient, False,
     [True, 0, "False", None, NAN], []),
    (ex.check_06_descent_step, _descent_step,
     [lambda w, g, r: w + r * g, lambda w, g, r: w - g, lambda w, g, r: 0.0, _raises,
      None, NAN, "step"], ["weights - learning_rate", "- learning_rate * gradient"]),
    (ex.check_07_gradient_shapes, ((3, 4), (4, 1)),
     [((4, 3), (1, 4)), ((3, 4),), (3, 4), "((3, 4), (4, 1))", None, NAN, [[NAN, 4], [4, 1]]],
     ["(3, 4)", "(4, 1)"]),
    (ex.check_07_output_delta, -0.064,
     [0.064, -0.4, -0.2, -0.032, 0.25, -0.16, "-0.064", [-0.064], None, NAN, True],
     ["0.064", "-0.4", "0.16"]),
    (ex.check_07_weights2_gradient, _grad_w2,
     [lambda a, o, y: -_grad_w2(a, o, y), lambda a, o, y: _grad_w2(a, o, y).T,
      lambda a, o, y: a.T @ (2 * (o - y)), _raises, None, NAN, "grad"],
     ["layer1.T @", "output * (1 - output)"]),
    (ex.check_08_reproducible, False,
     [True, 0, "no", None, NAN], []),
    (ex.check_08_first_below, None,  # filled in below from training
     [0, 1500, "265", 265.5, None, NAN, True], []),
    (ex.check_08_centre_prediction, None,  # filled in below from training
     [0.5, 0.0, "0.79", [0.1, 0.2], None, NAN], []),
]


def _right_answer(check, answer):
    if check is ex.check_08_first_below:
        loss = ex._trained_seed_0()[1].loss
        return int(np.argmax(loss < 0.05))
    if check is ex.check_08_centre_prediction:
        network = ex._trained_seed_0()[0]
        return float(network.predict(np.array([[0.5, 0.5, 1.0]]))[0, 0])
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
    result = check(wrong)
    assert not result
    message = repr(result)
    assert message.startswith("❌ Not yet")
    assert "Hint:" in message
    for secret in secrets:
        assert secret not in message


def test_training_answers_are_not_in_the_hints():
    first = str(_right_answer(ex.check_08_first_below, None))
    centre = f"{_right_answer(ex.check_08_centre_prediction, None):.2f}"
    assert first not in repr(ex.check_08_first_below(first))
    assert centre not in repr(ex.check_08_centre_prediction("x"))


def test_every_check_of_05_to_08_is_tested():
    names = {name for name in dir(ex) if name.startswith(("check_05", "check_06",
                                                          "check_07", "check_08"))}
    assert names == {case[0].__name__ for case in CASES}


def test_output_delta_explains_the_common_slips():
    assert "sign is flipped" in repr(ex.check_07_output_delta(0.064))
    assert "slope" in repr(ex.check_07_output_delta(-0.4))
    assert ex.check_07_output_delta(np.float64(2 * (0.8 - 1) * 0.8 * 0.2))
