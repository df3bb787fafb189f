"""Notebooks 09 and 10: figures (nnfs_lib.plots.lab_*) and exercise checks, fed by nnfs_lib.lab.

These test the layers above the lab (plots, exercises) with the lab's own
results; they were part of the old tests/test_lab.py and may move to
tests/plots and tests/exercises.
"""

import numpy as np
import pytest
from matplotlib import colors as mcolors
from matplotlib.figure import Figure

from nnfs_lib.exercises import architecture as ex10
from nnfs_lib.exercises import which_starts_train as ex09
from nnfs_lib.lab import architecture, starts
from nnfs_lib.plots import lab_architecture as pa  # figures of notebook 10
from nnfs_lib.plots import lab_starts as ps  # and of notebook 09
from nnfs_lib.plots import style


# -- figures ------------------------------------------------------------------------------
def test_figures_are_figures():
    figures = [
        ps.success_by_scale_plot([1, 2], [10, 20], np.array([[0.5, 1.0], [0.0, 0.2]])),
        ps.basin_plot([0, 1], [0, 1, 2], np.array([[1, 0], [0, 1], [1, 1]], bool), start=(0, 1)),
        ps.symmetry_plot(starts.symmetric_start(iterations=5)),
        ps.gradient_norms_plot([1, 16], np.array([[1e-2, 0.0], [1e-3, 1e-13]])),
        ps.learning_rate_plot([0.1, 1], np.ones((11, 2)), zoom=5),
        ps.success_rate_plot([0.1, 1], [0.2, 1.0], "learning rate", "t"),
        pa.success_bars(["a", "b"], [0.5, 1.0], "t", highlight=0),
        pa.gates_plot(["and", "xor"], architecture.gate_models(["and", "xor"], iterations=20),
                      resolution=11),
    ]
    for fig in figures:
        assert isinstance(fig, Figure)
        fig.canvas.draw()
    with pytest.raises(ValueError, match="rates"):
        pa.success_bars(["a"], [1.5], "t")


def test_gates_legend_matches_the_drawn_markers():
    gates = ["and", "xor"]
    fig = pa.gates_plot(gates, architecture.gate_models(gates, iterations=20), resolution=11)
    legend = fig.legends[0]
    colours = {text.get_text(): handle.get_facecolor()[0][:3]
               for text, handle in zip(legend.get_texts(), legend.legend_handles)
               if text.get_text().startswith("target")}
    # Notebook 00's convention, as decision_boundary draws it: blue 0s, orange 1s.
    np.testing.assert_allclose(colours["target 0"], mcolors.to_rgb(style.BLUE))
    np.testing.assert_allclose(colours["target 1"], mcolors.to_rgb(style.ORANGE))
    for ax in fig.axes[:4]:
        drawn = {c.get_label(): c.get_facecolor()[0][:3] for c in ax.collections
                 if c.get_label().startswith("target")}
        for label, colour in drawn.items():
            np.testing.assert_allclose(colour, colours[label])


MODELS = {"network_predict": [np.sum], "neuron_predict": [np.sum],
          "network_solved": [True], "neuron_solved": [True]}


