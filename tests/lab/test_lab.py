"""nnfs_lib.lab.starts and .architecture (notebook 09's experiments) equal single training."""

import warnings

import numpy as np
import pytest
from article_reference import article_sigmoid, train_article

from nnfs_lib.datasets import logic_gate, xor
from nnfs_lib.lab import architecture, starts
from nnfs_lib.lab.many import initial_weights_from_seeds, solved
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train


def single_solves(x, y, iterations, **kwargs):
    """Train one NeuralNetwork (no batch) and say whether it solves y."""
    network = NeuralNetwork(x, y, **kwargs)
    history = train(network, iterations)
    return bool(np.all(np.abs(network.feedforward() - y) < 0.5)), network, history


def single_rate(x, y, iterations, seeds, **kwargs):
    """The fraction of ``seeds`` whose NeuralNetwork, trained alone, solves y."""
    return np.mean([single_solves(x, y, iterations, rng=s, **kwargs)[0] for s in seeds])


# -- the vectorised results equal single training ------------------------------------
def test_success_by_scale_matches_single_training():
    x, y = xor()
    seeds = [0, 3, 5, 11, 17]
    scales, checkpoints = [0.5, 4.0, 8.0], [60, 200]
    rates = starts.success_by_scale(scales, checkpoints, seeds=seeds)
    assert rates.shape == (3, 2)
    for i, scale in enumerate(scales):
        for j, count in enumerate(checkpoints):
            assert rates[i, j] == pytest.approx(single_rate(x, y, count, seeds,
                                                            init_scale=scale))


def test_learning_rates_and_widths_match_single_training():
    x, y = xor()
    seeds = [1, 2, 9]
    rates = [0.3, 1.0, 30.0]
    success = architecture.success_by_learning_rate(rates, seeds=seeds, iterations=300)
    for i, rate in enumerate(rates):
        assert success[i] == pytest.approx(single_rate(x, y, 300, seeds, learning_rate=rate))
    widths = [1, 2, 8]
    success = architecture.success_by_hidden_units(widths, seeds=seeds, iterations=300)
    for i, width in enumerate(widths):
        assert success[i] == pytest.approx(single_rate(x, y, 300, seeds, hidden_units=width))


def test_biases_match_single_training():
    seeds = [0, 4, 6]
    rates = architecture.success_with_biases(seeds=seeds, iterations=400)
    assert list(rates) == [name for name, _, _ in architecture.BIAS_SETUPS]
    for name, constant_column, biases in architecture.BIAS_SETUPS:
        x, y = logic_gate("xor", constant_column=constant_column)
        assert rates[name] == pytest.approx(single_rate(x, y, 400, seeds, biases=biases)), name


def test_basin_map_matches_single_training():
    x, y = xor()
    values1, values2 = [-6.0, 0.5, 6.0], [-4.0, 3.0]
    grid, loss = starts.basin_map(values1, values2, seed=2, index1=(1, 2), index2=(3, 0),
                               iterations=200, init_scale=4)
    assert grid.shape == loss.shape == (2, 3)
    w1, w2 = initial_weights_from_seeds([2], 3, init_scale=4)
    for r, v2 in enumerate(values2):
        for c, v1 in enumerate(values1):
            start1, start2 = w1[0].copy(), w2[0].copy()
            start1[1, 2], start2[3, 0] = v1, v2
            ok, _, history = single_solves(x, y, 200, weights1=start1, weights2=start2)
            assert grid[r, c] == ok
            assert loss[r, c] == pytest.approx(history.loss[-1], rel=1e-9)


def test_learning_rate_curves_match_single_training():
    x, y = xor()
    curves = architecture.learning_rate_curves([0.1, 5.0], seed=3, iterations=100)
    assert curves.shape == (101, 2)
    for i, rate in enumerate([0.1, 5.0]):
        _, _, history = single_solves(x, y, 100, rng=3, learning_rate=rate)
        np.testing.assert_allclose(curves[:, i], history.loss, rtol=1e-9, atol=1e-12)


def test_gradient_norms_match_single_network():
    x, y = xor()
    norms = starts.gradient_norms_by_scale([2.0], seeds=[7], iterations=5)
    network = NeuralNetwork(x, y, rng=7, init_scale=2.0)
    for step in range(5):
        g1, g2 = network.gradients()
        assert norms[step, 0] == pytest.approx(np.sqrt(np.sum(g1**2) + np.sum(g2**2)), rel=1e-9)
        network.backprop()


