"""The initial-weights lab explorer (notebook 09), driven without a browser (slider .value),
and its figure ``draw_lab``."""


import matplotlib.pyplot as plt
import numpy as np
import pytest
from clear_errors import assert_clear_error

from nnfs_lib.explorers.lab import LabExplorer, LabFigure, draw_lab
from nnfs_lib.explorers.training_settings import TrainingSettings
from nnfs_lib.lab.settings import LabSettings, train_lab

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
