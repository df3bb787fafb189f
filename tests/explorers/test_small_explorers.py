"""The small explorers (notebooks 03, 04, 05), driven without a browser, and their figures."""

import warnings

import numpy as np
import pytest
from clear_errors import assert_clear_error

from nnfs_lib.datasets import xor
from nnfs_lib.explorers.small import (
    ActivationExplorer,
    LossExplorer,
    NeuronExplorer,
    draw_activation,
    draw_loss_along,
    draw_neuron,
)
from nnfs_lib.network import NeuralNetwork


def test_activation_explorer():
    explorer = ActivationExplorer(raise_errors=True)
    line = explorer.figure.axes[0].lines[0]
    before = np.asarray(line.get_ydata()).copy()
    explorer.weight.value = 4.0
    explorer.bias.value = -2.0
    after = np.asarray(line.get_ydata())
    x = ActivationExplorer.X
    np.testing.assert_allclose(after, 1 / (1 + np.exp(-(4.0 * x - 2.0))))
    assert not np.array_equal(before, after)
    assert explorer.last_error is None


def test_neuron_explorer():
    explorer = NeuronExplorer(raise_errors=True)
    dot = [line for line in explorer.figure.axes[1].lines if line.get_gid() == "neuron"][0]
    explorer.weights[0].value = 2.0
    explorer.inputs[1].value = 1.0
    z = 2.0 * 1.0 + (-0.5) * 1.0 + 0.2 * 1.0
    assert dot.get_xdata()[0] == pytest.approx(z)
    assert dot.get_ydata()[0] == pytest.approx(1 / (1 + np.exp(-z)))
    assert explorer.last_error is None


def test_loss_explorer_tangent_is_the_gradient():
    explorer = LossExplorer(raise_errors=True)
    explorer.choice.value = (0, 1, 2)
    explorer.value.value = 1.5
    ax = explorer.figure.axes[0]
    tangent = [line for line in ax.lines if line.get_gid() == "tangent"][0]
    (x0, x1), (y0, y1) = tangent.get_xdata(), tangent.get_ydata()

    # An independent slope: a central difference of the loss along that weight.
    network = NeuralNetwork(*xor(), rng=0)
    h = 1e-5
    network.weights1[1, 2] = 1.5 + h
    above = network.loss()
    network.weights1[1, 2] = 1.5 - h
    below = network.loss()
    assert (y1 - y0) / (x1 - x0) == pytest.approx((above - below) / (2 * h), rel=1e-6)
    assert explorer.last_error is None


def test_a_figure_updates_in_place():
    for draw, before, after in ((draw_activation, (1.0, 0.0), (3.0, -1.0)),
                                (draw_neuron, ((1, 0, 1), (1, 1, 1)), ((0, 1, 1), (2, 1, 1))),
                                (draw_loss_along, ((1, 0, 0), 0.5), ((0, 1, 2), 1.5))):
        fig = draw(*before)
        title = fig.axes[0].get_title()
        assert draw(*after, fig=fig) is fig
        assert fig.axes[0].get_title() != title
        assert fig.axes[0].get_title() == draw(*after).axes[0].get_title()


# -- bad input: a clear error naming the argument, before any arithmetic -------------
BAD_CALLS = {
    "which layer": (lambda: draw_loss_along((2, 0, 0)), ValueError, "which"),
    "which row": (lambda: draw_loss_along((0, 5, 0)), ValueError, "which"),
    "which string": (lambda: draw_loss_along("abc"), TypeError, "which"),
    "span": (lambda: draw_loss_along(span=(3, 1)), ValueError, "span"),
    "value nan": (lambda: draw_loss_along(value=float("nan")), ValueError, "value"),
    "value outside": (lambda: draw_loss_along(value=9.0), ValueError, "value"),
    "loss seed": (lambda: draw_loss_along(seed=-1), ValueError, "seed"),
    "loss fig": (lambda: draw_loss_along(fig="a"), TypeError, "fig"),
    "weight string": (lambda: draw_activation("a"), TypeError, "weight"),
    "weight nan": (lambda: draw_activation(float("nan")), ValueError, "weight"),
    "weight huge": (lambda: draw_activation(1e308, 1e308), ValueError, "weight"),
    "bias inf": (lambda: draw_activation(1.0, float("inf")), ValueError, "bias"),
    "activation fig": (lambda: draw_activation(fig="a"), TypeError, "fig"),
    "neuron inputs": (lambda: draw_neuron((1, 0), (1, 2, 3)), ValueError, "inputs"),
    "neuron weights": (lambda: draw_neuron((1, 0, 1), "abc"), TypeError, "weights"),
    "neuron huge": (lambda: draw_neuron((1, 0, 1), (1e7, 0, 0)), ValueError, "weights"),
}


@pytest.mark.parametrize("name", BAD_CALLS)
def test_bad_input_raises_a_clear_error(name):
    assert_clear_error(*BAD_CALLS[name])


def test_large_but_valid_input_draws_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = draw_activation(1e6, -1e6)
        draw_neuron((1e6, -1e6, 1.0), (1e6, 1e6, -1e6))
    assert np.all(np.isfinite(fig.axes[0].lines[0].get_ydata()))
