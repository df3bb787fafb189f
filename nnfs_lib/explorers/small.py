"""The smaller explorers' static figures and numbers, one neuron or one weight at a time.

* ``draw_activation`` (notebook 03): sigmoid(w·x + b);
* ``draw_neuron`` and ``neuron_output`` (notebook 04): one neuron's weighted sum;
* ``draw_loss_along`` and ``loss_along`` (notebook 05): the loss along one weight.

The explorers themselves (``explorers.small_explorers``) send these numbers to
the browser; each static figure follows its explorer in a notebook.

Each ``draw_*`` function called without ``fig`` draws a new figure (the
static figure after each explorer in a notebook); with ``fig``, a figure made
by an earlier call of the same function, it updates that figure in place,
which is what its explorer does at every slider move.
"""

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from nnfs_lib._checks import MAX_MAGNITUDE, as_real_array, check_count, check_real_number
from nnfs_lib.activations import sigmoid, sigmoid_derivative
from nnfs_lib.datasets import xor
from nnfs_lib.explorers.training_settings import MAX_SEED, WEIGHT_SHAPES
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.plots.curves import activation_plot
from nnfs_lib.plots.diagram import edge_widths, network_diagram
from nnfs_lib.plots.style import (
    BLACK,
    BLUE,
    EXPLORER_DPI,
    FONT_SIZE,
    LOSS_LABEL,
    SKY,
    STYLE,
    TITLE_SIZE,
    VERMILLION,
    _by_gid,
    _check_figure,
    _number_text,
    _style_ticks,
)

#: Sizes of the figures (inches, at ``EXPLORER_DPI``).
ACTIVATION_FIGSIZE = (6.6, 3.7)
NEURON_FIGSIZE = (9.2, 3.7)
LOSS_FIGSIZE = (6.8, 4.0)
#: The x axis of the activation explorer.
ACTIVATION_X = np.linspace(-6, 6, 241)


def _minus(text):
    """Typeset minus signs: ``"-0.5"`` -> ``"−0.5"``."""
    return text.replace("-", "−")


# -- the activation explorer (notebook 03) ----------------------------------------------
def draw_activation(weight=1.0, bias=0.0, fig=None):
    """sigmoid(w·x + b) and sigmoid′(z) at z = w·x + b, against x; updates ``fig`` if given.

    ``weight`` and ``bias`` are real numbers of size at most 1e6; ``fig`` is a
    figure made by an earlier ``draw_activation``.
    """
    weight = check_real_number("weight", weight)
    bias = check_real_number("bias", bias)
    _check_figure("fig", fig)
    x = ACTIVATION_X
    if fig is None:
        with mpl.rc_context(STYLE):
            fig = Figure(figsize=ACTIVATION_FIGSIZE, dpi=EXPLORER_DPI, layout="constrained")
            FigureCanvasAgg(fig)
            activation_plot("sigmoid", z=x, ax=fig.add_subplot())
            ax = fig.axes[0]
            ax.set_xlabel("input x")
            ax.set_ylim(-0.05, 1.05)
            ax.lines[0].set_label("σ(w·x + b)")
            # The dashed curve is the derivative σ′(z) evaluated at the neuron's
            # z = w·x + b (its peak is always 0.25); the slope of the solid curve
            # against x is w·σ′(z).
            ax.lines[1].set_label("σ′(z) at z = w·x + b")
            ax.get_legend().remove()
            # Below the axes: the curves move with w and b, so no corner stays free.
            fig.legend(loc="outside lower center", ncol=2, frameon=False)
    ax = fig.axes[0]
    z = weight * x + bias
    ax.lines[0].set_ydata(sigmoid(z))
    ax.lines[1].set_ydata(sigmoid_derivative(z))
    ax.set_title(_minus(f"One neuron: w = {weight:.3g}, b = {bias:.3g}"), fontsize=TITLE_SIZE)
    return fig


# -- the neuron explorer (notebook 04) ----------------------------------------------------
def _three_numbers(name, value):
    """``value`` as three real numbers of size at most 1e6, shape (3,), or raise."""
    array = as_real_array(name, value, limit=MAX_MAGNITUDE)
    if array.shape != (3,):
        raise ValueError(f"{name} must be three numbers (x1, x2, x3 / w1, w2, w3), "
                         f"got shape {array.shape}")
    return array


def _signed_sum(terms, signs):
    """``["0.5·1", "0.5·0"]``, ``[0.5, -0.5]`` -> ``"0.5·1 − 0.5·0"`` (a real minus sign)."""
    text = ""
    for k, (term, sign) in enumerate(zip(terms, signs, strict=True)):
        if k == 0:
            text = ("−" if sign < 0 else "") + term
        else:
            text += (" − " if sign < 0 else " + ") + term
    return text


