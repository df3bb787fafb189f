"""Behaviour of the nnfs_lib.plots figures of one network, and of tools/make_images.py."""

import hashlib

import make_images
import matplotlib.pyplot as plt
import numpy as np
import pytest
from clear_errors import assert_clear_error
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from nnfs_lib.datasets import xor
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.plots.boundary import decision_boundary, decision_grid, network_predictor
from nnfs_lib.plots.curves import ACTIVATIONS, activation_plot, loss_curve, predictions_plot
from nnfs_lib.plots.diagram import network_diagram
from nnfs_lib.plots.overview import training_overview
from nnfs_lib.training import train


@pytest.fixture(scope="module")
def trained():
    x, y = xor()
    network = NeuralNetwork(x, y, rng=0)
    history = train(network, 200, snapshots=[0, 100])
    return network, history


def edges_of(fig):
    (edges,) = [c for c in fig.axes[0].collections if c.get_gid() == "edges"]
    assert isinstance(edges, LineCollection)
    return edges


# -- network diagram ------------------------------------------------------------
def test_diagram_without_weights_has_all_edges_and_layer_titles():
    fig = network_diagram()
    assert len(edges_of(fig).get_segments()) == 3 * 4 + 4 * 1
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"x1", "x2", "x3", "h1", "h2", "h3", "h4", "ŷ"} <= texts
    assert {"input\nlayer", "hidden\nlayer", "output\nlayer"} <= texts


def test_diagram_edges_follow_weights():
    rng = np.random.default_rng(1)
    weights1 = rng.normal(size=(2, 5))
    weights2 = rng.normal(size=(5, 3))
    fig = network_diagram(weights1, weights2)
    edges = edges_of(fig)
    assert len(edges.get_segments()) == 2 * 5 + 5 * 3
    w = np.concatenate([weights1.ravel(), weights2.ravel()])
    np.testing.assert_array_equal(edges.get_array(), w)
    widths = np.asarray(edges.get_linewidths())
    order = np.argsort(np.abs(w))
    assert np.all(np.diff(widths[order]) >= 0)
    assert widths[order[-1]] > widths[order[0]]
    # a colour bar for the weights
    assert len(fig.axes) == 2


def test_diagram_colours_are_symmetric_around_zero():
    weights1 = np.array([[2.0, -2.0], [0.5, -0.5]])
    weights2 = np.array([[1.0], [-1.0]])
    edges = edges_of(network_diagram(weights1, weights2))
    norm = edges.norm
    assert norm.vmin == -norm.vmax == -2.0
    edges.update_scalarmappable()
    colours = edges.get_edgecolor()
    cmap = edges.get_cmap()
    for i, (a, b) in enumerate([(0, 1), (2, 3), (4, 5)]):
        value = edges.get_array()[a]
        assert edges.get_array()[b] == -value, i
        np.testing.assert_allclose(colours[a], cmap(norm(value)))
        np.testing.assert_allclose(colours[b], cmap(norm(-value)))
        assert norm(value) + norm(-value) == pytest.approx(1.0)
    # 0 sits in the middle of the map, positive and negative differ
    assert not np.allclose(colours[0], colours[1])


def test_diagram_shows_inputs_in_input_nodes():
    fig = network_diagram(inputs=[1, 0, 1])
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts.count("1") == 2 and texts.count("0") == 1
    assert any("constant" in t for t in texts)


def test_diagram_validation():
    with pytest.raises(ValueError, match="inputs"):
        network_diagram(inputs=[1, 0])
    with pytest.raises(ValueError, match="weights2"):
        network_diagram(np.ones((3, 4)), np.ones((5, 1)))
    with pytest.raises(ValueError, match="weights1 and weights2"):
        network_diagram(np.ones((3, 4)))


# -- loss -------------------------------------------------------------------------
def test_loss_curve_plots_the_loss(trained):
    loss = trained[1].loss
    fig = loss_curve(loss)
    ax = fig.axes[0]
    line = ax.lines[0]
    assert line.get_gid() == "loss"
    np.testing.assert_array_equal(line.get_ydata(), loss)
    np.testing.assert_array_equal(line.get_xdata(), np.arange(len(loss)))
    assert ax.get_ylabel() == "sum-of-squares loss"
    assert ax.get_xlabel() == "iteration"
    assert ax.get_title() == "Training loss (sum of squares)"
    assert ax.get_yscale() == "linear"
    everything = " ".join(t.get_text() for t in fig.findobj(Text)).lower()
    assert "logloss" not in everything