# -- behaviour ------------------------------------------------------------------------
def test_rates_are_fractions_and_scale_behaves():
    rates = starts.success_by_scale([1.0, 16.0], [100, 300], seeds=40)
    assert np.all((rates >= 0) & (rates <= 1))
    assert np.all(np.diff(rates, axis=1) >= -0.05)  # more iterations rarely hurt
    assert rates[0, 1] > 0.8 and rates[1, 1] == 0.0  # scale 16 saturates


def test_symmetric_start_stays_symmetric():
    history = starts.symmetric_start(value=0.5, noise=1e-3, rng=0, iterations=1500)
    same = starts.columns_identical(history.weights1)
    assert same.tolist() == [True, False]
    assert np.all(history.weights2[0] == history.weights2[0, 0, 0])
    assert history.final_loss[0] > 0.99 and history.final_loss[1] < 0.05
    assert starts.columns_identical(np.ones((3, 4))) is True
    # The perturbation is reproducible from the seed.
    again = starts.symmetric_start(value=0.5, noise=1e-3, rng=0, iterations=10)
    np.testing.assert_array_equal(again.weights1, starts.symmetric_start(0.5, 1e-3, 0, 10).weights1)


def test_gradients_vanish_for_large_scales():
    norms = starts.gradient_norms_by_scale([1.0, 16.0], seeds=20, iterations=50)
    assert norms.shape == (50, 2)
    assert np.all(norms[:, 1] < 1e-9) and norms[0, 0] > 1e-2


def test_single_neurons():
    x, _ = xor()
    targets = np.hstack([logic_gate(g)[1] for g in ("and", "xor")])
    weights, loss = architecture.train_single_neurons(x, targets, np.full((2, 3), 0.3), 2000)
    assert weights.shape == (2, 3) and loss.shape == (2001, 2)
    outputs = 1 / (1 + np.exp(-(x @ weights.T)))
    assert np.all(np.abs(outputs[:, 0] - targets[:, 0]) < 0.5)  # AND: learned
    assert loss[-1, 1] == pytest.approx(1.0, abs=1e-3)  # XOR: stuck at 0.5 everywhere
    # One step equals the hand-written gradient.
    w, _ = architecture.train_single_neurons(x, targets[:, :1], [[0.1, -0.2, 0.3]], 1,
                                             learning_rate=0.5)
    out = 1 / (1 + np.exp(-(x @ [0.1, -0.2, 0.3])))
    grad = x.T @ (2 * (out - targets[:, 0]) * out * (1 - out))
    np.testing.assert_allclose(w[0], np.array([0.1, -0.2, 0.3]) - 0.5 * grad)


def test_gate_models_match_the_article_network():
    models = architecture.gate_models(["and", "xor"], seed=0, iterations=1500)
    assert models["network_solved"].tolist() == [True, True]
    assert models["neuron_solved"].tolist() == [True, False]
    points = np.array([[0.0, 0.0], [1.0, 1.0], [0.3, 0.7]])
    # Independent reference: the article's own loop from seed 0's weights.
    generator = np.random.default_rng(0)
    start1, start2 = generator.random((3, 4)), generator.random((4, 1))
    inputs = np.column_stack([points, np.ones(3)])
    for g, gate in enumerate(["and", "xor"]):
        x, y = logic_gate(gate, constant_column=True)
        net, _ = train_article(x, y, start1, start2, iterations=1500)
        expected = article_sigmoid(article_sigmoid(inputs @ net.weights1) @ net.weights2)
        np.testing.assert_allclose(models["network_predict"][g](points), expected, rtol=1e-9)
    # The single neuron: sigmoid(x1 w1 + x2 w2 + w3) with its reported weights.
    w = models["neuron_weights"][0]
    np.testing.assert_allclose(models["neuron_predict"][0](points)[:, 0],
                               1 / (1 + np.exp(-(points @ w[:2] + w[2]))), rtol=1e-12)
    with pytest.raises(ValueError, match="points"):
        models["network_predict"][0](np.ones((2, 3)))


def test_success_rate_helper():
    x, y = xor()
    outputs = np.stack([y, 1 - y])
    assert starts.success_rate(outputs, y) == 0.5
    np.testing.assert_array_equal(solved(outputs, y), [True, False])


neurons = architecture.train_single_neurons


