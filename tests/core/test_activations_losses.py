import math
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnfs_lib import activations as act
from nnfs_lib import losses

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


@given(arrays(np.float64, st.integers(1, 20), elements=finite))
def test_sigmoid_range_and_no_warnings(z):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = act.sigmoid(z)
    assert s.shape == z.shape
    assert np.all((s >= 0) & (s <= 1))
    assert not np.any(np.isnan(s))


def test_sigmoid_extremes_and_symmetry():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert 0.0 <= act.sigmoid(-1e4) < 1e-300
        assert act.sigmoid(1e4) == 1.0
        assert act.sigmoid(np.finfo(float).max) == 1.0
    assert act.sigmoid(0.0) == 0.5
    z = np.linspace(-30, 30, 121)
    np.testing.assert_allclose(act.sigmoid(z) + act.sigmoid(-z), 1.0, rtol=1e-15)
    # Bit for bit the textbook formula wherever that formula does not overflow.
    z = np.linspace(-700, 700, 1401)
    np.testing.assert_array_equal(act.sigmoid(z), 1 / (1 + np.exp(-z)))
    # An independent reference in the far tails: sigmoid(z) = exp(z) / (1 + exp(z)).
    tail = np.array([-700.0, -300.0, -40.0])
    np.testing.assert_allclose(act.sigmoid(tail), np.exp(tail) / (1 + np.exp(tail)), rtol=1e-14)


@given(st.floats(-30, 30))
def test_sigmoid_derivative_against_central_differences(z):
    h = 1e-6
    # sigma'(z) = sigma'(-z); differencing on the negative side, where sigma is
    # small and accurate, keeps the finite difference precise for large |z|.
    u = -abs(z)
    numeric = (act.sigmoid(u + h) - act.sigmoid(u - h)) / (2 * h)
    assert act.sigmoid_derivative(z) == pytest.approx(numeric, rel=1e-6, abs=1e-20)
    # The cheap form from the activation is the same number (while 1 - a keeps its digits).
    if abs(z) < 5:
        a = act.sigmoid(z)
        assert act.sigmoid_derivative_from_activation(a) == pytest.approx(
            act.sigmoid_derivative(z), rel=1e-12)


@pytest.mark.parametrize("f, df", [(act.tanh, act.tanh_derivative),
                                   (act.relu, act.relu_derivative)])
def test_other_derivatives_against_central_differences(f, df):
    z = np.array([-3.0, -0.7, -0.1, 0.2, 0.9, 2.5])
    h = 1e-6
    np.testing.assert_allclose(df(z), (f(z + h) - f(z - h)) / (2 * h), rtol=1e-6)


def test_relu_and_tanh_values():
    np.testing.assert_array_equal(act.relu([-2.0, 0.0, 3.0]), [0.0, 0.0, 3.0])
    np.testing.assert_allclose(act.tanh(0.5), 2 * act.sigmoid(1.0) - 1, rtol=1e-14)


def test_sum_of_squares_is_a_scalar_sum():
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    y_hat = np.array([[0.1], [0.8], [0.5], [0.0]])
    per_sample = losses.squared_errors(y, y_hat)
    np.testing.assert_allclose(per_sample, [[0.01], [0.04], [0.25], [0.0]])
    total = losses.sum_of_squares(y, y_hat)
    assert isinstance(total, float)
    assert total == pytest.approx(0.30)


def test_loss_derivative_sign_against_finite_differences():
    rng = np.random.default_rng(0)
    y, y_hat = rng.random((5, 1)), rng.random((5, 1))
    h = 1e-6
    numeric = np.zeros_like(y_hat)
    for i in range(5):
        up, down = y_hat.copy(), y_hat.copy()
        up[i] += h
        down[i] -= h
        numeric[i] = (losses.sum_of_squares(y, up) - losses.sum_of_squares(y, down)) / (2 * h)
    np.testing.assert_allclose(losses.sum_of_squares_derivative(y, y_hat), numeric, rtol=1e-7)
    # The article's 2(y - y_hat) is the opposite sign.
    assert np.all(np.sign(2 * (y - y_hat)) == -np.sign(numeric))


@pytest.mark.parametrize("function", [losses.squared_errors, losses.sum_of_squares,
                                      losses.sum_of_squares_derivative])
@pytest.mark.parametrize("y_hat_shape", [(4,), (1, 4), (4, 2), (3, 1)])
def test_loss_shapes_must_match_no_broadcasting(function, y_hat_shape):
    """A (4,) y_hat against a (4, 1) y would broadcast to a 4x4 table: refused."""
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    with pytest.raises(ValueError, match=r"y_hat must have the same shape as y, \(4, 1\)"):
        function(y, np.zeros(y_hat_shape))


def test_loss_of_the_same_values_in_matching_shapes():
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    assert losses.sum_of_squares(y, y) == 0.0
    assert losses.sum_of_squares(y.ravel(), np.zeros(4)) == 2.0  # 1-D against 1-D is fine
    assert losses.sum_of_squares(0.5, 0.25) == 0.0625


@pytest.mark.parametrize("function", [act.sigmoid, act.sigmoid_derivative,
                                      act.sigmoid_derivative_from_activation, act.tanh,
                                      act.tanh_derivative, act.relu, act.relu_derivative])
def test_activations_return_float64_scalars_and_arrays(function):
    for number in (0.5, 2, np.float32(0.5), np.array(0.5)):
        assert type(function(number)) is np.float64
    out = function(np.array([[1, -2], [0, 3]]))
    assert out.dtype == np.float64 and out.shape == (2, 2)


def test_activation_values_against_independent_formulas():
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    s = np.array([1 / (1 + math.exp(-v)) for v in z])
    np.testing.assert_allclose(act.sigmoid(z), s, rtol=1e-15)
    np.testing.assert_allclose(act.sigmoid_derivative(z), s * (1 - s), rtol=1e-14)
    np.testing.assert_allclose(act.sigmoid_derivative_from_activation(s), s * (1 - s),
                               rtol=1e-15)
    np.testing.assert_allclose(act.tanh(z), [math.tanh(v) for v in z], rtol=1e-15)
    np.testing.assert_allclose(act.tanh_derivative(z), [1 / math.cosh(v) ** 2 for v in z],
                               rtol=1e-14)
    np.testing.assert_array_equal(act.relu_derivative(z), [0, 0, 0, 1, 1])
