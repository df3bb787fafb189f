"""The training overview: one network's diagram, loss, predictions and decision boundary.

The 2x2 figure of notebook 08; the training explorer (``explorers.training``)
draws its first picture with it and then updates the artists in place.
"""

import matplotlib as mpl
from matplotlib.figure import Figure

from nnfs_lib._checks import check_count
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.plots.boundary import decision_boundary, network_predictor
from nnfs_lib.plots.curves import loss_curve, predictions_plot
from nnfs_lib.plots.diagram import network_diagram
from nnfs_lib.plots.style import STYLE, _check_figure
from nnfs_lib.training import TrainingHistory

#: Size of the overview (inches) when ``training_overview`` makes the figure.
OVERVIEW_SIZE = (12, 8.5)


def _shown_network(network, history, iteration):
    """``(network whose weights are shown, iteration marked)`` for ``training_overview``."""
    if iteration is None:
        return network, history.iterations
    if iteration not in history.snapshots:
        raise ValueError(f"iteration {iteration} has no snapshot in history; "
                         f"recorded: {sorted(history.snapshots)}")
    shown = network.copy()
    for target, saved in zip(shown.parameters(), history.snapshots[iteration], strict=True):
        target[...] = saved
    return shown, iteration


def training_overview(network, history, iteration=None, resolution=41, fig=None):
    """A 2x2 panel: diagram with weights, loss curve, predictions, decision boundary.

    Parameters
    ----------
    network : ``NeuralNetwork`` (its data and, unless ``iteration``, its weights).
    history : ``TrainingHistory`` from ``train``.
    iteration : optional int; show the weights recorded in
        ``history.snapshots[iteration]`` and mark it on the loss curve.
        Default: the network's current weights, marker at the last iteration.
    fig : optional ``Figure`` to clear and reuse (for a widget); else a new one.

    Returns the figure; its axes are diagram, loss, predictions, boundary (then
    the colour bars). Nothing is trained and ``network`` is not changed.
    """
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")
    if not isinstance(history, TrainingHistory):
        raise TypeError(f"history must be a TrainingHistory (from train), "
                        f"got {type(history).__name__}")
    _check_figure("fig", fig)
    if iteration is not None:
        iteration = check_count("iteration", iteration, maximum=history.iterations)
    shown, marker = _shown_network(network, history, iteration)
    with mpl.rc_context(STYLE):
        if fig is None:
            fig = Figure(figsize=OVERVIEW_SIZE)
        else:
            fig.clear()
        # Fixed margins: constrained layout would cost a layout pass per redraw.
        # wspace leaves room between the diagram's colour-bar label ("weight") and
        # the loss panel's y label.
        fig.subplots_adjust(left=0.07, right=0.96, bottom=0.11, top=0.95,
                            wspace=0.36, hspace=0.42)
        axes = fig.subplots(2, 2)
        network_diagram(shown.weights1, shown.weights2, ax=axes[0, 0],
                        title=f"Weights after {marker} iterations")
        loss_curve(history.loss, ax=axes[0, 1], marker_at=marker)
        outputs = shown.predict(shown.input)
        predictions_plot(shown.y, outputs, inputs=shown.input, ax=axes[1, 0])
        decision_boundary(network_predictor(shown), shown.input, shown.y, ax=axes[1, 1],
                          resolution=resolution)
    return fig
