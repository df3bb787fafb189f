"""NeuralNetwork.iteration_values: every value of one iteration's chain rule (notebooks
06-07, the stepper), against the article's algorithm (tests/article_reference.py) and
central finite differences written here, for several seeds, all rows and one row."""

import numpy as np
import pytest
from article_reference import article_iteration

from nnfs_lib.datasets import xor
from nnfs_lib.network import NeuralNetwork

SEEDS = (0, 1, 7, 42)
SAMPLES = (None, 0, 1, 2, 3)


def _loss(x, y, w1, w2, b1=0.0, b2=0.0):
    """The sum-of-squares loss written out here: sigmoid by hand, no library."""
    a1 = 1 / (1 + np.exp(-(x @ w1 + b1)))
    y_hat = 1 / (1 + np.exp(-(a1 @ w2 + b2)))
    return float(np.sum((y_hat - y) ** 2))


def _central_differences(x, y, params, eps=1e-6):
    """dL/dp for every entry of every array of ``params`` (w1, w2[, b1, b2])."""
    grads = []
    for k, p in enumerate(params):
        grad = np.zeros_like(p)
        for index in np.ndindex(p.shape):
            up = [q.copy() for q in params]
            down = [q.copy() for q in params]
            up[k][index] += eps
            down[k][index] -= eps
            grad[index] = (_loss(x, y, *up) - _loss(x, y, *down)) / (2 * eps)
        grads.append(grad)
    return grads


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("sample", SAMPLES)
def test_against_the_article_and_finite_differences(seed, sample):
    x, y = xor()
    net = NeuralNetwork(x, y, rng=seed)
    values = net.iteration_values(sample)
    rows = slice(None) if sample is None else [sample]
    article = article_iteration(x[rows], y[rows], net.weights1, net.weights2)
    np.testing.assert_allclose(values["layer1"], article["layer1"], rtol=1e-12)
    np.testing.assert_allclose(values["output"], article["output"], rtol=1e-12)
    np.testing.assert_allclose(values["delta2"], -article["minus_delta2"], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(values["delta1"], -article["minus_delta1"], rtol=1e-12, atol=1e-15)
    grad1, grad2 = values["gradients"]
    np.testing.assert_allclose(grad1, -article["d_weights1"], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(grad2, -article["d_weights2"], rtol=1e-12, atol=1e-15)
    numeric = _central_differences(x[rows], y[rows], [net.weights1, net.weights2])
    np.testing.assert_allclose(grad1, numeric[0], rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(grad2, numeric[1], rtol=1e-6, atol=1e-9)
    # the other values, by hand
    z1 = x[rows] @ net.weights1
    np.testing.assert_allclose(values["z1"], z1, rtol=1e-12)
    np.testing.assert_allclose(values["z2"], values["layer1"] @ net.weights2, rtol=1e-12)
    np.testing.assert_allclose(values["d_output"], 2 * (values["output"] - y[rows]), rtol=1e-12)
    assert values["loss"] == pytest.approx(_loss(x[rows], y[rows], net.weights1, net.weights2),
                                           rel=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_shares_of_the_rows_add_up_to_the_batch(seed):
    x, y = xor()
    net = NeuralNetwork(x, y, rng=seed, biases=True,
                        bias1=np.random.default_rng(seed).normal(size=(1, 4)), bias2=[[0.3]])
    batch = net.iteration_values()
    shares = [net.iteration_values(i) for i in range(4)]
    assert len(batch["gradients"]) == 4  # dW1, dW2, db1, db2
    for k, total in enumerate(batch["gradients"]):
        np.testing.assert_allclose(sum(s["gradients"][k] for s in shares), total, rtol=1e-12,
                                   atol=1e-15)
    for i, share in enumerate(shares):
        for key in ("z1", "layer1", "z2", "output", "d_output", "delta2", "delta1"):
            np.testing.assert_allclose(share[key], batch[key][[i]], rtol=1e-13, atol=1e-15)
    assert sum(s["loss"] for s in shares) == pytest.approx(batch["loss"], rel=1e-13)
    numeric = _central_differences(x, y, list(net.parameters()))
    for analytic, fd in zip(batch["gradients"], numeric, strict=True):
        np.testing.assert_allclose(analytic, fd, rtol=1e-6, atol=1e-9)


def test_nothing_changes():
    x, y = xor()
    net = NeuralNetwork(x, y, rng=3)
    before = [p.copy() for p in net.parameters()]
    net.iteration_values()
    net.iteration_values(2)
    assert all(np.array_equal(a, b) for a, b in zip(before, net.parameters(), strict=True))
    assert net.layer1 is None


@pytest.mark.parametrize("bad, error", [(True, TypeError), (-1, ValueError), (4, ValueError),
                                        (1.5, TypeError), ("0", TypeError)])
def test_a_bad_sample_is_refused_by_name(bad, error):
    x, y = xor()
    with pytest.raises(error, match="sample"):
        NeuralNetwork(x, y, rng=0).iteration_values(bad)


@pytest.mark.parametrize("rate", [1.0, 0.5, 3.0])
@pytest.mark.parametrize("biases", [False, True])
def test_backprop_steps_exactly_by_the_gradients(rate, biases):
    x, y = xor()
    net = NeuralNetwork(x, y, rng=5, learning_rate=rate, biases=biases)
    before = [p.copy() for p in net.parameters()]
    gradients = net.iteration_values()["gradients"]
    net.backprop()
    for old, new, gradient in zip(before, net.parameters(), gradients, strict=True):
        assert np.array_equal(new, old - (gradient if rate == 1.0 else gradient * rate))