def test_loss_curve_log_scale_and_marker(trained):
    loss = trained[1].loss
    fig = loss_curve(loss, log_scale=True, marker_at=50)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    (dot,) = [line for line in ax.lines if line.get_gid() == "marker-dot"]
    assert dot.get_xdata()[0] == 50 and dot.get_ydata()[0] == loss[50]
    (vline,) = [line for line in ax.lines if line.get_gid() == "marker"]
    assert list(vline.get_xdata()) == [50, 50]


def test_loss_curve_validation():
    with pytest.raises(ValueError, match="loss"):
        loss_curve(np.ones((3, 2)))
    with pytest.raises(ValueError, match="loss"):
        loss_curve([])
    with pytest.raises(ValueError, match="loss"):
        loss_curve([1.0, 0.0], log_scale=True)
    with pytest.raises(ValueError, match="marker_at"):
        loss_curve([1.0, 0.5], marker_at=2)


# -- predictions ------------------------------------------------------------------
def test_predictions_bars_match_data():
    x, y = xor()
    predictions = np.array([[0.1], [0.8], [0.7], [0.25]])
    fig = predictions_plot(y, predictions, inputs=x)
    ax = fig.axes[0]
    targets, preds = ax.containers
    np.testing.assert_allclose([b.get_height() for b in targets], y.ravel())
    np.testing.assert_allclose([b.get_height() for b in preds], predictions.ravel())
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["(0, 0)", "(0, 1)", "(1, 0)", "(1, 1)"]
    texts = {t.get_text() for t in ax.texts}
    assert {"0.100", "0.800", "0.700", "0.250"} <= texts
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["target", "prediction"]
    assert ax.get_ylim()[0] == 0 and ax.get_ylim()[1] >= 1


def test_predictions_validation():
    with pytest.raises(ValueError, match="predictions"):
        predictions_plot([0, 1, 1, 0], [0.1, 0.2, 0.3])
    with pytest.raises(ValueError, match="inputs"):
        predictions_plot([0, 1], [0.1, 0.2], inputs=np.zeros((3, 2)))
    with pytest.raises(ValueError, match="y"):
        predictions_plot(np.zeros((2, 2)), np.zeros((2, 2)))


# -- decision boundary ------------------------------------------------------------
def test_decision_boundary_evaluates_predict_on_the_grid():
    calls = []

    def first_input(points):
        calls.append(points.copy())
        return points[:, :1]

    x, y = xor()
    fig = decision_boundary(first_input, x, y, resolution=21)
    (points,) = calls
    assert points.shape == (21 * 21, 2)
    assert points.min() == pytest.approx(-0.1) and points.max() == pytest.approx(1.1)
    grid_x1, grid_x2, output = decision_grid(first_input, resolution=21)
    np.testing.assert_array_equal(output, grid_x1)
    ax = fig.axes[0]
    (filled,) = [c for c in ax.collections if c.get_gid() == "output"]
    assert filled.zmin == pytest.approx(-0.1) and filled.zmax == pytest.approx(1.1)
    # the 0.5 contour of ŷ = x1 is the vertical line x1 = 0.5
    (boundary,) = [c for c in ax.collections if c.get_gid() == "boundary"]
    vertices = np.concatenate([seg for seg in boundary.allsegs[0]])
    np.testing.assert_allclose(vertices[:, 0], 0.5)
    assert ax.get_xlabel() == "x1" and ax.get_ylabel() == "x2"
    colorbar_axes = fig.axes[1]
    assert colorbar_axes.get_ylabel() == "network output ŷ"
    markers = {c.get_label(): c for c in ax.collections if c.get_label().startswith("target")}
    assert set(markers) == {"target 0", "target 1"}
    np.testing.assert_array_equal(markers["target 1"].get_offsets(), x[[1, 2], :2])