def _new_neuron_figure(inputs, column, z, output):
    """The first drawing: a 3-1 diagram (left) and the sigmoid with the neuron's dot (right)."""
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=NEURON_FIGSIZE, dpi=EXPLORER_DPI)
        FigureCanvasAgg(fig)
        fig.subplots_adjust(left=0.02, right=0.97, bottom=0.15, top=0.86, wspace=0.15)
        left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.1, 1]})
        network_diagram(column, np.ones((1, 1)), inputs=inputs, ax=left,
                        title="One neuron", colorbar=False)
        # Keep the inputs and the neuron; hide the output layer of the 3-1-1 drawing.
        edges = _by_gid(left.collections, "edges")
        edges.set_segments(edges.get_segments()[:3])
        for text in left.texts:
            if text.get_text() in ("ŷ", "output\nlayer"):
                text.set_visible(False)
            if text.get_text() == "hidden\nlayer":
                text.set_text("neuron")
            if text.get_text() == "h1":  # the node shows what it applies: σ
                text.set_text("σ")
                cx, cy = text.get_position()
        # The output a to the right of the node, clear of the node and the edges.
        left.text(cx + 0.34, cy, "a = ", ha="left", va="center", gid="activation",
                  fontsize=FONT_SIZE + 1, color=VERMILLION, zorder=3)
        nodes = _by_gid(left.collections, "nodes")
        nodes.set_facecolor([SKY] * 3 + ["#F5F5F5", "none"])
        nodes.set_edgecolor([BLACK] * 4 + ["none"])
        activation_plot("sigmoid", z=np.linspace(-8, 8, 161), ax=right, title="")
        right.plot([z], [output], "o", color=VERMILLION, markersize=10, gid="neuron")
        # Short labels, upper left: there sigmoid(z) and its derivative are both
        # near 0, and the dot (z, sigmoid(z)) can only be low when z is that far left.
        right.lines[0].set_label("σ(z)")
        right.lines[1].set_label("σ′(z), its slope")
        right.legend(loc="upper left")
    return fig


def neuron_output(inputs, weights):
    """``(z, a)`` of one neuron: z = Σ wᵢxᵢ and a = sigmoid(z) by the network's forward pass.

    ``inputs``, ``weights``: three real numbers each. Notebook 04's explorer and figure.
    """
    inputs = _three_numbers("inputs", inputs)
    column = _three_numbers("weights", weights).reshape(3, 1)
    neuron = NeuralNetwork(inputs.reshape(1, 3), np.zeros((1, 1)), hidden_units=1,
                           weights1=column, weights2=np.ones((1, 1)))
    neuron.feedforward()
    return float(np.dot(inputs, column[:, 0])), float(neuron.layer1[0, 0])


def neuron_equation(inputs, weights, z):
    """The title text ``z = 0.5·1 − 0.5·0 + 0.2·1 = 0.7`` of notebook 04's figures."""
    terms = _signed_sum([f"{abs(wi):.2g}·{xi:.2g}" for wi, xi in zip(weights, inputs,
                                                                       strict=True)], weights)
    return f"z = {terms} = {_minus(f'{z:.3g}')}"


def draw_neuron(inputs=(1.0, 0.0, 1.0), weights=(0.5, -0.5, 0.2), fig=None):
    """The neuron (inputs, weighted edges) and where z = Σ wᵢxᵢ lands on the sigmoid.

    ``inputs`` and ``weights``: three real numbers each (size at most 1e6);
    ``fig`` is a figure made by an earlier ``draw_neuron``.
    """
    inputs = _three_numbers("inputs", inputs)
    column = _three_numbers("weights", weights).reshape(3, 1)
    _check_figure("fig", fig)
    z, output = neuron_output(inputs, column[:, 0])
    if fig is None:
        fig = _new_neuron_figure(inputs, column, z, output)
    left, right = fig.axes[0], fig.axes[1]
    edges = _by_gid(left.collections, "edges")
    w = column[:, 0]
    biggest = max(float(np.max(np.abs(w))), 1e-12)
    edges.set_array(w)
    edges.set_clim(-biggest, biggest)
    edges.set_linewidths(edge_widths(w, biggest))
    for text in left.texts:  # x3 is called constant only while it is 1
        if text.get_text() in ("x3", "x3\n(constant)"):
            text.set_text("x3\n(constant)" if inputs[2] == 1 else "x3")
    input_texts = [t for t in left.texts if t.get_fontweight() == "bold"]
    for text, value in zip(input_texts, inputs, strict=True):
        text.set_text(_number_text(value))
    _by_gid(left.texts, "activation").set_text(f"a = {output:.3f}")
    dot = _by_gid(right.lines, "neuron")
    dot.set_data([z], [output])
    left.set_title(neuron_equation(inputs, w, z), fontsize=FONT_SIZE)
    right.set_title(f"output a = σ(z) = σ({_minus(f'{z:.3g}')}) = {output:.3f}",
                    fontsize=FONT_SIZE)
    return fig


# -- the loss explorer (notebook 05) -------------------------------------------------------
def _check_which(which):
    """``which`` as ``(layer, i, j)``: a weight of the article's 3-4-1 network, or raise."""
    if not isinstance(which, (tuple, list)) or len(which) != 3:
        raise TypeError(f"which must be a tuple (layer, i, j) of three integers, got {which!r}")
    layer, i, j = (check_count(f"which[{k}]", v) for k, v in enumerate(which))
    if layer > 1:
        raise ValueError(f"which[0] (the layer) must be 0 (weights1) or 1 (weights2), "
                         f"got {layer}")
    rows, columns = WEIGHT_SHAPES[layer]
    if i >= rows or j >= columns:
        raise ValueError(f"which = {tuple(which)}: weights{layer + 1} has shape "
                         f"({rows}, {columns}), so i must be < {rows} and j < {columns}")
    return layer, i, j


