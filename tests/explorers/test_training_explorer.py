"""The training explorer (notebooks 06, 08), driven without a browser (slider .value,
button.click()), and its settings, run and figure."""

import io
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from clear_errors import assert_clear_error
from matplotlib.image import imread

from nnfs_lib.explorers import training_settings
from nnfs_lib.explorers.fastrender import render_png
from nnfs_lib.explorers.training import TrainingExplorer
from nnfs_lib.explorers.training_figure import TrainingFigure, draw_training
from nnfs_lib.explorers.training_settings import (
    TrainingResult,
    TrainingSettings,
    initial_weights,
    recorded_steps,
    snapshot_steps,
    train_from_settings,
)


@pytest.fixture
def explorer():
    made = TrainingExplorer(raise_errors=True)
    yield made
    # An exception swallowed by a callback (button clicks go through ipywidgets'
    # dispatcher, which only logs) still fails the test.
    assert made.last_error is None, made.last_error


def png_pixels(data):
    """PNG bytes -> an (h, w, 4) uint8 array, decoded by matplotlib."""
    return np.round(imread(io.BytesIO(data), format="png") * 255).astype(np.uint8)


def loss_line(explorer):
    return explorer.panels.loss_line


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
        np.testing.assert_array_equal(w1, initial_weights(5, 1.0)[0])


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
    panels = explorer.panels
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
    monkeypatch.setattr(training_settings, "EVERY_STEP_UP_TO", 1000)
    explorer = TrainingExplorer(raise_errors=True)
    assert explorer.result.spacing == 15
    assert "every 15th" in explorer.time_note.value
    explorer.time.value = 733
    assert explorer.time.value == 735  # snapped to the grid of every 15 iterations
    panels = explorer.panels
    assert panels.marker.get_xdata()[0] == 735
    assert panels.diagram.get_title() == "Weights after 735 iterations"
    explorer.iterations.value = 800  # short again: exact
    assert explorer.result.spacing == 1 and "exact" in explorer.time_note.value
    assert explorer.last_error is None


def test_recorded_steps():
    assert recorded_steps(5) == [0, 1, 2, 3, 4, 5]
    assert recorded_steps(10_000) == list(range(10_001))
    assert recorded_steps(20_000) == snapshot_steps(20_000)
    result = train_from_settings(TrainingSettings(iterations=20))
    assert result.steps == list(range(21)) and result.snap(7) == 7 and result.snap(None) == 20
    # ties go to the earlier recorded iteration
    assert TrainingResult(result.network, result.history, [0, 10, 20]).snap(15) == 10
    assert TrainingResult(result.network, result.history, [0, 10, 20]).snap(16) == 20


def test_log_scale_redraws_without_retraining(explorer):
    result = explorer.result
    explorer.log_scale.value = True
    assert explorer.result is result
    assert explorer.panels.loss.get_yscale() == "log"


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
    settings = TrainingSettings(**EDGE_CASES[name])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = train_from_settings(settings)
        fig = draw_training(settings, result)
        render_png(fig)
        explorer = TrainingExplorer(settings, raise_errors=True)
        explorer.time.value = 300
    assert np.all(np.isfinite(result.history.loss))
    assert all(np.all(np.isfinite(p)) for p in result.network.parameters())
    assert explorer.last_error is None
    if name == "all equal":  # symmetry: the hidden units stay identical
        w1 = result.network.weights1
        assert np.allclose(w1, w1[:, :1])


def test_static_figure_matches_the_explorer_at_default_settings(explorer):
    settings = TrainingSettings()
    static = TrainingFigure(settings, train_from_settings(settings))
    a, b = static, explorer.panels
    np.testing.assert_array_equal(a.loss_line.get_xydata(), b.loss_line.get_xydata())
    np.testing.assert_array_equal(a.edges.get_array(), b.edges.get_array())
    assert [p.get_height() for p in a.bars] == [p.get_height() for p in b.bars]
    assert [t.get_text() for t in a.bar_labels] == [t.get_text() for t in b.bar_labels]
    # and the pixels: the explorer's incremental rendering equals a full draw of the
    # figure that draw_training makes
    pixels = png_pixels(explorer.image.value)
    full = png_pixels(render_png(draw_training(settings)))
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
    compact = TrainingExplorer(compact=True, raise_errors=True)
    assert len(compact.figure.axes) == 3  # diagram, its colour bar, loss
    before = np.asarray(compact.panels.loss_line.get_ydata()).copy()
    compact.learning_rate.value = 3.0
    assert not np.array_equal(before, compact.panels.loss_line.get_ydata())
    assert compact.last_error is None


def test_snapshot_steps():
    assert snapshot_steps(1500)[:3] == [0, 15, 30] and snapshot_steps(1500)[-1] == 1500
    assert snapshot_steps(0) == [0]
    assert snapshot_steps(7)[-1] == 7
    assert snapshot_steps(1234)[-1] == 1234


# -- bad input: a clear error naming the argument, before any arithmetic -------------
BAD_CALLS = {
    "snapshot iterations": (lambda: snapshot_steps(-1), ValueError, "iterations"),
    "snapshot count": (lambda: snapshot_steps(10, count=0), ValueError, "count"),
    "negative iterations": (lambda: TrainingSettings(iterations=-5), ValueError, "iterations"),
    "rate": (lambda: TrainingSettings(learning_rate=0.0), ValueError, "learning_rate"),
    "settings seed": (lambda: TrainingSettings(seed=-1), ValueError, "seed"),
    "init scale": (lambda: TrainingSettings(init_scale="big"), TypeError, "init_scale"),
    "weights shape": (lambda: TrainingSettings(weights1=np.zeros((3, 3)),
                                               weights2=np.zeros((4, 1))),
                      ValueError, "weights1"),
    "one weights": (lambda: TrainingSettings(weights2=np.zeros((4, 1))), ValueError,
                    "together"),
    "log flag": (lambda: TrainingSettings(log_scale="yes"), TypeError, "log_scale"),
    "time string": (lambda: TrainingSettings(time="a"), TypeError, "time"),
    "time too late": (lambda: TrainingSettings(iterations=10, time=11), ValueError, "time"),
    "settings string": (lambda: draw_training("a"), TypeError, "settings"),
    "result string": (lambda: draw_training(result="a"), TypeError, "result"),
    "compact string": (lambda: draw_training(compact="yes"), TypeError, "compact"),
    "train settings": (lambda: train_from_settings("a"), TypeError, "settings"),
    "render string": (lambda: render_png("a"), TypeError, "fig"),
    "initial seed": (lambda: initial_weights(-1), ValueError, "seed"),
    "initial scale": (lambda: initial_weights(0, -1.0), ValueError, "init_scale"),
}


@pytest.mark.parametrize("name", BAD_CALLS)
def test_bad_input_raises_a_clear_error(name):
    assert_clear_error(*BAD_CALLS[name])


def test_the_explorer_holds_its_panels(explorer):
    """The handles to the artists live in the explorer, not in the figure or a registry."""
    assert explorer.panels.figure is explorer.figure
    assert not hasattr(explorer.figure, "_nnfs_panels")
    figure = explorer.figure
    explorer.learning_rate.value = 2.0
    assert explorer.figure is figure  # updated in place
