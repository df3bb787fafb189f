"""nnfs_lib.lab.many: a batch of networks equals the same networks trained one by one."""

import warnings

import numpy as np
import pytest

from nnfs_lib.datasets import logic_gate, xor
from nnfs_lib.lab.many import (
    ManyHistory,
    initial_weights,
    initial_weights_from_seeds,
    solved,
    train_many,
)
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train

TOLERANCE = dict(rtol=1e-9, atol=1e-9)


def train_alone(x, y, history_start, b, iterations, learning_rate):
    """Network b of a batch, trained by itself with NeuralNetwork + train."""
    weights1, weights2, bias1, bias2 = history_start
    kwargs = {}
    if bias1 is not None:
        kwargs = dict(biases=True, bias1=bias1[b], bias2=bias2[b])
    rate = float(np.broadcast_to(learning_rate, (len(weights1),))[b])
    network = NeuralNetwork(x, y, weights1.shape[2], weights1=weights1[b],
                            weights2=weights2[b], learning_rate=rate, **kwargs)
    return network, train(network, iterations)


def assert_matches_single(x, y, weights1, weights2, iterations, learning_rate=1.0,
                          bias1=None, bias2=None):
    history = train_many(x, y, weights1, weights2, iterations, learning_rate,
                         bias1=bias1, bias2=bias2)
    assert isinstance(history, ManyHistory)
    n_networks = len(weights1)
    assert history.loss.shape == (iterations + 1, n_networks)
    assert history.outputs.shape == (n_networks,) + y.shape
    for b in range(n_networks):
        network, single = train_alone(x, y, (weights1, weights2, bias1, bias2), b,
                                      iterations, learning_rate)
        np.testing.assert_allclose(history.loss[:, b], single.loss, **TOLERANCE)
        for mine, theirs in zip(history.parameters(b), network.parameters(), strict=True):
            np.testing.assert_allclose(mine, theirs, **TOLERANCE)
        np.testing.assert_allclose(history.outputs[b], network.feedforward(), **TOLERANCE)
        np.testing.assert_allclose(history.final_loss[b], single.loss[-1], **TOLERANCE)
    return history


@pytest.mark.parametrize("gate, hidden", [("xor", 4), ("and", 2), ("or", 7), ("nand", 1)])
def test_each_network_equals_single_training(gate, hidden):
    x, y = logic_gate(gate, constant_column=True)
    weights1, weights2 = initial_weights(5, x.shape[1], hidden, rng=1, init_scale=2.0)
    assert_matches_single(x, y, weights1, weights2, iterations=300)


def test_per_network_learning_rates_and_biases():
    x, y = logic_gate("xor")  # no constant column: the biases do that job
    weights1, weights2 = initial_weights(4, 2, 3, rng=2)
    rng = np.random.default_rng(3)
    bias1, bias2 = rng.normal(size=(4, 1, 3)), rng.normal(size=(4, 1, 1))
    rates = np.array([0.1, 0.5, 1.0, 3.0])
    assert_matches_single(x, y, weights1, weights2, 400, rates, bias1, bias2)
    # Zero biases are NeuralNetwork(..., biases=True)'s default start.
    assert_matches_single(x, y, weights1, weights2, 50, 0.7,
                          np.zeros((4, 1, 3)), np.zeros((4, 1, 1)))


def test_several_outputs():
    x, _ = xor()
    y = np.hstack([logic_gate("xor")[1], logic_gate("and")[1]])  # (4, 2)
    weights1, weights2 = initial_weights(3, 3, 5, n_outputs=2, rng=4)
    assert_matches_single(x, y, weights1, weights2, 200, np.array([0.5, 1.0, 2.0]))


def test_inputs_untouched_and_zero_iterations():
    x, y = xor()
    weights1, weights2 = initial_weights(3, 3, rng=5)
    before = weights1.copy(), weights2.copy()
    history = assert_matches_single(x, y, weights1, weights2, iterations=0)
    np.testing.assert_array_equal(weights1, before[0])
    np.testing.assert_array_equal(weights2, before[1])
    np.testing.assert_array_equal(history.weights1, weights1)
    assert history.loss.shape == (1, 3)


