"""Pure drawing functions: data in, matplotlib ``Figure`` out.

Every function here draws; none trains. Each takes ``ax=None``:

* with ``ax`` given, it draws into that axes and returns ``ax.figure``;
* with ``ax=None``, it creates a new ``matplotlib.figure.Figure`` (not through
  pyplot, so nothing is registered and nothing leaks: drop the figure and it is
  gone) and returns it.

Because no pyplot figure is involved, ``plt.show()`` will not show these
figures. In a notebook, end the cell with the call (Jupyter displays a
returned ``Figure``) or write ``display(fig)``; ``fig.savefig(path)`` saves it.

Style: the module-level ``STYLE`` (rcParams) is applied while drawing, for a
projector: text of at least 12 pt, titles 14 pt, and the Okabe-Ito
colour-blind-safe palette (``BLUE``, ``ORANGE``, ...). Weights use
``WEIGHT_CMAP``, a diverging blue - grey - vermillion map, symmetric around 0.
"""

import numbers

import matplotlib as mpl
import numpy as np
from matplotlib import patheffects
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import LinearSegmentedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from nnfs_lib import activations
from nnfs_lib._checks import as_real_array, check_count, check_flag, check_magnitude
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import TrainingHistory

# Okabe-Ito palette, colour-blind safe.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#999999"
PALETTE = (BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, BLACK)

#: Diverging map for weights: negative blue, 0 light grey (still visible on
#: white), positive vermillion. Blue/vermillion stay distinct for all common
#: colour-vision deficiencies.
WEIGHT_CMAP = LinearSegmentedColormap.from_list("nnfs_weights", [BLUE, "#C8C8C8", VERMILLION])
#: Sequential, colour-blind-safe map for network outputs in [0, 1].
OUTPUT_CMAP = "cividis"

FONT_SIZE = 12
TITLE_SIZE = 14
STYLE = {
    "font.size": FONT_SIZE,
    "axes.titlesize": TITLE_SIZE,
    "axes.labelsize": FONT_SIZE + 1,
    "xtick.labelsize": FONT_SIZE,
    "ytick.labelsize": FONT_SIZE,
    "legend.fontsize": FONT_SIZE,
    "legend.title_fontsize": FONT_SIZE,
    "figure.titlesize": TITLE_SIZE + 2,
    "axes.prop_cycle": mpl.cycler(color=list(PALETTE)),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "grid.alpha": 0.35,
    "lines.linewidth": 2.5,
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "image.cmap": OUTPUT_CMAP,
}

LOSS_LABEL = "sum-of-squares loss"
#: Resolution of the explorers' figures: at 92 dpi a 12 pt label is about 15 px
#: high, readable on a projector, while the PNG of a figure about 970 px wide
#: stays quick to render at every slider move.
EXPLORER_DPI = 92


# -- helpers ------------------------------------------------------------------
def _new_axes(ax, figsize):
    """Return ``(fig, ax)``: the given axes' figure, or a fresh pyplot-free Figure."""
    _check_axes(ax)
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=figsize, layout="constrained")
    return fig, fig.add_subplot()


def _style_ticks(ax):
    # Ticks are created lazily at draw time, outside rc_context: fix their size now.
    ax.tick_params(labelsize=FONT_SIZE)


def _vector(name, value):
    """``value`` as a finite 1-D float array of numbers of size <= 1e6, or raise.

    An (n, 1) column is accepted and flattened.
    """
    array = as_real_array(name, value, allow_empty=True)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array (or an (n, 1) column), got shape "
                         f"{array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty")
    check_magnitude(name, array)
    return array


def _matrix(name, value):
    """``value`` as a finite, non-empty 2-D float array of numbers of size <= 1e6, or raise."""
    array = as_real_array(name, value, allow_empty=True)
    if array.ndim != 2 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty 2-D array, got shape {array.shape}")
    check_magnitude(name, array)
    return array


