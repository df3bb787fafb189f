"""nnfs_lib.lab (notebook 09's experiments), its figures and the 09 exercise checks."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from nnfs_lib import exercises, lab
from nnfs_lib import lab_plotting as lp
from nnfs_lib.datasets import logic_gate, xor
from nnfs_lib.many import initial_weights_from_seeds, solved
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train


def single_solves(x, y, iterations, **kwargs):
    """Train one NeuralNetwork (no batch) and say whether it solves y."""
    network = NeuralNetwork(x, y, **kwargs)
    history = train(network, iterations)
    return bool(np.all(np.abs(network.feedforward() - y) < 0.5)), network, history


# -- the vectorised results equal single training ------------------------------------
def test_success_by_scale_matches_single_training():
    x, y = xor()
    seeds = [0, 3, 5, 11, 17]
    scales, checkpoints = [0.5, 4.0, 8.0], [60, 200]
    rates = lab.success_by_scale(scales, checkpoints, seeds=seeds)
    assert rates.shape == (3, 2)
    for i, scale in enumerate(scales):
        for j, count in enumerate(checkpoints):
            alone = [single_solves(x, y, count, rng=s, init_scale=scale)[0] for s in seeds]
            assert rates[i, j] == pytest.approx(np.mean(alone))


def test_learning_rates_and_widths_match_single_training():
    x, y = xor()
    seeds = [1, 2, 9]
    rates = [0.3, 1.0, 30.0]
    success = lab.success_by_learning_rate(rates, seeds=seeds, iterations=300)
    for i, rate in enumerate(rates):
        alone = [single_solves(x, y, 300, rng=s, learning_rate=rate)[0] for s in seeds]
        assert success[i] == pytest.approx(np.mean(alone))
    widths = [1, 2, 8]
    success = lab.success_by_hidden_units(widths, seeds=seeds, iterations=300)
    for i, width in enumerate(widths):
        alone = [single_solves(x, y, 300, hidden_units=width, rng=s)[0] for s in seeds]
        assert success[i] == pytest.approx(np.mean(alone))


def test_biases_match_single_training():
    seeds = [0, 4, 6]
    rates = lab.success_with_biases(seeds=seeds, iterations=400)
    assert list(rates) == [name for name, _, _ in lab.BIAS_SETUPS]
    for name, constant_column, biases in lab.BIAS_SETUPS:
        x, y = logic_gate("xor", constant_column=constant_column)
        alone = [single_solves(x, y, 400, rng=s, biases=biases)[0] for s in seeds]
        assert rates[name] == pytest.approx(np.mean(alone)), name


def test_basin_map_matches_single_training():
    x, y = xor()
    values1, values2 = [-6.0, 0.5, 6.0], [-4.0, 3.0]
    grid, loss = lab.basin_map(values1, values2, seed=2, index1=(1, 2), index2=(3, 0),
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
    curves = lab.learning_rate_curves([0.1, 5.0], seed=3, iterations=100)
    assert curves.shape == (101, 2)
    for i, rate in enumerate([0.1, 5.0]):
        _, _, history = single_solves(x, y, 100, rng=3, learning_rate=rate)
        np.testing.assert_allclose(curves[:, i], history.loss, rtol=1e-9, atol=1e-12)


def test_gradient_norms_match_single_network():
    x, y = xor()
    norms = lab.gradient_norms_by_scale([2.0], seeds=[7], iterations=5)
    network = NeuralNetwork(x, y, rng=7, init_scale=2.0)
    for step in range(5):
        g1, g2 = network.gradients()
        assert norms[step, 0] == pytest.approx(np.sqrt(np.sum(g1**2) + np.sum(g2**2)), rel=1e-9)
        network.backprop()


# -- behaviour ------------------------------------------------------------------------
def test_rates_are_fractions_and_scale_behaves():
    rates = lab.success_by_scale([1.0, 16.0], [100, 300], seeds=40)
    assert np.all((rates >= 0) & (rates <= 1))
    assert np.all(np.diff(rates, axis=1) >= -0.05)  # more iterations rarely hurt
    assert rates[0, 1] > 0.8 and rates[1, 1] == 0.0  # scale 16 saturates


def test_symmetric_start_stays_symmetric():
    history = lab.symmetric_start(value=0.5, noise=1e-3, rng=0, iterations=1500)
    same = lab.columns_identical(history.weights1)
    assert same.tolist() == [True, False]
    assert np.all(history.weights2[0] == history.weights2[0, 0, 0])
    assert history.final_loss[0] > 0.99 and history.final_loss[1] < 0.05
    assert lab.columns_identical(np.ones((3, 4))) is True
    # The perturbation is reproducible from the seed.
    again = lab.symmetric_start(value=0.5, noise=1e-3, rng=0, iterations=10)
    np.testing.assert_array_equal(again.weights1, lab.symmetric_start(0.5, 1e-3, 0, 10).weights1)


def test_gradients_vanish_for_large_scales():
    norms = lab.gradient_norms_by_scale([1.0, 16.0], seeds=20, iterations=50)
    assert norms.shape == (50, 2)
    assert np.all(norms[:, 1] < 1e-9) and norms[0, 0] > 1e-2


def test_single_neurons():
    x, _ = xor()
    targets = np.hstack([logic_gate(g)[1] for g in ("and", "xor")])
    weights, loss = lab.train_single_neurons(x, targets, np.full((2, 3), 0.3), 2000)
    assert weights.shape == (2, 3) and loss.shape == (2001, 2)
    outputs = 1 / (1 + np.exp(-(x @ weights.T)))
    assert np.all(np.abs(outputs[:, 0] - targets[:, 0]) < 0.5)  # AND: learned
    assert loss[-1, 1] == pytest.approx(1.0, abs=1e-3)  # XOR: stuck at 0.5 everywhere
    # One step equals the hand-written gradient.
    w, _ = lab.train_single_neurons(x, targets[:, :1], [[0.1, -0.2, 0.3]], 1, learning_rate=0.5)
    out = 1 / (1 + np.exp(-(x @ [0.1, -0.2, 0.3])))
    grad = x.T @ (2 * (out - targets[:, 0]) * out * (1 - out))
    np.testing.assert_allclose(w[0], np.array([0.1, -0.2, 0.3]) - 0.5 * grad)


def test_gate_models_and_forward_many():
    models = lab.gate_models(["and", "xor"], seed=0, iterations=1500)
    assert models["network_solved"].tolist() == [True, True]
    assert models["neuron_solved"].tolist() == [True, False]
    points = np.array([[0.0, 0.0], [1.0, 1.0], [0.3, 0.7]])
    assert models["network_predict"][1](points).shape == (3, 1)
    x, y = xor()
    network = NeuralNetwork(x, y, rng=1)
    w1, w2 = network.weights1[None], network.weights2[None]
    np.testing.assert_allclose(lab.forward_many(x, w1, w2)[0], network.predict(x), rtol=1e-12)


def test_success_rate_helper():
    x, y = xor()
    outputs = np.stack([y, 1 - y])
    assert lab.success_rate(outputs, y) == 0.5
    np.testing.assert_array_equal(solved(outputs, y), [True, False])


@pytest.mark.parametrize("call, name", [
    (lambda: lab.success_by_scale([], [10]), "init_scales"),
    (lambda: lab.success_by_scale([1, -1], [10]), "init_scales"),
    (lambda: lab.success_by_scale([1], [20, 10]), "checkpoints"),
    (lambda: lab.success_by_scale([1], [10], seeds=[]), "seeds"),
    (lambda: lab.basin_map([1, np.nan], [1]), "values1"),
    (lambda: lab.basin_map([1], [1], index1=(5, 0)), "index1"),
    (lambda: lab.symmetric_start(noise=-1), "noise"),
    (lambda: lab.success_by_learning_rate([0, 1], seeds=2), "learning_rates"),
    (lambda: lab.learning_rate_curves([1], seed=-1), "seed"),
    (lambda: lab.success_by_hidden_units([0, 2], seeds=2), "widths"),
    (lambda: lab.gradient_norms_by_scale([1], seeds=2, iterations=0), "iterations"),
    (lambda: lab.train_single_neurons(np.ones((4, 3)), np.ones((4, 1)), np.ones((2, 2)), 1),
     "weights"),
    (lambda: lab.gate_models("xor"), "gates"),
    (lambda: lab.columns_identical(np.ones(3)), "weights1"),
])
def test_bad_input_raises_value_error_naming_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


# -- figures ------------------------------------------------------------------------------
def test_figures_are_figures():
    figures = [
        lp.success_by_scale_plot([1, 2], [10, 20], np.array([[0.5, 1.0], [0.0, 0.2]])),
        lp.basin_plot([0, 1], [0, 1, 2], np.array([[1, 0], [0, 1], [1, 1]], bool), start=(0, 1)),
        lp.symmetry_plot(lab.symmetric_start(iterations=5)),
        lp.gradient_norms_plot([1, 16], np.array([[1e-2, 0.0], [1e-3, 1e-13]])),
        lp.learning_rate_plot([0.1, 1], np.ones((11, 2)), zoom=5),
        lp.success_rate_plot([0.1, 1], [0.2, 1.0], "learning rate", "t"),
        lp.success_bars(["a", "b"], [0.5, 1.0], "t", highlight=0),
        lp.gates_plot(["and", "xor"], lab.gate_models(["and", "xor"], iterations=20),
                      resolution=11),
    ]
    for fig in figures:
        assert isinstance(fig, Figure)
        fig.canvas.draw()
    with pytest.raises(ValueError, match="rates"):
        lp.success_bars(["a"], [1.5], "t")


# -- exercise checks ------------------------------------------------------------------------
def test_check_09_symmetric_start():
    w1 = np.tile([[1.0], [-2.0], [0.5]], (1, 4))
    assert exercises.check_09_symmetric_start(w1, np.full((4, 1), 0.3))
    assert not exercises.check_09_symmetric_start(np.full((3, 4), 0.5), np.full((4, 1), 0.5))
    assert not exercises.check_09_symmetric_start(np.arange(12.0).reshape(3, 4), np.ones((4, 1)))
    assert not exercises.check_09_symmetric_start(w1, np.arange(4.0).reshape(4, 1))
    for bad in (None, "w", [[1, 2]], np.ones((4, 3))):
        result = exercises.check_09_symmetric_start(bad, np.ones((4, 1)))
        assert not result and "Hint" in repr(result)


def test_check_09_single_neuron_gates():
    assert exercises.check_09_single_neuron_gates(["NOR", "implies"])
    assert exercises.check_09_single_neuron_gates((" nor", "Implies "))
    for bad in (["nor"], ["nor", "implies", "xnor"], ["and", "or", "nand"], None, "nor",
                [1, 2], 3):
        result = exercises.check_09_single_neuron_gates(bad)
        assert not result and "Hint" in repr(result)
        assert "implies" not in repr(result).lower()


def test_check_09_two_unit_xor():
    or_nand = np.array([[20.0, -20.0], [20.0, -20.0]]), [-10.0, 30.0]
    assert exercises.check_09_two_unit_xor(*or_nand, [[20.0], [20.0]], -30.0)
    assert exercises.check_09_two_unit_xor(*or_nand, np.array([[20.0], [20.0]]), np.array([-30.0]))
    # the same hidden layer with an OR at the output is not XOR
    wrong = exercises.check_09_two_unit_xor(*or_nand, [[20.0], [20.0]], -10.0)
    assert not wrong and "outputs 1.000, 1.000, 1.000, 1.000" in repr(wrong)
    ones, zeros, out = np.ones((2, 2)), [0, 0], [[1], [1]]
    bads = [(None, zeros, out, 0), (np.ones((3, 2)), zeros, out, 0), (ones, [0, 0, 0], out, 0),
            (ones, zeros, [1, 1, 1], 0), (ones, zeros, out, [0, 0]), (ones, zeros, out, "b"),
            (np.full((2, 2), np.nan), zeros, out, 0), (np.zeros((2, 2)), zeros, [[0], [0]], 0)]
    for bad in bads:
        result = exercises.check_09_two_unit_xor(*bad)
        assert not result and "Hint" in repr(result)
        assert "-30" not in repr(result) and "20, -20" not in repr(result)
