import numpy as np
import pytest

from nnfs_lib.datasets import logic_gate, xor
from nnfs_lib.gradcheck import gradient_check, numerical_gradients, relative_error
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train


def test_xor_data_has_constant_third_column():
    x, y = xor()
    assert x.shape == (4, 3) and y.shape == (4, 1)
    np.testing.assert_array_equal(x[:, 2], 1.0)
    np.testing.assert_array_equal(y.ravel(), [0, 1, 1, 0])
    # The targets really are XOR of the first two columns.
    np.testing.assert_array_equal(y.ravel(), np.logical_xor(x[:, 0], x[:, 1]))


@pytest.mark.parametrize("name, rule", [("and", np.logical_and), ("or", np.logical_or),
                                        ("nand", lambda a, b: ~np.logical_and(a, b)),
                                        ("xor", np.logical_xor)])
def test_gates_are_truth_tables(name, rule):
    x, y = logic_gate(name)
    assert x.shape == (4, 2)
    np.testing.assert_array_equal(y.ravel(), rule(x[:, 0] > 0, x[:, 1] > 0))
    x3, _ = logic_gate(name, constant_column=True)
    np.testing.assert_array_equal(x3[:, 2], 1.0)


def test_gate_names_are_checked():
    with pytest.raises(ValueError, match="name must be one of"):
        logic_gate("xnor")
    with pytest.raises(TypeError, match="name"):
        logic_gate(3)


def test_history_records_every_iteration_and_snapshots():
    x, y = xor()
    net = NeuralNetwork(x, y, rng=0)
    start = [p.copy() for p in net.parameters()]
    reference = net.copy()
    history = train(net, 10, snapshots=[0, 4, 10])
    assert history.loss.shape == (11,) and history.iterations == 10
    assert sorted(history.snapshots) == [0, 4, 10]
    np.testing.assert_array_equal(history.snapshots[0][0], start[0])
    np.testing.assert_array_equal(history.snapshots[10][1], net.weights2)
    for k in range(5):  # replay by hand
        assert history.loss[k] == pytest.approx(reference.loss(), rel=1e-14)
        reference.backprop()
    np.testing.assert_allclose(history.snapshots[4][0], _after(x, y, start, 4), rtol=1e-14)


def _after(x, y, start, k):
    net = NeuralNetwork(x, y, weights1=start[0], weights2=start[1])
    for _ in range(k):
        net.backprop()
    return net.weights1


def test_zero_iterations():
    x, y = xor()
    net = NeuralNetwork(x, y, rng=0)
    history = train(net, 0)
    assert history.loss.shape == (1,)
    assert history.loss[0] == pytest.approx(net.loss())


def test_numerical_gradient_of_a_known_function():
    # One weight, one sample: L(w) = (y - sigmoid(sigmoid(x w1) w2))^2 checked by hand
    # against an independent central difference on a closed form.
    x, y = np.array([[2.0]]), np.array([[1.0]])
    net = NeuralNetwork(x, y, 1, weights1=[[0.3]], weights2=[[-0.4]])

    def loss(w1, w2):
        return (1 - 1 / (1 + np.exp(-w2 / (1 + np.exp(-2 * w1))))) ** 2

    h = 1e-5
    g1, g2 = numerical_gradients(net)
    assert g1[0, 0] == pytest.approx((loss(0.3 + h, -0.4) - loss(0.3 - h, -0.4)) / (2 * h),
                                     rel=1e-6)
    assert g2[0, 0] == pytest.approx((loss(0.3, -0.4 + h) - loss(0.3, -0.4 - h)) / (2 * h),
                                     rel=1e-6)


def test_gradient_check_catches_a_wrong_sign():
    x, y = xor()
    net = NeuralNetwork(x, y, rng=3)
    good = gradient_check(net)
    assert set(good) == {"weights1", "weights2"} and max(good.values()) < 1e-6
    wrong = tuple(-g for g in net.gradients())  # the article's printed sign
    numeric = numerical_gradients(net)
    # |-g - g| / |g| = 2 for every entry of at least the floor 1e-3
    assert relative_error(wrong[0], numeric[0]) == pytest.approx(2.0, rel=1e-6)
    halved = net.gradients()[1] / 2  # a lost factor 2: |g/2 - g| / |g| = 0.5
    assert relative_error(halved, numeric[1]) == pytest.approx(0.5, rel=1e-6)


def test_gradient_check_leaves_network_alone():
    x, y = xor()
    net = NeuralNetwork(x, y, rng=3)
    w1 = net.weights1.copy()
    gradient_check(net)
    np.testing.assert_array_equal(w1, net.weights1)


def test_relative_error_edge_cases():
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error(0.0, 1e-12) == pytest.approx(1e-9)  # 1e-12 / the floor 1e-3
    assert relative_error([1.0], [-1.0]) == pytest.approx(2.0)


def _weights_after(x, y, start, k):
    """weights1 after ``k`` steps of the article's update, written out by hand."""
    w1, w2 = start[0].copy(), start[1].copy()
    for _ in range(k):
        layer1 = 1 / (1 + np.exp(-(x @ w1)))
        output = 1 / (1 + np.exp(-(layer1 @ w2)))
        delta2 = 2 * (output - y) * output * (1 - output)
        delta1 = (delta2 @ w2.T) * layer1 * (1 - layer1)
        w2 = w2 - layer1.T @ delta2
        w1 = w1 - x.T @ delta1
    return w1


@pytest.mark.parametrize("snapshots", [
    [5, 2], (2, 5), {2, 5}, range(2, 6, 3), (k for k in (5, 2, 5)),
    np.array([2, 5]), np.array([[2], [5]], dtype=np.uint8), [np.int64(2), np.int32(5)],
])
def test_snapshots_accept_any_iterable_of_integers(snapshots):
    x, y = xor()
    net = NeuralNetwork(x, y, rng=1)
    start = [p.copy() for p in net.parameters()]
    history = train(net, 6, snapshots=snapshots)
    assert sorted(history.snapshots) == [2, 5]
    for k in (2, 5):
        np.testing.assert_allclose(history.snapshots[k][0], _weights_after(x, y, start, k),
                                   rtol=1e-13)


@pytest.mark.parametrize("snapshots, error, message", [
    ("all", TypeError, "snapshots must be None or an iterable of integers"),
    (3, TypeError, "snapshots must be None or an iterable of integers"),
    (np.array([1.5]), TypeError, "snapshots must be an integer"),
    ([1.0], TypeError, "snapshots must be an integer"),
    ([True], TypeError, "snapshots must be an integer"),
    ([None], TypeError, "snapshots must be an integer"),
    ([-1], ValueError, "snapshots must be an integer >= 0"),
    ({7}, ValueError, "snapshots must be an integer <= 6"),
])
def test_bad_snapshots(snapshots, error, message):
    x, y = xor()
    net = NeuralNetwork(x, y, rng=1)
    before = net.weights1.copy()
    with pytest.raises(error, match=message):
        train(net, 6, snapshots=snapshots)
    np.testing.assert_array_equal(net.weights1, before)


def test_huge_iterations_fail_before_allocating():
    import tracemalloc

    x, y = xor()
    net = NeuralNetwork(x, y, rng=1)
    tracemalloc.start()
    try:
        with pytest.raises(ValueError, match="iterations must be an integer <= 10,000,000"):
            train(net, 10**12)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10**6  # nothing like the 8 TB a loss history of 10**12 would need
