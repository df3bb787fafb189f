"""The explorers of nnfs_lib.widgets, driven without a browser (slider .value, button.click())."""

import io
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from nnfs_lib import widgets as W


@pytest.fixture
def explorer():
    made = W.TrainingExplorer(raise_errors=True)
    yield made
    # An exception swallowed by a callback (button clicks go through ipywidgets'
    # dispatcher, which only logs) still fails the test.
    assert made.last_error is None, made.last_error


def loss_line(explorer):
    return explorer.figure._nnfs_panels.loss_line


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


def test_time_slider_shows_snapshots_without_retraining(explorer):
    result = explorer.result
    explorer.time.value = 733
    assert explorer.result is result  # not retrained
    assert explorer.time.value == 735  # snapped to the grid of every 15 iterations
    panels = explorer.figure._nnfs_panels
    assert panels.marker.get_xdata()[0] == 735
    expected = result.history.snapshots[735]
    w = np.concatenate([expected[0].ravel(), expected[1].ravel()])
    np.testing.assert_array_equal(panels.edges.get_array(), w)
    assert panels.diagram.get_title() == "Weights after 735 iterations"


def test_log_scale_redraws_without_retraining(explorer):
    result = explorer.result
    explorer.log_scale.value = True
    assert explorer.result is result
    assert explorer.figure._nnfs_panels.loss.get_yscale() == "log"


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
    open_before = plt.get_fignums()
    figure = explorer.figure
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for k in range(100):
            if k % 2:
                explorer.time.value = (k * 37) % 1500
            else:
                explorer.learning_rate.value = [0.5, 1.0, 2.0, 4.0][k % 4]
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
    a, b = static._nnfs_panels, live._nnfs_panels
    np.testing.assert_array_equal(a.loss_line.get_xydata(), b.loss_line.get_xydata())
    np.testing.assert_array_equal(a.edges.get_array(), b.edges.get_array())
    assert [p.get_height() for p in a.bars] == [p.get_height() for p in b.bars]
    assert [t.get_text() for t in a.bar_labels] == [t.get_text() for t in b.bar_labels]
    # and the pixels: the explorer's incremental rendering equals a full draw
    pixels = np.asarray(Image.open(io.BytesIO(explorer.image.value)))
    static.canvas.draw()
    full = np.asarray(static.canvas.buffer_rgba())
    assert pixels.shape == full.shape
    assert np.mean(np.any(pixels != full, axis=-1)) < 1e-3


def test_incremental_rendering_matches_a_full_draw(explorer):
    for k in range(6):
        explorer.seed.value = k + 1
        explorer.iterations.value = [1500, 400, 3000][k % 3]
        explorer.log_scale.value = bool(k % 2)
    pixels = np.asarray(Image.open(io.BytesIO(explorer.image.value)))
    explorer.figure.canvas.draw()
    full = np.asarray(explorer.figure.canvas.buffer_rgba())
    assert np.mean(np.any(pixels != full, axis=-1)) < 1e-3


def test_compact_explorer():
    compact = W.TrainingExplorer(compact=True, raise_errors=True)
    assert len(compact.figure.axes) == 3  # diagram, its colour bar, loss
    before = np.asarray(compact.figure._nnfs_panels.loss_line.get_ydata()).copy()
    compact.learning_rate.value = 3.0
    assert not np.array_equal(before, compact.figure._nnfs_panels.loss_line.get_ydata())
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
    from nnfs_lib import NeuralNetwork, xor

    network = NeuralNetwork(*xor(), rng=0)
    network.weights1[1, 2] = 1.5
    assert (y1 - y0) / (x1 - x0) == pytest.approx(network.gradients()[0][1, 2])
    assert explorer.last_error is None


def test_explorers_display_as_widgets():
    for explorer in (W.TrainingExplorer(compact=True), W.ActivationExplorer()):
        bundle = explorer._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle
