"""The initial-weights lab explorer (notebook 09), driven without a browser (slider .value),
and its figure ``draw_lab``."""

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from clear_errors import assert_clear_error

from nnfs_lib.datasets import xor
from nnfs_lib.explorers.fastrender import render_png
from nnfs_lib.explorers.lab import LabExplorer, LabFigure, draw_lab
from nnfs_lib.explorers.training_settings import TrainingSettings
from nnfs_lib.lab.many import solved
from nnfs_lib.lab.settings import LOSS_BINS, LOSS_FLOOR, LabSettings, train_lab
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.plots.style import BLUE, VERMILLION
from nnfs_lib.training import train

# Every warning, from any update, is an error in these tests.
pytestmark = pytest.mark.filterwarnings("error")

# Fewer starts than the notebook's 500 keep the tests quick; the maths is the same.
SMALL = dict(networks=200, curves=4)


@pytest.fixture
def explorer():
    open_before = plt.get_fignums()
    made = LabExplorer(LabSettings(**SMALL), raise_errors=True)
    yield made
    # An exception swallowed by a callback (button clicks go through ipywidgets'
    # dispatcher, which only logs) still fails the test.
    assert made.last_error is None, made.last_error
    assert plt.get_fignums() == open_before  # no pyplot figure leaked


def histogram_heights(explorer):
    solved_heights = [bar.get_height() for bar in explorer.panels.solved_bars]
    failed_heights = [bar.get_height() for bar in explorer.panels.failed_bars]
    return np.array(solved_heights), np.array(failed_heights)


def headline(explorer):
    return explorer.panels.headline.get_text()


def static_panels(settings):
    """The panels of the static figure ``draw_lab(settings)`` draws."""
    panels = LabFigure(settings)
    panels.update(settings, train_lab(settings))
    return panels


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
    centres = np.sqrt(LOSS_BINS[:-1] * LOSS_BINS[1:])
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
        lines = explorer.panels.lines
        assert all(line.get_xdata().size == 101 for line in lines)
    updates = explorer.updates
    getattr(explorer, control).value = value  # no change, no update
    assert explorer.updates == updates


def test_sliders_retrain_on_release_only(explorer):
    assert all(control.continuous_update is False for control in explorer.controls)


def test_numbers_match_single_networks_trained_one_by_one(explorer):
    explorer.init_scale.value = 4.0
    x, y = xor()
    panels = explorer.panels
    for seed in (0, 1, 2):
        network = NeuralNetwork(x, y, rng=seed, init_scale=4.0)
        history = train(network, 1500)
        assert explorer.result.final_loss[seed] == pytest.approx(history.loss[-1], rel=1e-9,
                                                                 abs=1e-12)
        is_solved = bool(solved(network.predict(x), y)[0])
        assert bool(explorer.result.solved[seed]) == is_solved
        # the drawn curve of start `seed` is that network's loss history
        np.testing.assert_allclose(panels.lines[seed].get_ydata(),
                                   np.maximum(history.loss, LOSS_FLOOR), rtol=1e-9)
        expected = BLUE if is_solved else VERMILLION
        assert panels.lines[seed].get_color() == expected


def test_reset_restores_the_defaults(explorer):
    first = explorer.result.final_loss.copy()
    explorer.hidden_units.value = 2
    explorer.learning_rate.value = 10.0
    explorer.reset_button.click()
    assert explorer.settings.hidden_units == 4 and explorer.settings.learning_rate == 1.0
    np.testing.assert_array_equal(explorer.result.final_loss, first)


