"""The hidden layer's view of XOR (notebook 08): two hidden units, the four points in (h1, h2).

A 3-2-1 network (the article's network with two hidden units instead of four)
maps each XOR input x to a point h = sigmoid(x @ weights1) of the unit square,
its hidden layer's coordinates (h1, h2): the activations of hidden units 1 and 2
(the subscripts number the units, not the layers). The output neuron answers
sigmoid(h @ weights2), so with v1, v2 the entries of weights2 it says "1" on one
side of the straight line ``v1 * h1 + v2 * h2 = 0`` and "0" on the other. That line
passes through the corner (0, 0): the output neuron has no bias (the constant
third input only gives the hidden units one). Training moves the four points
until that line separates them. In the input plane (x1, x2) the same network
draws a bent boundary, and each hidden unit a straight line (where h_j = 0.5).

``two_unit_run`` trains it; ``hidden_points`` and ``line_in_box`` give what is
drawn; ``hidden_view`` draws the start and the end of training (the static
figure after ``explorers.hidden_view.HiddenViewExplorer``).
"""

import matplotlib as mpl
import numpy as np
from matplotlib import patheffects
from matplotlib.lines import Line2D

from nnfs_lib._checks import as_matrix, as_vector, check_count, check_real_number
from nnfs_lib.activations import sigmoid
from nnfs_lib.datasets import xor
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.plots.boundary import decision_grid, draw_output, network_predictor
from nnfs_lib.plots.style import (
    BLACK,
    BLUE,
    GREEN,
    ORANGE,
    OUTPUT_CMAP,
    PURPLE,
    STYLE,
    _new_figure,
    _style_ticks,
)
from nnfs_lib.training import train

#: A start that solves XOR with two hidden units (about 3 in 10 do, notebook 10), with a
#: wide margin: every prediction ends more than 0.4 away from 0.5, the loss never rises, and
#: moving the initial weights by 1e-6 moves the final predictions by less than 1e-3.
SEED = 38
HIDDEN_UNITS = 2
ITERATIONS = 1500
#: The squares drawn: the hidden plane [0, 1]² and the input plane, each with a margin.
HIDDEN_BOX = (-0.05, 1.05)
INPUT_BOX = (-0.1, 1.1)
#: The colours of hidden units 1 and 2: their axes, and their h_j = 0.5 lines.
UNIT_COLOURS = (GREEN, PURPLE)
#: Where a sample's label may sit from its marker (in font sizes, y up: the text's
#: centre), tried as hidden_view.js's PLACES are: each label takes the place farthest
#: from the other markers and the labels placed before it, inside the axes, so that
#: (0, 1) and (1, 0), which may land on the same hidden point, stay readable.
LABEL_PLACES = ((1.6, 0.9), (-1.6, 0.9), (1.6, -1.1), (-1.6, -1.1), (0, 1.5), (0, -1.6),
                (-2.3, -0.1), (2.3, -0.1))
_HALO = [patheffects.withStroke(linewidth=5, foreground="white")]


def two_unit_run(seed=SEED, iterations=ITERATIONS):
    """The 3-2-1 network on the article's XOR data, trained: ``(network, history)``.

    ``seed`` (int) draws the initial weights as ``NeuralNetwork`` does; ``iterations`` (0 to
    10,000); ``history.snapshots`` holds the weights after every iteration 0..``iterations``.
    """
    seed = check_count("seed", seed, maximum=2**32 - 1)
    iterations = check_count("iterations", iterations, maximum=10_000)
    x, y = xor()
    network = NeuralNetwork(x, y, hidden_units=HIDDEN_UNITS, rng=seed)
    history = train(network, iterations, snapshots=range(iterations + 1))
    return network, history


def hidden_points(weights1, x):
    """The hidden layer's coordinates of the inputs: sigmoid(x @ weights1), (n, h)."""
    weights1, x = as_matrix("weights1", weights1), as_matrix("x", x)
    if x.shape[1] != weights1.shape[0]:
        raise ValueError(f"x must have {weights1.shape[0]} columns (weights1's rows), "
                         f"got {x.shape[1]}")
    return sigmoid(x @ weights1)