def _real_number(name, value, limit=1e6):
    """``value`` as a finite float no larger than ``limit`` in size, or raise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    number = float(as_real_array(name, value))
    check_magnitude(name, number, limit)
    return number


def _check_figure(name, fig):
    if fig is not None and not isinstance(fig, Figure):
        raise TypeError(f"{name} must be None or a matplotlib Figure, got {type(fig).__name__}")


def _check_axes(ax):
    if ax is not None and not isinstance(ax, mpl.axes.Axes):
        raise TypeError(f"ax must be None or a matplotlib Axes, got {type(ax).__name__}")


def _number_text(value):
    value = float(value)
    return f"{value:.0f}" if value == round(value) else f"{value:.3g}"


# -- network diagram -------------------------------------------------------------
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
    j is edge ``i * h + j``). Biases, if the network has any, are not drawn.
    """
    if (weights1 is None) != (weights2 is None):
        raise ValueError("weights1 and weights2 must be given together (or neither)")
    if weights1 is not None:
        weights1 = _matrix("weights1", weights1)
        weights2 = _matrix("weights2", weights2)
        if weights2.shape[0] != weights1.shape[1]:
            raise ValueError(f"weights2 must have {weights1.shape[1]} rows (one per hidden "
                             f"unit of weights1), got shape {weights2.shape}")
        d, h, k = weights1.shape[0], weights1.shape[1], weights2.shape[1]
        if max(d, h, k) > MAX_NODES:
            raise ValueError(f"the weights' shapes give layers of {d}, {h} and {k} nodes; "
                             f"a diagram draws at most {MAX_NODES} per layer")
    else:
        if not isinstance(layer_sizes, (tuple, list)) or len(layer_sizes) != 3:
            raise TypeError(f"layer_sizes must be three positive integers (d, h, k), "
                            f"got {layer_sizes!r}")
        d, h, k = (check_count(f"layer_sizes[{n}]", size, minimum=1, maximum=MAX_NODES)
                   for n, size in enumerate(layer_sizes))
    if inputs is not None:
        inputs = _vector("inputs", inputs)
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


# -- loss ------------------------------------------------------------------------
def loss_curve(loss, log_scale=False, ax=None, marker_at=None,
               title="Training loss (sum of squares)"):
    """Plot the training loss against the iteration.

    Parameters
    ----------
    loss : 1-D array of length iterations + 1, e.g. ``train(...).loss``;
        ``loss[k]`` is the loss after k updates.
    log_scale : bool; a logarithmic y axis (the loss must then be > 0).
    marker_at : optional int k in [0, len(loss) - 1]: a dashed vertical line and
        a dot at iteration k (for a time slider).

    The loss line is ``ax.lines[0]`` (gid ``"loss"``).
    """
    loss = _vector("loss", loss)
    log_scale = check_flag("log_scale", log_scale)
    if log_scale and np.any(loss <= 0):
        raise ValueError("loss must be > 0 everywhere for log_scale=True")
    if marker_at is not None:
        if isinstance(marker_at, bool) or not isinstance(marker_at, (int, np.integer)):
            raise TypeError(f"marker_at must be an integer, got {type(marker_at).__name__}")
        if not 0 <= marker_at < loss.size:
            raise ValueError(f"marker_at must lie in [0, {loss.size - 1}], got {marker_at}")
    with mpl.rc_context(STYLE):
        fig, ax = _new_axes(ax, (7, 4.5))
        iterations = np.arange(loss.size)
        ax.plot(iterations, loss, color=BLUE, gid="loss")
        if log_scale:
            ax.set_yscale("log")
        else:
            ax.set_ylim(bottom=0)
        ax.set_xlim(0, max(loss.size - 1, 1))
        if marker_at is not None:
            ax.axvline(marker_at, color=VERMILLION, linestyle="--", linewidth=1.5, gid="marker")
            ax.plot([marker_at], [loss[marker_at]], "o", color=VERMILLION, markersize=9,
                    gid="marker-dot")
            early = marker_at < 0.7 * loss.size
            ax.annotate(f"iteration {marker_at}\nloss {loss[marker_at]:.4g}",
                        (marker_at, loss[marker_at]), xytext=(10 if early else -10, 10),
                        textcoords="offset points", color=VERMILLION,
                        ha="left" if early else "right", va="bottom")
        ax.set_xlabel("iteration")
        ax.set_ylabel(LOSS_LABEL)
        ax.grid(True, which="major")
        if title:
            ax.set_title(title)
        _style_ticks(ax)
    return fig