def test_static_figure_equals_the_explorer_at_default_settings():
    explorer = LabExplorer(raise_errors=True)
    static = draw_lab(LabSettings())
    assert static is not explorer.figure
    assert render_png(static) == explorer.image.value  # the same pixels
    a, b = static_panels(LabSettings()), explorer.panels
    for key in ("solved_bars", "failed_bars"):
        assert [r.get_height() for r in getattr(a, key)] == \
            [r.get_height() for r in getattr(b, key)]
        assert [r.get_y() for r in getattr(a, key)] == [r.get_y() for r in getattr(b, key)]
    for line_a, line_b in zip(a.lines, b.lines, strict=True):
        np.testing.assert_array_equal(line_a.get_xydata(), line_b.get_xydata())
        assert line_a.get_color() == line_b.get_color()
    for key in ("headline", "subtitle", "counts"):
        assert getattr(a, key).get_text() == getattr(b, key).get_text()
    assert a.headline.get_text() == "100.0% of 500 starts solve XOR"
    assert explorer.last_error is None


def test_an_update_after_other_settings_matches_a_fresh_drawing(explorer):
    explorer.init_scale.value = 8.0
    explorer.hidden_units.value = 2
    explorer.init_scale.value = 1.0
    settings = explorer.settings
    fresh, live = static_panels(settings), explorer.panels
    assert [r.get_height() for r in fresh.failed_bars] == \
        [r.get_height() for r in live.failed_bars]
    assert fresh.subtitle.get_text() == live.subtitle.get_text()
    assert live.hist.get_ylim() == fresh.hist.get_ylim()
    assert render_png(draw_lab(settings)) == explorer.image.value


def test_many_updates_leak_no_figures_and_stay_fast(explorer):
    import time

    figure = explorer.figure
    start = time.perf_counter()
    for k in range(6):
        explorer.init_scale.value = [0.5, 2.0, 8.0][k % 3]
    per_update = (time.perf_counter() - start) / 6
    assert explorer.figure is figure  # updated in place
    assert per_update < 2.0  # ~0.1-0.3 s on the dev machine; generous for loaded CI


def test_edge_settings_draw_without_warnings():
    cases = [dict(iterations=0), dict(learning_rate=30.0), dict(init_scale=16.0),
             dict(hidden_units=1, curves=1), dict(networks=1, curves=1)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for case in cases:
            settings = LabSettings(**{**SMALL, **case})
            result = train_lab(settings)
            render_png(draw_lab(settings, result))
            assert np.all(np.isfinite(result.final_loss))


def test_explorer_displays_as_a_widget(explorer):
    assert "application/vnd.jupyter.widget-view+json" in explorer._repr_mimebundle_()


BAD_CALLS = {
    "scale zero": (lambda: LabSettings(init_scale=0), ValueError, "init_scale"),
    "scale string": (lambda: LabSettings(init_scale="big"), TypeError, "init_scale"),
    "iterations negative": (lambda: LabSettings(iterations=-1), ValueError, "iterations"),
    "iterations float": (lambda: LabSettings(iterations=1.5), TypeError, "iterations"),
    "rate nan": (lambda: LabSettings(learning_rate=float("nan")), ValueError,
                 "learning_rate"),
    "width zero": (lambda: LabSettings(hidden_units=0), ValueError, "hidden_units"),
    "width huge": (lambda: LabSettings(hidden_units=1000), ValueError, "hidden_units"),
    "networks zero": (lambda: LabSettings(networks=0), ValueError, "networks"),
    "curves > networks": (lambda: LabSettings(networks=3, curves=4), ValueError, "curves"),
    "too much history": (lambda: LabSettings(networks=10_000, iterations=100_000),
                         ValueError, "networks x"),
    "train settings": (lambda: train_lab("a"), TypeError, "settings"),
    "draw settings": (lambda: draw_lab(TrainingSettings()), TypeError, "settings"),
    "draw result": (lambda: draw_lab(result="a"), TypeError, "result"),
    "draw mismatched result": (lambda: draw_lab(LabSettings(networks=50, curves=2),
                                                  train_lab(LabSettings(**SMALL))),
                               ValueError, "result"),
    "explorer settings": (lambda: LabExplorer(TrainingSettings()), TypeError, "settings"),
}


@pytest.mark.parametrize("name", BAD_CALLS)
def test_bad_settings_raise_a_clear_error(name):
    assert_clear_error(*BAD_CALLS[name])
