"""The explorers of nnfs_lib.widgets, driven without a browser (slider .value, button.click())."""

import io
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from clear_errors import assert_clear_error
from matplotlib.image import imread

from nnfs_lib import explorer_figures as E
from nnfs_lib import widgets as W


@pytest.fixture
def explorer():
    made = W.TrainingExplorer(raise_errors=True)
    yield made
    # An exception swallowed by a callback (button clicks go through ipywidgets'
    # dispatcher, which only logs) still fails the test.
    assert made.last_error is None, made.last_error


def png_pixels(data):
    """PNG bytes -> an (h, w, 4) uint8 array, decoded by matplotlib."""
    return np.round(imread(io.BytesIO(data), format="png") * 255).astype(np.uint8)


def loss_line(explorer):
    return E.training_panels(explorer.figure).loss_line


def state(explorer):
    return (explorer.result.network.weights1.copy(), explorer.result.history.loss.copy(),
            np.asarray(loss_line(explorer).get_ydata()).copy(), explorer.image.value)


def assert_retrained(before, after):
    assert not np.array_equal(before[0], after[0]), "weights unchanged"
    assert not np.array_equal(before[1], after[1]), "loss history unchanged"
    assert not np.array_equal(before[2], after[2]), "plotted loss line unchanged"
    assert before[3] != after[3], "picture unchanged"


@pytest.mark.parametrize("control, value", [
    ("iterations", 700), ("learning_rate", 2.5), ("seed", 3), ("init_scale", 2.0),
])
def test_sliders_retrain(explorer, control, value):
    before = state(explorer)
    getattr(explorer, control).value = value
    after = state(explorer)
    if control == "iterations":
        assert after[1].size == 701 and explorer.time.max == 700
        assert after[2].size == 701
    else:
        assert_retrained(before, after)
    updates = explorer.updates
    getattr(explorer, control).value = value  # no change, no update
    assert explorer.updates == updates


def test_weight_slider_retrains_from_that_weight(explorer):
    before = state(explorer)
    explorer.weights1[1][2].value = -3.0
    assert explorer.settings.weights1[1, 2] == -3.0
    assert_retrained(before, state(explorer))
    explorer.weights2[3].value = 4.0
    assert explorer.result.history.snapshots[0][1][3, 0] == 4.0


@pytest.mark.parametrize("button", ["equal_button", "zero_button", "new_weights_button"])
def test_buttons_retrain(explorer, button):
    explorer.seed.value = 5
    explorer.weights1[0][0].value = 7.0
    before = state(explorer)
    getattr(explorer, button).click()
    assert_retrained(before, state(explorer))
    w1 = explorer.settings.weights1
    if button == "equal_button":
        assert np.all(w1 == explorer.init_scale.value / 2)
    elif button == "zero_button":
        assert np.all(w1 == 0)
    else:
        np.testing.assert_array_equal(w1, W.initial_weights(5, 1.0)[0])


def test_reset_restores_the_defaults(explorer):
    first = state(explorer)
    explorer.learning_rate.value = 3.0
    explorer.weights1[0][0].value = 5.0
    explorer.reset_button.click()
    again = state(explorer)
    np.testing.assert_array_equal(first[1], again[1])
    assert explorer.learning_rate.value == 1.0


def test_one_click_is_one_update(explorer):
    updates = explorer.updates
    explorer.equal_button.click()
    assert explorer.updates == updates + 1


def test_time_slider_shows_exactly_that_iteration_without_retraining(explorer):
    result = explorer.result
    explorer.time.value = 733
    assert explorer.result is result  # not retrained
    assert explorer.time.value == 733  # every iteration is recorded: no snapping
    assert "exact" in explorer.time_note.value
    panels = E.training_panels(explorer.figure)
    assert panels.marker.get_xdata()[0] == 733
    expected = result.history.snapshots[733]
    w = np.concatenate([expected[0].ravel(), expected[1].ravel()])
    np.testing.assert_array_equal(panels.edges.get_array(), w)
    assert panels.diagram.get_title() == "Weights after 733 iterations"
    # the weights shown are those of a network trained for exactly 733 iterations
    from nnfs_lib.datasets import xor
    from nnfs_lib.network import NeuralNetwork
    from nnfs_lib.training import train

    network = NeuralNetwork(*xor(), rng=0)
    train(network, 733)
    np.testing.assert_allclose(expected[0], network.weights1, rtol=0, atol=1e-12)


