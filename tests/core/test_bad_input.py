"""Bad input gets a clear error naming the argument, before any arithmetic."""

import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnfs_lib import activations, gradcheck, losses
from nnfs_lib.datasets import xor
from nnfs_lib.gradcheck import gradient_check
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train

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
    ({"bias1": np.zeros((1, 4))}, ValueError, "bias1 needs a network made with biases=True"),
    ({"weights1": np.full((3, 4), 1e300)}, ValueError, "weights1 must hold numbers between"),
    ({"x": X * 1e7}, ValueError, "x must hold numbers between"),
    ({"learning_rate": 1e7}, ValueError, r"learning_rate must be .* at most 1e\+06"),
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
    with pytest.raises(ValueError, match="snapshots must be an integer [<>]= "):
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


# -- every public function of the numerical modules ---------------------------------
# One row per bad call: (call, exception type, the argument the message must name).
# The calls are lambdas so that nothing runs at collection time.

NET = NeuralNetwork(X, Y, rng=0)
OBJECT_ARRAY = np.array([1.0, "a"], dtype=object)
RAGGED = [[1.0], [1.0, 2.0]]

ACTIVATIONS = [
    (activations.sigmoid, "z"), (activations.sigmoid_derivative, "z"),
    (activations.sigmoid_derivative_from_activation, "a"), (activations.tanh, "z"),
    (activations.tanh_derivative, "z"), (activations.relu, "z"),
    (activations.relu_derivative, "z"),
]
BAD_ARRAYS = [  # (value, exception) for any argument that takes numbers or an array
    ("abc", TypeError), (None, TypeError), (OBJECT_ARRAY, TypeError),
    (np.array([1 + 2j]), TypeError), (RAGGED, ValueError), (np.array([]), ValueError),
    (np.zeros((0, 1)), ValueError), (np.nan, ValueError), ([1.0, np.inf], ValueError),
    ([-np.inf], ValueError),
]
LOSSES = [losses.squared_errors, losses.sum_of_squares, losses.sum_of_squares_derivative]
Y4 = np.array([[0.0], [1.0], [1.0], [0.0]])


