"""The checks' reliability promise ("always a fair verdict, never a crash, never a hang").

Each test here pins one fix: a right answer in an unusual but fair form
passes, a wrong one cannot pass by tampering with the check's data, and a
student's function can neither hang a check, end the kernel, nor leave
numpy's global random state or print options changed.
"""

import signal

import numpy as np
import pytest
from article_reference import article_sigmoid
from test_exercises_05_08 import FIRST_BELOW  # from the article's own loop
from test_exercises_05_08 import _descent_step as descent_step
from test_exercises_05_08 import _grad_w2 as grad_w2
from test_exercises_05_08 import _loss as loss
from test_exercises_05_08 import _reproducible_start as reproducible_start

from nnfs_lib.exercises import (
    _checking,
    activation_function,
    architecture,
    backpropagation,
    feedforward,
    loss_function,
    the_math,
    the_network,
    training_and_results,
    weights_and_biases,
    which_starts_train,
)

LIMIT = 0.5  # seconds: the time limit the tests run with
timed = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM timer here")


@pytest.fixture(autouse=True)
def short_time_limit(monkeypatch):
    monkeypatch.setattr(_checking, "TIME_LIMIT", LIMIT)


# -- right answers written independently of the library -------------------------------
def tanh_from_sigmoid(z):
    return 2 * article_sigmoid(2 * z) - 1


def feedforward_with_biases(x, weights1, bias1, weights2, bias2):
    return article_sigmoid(article_sigmoid(x @ weights1 + bias1) @ weights2 + bias2)


# Every check that takes a function, with a right function for it.
FUNCTION_CHECKS = [
    (activation_function.check_03_tanh_from_sigmoid, tanh_from_sigmoid),
    (feedforward.check_04_feedforward_with_biases, feedforward_with_biases),
    (loss_function.check_05_loss_function, loss),
    (backpropagation.check_06_descent_step, descent_step),
    (the_math.check_07_weights2_gradient, grad_w2),
    (training_and_results.check_08_reproducible, reproducible_start),
]
FUNCTION_IDS = [check.__name__ for check, _ in FUNCTION_CHECKS]
by_function = pytest.mark.parametrize(("check", "right"), FUNCTION_CHECKS, ids=FUNCTION_IDS)


def assert_hint(result, *phrases):
    assert isinstance(result, _checking.CheckResult)
    assert not result, repr(result)
    assert repr(result).startswith("❌ Not yet. Hint: ")
    for phrase in phrases:
        assert phrase in repr(result)


# -- check 03: the student's function gets a copy, the reference is its own -----------
def test_a_right_tanh_that_changes_z_in_place_passes():
    def tanh_in_place(z):
        z *= 2  # in place: the caller's array changes
        return 2 * article_sigmoid(z) - 1

    assert activation_function.check_03_tanh_from_sigmoid(tanh_in_place)


def test_a_wrong_tanh_cannot_pass_by_zeroing_z():
    def zeroes_z(z):
        z[:] = 0.0
        return np.zeros_like(z)  # tanh(0) = 0, but this is not tanh

    assert_hint(activation_function.check_03_tanh_from_sigmoid(zeroes_z))


@by_function
def test_every_function_check_passes_copies(check, right):
    """A right function that scribbles over its array arguments afterwards still passes."""

    def scribbles(*args):
        result = right(*args)
        if not isinstance(result, tuple):  # (check 08's pair is not made from the arguments)
            result = np.array(result, dtype=float)
        for arg in args:
            if isinstance(arg, np.ndarray):
                arg[...] = 0.0
        return result

    assert check(scribbles), repr(check(scribbles))


# -- check 10: huge weights give a hint, not an exception -----------------------------
@pytest.mark.parametrize("size", [1e308, -1e308, 1.7976931348623157e308])
def test_two_unit_xor_with_weights_near_the_float_limit_gives_a_hint(size):
    result = architecture.check_10_two_unit_xor(np.full((2, 2), size), [0, 0],
                                                np.ones((2, 1)), 0)
    assert_hint(result, "your network outputs")


def test_two_unit_xor_with_huge_weights_reports_the_exact_outputs():
    # Hand computed: the hidden sums are 0 for (0, 0), so both units give 1/2, and at
    # least 1e308 elsewhere, so both give 1. The output is sigmoid(1) = 0.731 for
    # (0, 0) and sigmoid(2) = 0.881 for the other three inputs.
    result = architecture.check_10_two_unit_xor(np.full((2, 2), 1e308), [0, 0],
                                                np.ones((2, 1)), 0)
    assert_hint(result, "your network outputs 0.731, 0.881, 0.881, 0.881 for")


# -- one number, delivered as an array of size 1 --------------------------------------
E = np.array([[0.0], [1.0], [1.0], [0.0]]) - np.array([[0.1], [0.8], [0.6], [0.3]])