# -- predictions ----------------------------------------------------------------
def _sample_labels(inputs, n):
    if inputs is None:
        return [f"sample {i + 1}" for i in range(n)]
    inputs = _matrix("inputs", inputs)
    if inputs.shape[0] != n:
        raise ValueError(f"inputs must have {n} rows (one per sample), got {inputs.shape[0]}")
    return ["(" + ", ".join(_number_text(v) for v in row[:2]) + ")" for row in inputs]


def predictions_plot(y, predictions, inputs=None, ax=None,
                     title="Targets and predictions"):
    """Grouped bars: the target and the prediction for each sample.

    Parameters
    ----------
    y : (n,) or (n, 1) targets.
    predictions : (n,) or (n, 1) network outputs, e.g. ``network.output``.
    inputs : optional (n, d) array; tick labels show its first two columns,
        like "(0, 1)". Without it the ticks read "sample 1", ...

    ``ax.containers[0]`` holds the target bars, ``ax.containers[1]`` the
    prediction bars; the values are written above the bars (predictions to 3
    decimals), so a target of 0 stays visible.
    """
    y = _vector("y", y)
    predictions = _vector("predictions", predictions)
    if predictions.shape != y.shape:
        raise ValueError(f"predictions must have one value per target: y has {y.size}, "
                         f"predictions has {predictions.size}")
    labels = _sample_labels(inputs, y.size)
    with mpl.rc_context(STYLE):
        fig, ax = _new_axes(ax, (7, 4.5))
        positions = np.arange(y.size)
        width = 0.38
        targets = ax.bar(positions - width / 2, y, width, color=GREY, edgecolor=BLACK,
                         linewidth=1, label="target", gid="target")
        # A target of 0 has no visible bar: its value is written instead.
        ax.bar_label(targets, labels=[f"{t:g}" for t in y], padding=3, fontsize=FONT_SIZE)
        bars = ax.bar(positions + width / 2, predictions, width, color=BLUE,
                      label="prediction", gid="prediction")
        ax.bar_label(bars, labels=[f"{p:.3f}" for p in predictions], padding=3,
                     fontsize=FONT_SIZE)
        ax.set_xticks(positions, labels)
        ax.set_ylim(0, 1.32)
        ax.set_yticks(np.linspace(0, 1, 5))
        ax.axhline(0.5, color=BLACK, linewidth=1, linestyle=":", zorder=0)
        ax.set_xlabel("input (x1, x2)" if inputs is not None else "sample")
        ax.set_ylabel("value")
        ax.legend(loc="upper center", ncol=2, frameon=False)
        if title:
            ax.set_title(title)
        _style_ticks(ax)
    return fig


# -- decision boundary ----------------------------------------------------------
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


#: The finest decision grid: 1001² points already take a second to evaluate.
MAX_RESOLUTION = 1001


