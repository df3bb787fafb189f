"""The initial-weights lab explorer (notebook 09), driven without a browser (slider .value)."""

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from clear_errors import assert_clear_error
from matplotlib.text import Text
from nnfs_lib.many import solved

from nnfs_lib import lab as L
from nnfs_lib import lab_plotting as LP
from nnfs_lib import widgets as W
from nnfs_lib.datasets import xor
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train

# Every warning, from any update, is an error in these tests.
pytestmark = pytest.mark.filterwarnings("error")

# Fewer starts than the notebook's 500 keep the tests quick; the maths is the same.
SMALL = dict(networks=200, curves=4)


@pytest.fixture
def explorer():
    open_before = plt.get_fignums()
    made = W.LabExplorer(W.LabSettings(**SMALL), raise_errors=True)
    yield made
    # An exception swallowed by a callback (button clicks go through ipywidgets'
    # dispatcher, which only logs) still fails the test.
    assert made.last_error is None, made.last_error
    assert plt.get_fignums() == open_before  # no pyplot figure leaked


def histogram_heights(explorer):
    panels = LP.lab_panels(explorer.figure)
    solved_heights = [bar.get_height() for bar in panels["solved_bars"]]
    failed_heights = [bar.get_height() for bar in panels["failed_bars"]]
    return np.array(solved_heights), np.array(failed_heights)


def headline(explorer):
    return LP.lab_panels(explorer.figure)["headline"].get_text()


def test_default_settings_solve_xor_from_every_start(explorer):
    assert explorer.settings.init_scale == 1.0 and explorer.settings.hidden_units == 4
    assert explorer.result.success_rate == 1.0
    assert headline(explorer) == "100.0% of 200 starts solve XOR"
    assert "100.0%" in explorer.summary.value
    solved_heights, failed_heights = histogram_heights(explorer)
    assert solved_heights.sum() == 200 and failed_heights.sum() == 0


def test_large_scale_gives_a_lower_success_rate(explorer):
    picture = explorer.image.value
    updates = explorer.updates
    explorer.init_scale.value = 8.0
    assert explorer.updates == updates + 1  # one change, one retraining
    assert explorer.settings.init_scale == 8.0
    assert explorer.result.success_rate < 0.2  # scale 8 saturates the sigmoids
    assert explorer.image.value != picture
    solved_heights, failed_heights = histogram_heights(explorer)
    assert failed_heights.sum() == np.count_nonzero(~explorer.result.solved) > 160
    # failed starts end at high losses, on the right of the histogram
    centres = np.sqrt(L.LOSS_BINS[:-1] * L.LOSS_BINS[1:])
    assert np.average(centres, weights=failed_heights) > 0.1
    assert headline(explorer).startswith(f"{100 * explorer.result.success_rate:.1f}%")


@pytest.mark.parametrize("control, value", [
    ("learning_rate", 0.1),  # too slow to finish within 1,500 iterations
    ("hidden_units", 1),  # one hidden unit draws one line: never XOR
    ("iterations", 100),  # too few updates
])
def test_each_slider_retrains(explorer, control, value):
    before = explorer.result
    getattr(explorer, control).value = value
    assert explorer.result is not before
    assert getattr(explorer.settings, control) == value
    assert explorer.result.success_rate < before.success_rate
    if control == "hidden_units":
        assert explorer.result.success_rate == 0.0
        assert explorer.result.history.weights1.shape == (200, 3, 1)
    if control == "iterations":
        lines = LP.lab_panels(explorer.figure)["lines"]
        assert all(line.get_xdata().size == 101 for line in lines)
    updates = explorer.updates
    getattr(explorer, control).value = value  # no change, no update
    assert explorer.updates == updates


def test_sliders_retrain_on_release_only(explorer):
    assert all(control.continuous_update is False for control in explorer.controls)


def test_numbers_match_single_networks_trained_one_by_one(explorer):
    explorer.init_scale.value = 4.0
    x, y = xor()
    panels = LP.lab_panels(explorer.figure)
    for seed in (0, 1, 2):
        network = NeuralNetwork(x, y, rng=seed, init_scale=4.0)
        history = train(network, 1500)
        assert explorer.result.final_loss[seed] == pytest.approx(history.loss[-1], rel=1e-9,
                                                                 abs=1e-12)
        is_solved = bool(solved(network.predict(x), y)[0])
        assert bool(explorer.result.solved[seed]) == is_solved
        # the drawn curve of start `seed` is that network's loss history
        np.testing.assert_allclose(panels["lines"][seed].get_ydata(),
                                   np.maximum(history.loss, L.LOSS_FLOOR), rtol=1e-9)
        expected = LP.plotting.BLUE if is_solved else LP.plotting.VERMILLION
        assert panels["lines"][seed].get_color() == expected


def test_reset_restores_the_defaults(explorer):
    first = explorer.result.final_loss.copy()
    explorer.hidden_units.value = 2
    explorer.learning_rate.value = 10.0
    explorer.reset_button.click()
    assert explorer.settings.hidden_units == 4 and explorer.settings.learning_rate == 1.0
    np.testing.assert_array_equal(explorer.result.final_loss, first)