def test_seeds_match_neural_network_draw():
    x, y = xor()
    seeds = [0, 1, 7, 123456]
    weights1, weights2 = initial_weights_from_seeds(seeds, 3, 4, init_scale=0.5)
    assert weights1.shape == (4, 3, 4) and weights2.shape == (4, 4, 1)
    for b, seed in enumerate(seeds):
        network = NeuralNetwork(x, y, 4, rng=seed, init_scale=0.5)
        np.testing.assert_array_equal(weights1[b], network.weights1)
        np.testing.assert_array_equal(weights2[b], network.weights2)


def test_fraction_solved_matches_single_networks():
    x, y = xor()
    seeds = range(12)
    weights1, weights2 = initial_weights_from_seeds(seeds, 3)
    history = train_many(x, y, weights1, weights2, 1500, record_loss=False)
    assert history.loss is None
    alone = []
    for seed in seeds:
        network = NeuralNetwork(x, y, rng=seed)
        train(network, 1500)
        alone.append(bool(np.all(np.abs(network.feedforward() - y) < 0.5)))
    np.testing.assert_array_equal(solved(history.outputs, y), alone)


def test_solved_criterion():
    y = np.array([[0.0], [1.0]])
    outputs = np.array([[[0.4], [0.6]], [[0.4], [0.5]], [[0.05], [0.95]]])
    np.testing.assert_array_equal(solved(outputs, y), [True, False, True])
    np.testing.assert_array_equal(solved(outputs, y, tolerance=0.1), [False, False, True])
    np.testing.assert_array_equal(solved(outputs[0], y), [True])


def test_gradient_norms():
    x, y = xor()
    weights1, weights2 = initial_weights(2, 3, rng=6)
    bias1, bias2 = np.zeros((2, 1, 4)), np.zeros((2, 1, 1))
    history = train_many(x, y, weights1, weights2, 3, bias1=bias1, bias2=bias2,
                         record_gradient_norms=True)
    assert set(history.gradient_norms) == {"weights1", "weights2", "bias1", "bias2"}
    network = NeuralNetwork(x, y, weights1=weights1[1], weights2=weights2[1], biases=True)
    for step in range(3):
        for name, gradient in zip(history.gradient_norms, network.gradients(), strict=True):
            assert history.gradient_norms[name].shape == (3, 2)
            np.testing.assert_allclose(history.gradient_norms[name][step, 1],
                                       np.linalg.norm(gradient), **TOLERANCE)
        network.backprop()
    assert train_many(x, y, weights1, weights2, 3).gradient_norms == {}


@pytest.mark.parametrize("weights", ["big", "negative", "zero", "equal"])
def test_extreme_weights_no_warnings(weights):
    x, y = xor()
    fill = {"big": 1e3, "negative": -1e3, "zero": 0.0, "equal": 0.3}[weights]
    weights1, weights2 = np.full((3, 3, 4), fill), np.full((3, 4, 1), fill)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = train_many(x, y, weights1, weights2, 50, learning_rate=[0.5, 1.0, 10.0],
                             bias1=np.full((3, 1, 4), fill), bias2=np.full((3, 1, 1), fill),
                             record_gradient_norms=True)
    for array in (history.weights1, history.weights2, history.bias1, history.bias2,
                  history.loss, history.outputs, *history.gradient_norms.values()):
        assert np.all(np.isfinite(array))
    assert np.all((history.outputs >= 0) & (history.outputs <= 1))


def test_extreme_weights_match_single():
    x, y = xor()
    weights1 = np.array([np.full((3, 4), 1e3), np.full((3, 4), -1e3), np.zeros((3, 4))])
    weights2 = np.array([np.full((4, 1), -1e3), np.full((4, 1), 1e3), np.zeros((4, 1))])
    assert_matches_single(x, y, weights1, weights2, 20)


