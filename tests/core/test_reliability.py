"""The core never takes a wrong step silently: fresh steps, checked attributes, clear errors.

Each test here reproduces a finding of the break-it review (reliability issue,
sections 2, 3 and 5) that failed before the fix. References are independent of
the code under test: finite differences, or a network built afresh.
"""

import tracemalloc

import numpy as np
import pytest
from article_reference import train_article
from clear_errors import assert_clear_error

from nnfs_lib.activations import sigmoid_derivative_from_activation
from nnfs_lib.datasets import logic_gate, xor
from nnfs_lib.gradcheck import gradient_check, numerical_gradients
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import TrainingHistory, train

X, Y = xor()


def step_taken(net):
    """What one backprop() subtracts from each parameter."""
    before = [p.copy() for p in net.parameters()]
    net.backprop()
    return [b - p for b, p in zip(before, net.parameters())]


# -- section 2: backprop() steps from the current weights and data -----------------
def test_backprop_after_editing_a_weight_uses_the_edited_weights():
    net = NeuralNetwork(X, Y, rng=0)
    net.feedforward()
    net.weights2[0, 0] = 10.0  # edited in place after the forward pass
    expected = numerical_gradients(net)  # at the edited weights
    for step, gradient in zip(step_taken(net), expected):
        np.testing.assert_allclose(step, gradient, rtol=1e-6, atol=1e-9)
    # The review's numbers: the true gradient of weights2[0, 0] is about 0.00134,
    # where the stale step was 0.285.
    assert abs(expected[1][0, 0]) < 0.01


def test_backprop_of_a_copy_made_after_feedforward_uses_the_copys_weights():
    net = NeuralNetwork(X, Y, rng=3)
    net.feedforward()
    twin = net.copy()
    twin.weights1[:] = 0.0
    expected = numerical_gradients(twin)
    for step, gradient in zip(step_taken(twin), expected):
        np.testing.assert_allclose(step, gradient, rtol=1e-6, atol=1e-9)


def test_gradients_follow_new_input_data():
    net = NeuralNetwork(X, Y, rng=1)
    net.gradients()
    net.input = X * 0.5
    for analytic, numeric in zip(net.gradients(), numerical_gradients(net)):
        np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("seed", range(3))
def test_the_articles_loop_is_bit_for_bit_the_article(seed):
    rng = np.random.default_rng(seed)
    w1, w2 = rng.random((3, 4)), rng.random((4, 1))
    article, _ = train_article(X, Y, w1, w2, 500)
    net = NeuralNetwork(X, Y, weights1=w1, weights2=w2)
    for _ in range(500):
        net.feedforward()
        net.backprop()
    np.testing.assert_array_equal(net.weights1, article.weights1)
    np.testing.assert_array_equal(net.weights2, article.weights2)


def test_train_is_the_articles_loop_bit_for_bit_with_snapshots_and_biases():
    net = NeuralNetwork(X, Y, 5, rng=2, biases=True, learning_rate=0.7)
    looped = net.copy()
    history = train(net, 200, snapshots=[0, 50, 200])
    losses = []
    for step in range(200):
        if step == 50:
            for kept, now in zip(history.snapshots[50], looped.parameters()):
                np.testing.assert_array_equal(kept, now)
        losses.append(looped.loss())
        looped.backprop()
    for mine, theirs in zip(net.parameters(), looped.parameters()):
        np.testing.assert_array_equal(mine, theirs)
    np.testing.assert_allclose(history.loss[:200], losses, rtol=1e-12)
    np.testing.assert_array_equal(net.output, looped.feedforward())


# -- section 3: what a student assigns is checked and copied -----------------------
def test_assigning_a_list_trains_the_network_itself():
    net = NeuralNetwork(X, Y, rng=0)
    reference = NeuralNetwork(X, Y, weights1=net.weights1, weights2=net.weights2)
    net.weights1 = net.weights1.tolist()
    history = train(net, 10)
    train(reference, 10)
    assert isinstance(net.weights1, np.ndarray)
    np.testing.assert_array_equal(net.weights1, reference.weights1)
    assert history.loss[-1] < history.loss[0]