def test_callback_exception_is_shown_and_raised(explorer, monkeypatch):
    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(W, "train_lab", broken)
    with pytest.raises(RuntimeError, match="boom"):
        explorer.hidden_units.value = 3
    assert "boom" in explorer.error_label.value
    explorer.raise_errors = False
    explorer.hidden_units.value = 5  # shown, not raised
    assert isinstance(explorer.last_error, RuntimeError)
    monkeypatch.undo()
    explorer.hidden_units.value = 4
    assert explorer.last_error is None and explorer.error_label.value == ""


def test_static_figure_equals_the_explorer_at_default_settings():
    explorer = W.LabExplorer(raise_errors=True)
    static = W.draw_lab(W.LabSettings())
    live = explorer.figure
    assert static is not live
    a, b = LP.lab_panels(static), LP.lab_panels(live)
    for key in ("solved_bars", "failed_bars"):
        assert [r.get_height() for r in a[key]] == [r.get_height() for r in b[key]]
        assert [r.get_y() for r in a[key]] == [r.get_y() for r in b[key]]
    for line_a, line_b in zip(a["lines"], b["lines"], strict=True):
        np.testing.assert_array_equal(line_a.get_xydata(), line_b.get_xydata())
        assert line_a.get_color() == line_b.get_color()
    for key in ("headline", "subtitle", "counts"):
        assert a[key].get_text() == b[key].get_text()
    assert a["headline"].get_text() == "100.0% of 500 starts solve XOR"
    assert explorer.last_error is None


def test_an_update_after_other_settings_matches_a_fresh_drawing(explorer):
    explorer.init_scale.value = 8.0
    explorer.hidden_units.value = 2
    explorer.init_scale.value = 1.0
    settings = explorer.settings
    fresh = LP.lab_panels(W.draw_lab(settings))
    live = LP.lab_panels(explorer.figure)
    assert [r.get_height() for r in fresh["failed_bars"]] == \
        [r.get_height() for r in live["failed_bars"]]
    assert fresh["subtitle"].get_text() == live["subtitle"].get_text()
    assert live["hist"].get_ylim() == fresh["hist"].get_ylim()


def test_many_updates_leak_no_figures_and_stay_fast(explorer):
    import time

    figure = explorer.figure
    start = time.perf_counter()
    for k in range(6):
        explorer.init_scale.value = [0.5, 2.0, 8.0][k % 3]
    per_update = (time.perf_counter() - start) / 6
    assert explorer.figure is figure  # updated in place
    assert per_update < 2.0  # ~0.1-0.3 s on the dev machine; generous for loaded CI


def test_lab_figure_text_is_at_least_12_points():
    fig = W.draw_lab(W.LabSettings(**SMALL))
    W.render_png(fig)  # creates the tick labels
    for text in fig.findobj(Text):
        if text.get_visible() and text.get_text():
            assert text.get_fontsize() >= 12, (text.get_text(), text.get_fontsize())


def test_edge_settings_draw_without_warnings():
    cases = [dict(iterations=0), dict(learning_rate=30.0), dict(init_scale=16.0),
             dict(hidden_units=1, curves=1), dict(networks=1, curves=1)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for case in cases:
            settings = W.LabSettings(**{**SMALL, **case})
            result = W.train_lab(settings)
            W.render_png(W.draw_lab(settings, result))
            assert np.all(np.isfinite(result.final_loss))


def test_explorer_displays_as_a_widget(explorer):
    assert "application/vnd.jupyter.widget-view+json" in explorer._repr_mimebundle_()


BAD_CALLS = {
    "scale zero": (lambda: W.LabSettings(init_scale=0), ValueError, "init_scale"),
    "scale string": (lambda: W.LabSettings(init_scale="big"), TypeError, "init_scale"),
    "iterations negative": (lambda: W.LabSettings(iterations=-1), ValueError, "iterations"),
    "iterations float": (lambda: W.LabSettings(iterations=1.5), TypeError, "iterations"),
    "rate nan": (lambda: W.LabSettings(learning_rate=float("nan")), ValueError,
                 "learning_rate"),
    "width zero": (lambda: W.LabSettings(hidden_units=0), ValueError, "hidden_units"),
    "width huge": (lambda: W.LabSettings(hidden_units=1000), ValueError, "hidden_units"),
    "networks zero": (lambda: W.LabSettings(networks=0), ValueError, "networks"),
    "curves > networks": (lambda: W.LabSettings(networks=3, curves=4), ValueError, "curves"),
    "too much history": (lambda: W.LabSettings(networks=10_000, iterations=100_000),
                         ValueError, "networks x"),
    "train settings": (lambda: W.train_lab("a"), TypeError, "settings"),
    "draw settings": (lambda: W.draw_lab(W.TrainingSettings()), TypeError, "settings"),
    "draw result": (lambda: W.draw_lab(result="a"), TypeError, "result"),
    "draw mismatched result": (lambda: W.draw_lab(W.LabSettings(networks=50, curves=2),
                                                  W.train_lab(W.LabSettings(**SMALL))),
                               ValueError, "result"),
    "draw fig": (lambda: W.draw_lab(fig="a"), TypeError, "fig"),
    "explorer settings": (lambda: W.LabExplorer(W.TrainingSettings()), TypeError, "settings"),
}


@pytest.mark.parametrize("name", BAD_CALLS)
def test_bad_settings_raise_a_clear_error(name):
    assert_clear_error(*BAD_CALLS[name])