ONE_NUMBER = [  # check, the right number (computed by hand)
    (the_network.check_00_weight_count, 16),
    (the_network.check_00_separable_gates, 14),
    (weights_and_biases.check_02_parameter_count, 17),
    (activation_function.check_03_sigmoid_inverse, np.log(9.0)),
    (activation_function.check_03_derivative_max, 0.25),
    (feedforward.check_04_constant_output, 1 / (1 + np.exp(-2.0))),
    (loss_function.check_05_loss_value, 0.3),
    (backpropagation.check_06_new_weight, 0.7),
    (backpropagation.check_06_plateau_steps, 7000),
    (the_math.check_07_output_delta, 2 * (0.8 - 1) * 0.8 * 0.2),
    (which_starts_train.check_09_failed_starts, 1000 - 871),
    (which_starts_train.check_09_saturated_slope,
     1 / (1 + np.exp(-12.0)) * (1 - 1 / (1 + np.exp(-12.0)))),
    (architecture.check_10_overshoot_rate, 1.0),
]


def test_the_loss_as_e_transpose_e_passes():
    assert loss_function.check_05_loss_value(E.T @ E)
    assert loss_function.check_05_loss_value(np.dot(E.ravel(), E.ravel()))  # 0-d


@pytest.mark.parametrize(("check", "number"), ONE_NUMBER, ids=[c.__name__ for c, _ in ONE_NUMBER])
@pytest.mark.parametrize("form", [np.array, lambda v: np.array([v]), lambda v: np.array([[v]]),
                                  lambda v: np.full((1, 1, 1), v)],
                         ids=["0-d", "1", "1x1", "1x1x1"])
def test_one_number_may_come_as_an_array_of_size_1(check, number, form):
    assert check(form(number)), repr(check(form(number)))
    assert_hint(check(form(10 * number + 3.5)))


@pytest.mark.parametrize(("check", "number"), ONE_NUMBER, ids=[c.__name__ for c, _ in ONE_NUMBER])
def test_arrays_of_more_or_other_than_one_number_still_get_a_hint(check, number):
    for wrong in (np.array([number, number]), np.array([[number]], dtype=object),
                  np.array([str(number)]), np.array([]), np.array([True]),
                  np.array([number + 0j])):
        assert_hint(check(wrong))


def test_a_whole_number_as_an_array_passes_the_training_check():
    first = training_and_results.check_08_first_below
    assert first(np.array(FIRST_BELOW)) and first(np.array([[FIRST_BELOW]]))
    assert_hint(first(np.array([float(FIRST_BELOW)])))  # a whole number is asked for


# -- numpy's global state is left as it was ------------------------------------------
def _tamper():
    np.random.seed(12345)
    np.set_printoptions(precision=2, threshold=5, linewidth=40)


@by_function
@pytest.mark.parametrize("then", ["returns", "raises", "exits", "loops"])
def test_numpy_global_state_is_restored(check, right, then):
    if then == "loops" and not hasattr(signal, "setitimer"):
        pytest.skip("no SIGALRM timer here")

    def tampers(*args):
        _tamper()
        if then == "raises":
            raise RuntimeError("student bug")
        if then == "exits":
            raise SystemExit(1)
        while then == "loops":
            pass
        return right(*args)

    np.random.seed(7)
    expected_draw = np.random.random_sample(3)
    np.random.seed(7)
    options = np.get_printoptions()
    result = check(tampers)
    assert isinstance(result, _checking.CheckResult)
    assert np.get_printoptions() == options
    np.testing.assert_array_equal(np.random.random_sample(3), expected_draw)


# -- no hang, no exit ------------------------------------------------------------------
def _loops(*args):
    while True:
        pass


def _loops_catching_exceptions(*args):
    while True:
        try:
            while True:
                pass
        except Exception:  # the time limit is not an Exception: it gets through
            pass


def _catches_everything_then_loops_again(*args):
    try:
        while True:
            pass
    except BaseException:  # catches the first alarm; the next one stops the second loop
        pass
    while True:
        pass


def _catches_everything_then_returns(*args):
    try:
        while True:
            pass
    except BaseException:
        return 0.0  # too late: the time was up


@timed
@by_function
@pytest.mark.parametrize("hang", [_loops, _loops_catching_exceptions,
                                  _catches_everything_then_loops_again,
                                  _catches_everything_then_returns],
                         ids=["loops", "catches", "loops-again", "returns-late"])
def test_a_function_that_never_returns_gets_the_time_limit_hint(check, right, hang):
    handler = signal.getsignal(signal.SIGALRM)
    result = check(hang)
    assert_hint(result, f"your function took longer than {LIMIT:g} s")
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0  # no timer left running
    assert signal.getsignal(signal.SIGALRM) is handler


@by_function
def test_system_exit_in_a_student_function_is_a_hint(check, right):
    def exits(*args):
        raise SystemExit("bye")

    own_hints = (activation_function.check_03_tanh_from_sigmoid,
                 feedforward.check_04_feedforward_with_biases)  # one hint for every failure
    assert_hint(check(exits), *([] if check in own_hints else ["your function raised SystemExit"]))


@by_function
def test_keyboard_interrupt_still_interrupts(check, right):
    def interrupted(*args):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        check(interrupted)
