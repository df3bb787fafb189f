"""Bad input gets a clear error naming the argument, before any arithmetic."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnfs_lib import NeuralNetwork, gradient_check, train, xor

X, Y = xor()


@pytest.mark.parametrize("kwargs, error, message", [
    ({"x": X[:3]}, ValueError, "same number of rows"),
    ({"y": Y[:2]}, ValueError, "same number of rows"),
    ({"x": X.ravel()}, ValueError, "x must be a 2-D array"),
    ({"y": Y.ravel()}, ValueError, "y must be a 2-D array"),
    ({"x": np.zeros((0, 3))}, ValueError, "x must not be empty"),
    ({"x": np.where(X == 1, np.nan, X)}, ValueError, "x must contain only finite"),
    ({"x": np.where(X == 1, np.inf, X)}, ValueError, "x must contain only finite"),
    ({"x": X.astype(str)}, TypeError, "x must hold real numbers"),
    ({"x": "abc"}, TypeError, "x must be a 2-D array"),
    ({"x": [[0, 1], [1]]}, ValueError, "x must"),
    ({"x": X.astype(complex)}, TypeError, "x must hold real numbers"),
    ({"y": Y * 2}, ValueError, "y must hold targets between 0 and 1"),
    ({"y": Y - 1}, ValueError, "y must hold targets between 0 and 1"),
    ({"weights1": np.ones((4, 3))}, ValueError, r"weights1 must have shape \(3, 4\)"),
    ({"weights2": np.ones((4,))}, ValueError, "weights2 must be a 2-D array"),
    ({"weights2": np.full((4, 1), np.nan)}, ValueError, "weights2 must contain only finite"),
    ({"weights1": np.full((3, 4), np.inf)}, ValueError, "weights1 must contain only finite"),
    ({"learning_rate": 0}, ValueError, "learning_rate must be a finite number greater than 0"),
    ({"learning_rate": -0.5}, ValueError, "learning_rate must be a finite number greater"),
    ({"learning_rate": float("nan")}, ValueError, "learning_rate must be a finite number"),
    ({"learning_rate": float("inf")}, ValueError, "learning_rate must be a finite number"),
    ({"learning_rate": "0.1"}, TypeError, "learning_rate must be a real number"),
    ({"hidden_units": 0}, ValueError, "hidden_units must be an integer >= 1"),
    ({"hidden_units": 2.5}, TypeError, "hidden_units must be an integer"),
    ({"rng": "seed"}, TypeError, "rng must be None, an integer seed"),
    ({"init_scale": -1.0}, ValueError, "init_scale must be a finite number greater than 0"),
    ({"bias1": np.zeros((1, 4))}, ValueError, "bias1 and bias2 need biases=True"),
    ({"weights1": np.full((3, 4), 1e300)}, ValueError, "weights1 must hold numbers between"),
    ({"x": X * 1e7}, ValueError, "x must hold numbers between"),
    ({"learning_rate": 1e7}, ValueError, "learning_rate must be at most"),
])

def test_constructor_rejects(kwargs, error, message):
    arguments = {"x": X, "y": Y, **kwargs}
    with pytest.raises(error, match=message):
        NeuralNetwork(arguments.pop("x"), arguments.pop("y"), **arguments)


@settings(max_examples=30, deadline=None)
@given(scale=st.floats(1.0, 1e6), rate=st.floats(1e-3, 1e6), seed=st.integers(0, 2**32 - 1))
def test_the_largest_accepted_values_train_without_warnings_or_nan(scale, rate, seed):
    """Weights, data and learning rate at the edge of what is accepted: no overflow."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1e6, 1e6, size=(4, 3))
    w1 = rng.uniform(-scale, scale, size=(3, 4))
    w2 = rng.uniform(-scale, scale, size=(4, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        net = NeuralNetwork(x, Y, weights1=w1, weights2=w2, learning_rate=rate)
        history = train(net, 300)
    assert np.all(np.isfinite(history.loss))
    assert np.all(np.isfinite(net.weights1)) and np.all(np.isfinite(net.weights2))


@pytest.mark.parametrize("iterations, error, message", [
    (-1, ValueError, "iterations must be an integer >= 0"),
    (1.5, TypeError, "iterations must be an integer"),
    ("10", TypeError, "iterations must be an integer"),
    (True, TypeError, "iterations must be an integer"),
])
def test_train_rejects_bad_iterations(iterations, error, message):
    net = NeuralNetwork(X, Y, rng=0)
    before = net.weights1.copy()
    with pytest.raises(error, match=message):
        train(net, iterations)
    np.testing.assert_array_equal(before, net.weights1)


def test_train_rejects_bad_network_and_snapshots():
    with pytest.raises(TypeError, match="network must be a NeuralNetwork"):
        train("net", 10)
    net = NeuralNetwork(X, Y, rng=0)
    with pytest.raises(ValueError, match="snapshots must lie in"):
        train(net, 10, snapshots=[11])
    with pytest.raises(TypeError, match="network must be a NeuralNetwork"):
        gradient_check(None)


def test_predict_rejects_wrong_width_and_nan():
    net = NeuralNetwork(X, Y, rng=0)
    with pytest.raises(ValueError, match="x must have 3 columns"):
        net.predict(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="x must contain only finite"):
        net.predict(np.full((1, 3), np.nan))


def test_numpy_integer_and_generator_accepted():
    net = NeuralNetwork(X.astype(np.int64), Y.astype(bool), hidden_units=np.int64(3),
                        rng=np.int64(4), learning_rate=np.float32(0.5))
    assert net.weights1.shape == (3, 3)


@given(st.floats(allow_nan=True, allow_infinity=True) | st.integers(-10**6, 0))
def test_any_bad_learning_rate_raises_before_arithmetic(rate):
    if isinstance(rate, float) and np.isfinite(rate) and rate > 0:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="learning_rate"):
            NeuralNetwork(X, Y, learning_rate=rate)


@given(st.lists(st.floats(), min_size=12, max_size=12))
def test_any_weights_either_raise_or_train_silently(values):
    w1 = np.array(values).reshape(3, 4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        if not np.all(np.isfinite(w1)):
            with pytest.raises(ValueError, match="weights1 must contain only finite"):
                NeuralNetwork(X, Y, weights1=w1, rng=0)
        elif np.max(np.abs(w1)) > 1e6:
            with pytest.raises(ValueError, match="weights1 must hold numbers between -1e"):
                NeuralNetwork(X, Y, weights1=w1, rng=0)
        else:
            history = train(NeuralNetwork(X, Y, weights1=w1, rng=0), 20)
            assert np.all(np.isfinite(history.loss))
