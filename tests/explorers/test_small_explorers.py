"""The small explorers (notebooks 03, 04, 05), driven without a browser, and their figures."""

import warnings

import numpy as np
import pytest
from clear_errors import assert_clear_error

from nnfs_lib.explorers.small import (
    draw_activation,
    draw_loss_along,
    draw_neuron,
)


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