def line_in_box(normal, offset, low, high):
    """The segment of the line ``normal · p + offset = 0`` inside the square [low, high]².

    ``normal`` has 2 numbers. Returns ``((x0, y0), (x1, y1))``, the two points where the
    line crosses the square's edge, or ``None`` if it misses the square (or ``normal`` is 0).
    """
    normal = as_vector("normal", normal)
    if normal.size != 2:
        raise ValueError(f"normal must hold 2 numbers, got {normal.size}")
    a, b = (float(v) for v in normal)
    offset, low, high = (check_real_number(name, value) for name, value in
                         (("offset", offset), ("low", low), ("high", high)))
    if not low < high:
        raise ValueError(f"low must be less than high, got low={low:g}, high={high:g}")
    found = []
    if b != 0:  # crossings of the left and right edges
        found += [(x, -(a * x + offset) / b) for x in (low, high)]
    if a != 0:  # of the bottom and top edges
        found += [(-(b * y + offset) / a, y) for y in (low, high)]
    span = (high - low) * 1e-12
    inside = sorted({(float(px), float(py)) for px, py in found
                     if low - span <= px <= high + span and low - span <= py <= high + span})
    if len(inside) < 2:
        return None
    return inside[0], inside[-1]


def _samples(ax, points, y, size=200):
    """The four samples: blue circles (target 0), orange squares (1); labelled by ``_labels``."""
    for point, target in zip(points, y.ravel(), strict=True):
        marker, colour = ("s", ORANGE) if target > 0.5 else ("o", BLUE)
        ax.scatter(*point, s=size, marker=marker, c=colour, edgecolors=BLACK, linewidths=2.5,
                   zorder=4, clip_on=False, path_effects=_HALO)


def _labels(ax, points, x):
    """Label each sample at ``points`` with its input (x1, x2), at the freest of LABEL_PLACES.

    Call after the figure's layout (``draw_without_rendering``): places are scored in points.
    """
    scale = 72 / ax.figure.dpi
    fs = mpl.rcParams["font.size"]
    centres = ax.transData.transform(points) * scale
    x0, y0, x1, y1 = ax.bbox.extents * scale
    taken = []
    for k, (px, py) in enumerate(centres):
        others = [c for j, c in enumerate(centres) if j != k] + taken

        def score(place, px=px, py=py, others=others):
            lx, ly = px + place[0] * fs, py + place[1] * fs
            out = not (x0 + fs <= lx <= x1 - fs and y0 + 0.5 * fs <= ly <= y1 - 0.5 * fs)
            near = min([3 * fs] + [np.hypot((ox - lx) / 2, oy - ly) for ox, oy in others])
            return near - (1.2 * fs if out else 0)

        best = max(LABEL_PLACES, key=score)  # the first of equals, as in hidden_view.js
        taken.append((px + best[0] * fs, py + best[1] * fs))
        ax.annotate(f"{x[k, 0]:.0f},{x[k, 1]:.0f}", points[k], xytext=(best[0] * fs, best[1] * fs),
                    textcoords="offset points", ha="center", va="center", zorder=5,
                    path_effects=_HALO, annotation_clip=False, in_layout=False)


def _square(ax, box, labels, title):
    ax.set_xlim(*box)
    ax.set_ylim(*box)
    ax.set_aspect("equal")
    ax.set_xticks([0, 0.5, 1])
    ax.set_yticks([0, 0.5, 1])
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    ax.set_title(title)
    _style_ticks(ax)


