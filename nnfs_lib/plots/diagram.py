"""The network diagram: circles for the units, coloured lines for the weights.

Drawn in notebooks 00 and 02 (the 3-4-1 network, its weights), by the
training overview and the training and neuron explorers, and by
``tools/make_images.py`` for ``images/2-layer-ann.png``.
"""

import matplotlib as mpl
import numpy as np
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import Normalize
from matplotlib.patches import Circle

from nnfs_lib._checks import as_matrix, as_vector, check_count
from nnfs_lib.plots.style import (
    BLACK,
    FONT_SIZE,
    GREY,
    ORANGE,
    SKY,
    STYLE,
    WEIGHT_CMAP,
    _new_axes,
    _number_text,
)

#: The most nodes per layer a diagram draws (more would not be readable).
MAX_NODES = 50


def network_weight_norm(weights1, weights2):
    """The colour normalisation of ``network_diagram``: symmetric, [-m, m] with m = max |w|."""
    biggest = max(float(np.max(np.abs(weights1))), float(np.max(np.abs(weights2))))
    biggest = biggest if biggest > 0 else 1.0
    return Normalize(vmin=-biggest, vmax=biggest)


def edge_widths(weights, largest):
    """Line widths for the diagram's edges: 0.6 pt for w = 0, growing to 6 pt at |w| = largest."""
    return 0.6 + 5.4 * np.abs(weights) / largest


def _layer_sizes(weights1, weights2, layer_sizes):
    """``(weights1, weights2, (d, h, k))`` checked: from the weights' shapes, else layer_sizes."""
    if (weights1 is None) != (weights2 is None):
        raise ValueError("weights1 and weights2 must be given together (or neither)")
    if weights1 is None:
        if not isinstance(layer_sizes, (tuple, list)) or len(layer_sizes) != 3:
            raise TypeError(f"layer_sizes must be three positive integers (d, h, k), "
                            f"got {layer_sizes!r}")
        return None, None, tuple(check_count(f"layer_sizes[{n}]", size, minimum=1,
                                             maximum=MAX_NODES)
                                 for n, size in enumerate(layer_sizes))
    weights1 = as_matrix("weights1", weights1)
    weights2 = as_matrix("weights2", weights2)
    if weights2.shape[0] != weights1.shape[1]:
        raise ValueError(f"weights2 must have {weights1.shape[1]} rows (one per hidden "
                         f"unit of weights1), got shape {weights2.shape}")
    d, h, k = weights1.shape[0], weights1.shape[1], weights2.shape[1]
    if max(d, h, k) > MAX_NODES:
        raise ValueError(f"the weights' shapes give layers of {d}, {h} and {k} nodes; "
                         f"a diagram draws at most {MAX_NODES} per layer")
    return weights1, weights2, (d, h, k)


