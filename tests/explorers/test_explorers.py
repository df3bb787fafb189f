"""What every explorer promises: errors in callbacks shown, arguments checked, settings
shown as given (never clamped to a slider's range), display as a widget, text of 12 pt."""

import numpy as np
import pytest
from clear_errors import assert_clear_error

from nnfs_lib.explorers import lab, small, training
from nnfs_lib.explorers.lab import LabExplorer, draw_lab
from nnfs_lib.explorers.small import (
    draw_activation,
    draw_loss_along,
    draw_neuron,
)
from nnfs_lib.explorers.small_explorers import ActivationExplorer, LossExplorer, NeuronExplorer
from nnfs_lib.explorers.training import TrainingExplorer
from nnfs_lib.explorers.training_figure import draw_training
from nnfs_lib.explorers.training_settings import TrainingSettings
from nnfs_lib.lab.settings import LabSettings

#: name -> (make the explorer, (module, function its callback calls), its control,
#: three values for that control).
EXPLORERS = {
    "training": (lambda: TrainingExplorer(raise_errors=True),
                 (training, "train_from_settings"), lambda e: e.learning_rate, (2.0, 3.0, 1.0)),
    "lab": (lambda: LabExplorer(LabSettings(networks=50, curves=2), raise_errors=True),
            (lab, "train_lab"), lambda e: e.hidden_units, (3, 5, 4)),
    "activation": (lambda: ActivationExplorer(raise_errors=True),
                   (small, "draw_activation"), lambda e: e.weight, (2.0, 3.0, 1.0)),
    "neuron": (lambda: NeuronExplorer(raise_errors=True),
               (small, "draw_neuron"), lambda e: e.weights[0], (1.0, 2.0, 0.5)),
    "loss": (lambda: LossExplorer(raise_errors=True),
             (small, "draw_loss_along"), lambda e: e.value, (1.0, 2.0, 0.5)),
}


#: The explorers' static figures, as the notebooks draw them (smaller runs).
FIGURES = {
    "training": lambda: draw_training(TrainingSettings(iterations=100)),
    "compact training": lambda: draw_training(TrainingSettings(iterations=100), compact=True),
    "lab": lambda: draw_lab(LabSettings(networks=50, curves=4)),
    "activation": draw_activation,
    "neuron": draw_neuron,
    "loss": draw_loss_along,
}


# -- wrong arguments: a clear error naming the argument (not AttributeError/TraitError) --
BAD_EXPLORERS = {
    "training settings": (lambda: TrainingExplorer(settings="x"), TypeError, "settings"),
    "training compact": (lambda: TrainingExplorer(compact="yes"), TypeError, "compact"),
    "training raise_errors": (lambda: TrainingExplorer(raise_errors=1), TypeError,
                              "raise_errors"),
    "lab settings": (lambda: LabExplorer(TrainingSettings()), TypeError, "settings"),
    "neuron inputs": (lambda: NeuronExplorer(inputs="abc"), TypeError, "inputs"),
    "neuron weights": (lambda: NeuronExplorer(weights=(1.0, 2.0)), ValueError, "weights"),
    "loss seed": (lambda: LossExplorer(seed="a"), TypeError, "seed"),
    "loss negative seed": (lambda: LossExplorer(seed=-1), ValueError, "seed"),
    "activation weight": (lambda: ActivationExplorer(weight="a"), TypeError, "weight"),
    "activation bias": (lambda: ActivationExplorer(bias=float("nan")), ValueError, "bias"),
}


@pytest.mark.parametrize("name", BAD_EXPLORERS)
def test_wrong_arguments_raise_a_clear_error(name):
    assert_clear_error(*BAD_EXPLORERS[name])


# -- settings beyond a slider's usual range: shown as given, never clamped ---------------


def test_training_explorer_shows_large_given_weights():
    weights1, weights2 = np.full((3, 4), 30.0), np.full((4, 1), -25.0)
    explorer = TrainingExplorer(TrainingSettings(weights1=weights1, weights2=weights2,
                                                 learning_rate=0.001, iterations=10))
    np.testing.assert_array_equal(explorer.settings.weights1, weights1)
    np.testing.assert_array_equal(explorer.settings.weights2, weights2)
    assert explorer.settings.learning_rate == 0.001


def test_lab_explorer_shows_settings_beyond_its_sliders():
    given = LabSettings(init_scale=0.01, learning_rate=50.0, iterations=4500, hidden_units=10,
                        networks=20, curves=2)
    explorer = LabExplorer(given, raise_errors=True)
    settings = explorer.settings
    assert (settings.init_scale, settings.learning_rate, settings.iterations,
            settings.hidden_units) == (0.01, 50.0, 4500, 10)