def test_network_predictor_appends_the_constant_column(trained):
    network = trained[0]
    predict = network_predictor(network)
    points = np.array([[0.0, 1.0], [0.3, 0.2]])
    expected = network.predict(np.column_stack([points, np.ones(2)]))
    np.testing.assert_array_equal(predict(points), expected)


def test_decision_boundary_validation():
    with pytest.raises(ValueError, match="predict"):
        decision_boundary(lambda p: p, resolution=5)
    with pytest.raises(ValueError, match="y"):
        decision_boundary(lambda p: p[:, :1], np.zeros((4, 2)), np.zeros(3))


# -- activations ------------------------------------------------------------------
@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu"])
def test_activation_plot_draws_function_and_derivative(name):
    z = np.linspace(-3, 3, 13)
    fig = activation_plot(name, z=z)
    ax = fig.axes[0]
    function, derivative = ACTIVATIONS[name]
    np.testing.assert_allclose(ax.lines[0].get_ydata(), function(z))
    slope_z, slope = (np.asarray(v, dtype=float) for v in ax.lines[1].get_data())
    drawn = ~np.isnan(slope)
    np.testing.assert_array_equal(slope_z[drawn], z)
    np.testing.assert_allclose(slope[drawn], derivative(z))
    if name == "relu":  # one break, between the last z < 0 and the first z > 0
        (gap,) = np.flatnonzero(~drawn)
        assert slope_z[gap - 1] <= 0 < slope_z[gap + 1]
        assert slope[gap - 1] == 0 and slope[gap + 1] == 1
    else:
        assert drawn.all()
    assert ax.get_xlabel() == "z (pre-activation)"
    assert ax.get_legend() is not None
    with pytest.raises(ValueError, match="name"):
        activation_plot("softmax")


# -- overview ------------------------------------------------------------------------
def test_training_overview_uses_snapshots(trained):
    network, history = trained
    before = network.weights1.copy()
    fig = training_overview(network, history, iteration=100)
    np.testing.assert_array_equal(network.weights1, before)  # not changed
    diagram = fig.axes[0]
    (edges,) = [c for c in diagram.collections if c.get_gid() == "edges"]
    w1, w2 = history.snapshots[100]
    np.testing.assert_array_equal(edges.get_array(), np.concatenate([w1.ravel(), w2.ravel()]))
    with pytest.raises(ValueError, match="snapshot"):
        training_overview(network, history, iteration=7)
    again = training_overview(network, history, fig=fig)
    assert again is fig


# -- figures, fonts, no leaks ------------------------------------------------------
def all_figures(network, history):
    x, y = network.input, network.y
    return {
        "diagram": lambda ax=None: network_diagram(
            network.weights1, network.weights2, inputs=x[1], ax=ax),
        "loss": lambda ax=None: loss_curve(history.loss, marker_at=3, ax=ax),
        "predictions": lambda ax=None: predictions_plot(y, network.output, x, ax=ax),
        "boundary": lambda ax=None: decision_boundary(
            network_predictor(network), x, y, resolution=11, ax=ax),
        "activation": lambda ax=None: activation_plot("tanh", ax=ax),
    }


def test_no_pyplot_figures_are_left_open(trained):
    before = len(plt.get_fignums())
    for make in all_figures(*trained).values():
        fig = make()
        assert isinstance(fig, Figure)
    training_overview(*trained)
    assert len(plt.get_fignums()) == before


def test_drawing_into_a_given_axes_returns_its_figure(trained):
    for name, make in all_figures(*trained).items():
        fig = Figure()
        ax = fig.add_subplot()
        assert make(ax=ax) is fig, name


def test_all_text_is_at_least_12_points(trained):
    figs = [make() for make in all_figures(*trained).values()]
    figs += [training_overview(*trained), make_images.make_input_figure()]
    for fig in figs:
        fig.draw_without_rendering()  # creates the tick labels
        for text in fig.findobj(Text):
            if text.get_visible() and text.get_text():
                assert text.get_fontsize() >= 12, (text.get_text(), text.get_fontsize())
        for ax in fig.axes:
            if ax.get_title():
                assert ax.title.get_fontsize() >= 14