@pytest.mark.parametrize("dtype", [int, np.float32, np.int8])
def test_assigning_other_dtypes_gives_float64_that_trains(dtype):
    net = NeuralNetwork(X, Y, rng=0)
    net.weights1 = np.ones((3, 4), dtype=dtype)
    assert net.weights1.dtype == np.float64
    train(net, 5)
    reference = NeuralNetwork(X, Y, weights1=np.ones((3, 4)), weights2=net.weights2)
    assert net.loss() < reference.loss()


def test_assigned_arrays_are_copies():
    net = NeuralNetwork(X, Y, rng=0)
    mine = np.zeros((4, 1))
    net.weights2 = mine
    mine[0, 0] = 5.0
    assert net.weights2[0, 0] == 0.0


@pytest.mark.parametrize("name, value, error", [
    ("learning_rate", "0.1", TypeError),
    ("learning_rate", -1, ValueError),
    ("learning_rate", 0, ValueError),
    ("learning_rate", 10**400, ValueError),
    ("weights1", np.ones((4, 3)), ValueError),
    ("weights2", [[1.0], [2.0]], ValueError),
    ("weights1", np.full((3, 4), np.nan), ValueError),
    ("weights1", "abc", TypeError),
    ("y", Y * 2, ValueError),
    ("input", X[:2], ValueError),
    ("bias1", np.zeros((1, 4)), ValueError),  # the network has no biases
])
def test_bad_assignments_are_refused_by_name(name, value, error):
    net = NeuralNetwork(X, Y, rng=0)
    assert_clear_error(lambda: setattr(net, name, value), error, name)


def test_a_bias_of_a_biased_network_can_be_assigned():
    net = NeuralNetwork(X, Y, rng=0, biases=True)
    net.bias1 = [[0.1, 0.2, 0.3, 0.4]]
    np.testing.assert_array_equal(net.bias1, [[0.1, 0.2, 0.3, 0.4]])
    assert_clear_error(lambda: setattr(net, "bias2", None), TypeError, "bias2")


# -- section 5: clear errors instead of overflow, warnings or memory errors ---------
@pytest.mark.parametrize("call, argument", [
    (lambda: NeuralNetwork(X, Y, learning_rate=10**400), "learning_rate"),
    (lambda: NeuralNetwork(X, Y, init_scale=10**400), "init_scale"),
    (lambda: NeuralNetwork(X, Y, init_scale=-(10**400)), "init_scale"),
    (lambda: gradient_check(NeuralNetwork(X, Y, rng=0), eps=10**400), "eps"),
    (lambda: numerical_gradients(NeuralNetwork(X, Y, rng=0), eps=1e-320), "eps"),
    (lambda: gradient_check(NeuralNetwork(X, Y, rng=0), eps=1e-320), "eps"),
    (lambda: sigmoid_derivative_from_activation(1e200), "a"),
    (lambda: NeuralNetwork(np.full((4, 3), np.longdouble("1e400")), Y), "x"),
    (lambda: NeuralNetwork(X, Y, weights1=np.full((3, 4), np.longdouble("1e400"))), "weights1"),
    (lambda: NeuralNetwork(X, Y, weights1=[[10**400] * 4] * 3), "weights1"),
    (lambda: logic_gate("xor", constant_column="False"), "constant_column"),
    (lambda: NeuralNetwork(np.zeros((30_000, 3)), np.zeros((30_000, 1)), hidden_units=10_000),
     "hidden_units"),
    (lambda: TrainingHistory(loss="abc"), "loss"),
    (lambda: TrainingHistory(loss=np.zeros(3), snapshots=[1, 2]), "snapshots"),
])
def test_clear_errors_name_the_argument(call, argument):
    error = TypeError if argument in ("constant_column",) else (TypeError, ValueError)
    assert_clear_error(call, error, argument)


def test_the_history_of_a_long_run_does_not_grow_with_the_data():
    """train() keeps one loss per iteration, not the errors of every sample."""
    rng = np.random.default_rng(0)
    x, y = rng.random((2000, 3)), rng.random((2000, 1))
    net = NeuralNetwork(x, y, rng=0, learning_rate=1e-3)
    tracemalloc.start()
    history = train(net, 300)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    one_layer = x.shape[0] * 4 * 8  # bytes of one (n, h) float64 array
    assert peak < 30 * one_layer  # the old history alone took 300 * n * 8 bytes more
    assert history.loss.shape == (301,)