def test_time_slider_of_a_long_run_snaps_and_says_so(monkeypatch):
    # Runs longer than EVERY_STEP_UP_TO record ~100 snapshots; made short here.
    monkeypatch.setattr(E, "EVERY_STEP_UP_TO", 1000)
    explorer = W.TrainingExplorer(raise_errors=True)
    assert explorer.result.spacing == 15
    assert "every 15th" in explorer.time_note.value
    explorer.time.value = 733
    assert explorer.time.value == 735  # snapped to the grid of every 15 iterations
    panels = E.training_panels(explorer.figure)
    assert panels.marker.get_xdata()[0] == 735
    assert panels.diagram.get_title() == "Weights after 735 iterations"
    explorer.iterations.value = 800  # short again: exact
    assert explorer.result.spacing == 1 and "exact" in explorer.time_note.value
    assert explorer.last_error is None


def test_recorded_steps():
    assert W.recorded_steps(5) == [0, 1, 2, 3, 4, 5]
    assert W.recorded_steps(10_000) == list(range(10_001))
    assert W.recorded_steps(20_000) == W.snapshot_steps(20_000)
    result = W.train_from_settings(W.TrainingSettings(iterations=20))
    assert result.steps == list(range(21)) and result.snap(7) == 7 and result.snap(None) == 20
    # ties go to the earlier recorded iteration
    assert E.TrainingResult(result.network, result.history, [0, 10, 20]).snap(15) == 10
    assert E.TrainingResult(result.network, result.history, [0, 10, 20]).snap(16) == 20


def test_log_scale_redraws_without_retraining(explorer):
    result = explorer.result
    explorer.log_scale.value = True
    assert explorer.result is result
    assert E.training_panels(explorer.figure).loss.get_yscale() == "log"


def test_callback_exception_is_shown_and_raised(explorer, monkeypatch):
    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(W, "train_from_settings", broken)
    with pytest.raises(RuntimeError, match="boom"):
        explorer.learning_rate.value = 2.0
    assert "boom" in explorer.error_label.value
    explorer.raise_errors = False
    explorer.learning_rate.value = 3.0  # shown, not raised
    assert isinstance(explorer.last_error, RuntimeError)
    monkeypatch.undo()
    explorer.learning_rate.value = 1.0
    assert explorer.last_error is None and explorer.error_label.value == ""


