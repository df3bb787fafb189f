"""The backpropagation stepper's static figure (notebooks 06 and 07): the gradients on the edges.

``gradient_diagram`` draws the 3-4-1 network (``plots.diagram.network_diagram``,
edges coloured by weight) with the numbers of steps 5 and 7 of the stepper
written on its edges: ∂L/∂W₂ on each hidden → output edge and ∂L/∂W₁ on each
input → hidden edge, from ``NeuralNetwork.iteration_values``. It is what the
live stepper (``explorers.stepper``) shows when there is no kernel.
"""

import matplotlib as mpl
import numpy as np

from nnfs_lib._checks import check_count
from nnfs_lib.datasets import xor
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.plots.diagram import network_diagram
from nnfs_lib.plots.style import STYLE, _check_text, _new_axes

#: Where network_diagram puts the nodes (x of each layer, y of each node), and its radius.
_INPUT_Y, _HIDDEN_Y, _LAYER_X, _RADIUS = (1, 0, -1), (1.5, 0.5, -0.5, -1.5), (0.0, 1.5, 3.0), 0.26
#: An input -> hidden edge's number sits at the edge's height 3/4 of the way to the unit.
_EDGE1_AT = 0.75


def _gradient_text(value):
    """A gradient as written on the figure: 3 significant digits, a real minus sign."""
    return f"{value:.3g}".replace("-", "−")


def gradient_diagram(network=None, sample=None, ax=None, title=None):
    """The network with ∂L/∂W₁ and ∂L/∂W₂ of one iteration written on its edges.

    Parameters
    ----------
    network : a 3-4-1 ``NeuralNetwork``, default ``NeuralNetwork(*xor(), rng=0)``
        (the starting weights of notebooks 04-07 and of ``BackpropStepper()``).
    sample : None (the gradient of all rows, the batch) or a row index (its share).
    ax : optional matplotlib Axes; title : optional string (default: what is shown).

    Returns the figure; the numbers are the figure's texts with gid ``"gradient"``,
    ∂L/∂W₁ row by row (input i to hidden j is text ``i * 4 + j``), then ∂L/∂W₂.
    """
    if network is None:
        network = NeuralNetwork(*xor(), rng=0)
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")
    if network.weights1.shape != (3, 4) or network.weights2.shape != (4, 1):
        raise ValueError(f"network must be a 3-4-1 network, got {network!r}")
    if sample is not None:
        sample = check_count("sample", sample, maximum=network.input.shape[0] - 1)
    _check_text("title", title, allow_none=True)
    grad1, grad2 = network.iteration_values(sample)["gradients"][:2]
    rows = "all four rows" if sample is None else f"sample {sample + 1} alone"
    if title is None:
        title = (f"The gradients of one iteration ({rows}):\n∂L/∂W₁ on the input → hidden "
                 "edges, ∂L/∂W₂ on the hidden → output edges\n(left of each hidden unit, top "
                 "to bottom: the edges from x₁, x₂, x₃)")
    with mpl.rc_context(STYLE):
        fig, ax = _new_axes(ax, (9.5, 7.5))
        network_diagram(network.weights1, network.weights2, ax=ax, title=title)
        for bar in fig.axes[1:]:  # network_diagram's colour bar: the weights, not the numbers
            bar.set_ylabel("edge colour: current weight")
        box = dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85)
        hidden_x = _LAYER_X[1]
        for i, y_in in enumerate(_INPUT_Y):
            for j, y_hidden in enumerate(_HIDDEN_Y):
                ax.text(hidden_x - _RADIUS - 0.05, y_in + _EDGE1_AT * (y_hidden - y_in),
                        _gradient_text(grad1[i, j]), ha="right", va="center", bbox=box,
                        zorder=4, gid="gradient")
        for j, y_hidden in enumerate(_HIDDEN_Y):
            ax.text((hidden_x + _LAYER_X[2]) / 2, y_hidden / 2 + 0.12,
                    _gradient_text(grad2[j, 0]), ha="center", va="center", bbox=box, zorder=4,
                    gid="gradient")
    return fig


def gradient_numbers(fig):
    """The 16 numbers written by ``gradient_diagram`` on ``fig``, in its order, as floats."""
    return np.array([float(t.get_text().replace("−", "-")) for ax in fig.axes
                     for t in ax.texts if t.get_gid() == "gradient"])
