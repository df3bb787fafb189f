"""What the network answers over the (x1, x2) plane: the output, its 0.5 line, the data.

Drawn in notebook 08, by the training overview and explorer, and for every
gate in notebook 09 (``plots.lab_architecture.gates_plot``).
"""

import matplotlib as mpl
import numpy as np
from matplotlib import patheffects

from nnfs_lib._checks import as_matrix, as_vector, check_count, check_real_number
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.plots.style import (
    BLACK,
    BLUE,
    FONT_SIZE,
    ORANGE,
    OUTPUT_CMAP,
    STYLE,
    _new_axes,
    _style_ticks,
)

#: The finest decision grid: 1001² points already take a second to evaluate.
MAX_RESOLUTION = 1001


def network_predictor(network):
    """A callable mapping (m, 2) points in the (x1, x2) plane to the network's (m, k) outputs.

    For a network trained on the article's XOR data (3 inputs, the third the
    constant 1) a column of ones is appended; a 2-input network is used as is.
    """
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")
    n_inputs = network.weights1.shape[0]
    if n_inputs not in (2, 3):
        raise ValueError(f"network must have 2 inputs, or 3 with a constant third one; "
                         f"it has {n_inputs}")

    def predict(points):
        points = np.asarray(points, dtype=np.float64)
        if n_inputs == 3:
            points = np.column_stack([points, np.ones(len(points))])
        return network.predict(points)

    return predict


def decision_grid(predict, resolution=61, low=-0.1, high=1.1):
    """Evaluate ``predict`` on a ``resolution`` x ``resolution`` grid over [low, high]².

    Returns ``(grid_x1, grid_x2, output)``, each of shape (resolution, resolution);
    ``predict`` receives one (resolution², 2) array and must return (resolution², 1)
    or (resolution²,) values. ``resolution`` is an integer in [2, 1001]; ``low <
    high`` are numbers of size at most 1e6.
    """
    resolution = check_count("resolution", resolution, minimum=2, maximum=MAX_RESOLUTION)
    low = check_real_number("low", low)
    high = check_real_number("high", high)
    if not low < high:
        raise ValueError(f"low must be less than high, got low={low:g}, high={high:g}")
    if not callable(predict):
        raise TypeError("predict must be a callable mapping (m, 2) points to (m, 1) outputs")
    axis = np.linspace(low, high, resolution)
    grid_x1, grid_x2 = np.meshgrid(axis, axis)
    points = np.column_stack([grid_x1.ravel(), grid_x2.ravel()])
    output = np.asarray(predict(points), dtype=np.float64)
    if output.shape not in ((points.shape[0], 1), (points.shape[0],)):
        raise ValueError(f"predict must return shape ({points.shape[0]}, 1) for "
                         f"{points.shape[0]} points, got {output.shape}")
    return grid_x1, grid_x2, output.reshape(grid_x1.shape)


def draw_output(ax, grid_x1, grid_x2, output, zorder=None):
    """The filled contour of ``output`` (gid "output") and its 0.5 line (gid "boundary").

    The grids are ``decision_grid``'s. The line is left out when the output
    never crosses 0.5. Values outside [0, 1] (possible for a ``predict`` that
    is not a sigmoid network) get the end colours, and only then does the
    colour bar show extension arrows. Returns the filled contour, for a colour bar.
    """
    outside = output.min() < 0 or output.max() > 1
    filled = ax.contourf(grid_x1, grid_x2, output, levels=np.linspace(0, 1, 11),
                         cmap=OUTPUT_CMAP, extend="both" if outside else "neither",
                         zorder=zorder)
    filled.set_gid("output")
    if output.min() < 0.5 < output.max():
        line = ax.contour(grid_x1, grid_x2, output, levels=[0.5], colors=BLACK,
                          linewidths=2.5, zorder=None if zorder is None else zorder + 1)
        line.set_gid("boundary")
    return filled


def _check_data(x, y):
    """``(x, y)`` checked: (n, >= 2) inputs and n classes, or both None."""
    if (x is None) != (y is None):
        raise ValueError("x and y must be given together (or neither)")
    if x is None:
        return None, None
    x = as_matrix("x", x)
    y = as_vector("y", y)
    if x.shape[1] < 2:
        raise ValueError(f"x must have at least 2 columns, got shape {x.shape}")
    if x.shape[0] != y.size:
        raise ValueError(f"y must have one class per row of x: x has {x.shape[0]} rows, "
                         f"y has {y.size} values")
    return x, y


def decision_boundary(predict, x=None, y=None, ax=None, resolution=61,
                      title="What the network answers", colorbar=True):
    """The network output over the (x1, x2) plane, its 0.5 contour and the data.

    Parameters
    ----------
    predict : callable, (m, 2) points -> (m, 1) outputs; use
        ``network_predictor(network)`` for a ``NeuralNetwork``.
    x : optional (n, d >= 2) inputs; the first two columns are plotted.
    y : optional (n,) or (n, 1) classes 0/1 (rounded): circles for 0, squares for 1.
    resolution : grid points per side over [-0.1, 1.1].

    ``ax.collections`` holds the filled contour (gid ``"output"``), then the
    0.5 line (gid ``"boundary"``, absent if the output never crosses 0.5).
    """
    x, y = _check_data(x, y)
    grid_x1, grid_x2, output = decision_grid(predict, resolution)
    with mpl.rc_context(STYLE):
        fig, ax = _new_axes(ax, (6.2, 5))
        filled = draw_output(ax, grid_x1, grid_x2, output)
        if x is not None:
            # The colours and markers of notebook 00's XOR plot (blue circles for 0,
            # orange squares for 1). They sit where the output is near their own
            # class, i.e. on the dark-blue and the yellow end of the colour map: a
            # thick black edge inside a wide white halo keeps them distinct from
            # both ends. The legend says "target", not "XOR", because other gates
            # are drawn too.
            classes = np.round(y).astype(int)
            halo = [patheffects.withStroke(linewidth=8, foreground="white")]
            points = []
            for value, marker, colour in ((0, "o", BLUE), (1, "s", ORANGE)):
                chosen = classes == value
                points.append(ax.scatter(x[chosen, 0], x[chosen, 1], s=240, marker=marker,
                                         c=colour, edgecolors=BLACK, linewidths=3, zorder=3,
                                         label=f"target {value}", clip_on=False,
                                         path_effects=halo))
            ax.legend(handles=points, loc="upper center",
                      bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False, handletextpad=0.3)
        ax.set_xlim(-0.1, 1.1)
        ax.set_ylim(-0.1, 1.1)
        ax.set_aspect("equal")
        ax.set_xticks([0, 0.5, 1])
        ax.set_yticks([0, 0.5, 1])
        ax.set_xlabel("x1")
        ax.set_ylabel("x2")
        if title:
            ax.set_title(title)
        _style_ticks(ax)
        if colorbar:
            bar = fig.colorbar(filled, ax=ax, ticks=np.linspace(0, 1, 6), pad=0.03)
            bar.set_label("network output ŷ")
            bar.ax.tick_params(labelsize=FONT_SIZE)
    return fig