def _check_span(span):
    if not isinstance(span, (tuple, list)) or len(span) != 2:
        raise TypeError(f"span must be a pair (low, high) of numbers, got {span!r}")
    low, high = (check_real_number(f"span[{k}]", v) for k, v in enumerate(span))
    if not low < high:
        raise ValueError(f"span must have low < high, got ({low:g}, {high:g})")
    return low, high


def _new_loss_figure(grid, losses, tangent_x, tangent_y, value, loss):
    """The first drawing: the loss curve, the tangent and the point (gids loss, tangent, point)."""
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=LOSS_FIGSIZE, dpi=EXPLORER_DPI, layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ax.plot(grid, losses, color=BLUE, gid="loss", label="loss")
        ax.plot(tangent_x, tangent_y, color=VERMILLION, linestyle="--",
                gid="tangent", label="tangent (slope = gradient)")
        ax.plot([value], [loss], "o", color=VERMILLION, markersize=9, gid="point")
        ax.set_ylabel(LOSS_LABEL)
        ax.grid(True)
        # Below the axes: the curve and its tangent move with the sliders, so
        # no place inside the axes stays clear of them.
        fig.legend(loc="outside lower center", ncol=2, frameon=False)
        _style_ticks(ax)
    return fig


def loss_along(which=(1, 0, 0), value=None, seed=0, span=(-8.0, 8.0)):
    """The numbers of ``draw_loss_along`` (notebook 05's explorer and figure), as a dict.

    ``grid`` (161 values over ``span``) and ``losses`` along it, the point
    ``value``, ``loss``, the ``slope`` (that weight's gradient), the tangent
    ``tangent_x``, ``tangent_y`` and the weight's ``name``. Arguments as in
    ``draw_loss_along``.
    """
    layer, i, j = _check_which(which)
    seed = check_count("seed", seed, maximum=MAX_SEED)
    span = _check_span(span)
    if value is not None:
        value = check_real_number("value", value)
        if not span[0] <= value <= span[1]:
            raise ValueError(f"value must lie in span [{span[0]:g}, {span[1]:g}], got {value:g}")
    x, y = xor()
    network = NeuralNetwork(x, y, rng=seed)
    if value is None:
        value = float(network.parameters()[layer][i, j])
    grid = np.linspace(span[0], span[1], 161)
    target = network.parameters()[layer]
    losses = np.empty_like(grid)
    for k, w in enumerate(grid):
        target[i, j] = w
        losses[k] = network.loss()
    target[i, j] = value
    loss = network.loss()
    slope = float(network.gradients()[layer][i, j])
    name = f"weights{layer + 1}[{i},{j}]"
    tangent_x = np.array([value - 1.5, value + 1.5])
    tangent_y = loss + slope * (tangent_x - value)
    return {"grid": grid, "losses": losses, "value": value, "loss": loss, "slope": slope,
            "tangent_x": tangent_x, "tangent_y": tangent_y, "name": name}


def draw_loss_along(which=(1, 0, 0), value=None, seed=0, fig=None, span=(-8.0, 8.0)):
    """Loss against one weight ``which = (layer, i, j)``; a dot and its tangent at ``value``.

    ``layer`` 0 is ``weights1`` (3x4), 1 is ``weights2`` (4x1); all other
    weights keep their initial values drawn from ``seed``. ``value`` (default:
    the weight's initial value) must lie in ``span = (low, high)``, the x range.
    ``fig`` is a figure made by an earlier ``draw_loss_along``.
    """
    _check_figure("fig", fig)
    numbers = loss_along(which, value, seed, span)
    grid, losses, value, loss = (numbers[k] for k in ("grid", "losses", "value", "loss"))
    tangent_x, tangent_y, name = numbers["tangent_x"], numbers["tangent_y"], numbers["name"]
    slope = numbers["slope"]
    if fig is None:
        fig = _new_loss_figure(grid, losses, tangent_x, tangent_y, value, loss)
    ax = fig.axes[0]
    _by_gid(ax.lines, "loss").set_data(grid, losses)
    _by_gid(ax.lines, "tangent").set_data(tangent_x, tangent_y)
    _by_gid(ax.lines, "point").set_data([value], [loss])
    low, high = float(losses.min()), float(losses.max())
    pad = 0.08 * (high - low) + 1e-3
    ax.set_xlim(*span)
    ax.set_ylim(low - pad, high + pad)
    ax.set_xlabel(f"{name} (all other weights fixed)")
    direction = "decrease" if slope > 0 else "increase" if slope < 0 else "keep"
    ax.set_title(f"loss {loss:.4f}, gradient {slope:+.4f}:\ndescent would {direction} "
                 f"{name}", fontsize=TITLE_SIZE)
    return fig