def _hidden_panel(ax, weights1, weights2, x, y, time):
    """The hidden plane at one moment: the output's map, its 0.5 line, the four points."""
    axis = np.linspace(*HIDDEN_BOX, 45)
    grid_h1, grid_h2 = np.meshgrid(axis, axis)
    output = sigmoid(grid_h1 * weights2[0, 0] + grid_h2 * weights2[1, 0])
    ax.contourf(grid_h1, grid_h2, output, levels=np.linspace(0, 1, 11), cmap=OUTPUT_CMAP,
                zorder=1)
    for j, colour in enumerate(UNIT_COLOURS):  # h_j = 0.5, as the dashed lines in input space
        (ax.axvline if j == 0 else ax.axhline)(0.5, color=colour, linestyle="--",
                                                linewidth=2.5, zorder=2, path_effects=_HALO)
    segment = line_in_box(weights2[:, 0], 0.0, *HIDDEN_BOX)
    if segment is not None:
        ax.plot(*np.transpose(segment), color=BLACK, linewidth=2.5, zorder=3,
                path_effects=_HALO, gid="line")
    points = hidden_points(weights1, x)
    _samples(ax, points, y)
    _square(ax, HIDDEN_BOX, ("h₁ (hidden unit 1)", "h₂ (hidden unit 2)"),
            f"Hidden layer's view, iteration {time}")
    return points


def _input_panel(ax, network, x, y, time):
    """The input plane at one moment: the output's map and 0.5 line, the units' lines."""
    grid_x1, grid_x2, output = decision_grid(network_predictor(network), 61, *INPUT_BOX)
    draw_output(ax, grid_x1, grid_x2, output, zorder=1)
    for j, colour in enumerate(UNIT_COLOURS):
        w = network.weights1[:, j]
        segment = line_in_box(w[:2], w[2], *INPUT_BOX)
        if segment is not None:
            ax.plot(*np.transpose(segment), color=colour, linestyle="--", linewidth=2.5,
                    zorder=3, path_effects=_HALO)
    _samples(ax, x[:, :2], y)
    _square(ax, INPUT_BOX, ("x₁", "x₂"), f"Input space, iteration {time}")
    return x[:, :2]


def hidden_view(seed=SEED, iterations=ITERATIONS, times=None):
    """The 3-2-1 network's hidden plane (left) and input space (right) at ``times``.

    ``times``: the iterations shown, one row each, default ``(0, iterations)``: the start
    and the end of training. Returns a new ``Figure``.
    """
    network, history = two_unit_run(seed, iterations)
    times = (0, iterations) if times is None else tuple(
        check_count("times", t, maximum=iterations) for t in times)
    if not times:
        raise ValueError("times must name at least one iteration")
    x, y = network.input, network.y
    with mpl.rc_context(STYLE):
        fig, axes = _new_figure((11.6, 5.3 * len(times) + 0.9), ncols=2, nrows=len(times))
        drawn = []  # (axes, the samples' points), labelled once the layout is done
        for row, time in zip(axes, times, strict=True):
            shown = network.copy()
            for target, saved in zip(shown.parameters(), history.snapshots[time], strict=True):
                target[...] = saved
            drawn.append((row[0], _hidden_panel(row[0], shown.weights1, shown.weights2, x, y,
                                                time)))
            drawn.append((row[1], _input_panel(row[1], shown, x, y, time)))
        fig.suptitle(f"Two hidden units learn XOR (seed {seed}): the start and the end")
        handles = [
            Line2D([], [], marker="o", color=BLUE, markeredgecolor=BLACK, linestyle="",
                   markersize=12, label="target 0"),
            Line2D([], [], marker="s", color=ORANGE, markeredgecolor=BLACK, linestyle="",
                   markersize=12, label="target 1"),
            Line2D([], [], color=BLACK, label="output = 0.5"),
            Line2D([], [], color=UNIT_COLOURS[0], linestyle="--", label="h₁ = 0.5"),
            Line2D([], [], color=UNIT_COLOURS[1], linestyle="--", label="h₂ = 0.5")]
        fig.legend(handles=handles, loc="outside lower center", ncol=5, frameon=False)
        bar = fig.colorbar(axes[0, 1].collections[0], ax=axes, ticks=np.linspace(0, 1, 6),
                           shrink=0.6)
        bar.set_label("network output ŷ")
        _style_ticks(bar.ax)
        fig.draw_without_rendering()
        for ax, points in drawn:
            _labels(ax, points, x)
    return fig