def _cases():
    cases = []
    for function, name in ACTIVATIONS:
        for value, error in BAD_ARRAYS:
            cases.append((f"{function.__name__}({value!r:.20})",
                          lambda f=function, v=value: f(v), error, name))
    for function in LOSSES:
        for value, error in BAD_ARRAYS:
            cases.append((f"{function.__name__}(y={value!r:.20})",
                          lambda f=function, v=value: f(v, Y4), error, "y"))
            cases.append((f"{function.__name__}(y_hat={value!r:.20})",
                          lambda f=function, v=value: f(Y4, v), error, "y_hat"))
        for y_hat in (Y4.ravel(), Y4.T, np.zeros((4, 2)), 0.5):
            cases.append((f"{function.__name__}(shape {np.shape(y_hat)})",
                          lambda f=function, v=y_hat: f(Y4, v), ValueError, "y_hat"))
        cases.append((f"{function.__name__}(huge)",
                      lambda f=function: f(Y4, Y4 * 1e200), ValueError, "y_hat"))
    # gradcheck
    for function in (gradcheck.numerical_gradients, gradcheck.gradient_check):
        name = function.__name__
        cases += [
            (f"{name}(network=None)", lambda f=function: f(None), TypeError, "network"),
            (f"{name}(network=str)", lambda f=function: f("net"), TypeError, "network"),
        ]
        for eps, error in [("1e-6", TypeError), (True, TypeError), (None, TypeError),
                           (0, ValueError), (-1e-6, ValueError), (np.nan, ValueError),
                           (np.inf, ValueError), (0.5, ValueError), (1e7, ValueError)]:
            cases.append((f"{name}(eps={eps!r})", lambda f=function, e=eps: f(NET, e),
                          error, "eps"))
    for value, error in BAD_ARRAYS:
        cases.append((f"relative_error(analytic={value!r:.20})",
                      lambda v=value: gradcheck.relative_error(v, [1.0]), error, "analytic"))
        cases.append((f"relative_error(numeric={value!r:.20})",
                      lambda v=value: gradcheck.relative_error([1.0], v), error, "numeric"))
    cases.append(("relative_error(shapes)",
                  lambda: gradcheck.relative_error([1.0, 2.0], [1.0]), ValueError, "numeric"))
    for value, error in [("1e-7", TypeError), (None, TypeError), (True, TypeError),
                         ([1e-7], TypeError), (-1e-7, ValueError), (np.nan, ValueError)]:
        cases.append((f"verdict(error={value!r})", lambda v=value: gradcheck.verdict(v), error,
                      "error"))
    for function in (gradcheck.comparison_rows, gradcheck.comparison_table):
        name = function.__name__
        good = {"analytic": [np.ones(2)], "numeric": [np.ones(2)], "names": ["g"]}
        for argument, value, error in [
                ("names", None, TypeError), ("names", 3, TypeError), ("names", [None], TypeError),
                ("names", [], ValueError), ("analytic", None, TypeError),
                ("numeric", 2.0, TypeError), ("analytic", [OBJECT_ARRAY], TypeError),
                ("numeric", [np.array([np.nan, 1.0])], ValueError),
                ("analytic", [np.array([])], ValueError), ("rtol", -1.0, ValueError),
                ("rtol", "0", TypeError), ("atol", True, TypeError), ("atol", np.inf, ValueError)]:
            arguments = {**good, argument: value}
            if argument == "names" and value == []:
                arguments = {"analytic": [], "numeric": [], "names": []}
            cases.append((f"{name}({argument}={value!r:.20})",
                          lambda f=function, a=arguments: f(**a), error, argument))
    # training
    for iterations, error in [(10**12, ValueError), (True, TypeError), ("10", TypeError),
                              (None, TypeError), (-1, ValueError), (2.0, TypeError)]:
        cases.append((f"train(iterations={iterations!r})",
                      lambda i=iterations: train(NET.copy(), i), error, "iterations"))
    for snapshots, error in [("all", TypeError), (5, TypeError), ([1.5], TypeError),
                             ([True], TypeError), ([11], ValueError), ([-1], ValueError),
                             (np.array([0.5]), TypeError)]:
        cases.append((f"train(snapshots={snapshots!r})",
                      lambda s=snapshots: train(NET.copy(), 10, s), error, "snapshots"))
    cases.append(("train(network=None)", lambda: train(None, 1), TypeError, "network"))
    # network: the constructor and predict
    for argument, value, error in [
            ("x", None, TypeError), ("x", OBJECT_ARRAY.reshape(1, 2), TypeError),
            ("x", np.zeros((0, 3)), ValueError), ("x", np.full((4, 3), np.nan), ValueError),
            ("y", "abc", TypeError), ("y", np.zeros((4, 0)), ValueError),
            ("hidden_units", True, TypeError), ("hidden_units", "4", TypeError),
            ("hidden_units", 10**12, ValueError), ("hidden_units", 0, ValueError),
            ("biases", "no", TypeError), ("biases", 1, TypeError),
            ("learning_rate", True, TypeError), ("learning_rate", None, TypeError),
            ("init_scale", "1", TypeError), ("init_scale", np.nan, ValueError),
            ("rng", 1.5, TypeError), ("rng", -1, ValueError),
            ("weights1", OBJECT_ARRAY, TypeError), ("weights2", np.full((4, 1), 1e7), ValueError),
            ("weights2", RAGGED, ValueError)]:
        arguments = {"x": X, "y": Y, argument: value}
        cases.append((f"NeuralNetwork({argument}={value!r:.20})",
                      lambda a=arguments: NeuralNetwork(**a), error, argument))
    for value, error in [(None, TypeError), ("abc", TypeError), (np.zeros((0, 3)), ValueError),
                         (np.full((1, 3), np.inf), ValueError), (np.zeros((2, 2)), ValueError),
                         (np.zeros(3), ValueError), (OBJECT_ARRAY, TypeError)]:
        cases.append((f"predict({value!r:.20})", lambda v=value: NET.predict(v), error, "x"))
    return cases


CASES = _cases()


@pytest.mark.parametrize("call, error, argument", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_every_public_function_names_the_bad_argument(call, error, argument):
    """Exactly TypeError or ValueError (not a numpy subclass), naming the argument, silently."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(Exception) as caught:
            call()
    assert type(caught.value) is error, f"{type(caught.value).__name__}: {caught.value}"
    assert re.search(rf"(?<!\w){re.escape(argument)}(?!\w)", str(caught.value)), \
        str(caught.value)


def test_every_public_function_of_the_numerical_modules_is_covered():
    """A new public function must get rows above."""
    modules = [activations, losses, gradcheck]
    public = {f"{m.__name__}.{name}" for m in modules for name in dir(m)
              if not name.startswith("_") and callable(getattr(m, name))
              and getattr(getattr(m, name), "__module__", None) == m.__name__
              and not isinstance(getattr(m, name), type)}
    called = set()
    for case_id, *_ in CASES:
        function = case_id.split("(")[0]
        for module in modules:
            if hasattr(module, function):
                called.add(f"{module.__name__}.{function}")
    assert public <= called, public - called