@pytest.mark.parametrize("call, error, name", [
    (lambda: ps.success_by_scale_plot(["a", "b"], [10], [[0.5], [1.0]]), TypeError, "init_scales"),
    (lambda: ps.success_by_scale_plot([1, 2], [10], [[0.5], [1.0, 2]]), ValueError, "rates"),
    (lambda: ps.success_by_scale_plot([1, 2], [-10], [[0.5], [1.0]]), ValueError, "checkpoints"),
    (lambda: ps.basin_plot([0, 1], [0, 1], np.ones((2, 2)), start="a"), TypeError, "start"),
    (lambda: ps.basin_plot([0, 1], [0, 1], np.ones((2, 2)), start=(1, 2, 3)), ValueError,
     "start"),
    (lambda: ps.basin_plot([0], [0], np.ones((1, 1))), ValueError, "values1"),
    (lambda: ps.basin_plot([1, 0], [0, 1], np.ones((2, 2))), ValueError, "values1"),
    (lambda: ps.basin_plot([0, 1], [0, 1], np.full((2, 2), 0.5)), ValueError, "solved_grid"),
    (lambda: ps.symmetry_plot(None), TypeError, "history"),
    (lambda: ps.learning_rate_plot([0.1, 1], np.ones((11, 2)), names=["a"]), ValueError,
     "names"),
    (lambda: ps.learning_rate_plot([0.1, 1], np.ones((11, 2)), zoom="a"), TypeError, "zoom"),
    (lambda: ps.learning_rate_plot([0.1, 1], np.ones((1, 2))), ValueError, "loss"),
    (lambda: ps.gradient_norms_plot(["1"], np.ones((3, 1))), TypeError, "init_scales"),
    (lambda: ps.success_rate_plot(["a"], [0.5], "x", "t"), TypeError, "values"),
    (lambda: ps.success_rate_plot([1], [0.5], None, "t"), TypeError, "xlabel"),
    (lambda: pa.success_bars(["a"], [0.5], "t", highlight=3), ValueError, "highlight"),
    (lambda: pa.gates_plot(["and"], {}), ValueError, "models"),
    (lambda: pa.gates_plot(["and", "or"], MODELS), ValueError, "models"),
    (lambda: pa.gates_plot(["maybe"], MODELS), ValueError, "gates"),
    (lambda: pa.gates_plot(["and"], MODELS, resolution=1), ValueError, "resolution"),
])
def test_figures_check_their_arguments(call, error, name):
    with pytest.raises(error, match=rf"^{name} "):
        call()


# -- exercise checks ------------------------------------------------------------------------
def test_check_09_symmetric_start():
    w1 = np.tile([[1.0], [-2.0], [0.5]], (1, 4))
    assert ex09.check_09_symmetric_start(w1, np.full((4, 1), 0.3))
    assert not ex09.check_09_symmetric_start(np.full((3, 4), 0.5), np.full((4, 1), 0.5))
    assert not ex09.check_09_symmetric_start(np.arange(12.0).reshape(3, 4), np.ones((4, 1)))
    assert not ex09.check_09_symmetric_start(w1, np.arange(4.0).reshape(4, 1))
    for bad in (None, "w", [[1, 2]], np.ones((4, 3))):
        result = ex09.check_09_symmetric_start(bad, np.ones((4, 1)))
        assert not result and "Hint" in repr(result)


def test_check_10_single_neuron_gates():
    assert ex10.check_10_single_neuron_gates(["NOR", "implies"])
    assert ex10.check_10_single_neuron_gates((" nor", "Implies "))
    for bad in (["nor"], ["nor", "implies", "xnor"], ["and", "or", "nand"], None, "nor",
                [1, 2], 3):
        result = ex10.check_10_single_neuron_gates(bad)
        assert not result and "Hint" in repr(result)
        assert "implies" not in repr(result).lower()


def test_check_10_two_unit_xor():
    or_nand = np.array([[20.0, -20.0], [20.0, -20.0]]), [-10.0, 30.0]
    assert ex10.check_10_two_unit_xor(*or_nand, [[20.0], [20.0]], -30.0)
    assert ex10.check_10_two_unit_xor(*or_nand, np.array([[20.0], [20.0]]), np.array([-30.0]))
    # the same hidden layer with an OR at the output is not XOR
    wrong = ex10.check_10_two_unit_xor(*or_nand, [[20.0], [20.0]], -10.0)
    assert not wrong and "outputs 1.000, 1.000, 1.000, 1.000" in repr(wrong)
    ones, zeros, out = np.ones((2, 2)), [0, 0], [[1], [1]]
    bads = [(None, zeros, out, 0), (np.ones((3, 2)), zeros, out, 0), (ones, [0, 0, 0], out, 0),
            (ones, zeros, [1, 1, 1], 0), (ones, zeros, out, [0, 0]), (ones, zeros, out, "b"),
            (np.full((2, 2), np.nan), zeros, out, 0), (np.zeros((2, 2)), zeros, [[0], [0]], 0)]
    for bad in bads:
        result = ex10.check_10_two_unit_xor(*bad)
        assert not result and "Hint" in repr(result)
        assert "-30" not in repr(result) and "20, -20" not in repr(result)
