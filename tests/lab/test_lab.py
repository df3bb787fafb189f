"""nnfs_lib.lab (notebook 09's experiments), its figures and the 09 exercise checks."""

import warnings

import numpy as np
import pytest
from article_reference import article_sigmoid, train_article
from matplotlib import colors as mcolors
from matplotlib.figure import Figure
from nnfs_lib.many import initial_weights_from_seeds, solved

from nnfs_lib import exercises, lab, plotting
from nnfs_lib import lab_plotting as lp
from nnfs_lib.datasets import logic_gate, xor
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


def test_gate_models_match_the_article_network():
    models = lab.gate_models(["and", "xor"], seed=0, iterations=1500)
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
    assert lab.success_rate(outputs, y) == 0.5
    np.testing.assert_array_equal(solved(outputs, y), [True, False])


@pytest.mark.parametrize("call, name", [
    (lambda: lab.success_by_scale([], [10]), "init_scales"),
    (lambda: lab.success_by_scale([1, -1], [10]), "init_scales"),
    (lambda: lab.success_by_scale([1e7], [10]), "init_scales"),
    (lambda: lab.success_by_scale([1], [20, 10]), "checkpoints"),
    (lambda: lab.success_by_scale([1], [10], seeds=[]), "seeds"),
    (lambda: lab.success_by_scale([1], [10], seeds=[-1]), "seeds"),
    (lambda: lab.success_by_scale([1], [10], hidden_units=0), "hidden_units"),
    (lambda: lab.success_by_scale([1], [10], learning_rate=0), "learning_rate"),
    (lambda: lab.basin_map([1, np.nan], [1]), "values1"),
    (lambda: lab.basin_map([1e7], [1]), "values1"),
    (lambda: lab.basin_map([1], [[1, 2]]), "values2"),
    (lambda: lab.basin_map([1], [1], index1=(5, 0)), "index1"),
    (lambda: lab.basin_map([1], [1], index2=(4, 0)), "index2"),
    (lambda: lab.basin_map([1], [1], index2=(5, 0), hidden_units=5), "index2"),
    (lambda: lab.symmetric_start(noise=-1), "noise"),
    (lambda: lab.symmetric_start(noise=1e300), "noise"),
    (lambda: lab.symmetric_start(noise=1e6), "noise"),
    (lambda: lab.symmetric_start(value=1e7), "value"),
    (lambda: lab.symmetric_start(value=float("inf")), "value"),
    (lambda: lab.symmetric_start(value=10**400), "value"),
    (lambda: lab.success_by_learning_rate([0, 1], seeds=2), "learning_rates"),
    (lambda: lab.learning_rate_curves([1], seed=-1), "seed"),
    (lambda: lab.success_by_hidden_units([0, 2], seeds=2), "widths"),
    (lambda: lab.gradient_norms_by_scale([1], seeds=2, iterations=0), "iterations"),
    (lambda: lab.gradient_norms_by_scale([1e7], seeds=2), "init_scales"),
    (lambda: lab.train_single_neurons(np.ones((4, 3)), np.ones((4, 1)), np.ones((2, 2)), 1),
     "weights"),
    (lambda: lab.train_single_neurons(np.ones((4, 3)), np.ones((4, 1)), [[1e7, 0, 0]], 1),
     "weights"),
    (lambda: lab.train_single_neurons(np.ones((4, 3)), 5 * np.ones((4, 1)), np.ones((1, 3)), 1),
     "y"),
    (lambda: lab.train_single_neurons(np.ones((4, 3)), np.ones((3, 1)), np.ones((1, 3)), 1),
     "x and y"),
    (lambda: lab.train_single_neurons(np.ones((4, 3)), np.ones((4, 2)), np.ones((3, 3)), 1),
     "y"),
    (lambda: lab.gate_models("xor"), "gates"),
    (lambda: lab.gate_models(["xor", "maybe"]), "gates"),
    (lambda: lab.success_with_biases(seeds=2, gate="maybe"), "gate"),
    (lambda: lab.columns_identical(np.ones(3)), "weights1"),
])
def test_bad_input_raises_value_error_naming_argument(call, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        call()


@pytest.mark.parametrize("call, name", [
    (lambda: lab.symmetric_start(noise="a"), "noise"),
    (lambda: lab.symmetric_start(value="a"), "value"),
    (lambda: lab.symmetric_start(value=None), "value"),
    (lambda: lab.success_by_scale(["a"], [10]), "init_scales"),
    (lambda: lab.success_by_scale([1], [10], seeds=[1.5]), "seeds"),
    (lambda: lab.success_by_scale([1], [10], seeds="abc"), "seeds"),
    (lambda: lab.success_by_scale([1], [10], seeds=[[1], [1, 2]]), "seeds"),
    (lambda: lab.basin_map("ab", [1]), "values1"),
    (lambda: lab.train_single_neurons(np.ones((4, 3)), np.ones((4, 1)), [["a", 1, 2]], 1),
     "weights"),
    (lambda: lab.train_single_neurons(np.ones((4, 3)), np.ones((4, 1)), None, 1), "weights"),
    (lambda: lab.gate_models([1]), "gates"),
])
def test_bad_types_raise_type_error_naming_argument(call, name):
    with pytest.raises(TypeError, match=rf"^{name} "):
        call()


def test_normal_use_warns_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lab.symmetric_start(value=1e6, noise=0.0, iterations=3)
        lab.train_single_neurons(np.ones((4, 3)), np.ones((4, 1)), [[1e6, -1e6, 1e6]], 3)
        lab.basin_map([-1e6, 1e6], [1e6], iterations=2)


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


def test_gates_legend_matches_the_drawn_markers():
    gates = ["and", "xor"]
    fig = lp.gates_plot(gates, lab.gate_models(gates, iterations=20), resolution=11)
    legend = fig.legends[0]
    colours = {text.get_text(): handle.get_facecolor()[0][:3]
               for text, handle in zip(legend.get_texts(), legend.legend_handles)
               if text.get_text().startswith("target")}
    # Notebook 00's convention, as decision_boundary draws it: blue 0s, orange 1s.
    np.testing.assert_allclose(colours["target 0"], mcolors.to_rgb(plotting.BLUE))
    np.testing.assert_allclose(colours["target 1"], mcolors.to_rgb(plotting.ORANGE))
    for ax in fig.axes[:4]:
        drawn = {c.get_label(): c.get_facecolor()[0][:3] for c in ax.collections
                 if c.get_label().startswith("target")}
        for label, colour in drawn.items():
            np.testing.assert_allclose(colour, colours[label])


MODELS = {"network_predict": [np.sum], "neuron_predict": [np.sum],
          "network_solved": [True], "neuron_solved": [True]}


@pytest.mark.parametrize("call, error, name", [
    (lambda: lp.success_by_scale_plot(["a", "b"], [10], [[0.5], [1.0]]), TypeError, "init_scales"),
    (lambda: lp.success_by_scale_plot([1, 2], [10], [[0.5], [1.0, 2]]), ValueError, "rates"),
    (lambda: lp.success_by_scale_plot([1, 2], [-10], [[0.5], [1.0]]), ValueError, "checkpoints"),
    (lambda: lp.basin_plot([0, 1], [0, 1], np.ones((2, 2)), start="a"), TypeError, "start"),
    (lambda: lp.basin_plot([0, 1], [0, 1], np.ones((2, 2)), start=(1, 2, 3)), ValueError,
     "start"),
    (lambda: lp.basin_plot([0], [0], np.ones((1, 1))), ValueError, "values1"),
    (lambda: lp.basin_plot([1, 0], [0, 1], np.ones((2, 2))), ValueError, "values1"),
    (lambda: lp.basin_plot([0, 1], [0, 1], np.full((2, 2), 0.5)), ValueError, "solved_grid"),
    (lambda: lp.symmetry_plot(None), TypeError, "history"),
    (lambda: lp.learning_rate_plot([0.1, 1], np.ones((11, 2)), names=["a"]), ValueError,
     "names"),
    (lambda: lp.learning_rate_plot([0.1, 1], np.ones((11, 2)), zoom="a"), TypeError, "zoom"),
    (lambda: lp.learning_rate_plot([0.1, 1], np.ones((1, 2))), ValueError, "loss"),
    (lambda: lp.gradient_norms_plot(["1"], np.ones((3, 1))), TypeError, "init_scales"),
    (lambda: lp.success_rate_plot(["a"], [0.5], "x", "t"), TypeError, "values"),
    (lambda: lp.success_rate_plot([1], [0.5], None, "t"), TypeError, "xlabel"),
    (lambda: lp.success_bars(["a"], [0.5], "t", highlight=3), ValueError, "highlight"),
    (lambda: lp.gates_plot(["and"], {}), ValueError, "models"),
    (lambda: lp.gates_plot(["and", "or"], MODELS), ValueError, "models"),
    (lambda: lp.gates_plot(["maybe"], MODELS), ValueError, "gates"),
    (lambda: lp.gates_plot(["and"], MODELS, resolution=1), ValueError, "resolution"),
])
def test_figures_check_their_arguments(call, error, name):
    with pytest.raises(error, match=rf"^{name} "):
        call()


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
