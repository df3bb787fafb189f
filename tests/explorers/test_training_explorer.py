"""The training explorer's settings, recorded run and static figure (notebooks 06, 08);
the widget itself is driven in test_widgets.py and test_browser.py."""

import numpy as np
import pytest

from nnfs_lib.explorers.training import TrainingExplorer
from nnfs_lib.explorers.training_figure import draw_training
from nnfs_lib.explorers.training_settings import (
    TrainingResult,
    TrainingSettings,
    initial_weights,
    recorded_steps,
    snapshot_steps,
    train_from_settings,
)


def test_recorded_steps():
    assert recorded_steps(5) == [0, 1, 2, 3, 4, 5]
    assert recorded_steps(10_000) == list(range(10_001))
    assert recorded_steps(20_000) == snapshot_steps(20_000)
    result = train_from_settings(TrainingSettings(iterations=20))
    assert result.steps == list(range(21)) and result.snap(7) == 7 and result.snap(None) == 20
    # ties go to the earlier recorded iteration
    assert TrainingResult(result.network, result.history, [0, 10, 20]).snap(15) == 10
    assert TrainingResult(result.network, result.history, [0, 10, 20]).snap(16) == 20


EDGE_CASES = {
    "all equal": dict(weights1=np.full((3, 4), 0.5), weights2=np.full((4, 1), 0.5)),
    "all zero": dict(weights1=np.zeros((3, 4)), weights2=np.zeros((4, 1))),
    "very large": dict(init_scale=20.0),
    "huge weights": dict(weights1=np.full((3, 4), 20.0), weights2=np.full((4, 1), -20.0)),
    "oscillating": dict(learning_rate=12.0),
    "too large rate": dict(learning_rate=100.0, iterations=10_000),
    "log of saturated": dict(learning_rate=100.0, log_scale=True),
}


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
    "initial seed": (lambda: initial_weights(-1), ValueError, "seed"),
    "initial scale": (lambda: initial_weights(0, -1.0), ValueError, "init_scale"),
}




@pytest.mark.parametrize("name", BAD_CALLS)
def test_bad_input_raises_a_clear_error(name):
    call, error, word = BAD_CALLS[name]
    with pytest.raises(error, match=word):
        call()


@pytest.mark.parametrize("name", EDGE_CASES)
def test_edge_cases_train_send_and_draw(name):
    """Saturated, symmetric, oscillating and overshooting runs: finite numbers, a figure."""
    settings = TrainingSettings(**EDGE_CASES[name])
    explorer = TrainingExplorer(settings, raise_errors=True)
    weights = np.frombuffer(explorer.run["weights"], "<f8")
    loss = np.frombuffer(explorer.run["loss"], "<f8")
    assert np.isfinite(weights).all() and np.isfinite(loss).all() and (loss >= 0).all()
    assert explorer.run["scale"] == (np.abs(weights).max() or 1.0)
    assert explorer.time == settings.iterations and explorer.log_scale == settings.log_scale
    figure = draw_training(settings, result=explorer.result)
    assert len(figure.axes) >= 2