def decision_grid(predict, resolution=61, low=-0.1, high=1.1):
    """Evaluate ``predict`` on a ``resolution`` x ``resolution`` grid over [low, high]².

    Returns ``(grid_x1, grid_x2, output)``, each of shape (resolution, resolution);
    ``predict`` receives one (resolution², 2) array and must return (resolution², 1)
    or (resolution²,) values. ``resolution`` is an integer in [2, 1001]; ``low <
    high`` are numbers of size at most 1e6.
    """
    resolution = check_count("resolution", resolution, minimum=2, maximum=MAX_RESOLUTION)
    low = _real_number("low", low)
    high = _real_number("high", high)
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

    The line is left out when the output never crosses 0.5. Values outside
    [0, 1] (possible for a ``predict`` that is not a sigmoid network) get the
    end colours, and only then does the colour bar show extension arrows.
    Returns the filled contour, for a colour bar.
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
    if (x is None) != (y is None):
        raise ValueError("x and y must be given together (or neither)")
    if x is not None:
        x = _matrix("x", x)
        y = _vector("y", y)
        if x.shape[1] < 2:
            raise ValueError(f"x must have at least 2 columns, got shape {x.shape}")
        if x.shape[0] != y.size:
            raise ValueError(f"y must have one class per row of x: x has {x.shape[0]} rows, "
                             f"y has {y.size} values")
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


# -- activations ----------------------------------------------------------------
ACTIVATIONS = {
    "sigmoid": (activations.sigmoid, activations.sigmoid_derivative),
    "tanh": (activations.tanh, activations.tanh_derivative),
    "relu": (activations.relu, activations.relu_derivative),
}


def activation_plot(name="sigmoid", z=None, ax=None, title=None):
    """An activation function and its derivative on one axes.

    Parameters
    ----------
    name : "sigmoid", "tanh" or "relu" (from ``nnfs_lib.activations``).
    z : 1-D array of pre-activations; default ``np.linspace(-6, 6, 241)``.

    ``ax.lines[0]`` is the function, ``ax.lines[1]`` its derivative. ReLU's
    derivative jumps from 0 to 1 at z = 0: its line is broken there (a NaN is
    inserted between the two sides) instead of drawing a vertical segment that
    is not part of the function.
    """
    if not isinstance(name, str) or name.lower() not in ACTIVATIONS:
        raise ValueError(f"name must be one of {sorted(ACTIVATIONS)}, got {name!r}")
    name = name.lower()
    z = np.linspace(-6, 6, 241) if z is None else _vector("z", z)
    function, derivative = ACTIVATIONS[name]
    slope_z, slope = z, derivative(z)
    if name == "relu":
        jumps = np.flatnonzero(np.diff(slope) != 0) + 1
        slope_z, slope = np.insert(z, jumps, np.nan), np.insert(slope, jumps, np.nan)
    with mpl.rc_context(STYLE):
        fig, ax = _new_axes(ax, (7, 4.5))
        ax.plot(z, function(z), color=BLUE, label=f"{name}(z)")
        ax.plot(slope_z, slope, color=VERMILLION, linestyle="--",
                label=f"{name}′(z), its derivative")
        ax.axhline(0, color=GREY, linewidth=1, zorder=0)
        ax.axvline(0, color=GREY, linewidth=1, zorder=0)
        ax.set_xlabel("z (pre-activation)")
        ax.set_ylabel("value")
        ax.grid(True)
        ax.legend(loc="upper left")
        ax.set_title(title if title is not None else f"The {name} and its derivative")
        _style_ticks(ax)
    return fig


# -- overview ---------------------------------------------------------------------
OVERVIEW_SIZE = (12, 8.5)


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

    Returns the figure. Nothing is trained and ``network`` is not changed.
    """
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")
    if not isinstance(history, TrainingHistory):
        raise TypeError(f"history must be a TrainingHistory (from train), "
                        f"got {type(history).__name__}")
    _check_figure("fig", fig)
    if iteration is not None:
        iteration = check_count("iteration", iteration, maximum=history.iterations)
    if iteration is None:
        shown = network
        marker = history.iterations
    else:
        if iteration not in history.snapshots:
            raise ValueError(f"iteration {iteration} has no snapshot in history; "
                             f"recorded: {sorted(history.snapshots)}")
        shown = network.copy()
        for target, saved in zip(shown.parameters(), history.snapshots[iteration], strict=True):
            target[...] = saved
        marker = iteration
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