def test_figures_main_writes_reproducible_pngs(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert make_images.main([str(first)]) == 0
    assert make_images.main([str(second)]) == 0
    names = ["2-layer-ann.png", "ann-1-input.png", "ann-1-loss.png", "ann-1-predictions.png"]
    assert sorted(p.name for p in first.iterdir()) == names
    for name in names:
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        assert a[:8] == b"\x89PNG\r\n\x1a\n"
        assert hashlib.sha256(a).digest() == hashlib.sha256(b).digest(), name
        assert b"Matplotlib" not in a  # no software metadata


def test_figures_main_usage():
    assert make_images.main([]) == 2


# -- bad input: a clear error naming the argument, before any arithmetic ------------
def _network_and_history():
    network = NeuralNetwork(*xor(), rng=0)
    return network, train(network, 10, snapshots=[0])


BAD_CALLS = {
    "loss string": (lambda: loss_curve("abc"), TypeError, "loss"),
    "loss strings": (lambda: loss_curve(["a", "b"]), TypeError, "loss"),
    "log flag": (lambda: loss_curve([1.0, 0.5], log_scale="yes"), TypeError,
                 "log_scale"),
    "weights strings": (lambda: network_diagram("a", "b"), TypeError, "weights1"),
    "weights huge": (lambda: network_diagram(np.full((3, 4), 1e308), np.ones((4, 1))),
                     ValueError, "weights1"),
    "layer_sizes None": (lambda: network_diagram(layer_sizes=None), TypeError,
                         "layer_sizes"),
    "layer_sizes nan": (lambda: network_diagram(layer_sizes=(3, float("nan"), 1)),
                        TypeError, "layer_sizes"),
    "layer_sizes inf": (lambda: network_diagram(layer_sizes=(3, float("inf"), 1)),
                        TypeError, "layer_sizes"),
    "layer_sizes bool": (lambda: network_diagram(layer_sizes=(True, 4, 1)),
                         TypeError, "layer_sizes"),
    "layer_sizes zero": (lambda: network_diagram(layer_sizes=(3, 0, 1)),
                         ValueError, "layer_sizes"),
    "overview network": (lambda: training_overview(None, _network_and_history()[1]),
                         TypeError, "network"),
    "overview history": (lambda: training_overview(_network_and_history()[0], None),
                         TypeError, "history"),
    "overview iteration": (lambda: training_overview(*_network_and_history(),
                                                              iteration=[1]),
                           TypeError, "iteration"),
    "predictor": (lambda: network_predictor("net"), TypeError, "network"),
    "grid low string": (lambda: decision_grid(lambda p: p[:, :1], low="a"),
                        TypeError, "low"),
    "grid low nan": (lambda: decision_grid(lambda p: p[:, :1], low=float("nan")),
                     ValueError, "low"),
    "grid high below low": (lambda: decision_grid(lambda p: p[:, :1], high=-1.0),
                            ValueError, "low"),
    "grid resolution": (lambda: decision_grid(lambda p: p[:, :1], resolution=10**5),
                        ValueError, "resolution"),
    "ax string": (lambda: loss_curve([1.0, 0.5], ax="ax"), TypeError, "ax"),
}


@pytest.mark.parametrize("name", BAD_CALLS)
def test_bad_input_raises_a_clear_error(name):
    assert_clear_error(*BAD_CALLS[name])


def test_output_colour_bar_has_no_extension_arrows_for_a_sigmoid_output(trained):
    network = trained[0]
    fig = decision_boundary(network_predictor(network), network.input,
                                     network.y, resolution=11)
    (filled,) = [c for c in fig.axes[0].collections if c.get_gid() == "output"]
    assert filled.extend == "neither"
    # an output beyond [0, 1] gets the end colours, and the arrows say so
    fig = decision_boundary(lambda p: 2 * p[:, :1] - 0.5, resolution=11)
    (filled,) = [c for c in fig.axes[0].collections if c.get_gid() == "output"]
    assert filled.extend == "both"


def test_predictions_figure_title_states_the_real_iteration_count():
    network = NeuralNetwork(*xor(), rng=1)
    history = train(network, 37)
    fig = make_images.make_predictions_figure(network, history)
    assert fig.axes[0].get_title() == "XOR after 37 iterations"
    with pytest.raises(ValueError, match="history"):
        make_images.make_predictions_figure(network)