@pytest.mark.parametrize("call, name", [
    (lambda: starts.success_by_scale([], [10]), "init_scales"),
    (lambda: starts.success_by_scale([1, -1], [10]), "init_scales"),
    (lambda: starts.success_by_scale([1e7], [10]), "init_scales"),
    (lambda: starts.success_by_scale([1], [20, 10]), "checkpoints"),
    (lambda: starts.success_by_scale([1], [10], seeds=[]), "seeds"),
    (lambda: starts.success_by_scale([1], [10], seeds=[-1]), "seeds"),
    (lambda: starts.success_by_scale([1], [10], hidden_units=0), "hidden_units"),
    (lambda: starts.success_by_scale([1], [10], learning_rate=0), "learning_rate"),
    (lambda: starts.basin_map([1, np.nan], [1]), "values1"),
    (lambda: starts.basin_map([1e7], [1]), "values1"),
    (lambda: starts.basin_map([1], [[1, 2]]), "values2"),
    (lambda: starts.basin_map([1], [1], index1=(5, 0)), "index1"),
    (lambda: starts.basin_map([1], [1], index2=(4, 0)), "index2"),
    (lambda: starts.basin_map([1], [1], index2=(5, 0), hidden_units=5), "index2"),
    (lambda: starts.symmetric_start(noise=-1), "noise"),
    (lambda: starts.symmetric_start(noise=1e300), "noise"),
    (lambda: starts.symmetric_start(noise=1e6), "noise"),
    (lambda: starts.symmetric_start(value=1e7), "value"),
    (lambda: starts.symmetric_start(value=float("inf")), "value"),
    (lambda: starts.symmetric_start(value=10**400), "value"),
    (lambda: architecture.success_by_learning_rate([0, 1], seeds=2), "learning_rates"),
    (lambda: architecture.learning_rate_curves([1], seed=-1), "seed"),
    (lambda: architecture.success_by_hidden_units([0, 2], seeds=2), "widths"),
    (lambda: starts.gradient_norms_by_scale([1], seeds=2, iterations=0), "iterations"),
    (lambda: starts.gradient_norms_by_scale([1e7], seeds=2), "init_scales"),
    (lambda: neurons(np.ones((4, 3)), np.ones((4, 1)), np.ones((2, 2)), 1),
     "weights"),
    (lambda: neurons(np.ones((4, 3)), np.ones((4, 1)), [[1e7, 0, 0]], 1),
     "weights"),
    (lambda: neurons(np.ones((4, 3)), 5 * np.ones((4, 1)), np.ones((1, 3)), 1),
     "y"),
    (lambda: neurons(np.ones((4, 3)), np.ones((3, 1)), np.ones((1, 3)), 1),
     "x and y"),
    (lambda: neurons(np.ones((4, 3)), np.ones((4, 2)), np.ones((3, 3)), 1),
     "y"),
    (lambda: architecture.gate_models("xor"), "gates"),
    (lambda: architecture.gate_models(["xor", "maybe"]), "gates"),
    (lambda: architecture.success_with_biases(seeds=2, gate="maybe"), "gate"),
    (lambda: starts.columns_identical(np.ones(3)), "weights1"),
])
def test_bad_input_raises_value_error_naming_argument(call, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        call()


@pytest.mark.parametrize("call, name", [
    (lambda: starts.symmetric_start(noise="a"), "noise"),
    (lambda: starts.symmetric_start(value="a"), "value"),
    (lambda: starts.symmetric_start(value=None), "value"),
    (lambda: starts.success_by_scale(["a"], [10]), "init_scales"),
    (lambda: starts.success_by_scale([1], [10], seeds=[1.5]), "seeds"),
    (lambda: starts.success_by_scale([1], [10], seeds="abc"), "seeds"),
    (lambda: starts.success_by_scale([1], [10], seeds=[[1], [1, 2]]), "seeds"),
    (lambda: starts.basin_map("ab", [1]), "values1"),
    (lambda: neurons(np.ones((4, 3)), np.ones((4, 1)), [["a", 1, 2]], 1),
     "weights"),
    (lambda: neurons(np.ones((4, 3)), np.ones((4, 1)), None, 1), "weights"),
    (lambda: architecture.gate_models([1]), "gates"),
])
def test_bad_types_raise_type_error_naming_argument(call, name):
    with pytest.raises(TypeError, match=rf"^{name} "):
        call()


def test_normal_use_warns_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        starts.symmetric_start(value=1e6, noise=0.0, iterations=3)
        architecture.train_single_neurons(np.ones((4, 3)), np.ones((4, 1)), [[1e6, -1e6, 1e6]], 3)
        starts.basin_map([-1e6, 1e6], [1e6], iterations=2)