def network_diagram(weights1=None, weights2=None, inputs=None, layer_sizes=(3, 4, 1),
                    ax=None, title="A 3-4-1 neural network", colorbar=True):
    """Draw the d-h-k network with circles and lines.

    Parameters
    ----------
    weights1 : optional (d, h) array, input -> hidden (``network.weights1``).
    weights2 : optional (h, k) array, hidden -> output (``network.weights2``).
        Give both or neither. With weights, each edge's colour comes from
        ``WEIGHT_CMAP`` (symmetric around 0: w and -w get mirror colours) and its
        width grows linearly with |w|; a colour bar is added when ``colorbar``.
        ``layer_sizes`` is then taken from the weights' shapes.
    inputs : optional 1-D array of length d, e.g. one XOR row ``[1, 0, 1]``;
        the values are written inside the input nodes.
    layer_sizes : (d, h, k), used when no weights are given.

    The edges are one ``LineCollection`` (gid ``"edges"``), in the order
    ``weights1.ravel()`` then ``weights2.ravel()`` (row-major: input i to hidden
    j is edge ``i * h + j``); the nodes one ``PatchCollection`` (gid ``"nodes"``).
    Biases, if the network has any, are not drawn.
    """
    weights1, weights2, (d, h, k) = _layer_sizes(weights1, weights2, layer_sizes)
    if inputs is not None:
        inputs = as_vector("inputs", inputs)
        if inputs.size != d:
            raise ValueError(f"inputs must have length {d} (one value per input node), "
                             f"got {inputs.size}")

    with mpl.rc_context(STYLE):
        fig, ax = _new_axes(ax, (7.5, 5.5))
        x_positions = (0.0, 1.5, 3.0)
        sizes = (d, h, k)
        top = max(sizes)

        def ys(count):
            return (count - 1) / 2 - np.arange(count)  # each layer centred vertically

        centres = [np.column_stack([np.full(n, xp), ys(n)])
                   for xp, n in zip(x_positions, sizes, strict=True)]
        radius = 0.26

        segments = [(a, b) for a in centres[0] for b in centres[1]]
        segments += [(a, b) for a in centres[1] for b in centres[2]]
        if weights1 is None:
            edges = LineCollection(segments, colors=GREY, linewidths=1.8, zorder=1, gid="edges")
        else:
            w = np.concatenate([weights1.ravel(), weights2.ravel()])
            norm = network_weight_norm(weights1, weights2)
            edges = LineCollection(segments, cmap=WEIGHT_CMAP, norm=norm,
                                   linewidths=edge_widths(w, norm.vmax),
                                   zorder=1, gid="edges")
            edges.set_array(w)
        ax.add_collection(edges, autolim=False)

        faces = (SKY, "#F5F5F5", ORANGE)
        circles = [Circle(tuple(c), radius) for points in centres for c in points]
        colours = [faces[layer] for layer, n in enumerate(sizes) for _ in range(n)]
        ax.add_collection(PatchCollection(circles, facecolors=colours, edgecolors=BLACK,
                                          linewidths=1.8, zorder=2, gid="nodes"),
                          autolim=False)

        input_names = [f"x{i + 1}" for i in range(d)]
        if inputs is not None and d == 3 and inputs[2] == 1:
            input_names[2] = "x3\n(constant)"
        for i, (cx, cy) in enumerate(centres[0]):
            if inputs is None:
                ax.text(cx, cy, input_names[i], ha="center", va="center", zorder=3)
            else:
                ax.text(cx, cy, _number_text(inputs[i]), ha="center", va="center",
                        fontsize=FONT_SIZE + 3, fontweight="bold", zorder=3)
                ax.text(cx - radius - 0.08, cy, input_names[i], ha="right", va="center",
                        zorder=3)
        for j, (cx, cy) in enumerate(centres[1]):
            ax.text(cx, cy, f"h{j + 1}", ha="center", va="center", zorder=3)
        for m, (cx, cy) in enumerate(centres[2]):
            label = "ŷ" if k == 1 else f"ŷ{m + 1}"
            ax.text(cx, cy, label, ha="center", va="center", fontsize=FONT_SIZE + 2, zorder=3)

        label_y = (top - 1) / 2 + radius + 0.15
        layer_names = ("input\nlayer", "hidden\nlayer", "output\nlayer")
        for xp, name in zip(x_positions, layer_names, strict=True):
            ax.text(xp, label_y, name, ha="center", va="baseline", fontsize=FONT_SIZE + 1,
                    color="#333333", linespacing=1.1)

        left = -1.0 if inputs is not None else -0.45
        ax.set_xlim(left, 3.45)
        ax.set_ylim(-(top - 1) / 2 - radius - 0.1, label_y + 0.6)
        ax.set_aspect("equal")
        ax.set_axis_off()
        if title:
            ax.set_title(title)
        if weights1 is not None and colorbar:
            bar = fig.colorbar(edges, ax=ax, shrink=0.7, pad=0.02)
            bar.set_label("weight")
            bar.ax.tick_params(labelsize=FONT_SIZE)
    return fig