X, Y = xor()
W1, W2 = initial_weights(2, 3, rng=0)


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(x="abc"), TypeError, "x"),
    (dict(x=X[:3]), ValueError, "same number of rows"),
    (dict(y=Y * 2), ValueError, "y must hold targets"),
    (dict(x=np.where(X == 1, np.nan, X)), ValueError, "x must contain only finite"),
    (dict(weights1=W1[0]), ValueError, "weights1 must be a 3-D"),
    (dict(weights1=np.ones((2, 2, 4))), ValueError, "weights1 must have shape"),
    (dict(weights1=np.full((2, 3, 4), np.inf)), ValueError, "weights1 must contain only finite"),
    (dict(weights1=np.full((2, 3, 4), "a")), TypeError, "weights1 must hold real numbers"),
    (dict(weights2=np.ones((3, 4, 1))), ValueError, "weights2 must have shape"),
    (dict(weights2=np.ones((2, 5, 1))), ValueError, "weights2 must have shape"),
    (dict(iterations=1.5), TypeError, "iterations"),
    (dict(iterations=-1), ValueError, "iterations"),
    (dict(learning_rate=0), ValueError, "learning_rate"),
    (dict(learning_rate=True), TypeError, "learning_rate"),
    (dict(learning_rate=np.inf), ValueError, "learning_rate"),
    (dict(learning_rate=[1.0, 2.0, 3.0]), ValueError, "learning_rate"),
    (dict(learning_rate=[1.0, -2.0]), ValueError, "learning_rate"),
    (dict(learning_rate="fast"), TypeError, "learning_rate"),
    (dict(bias1=np.zeros((2, 1, 4))), ValueError, "bias1 and bias2"),
    (dict(bias1=np.zeros((2, 4)), bias2=np.zeros((2, 1, 1))), ValueError, "bias1 must have"),
    (dict(bias1=np.zeros((2, 1, 4)), bias2=np.full((2, 1, 1), np.nan)), ValueError, "bias2"),
    (dict(record_loss="yes"), TypeError, "record_loss"),
    (dict(record_gradient_norms=1), TypeError, "record_gradient_norms"),
])
def test_bad_input_names_the_argument(kwargs, error, match):
    arguments = dict(x=X, y=Y, weights1=W1, weights2=W2, iterations=3)
    arguments.update(kwargs)
    with pytest.raises(error, match=match):
        train_many(**arguments)


@pytest.mark.parametrize("call, error, match", [
    (lambda: initial_weights(0, 3), ValueError, "n_networks"),
    (lambda: initial_weights(2, 3, init_scale=-1), ValueError, "init_scale"),
    (lambda: initial_weights(2, 3, rng="seed"), TypeError, "rng"),
    (lambda: initial_weights_from_seeds([], 3), ValueError, "seeds"),
    (lambda: initial_weights_from_seeds([1, -2], 3), ValueError, "seeds"),
    (lambda: initial_weights_from_seeds([1.5], 3), TypeError, "seeds"),
    (lambda: initial_weights_from_seeds(3, 3), TypeError, "seeds"),
    (lambda: initial_weights_from_seeds([1], 3, hidden_units=0), ValueError, "hidden_units"),
    (lambda: initial_weights_from_seeds([[1], [1, 2]], 3), TypeError,
     "seeds entry 0 must be an integer"),
    (lambda: initial_weights_from_seeds([[1], [2]], 3), TypeError,
     "seeds entry 0 must be an integer"),
    (lambda: initial_weights_from_seeds(None, 3), TypeError, "seeds must be a non-empty 1-D"),
    (lambda: initial_weights_from_seeds([1], 3, hidden_units=10**12), ValueError,
     "hidden_units must be an integer <= 10,000"),
    (lambda: initial_weights(10**7, 3, hidden_units=100), ValueError, "too large"),
    (lambda: solved(np.zeros((0, 4, 1)), Y), ValueError, "outputs must not be empty"),
    (lambda: solved(np.zeros((0, 1)), Y), ValueError, "outputs must not be empty"),
    (lambda: solved(None, Y), TypeError, "outputs must be"),
    (lambda: solved([[[0.0]], [[0.0, 1.0]]], Y), ValueError, "outputs must be a rectangular"),
    (lambda: train_many(X, Y, W1, W2, 10**12), ValueError,
     "iterations must be an integer <= 10,000,000"),
    (lambda: train_many(X, Y, *initial_weights(100, 3, rng=0), 10**6), ValueError,
     "iterations and the number of networks are too large"),
    (lambda: solved(np.ones((2, 3, 1)), Y), ValueError, "outputs must have shape"),
    (lambda: solved(np.ones((2, 4, 1)), Y, tolerance=0), ValueError, "tolerance"),
    (lambda: solved(np.ones((2, 4, 1)), Y, tolerance=2), ValueError, "tolerance"),
])
def test_bad_input_helpers(call, error, match):
    with pytest.raises(error, match=match):
        call()