def test_figure_count_stable_after_100_updates(explorer):
    """100 updates: the open pyplot figures are unchanged, no "More than 20 figures" warning.

    Mostly cheap updates (the time slider: a redraw without retraining), with a
    few retrains and log-scale toggles, so that every path is exercised.
    """
    open_before = plt.get_fignums()
    figure = explorer.figure
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for k in range(100):
            if k % 25 == 0:
                explorer.learning_rate.value = [0.5, 1.0, 2.0, 4.0][k // 25]
            elif k % 25 == 12:
                explorer.log_scale.value = not explorer.log_scale.value
            else:
                explorer.time.value = (k * 37) % 1500
    assert explorer.updates >= 100
    assert plt.get_fignums() == open_before
    assert explorer.figure is figure


EDGE_CASES = {
    "all equal": dict(weights1=np.full((3, 4), 0.5), weights2=np.full((4, 1), 0.5)),
    "all zero": dict(weights1=np.zeros((3, 4)), weights2=np.zeros((4, 1))),
    "very large": dict(init_scale=20.0),
    "huge weights": dict(weights1=np.full((3, 4), 20.0), weights2=np.full((4, 1), -20.0)),
    "oscillating": dict(learning_rate=12.0),
    "too large rate": dict(learning_rate=100.0, iterations=10_000),
    "log of saturated": dict(learning_rate=100.0, log_scale=True),
}


@pytest.mark.parametrize("name", EDGE_CASES)
def test_edge_cases_without_warnings_or_nan(name):
    settings = W.TrainingSettings(**EDGE_CASES[name])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = W.train_from_settings(settings)
        fig = W.draw_training(settings, result)
        W.render_png(fig)
        explorer = W.TrainingExplorer(settings, raise_errors=True)
        explorer.time.value = 300
    assert np.all(np.isfinite(result.history.loss))
    assert all(np.all(np.isfinite(p)) for p in result.network.parameters())
    assert explorer.last_error is None
    if name == "all equal":  # symmetry: the hidden units stay identical
        w1 = result.network.weights1
        assert np.allclose(w1, w1[:, :1])


def test_static_figure_matches_the_explorer_at_default_settings(explorer):
    static = W.draw_training(W.TrainingSettings())
    live = explorer.figure
    a, b = E.training_panels(static), E.training_panels(live)
    np.testing.assert_array_equal(a.loss_line.get_xydata(), b.loss_line.get_xydata())
    np.testing.assert_array_equal(a.edges.get_array(), b.edges.get_array())
    assert [p.get_height() for p in a.bars] == [p.get_height() for p in b.bars]
    assert [t.get_text() for t in a.bar_labels] == [t.get_text() for t in b.bar_labels]
    # and the pixels: the explorer's incremental rendering equals a full draw
    pixels = png_pixels(explorer.image.value)
    static.canvas.draw()
    full = np.asarray(static.canvas.buffer_rgba())
    assert pixels.shape == full.shape
    assert np.mean(np.any(pixels != full, axis=-1)) < 1e-3


def test_incremental_rendering_matches_a_full_draw(explorer):
    for k in range(6):
        explorer.seed.value = k + 1
        explorer.iterations.value = [1500, 400, 3000][k % 3]
        explorer.log_scale.value = bool(k % 2)
    pixels = png_pixels(explorer.image.value)
    explorer.figure.canvas.draw()
    full = np.asarray(explorer.figure.canvas.buffer_rgba())
    assert np.mean(np.any(pixels != full, axis=-1)) < 1e-3


def test_compact_explorer():
    compact = W.TrainingExplorer(compact=True, raise_errors=True)
    assert len(compact.figure.axes) == 3  # diagram, its colour bar, loss
    before = np.asarray(E.training_panels(compact.figure).loss_line.get_ydata()).copy()
    compact.learning_rate.value = 3.0
    assert not np.array_equal(before, E.training_panels(compact.figure).loss_line.get_ydata())
    assert compact.last_error is None


def test_snapshot_steps():
    assert W.snapshot_steps(1500)[:3] == [0, 15, 30] and W.snapshot_steps(1500)[-1] == 1500
    assert W.snapshot_steps(0) == [0]
    assert W.snapshot_steps(7)[-1] == 7
    assert W.snapshot_steps(1234)[-1] == 1234


def test_activation_explorer():
    explorer = W.ActivationExplorer(raise_errors=True)
    line = explorer.figure.axes[0].lines[0]
    before = np.asarray(line.get_ydata()).copy()
    explorer.weight.value = 4.0
    explorer.bias.value = -2.0
    after = np.asarray(line.get_ydata())
    x = W.ActivationExplorer.X
    np.testing.assert_allclose(after, 1 / (1 + np.exp(-(4.0 * x - 2.0))))
    assert not np.array_equal(before, after)
    assert explorer.last_error is None


def test_neuron_explorer():
    explorer = W.NeuronExplorer(raise_errors=True)
    dot = [line for line in explorer.figure.axes[1].lines if line.get_gid() == "neuron"][0]
    explorer.weights[0].value = 2.0
    explorer.inputs[1].value = 1.0
    z = 2.0 * 1.0 + (-0.5) * 1.0 + 0.2 * 1.0
    assert dot.get_xdata()[0] == pytest.approx(z)
    assert dot.get_ydata()[0] == pytest.approx(1 / (1 + np.exp(-z)))
    assert explorer.last_error is None


def test_loss_explorer_tangent_is_the_gradient():
    explorer = W.LossExplorer(raise_errors=True)
    explorer.choice.value = (0, 1, 2)
    explorer.value.value = 1.5
    ax = explorer.figure.axes[0]
    tangent = [line for line in ax.lines if line.get_gid() == "tangent"][0]
    (x0, x1), (y0, y1) = tangent.get_xdata(), tangent.get_ydata()
    from nnfs_lib.datasets import xor
    from nnfs_lib.network import NeuralNetwork

    # An independent slope: a central difference of the loss along that weight.
    network = NeuralNetwork(*xor(), rng=0)
    h = 1e-5
    network.weights1[1, 2] = 1.5 + h
    above = network.loss()
    network.weights1[1, 2] = 1.5 - h
    below = network.loss()
    assert (y1 - y0) / (x1 - x0) == pytest.approx((above - below) / (2 * h), rel=1e-6)
    assert explorer.last_error is None


def test_explorers_display_as_widgets():
    for explorer in (W.TrainingExplorer(compact=True), W.ActivationExplorer()):
        bundle = explorer._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle


# -- bad input: a clear error naming the argument, before any arithmetic -------------
BAD_CALLS = {
    "snapshot iterations": (lambda: W.snapshot_steps(-1), ValueError, "iterations"),
    "snapshot count": (lambda: W.snapshot_steps(10, count=0), ValueError, "count"),
    "negative iterations": (lambda: W.TrainingSettings(iterations=-5), ValueError, "iterations"),
    "rate": (lambda: W.TrainingSettings(learning_rate=0.0), ValueError, "learning_rate"),
    "settings seed": (lambda: W.TrainingSettings(seed=-1), ValueError, "seed"),
    "init scale": (lambda: W.TrainingSettings(init_scale="big"), TypeError, "init_scale"),
    "weights shape": (lambda: W.TrainingSettings(weights1=np.zeros((3, 3)),
                                                 weights2=np.zeros((4, 1))),
                      ValueError, "weights1"),
    "one weights": (lambda: W.TrainingSettings(weights2=np.zeros((4, 1))), ValueError,
                    "together"),
    "log flag": (lambda: W.TrainingSettings(log_scale="yes"), TypeError, "log_scale"),
    "time string": (lambda: W.TrainingSettings(time="a"), TypeError, "time"),
    "time too late": (lambda: W.TrainingSettings(iterations=10, time=11), ValueError, "time"),
    "settings string": (lambda: W.draw_training("a"), TypeError, "settings"),
    "result string": (lambda: W.draw_training(result="a"), TypeError, "result"),
    "fig string": (lambda: W.draw_training(fig="a"), TypeError, "fig"),
    "which layer": (lambda: W.draw_loss_along((2, 0, 0)), ValueError, "which"),
    "which row": (lambda: W.draw_loss_along((0, 5, 0)), ValueError, "which"),
    "which string": (lambda: W.draw_loss_along("abc"), TypeError, "which"),
    "span": (lambda: W.draw_loss_along(span=(3, 1)), ValueError, "span"),
    "value nan": (lambda: W.draw_loss_along(value=float("nan")), ValueError, "value"),
    "value outside": (lambda: W.draw_loss_along(value=9.0), ValueError, "value"),
    "loss seed": (lambda: W.draw_loss_along(seed=-1), ValueError, "seed"),
    "weight string": (lambda: W.draw_activation("a"), TypeError, "weight"),
    "weight nan": (lambda: W.draw_activation(float("nan")), ValueError, "weight"),
    "weight huge": (lambda: W.draw_activation(1e308, 1e308), ValueError, "weight"),
    "bias inf": (lambda: W.draw_activation(1.0, float("inf")), ValueError, "bias"),
    "neuron inputs": (lambda: W.draw_neuron((1, 0), (1, 2, 3)), ValueError, "inputs"),
    "neuron weights": (lambda: W.draw_neuron((1, 0, 1), "abc"), TypeError, "weights"),
    "render string": (lambda: W.render_png("a"), TypeError, "fig"),
    "initial seed": (lambda: W.initial_weights(-1), ValueError, "seed"),
    "initial scale": (lambda: W.initial_weights(0, -1.0), ValueError, "init_scale"),
}


@pytest.mark.parametrize("name", BAD_CALLS)
def test_bad_input_raises_a_clear_error(name):
    assert_clear_error(*BAD_CALLS[name])


def test_large_but_valid_input_draws_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = W.draw_activation(1e6, -1e6)
        W.draw_neuron((1e6, -1e6, 1.0), (1e6, 1e6, -1e6))
    assert np.all(np.isfinite(fig.axes[0].lines[0].get_ydata()))


def test_panels_are_not_attached_to_the_figure(explorer):
    assert E.training_panels(explorer.figure) is not None
    assert not hasattr(explorer.figure, "_nnfs_panels")
    assert E.training_panels(W.draw_activation()) is None


def test_explorer_figures_text_is_at_least_12_points():
    from matplotlib.text import Text

    figs = [W.draw_training(W.TrainingSettings(iterations=100)),
            W.draw_training(W.TrainingSettings(iterations=100), compact=True),
            W.draw_activation(), W.draw_neuron(), W.draw_loss_along()]
    for fig in figs:
        W.render_png(fig)  # creates the tick labels
        for text in fig.findobj(Text):
            if text.get_visible() and text.get_text():
                assert text.get_fontsize() >= 12, (text.get_text(), text.get_fontsize())
