"""The explorers' figures: settings in, a matplotlib ``Figure`` out (no widgets).

``nnfs_lib.widgets`` wires sliders to these functions; a notebook calls them
directly for the static figure that follows each explorer (for GitHub,
nbviewer and printed handouts). Both go through the same code, so the static
figure and the explorer at the same settings show the same data::

    draw_training(TrainingSettings())      # what TrainingExplorer() first shows

The training picture is drawn once with the ``nnfs_lib.plotting`` functions;
an update only changes the data of the existing artists (line data,
``set_array``, bar heights, the contour) and ``render_png`` re-renders only
what changed (``nnfs_lib.fastrender``), which keeps one explorer update near
100 ms. Every figure is a plain ``matplotlib.figure.Figure``: nothing is
registered with pyplot, so nothing leaks. The handles to a training figure's
artists live in a ``WeakKeyDictionary`` keyed by the figure
(``training_panels(fig)``), not in an attribute of the figure, and go away
with it.
"""

import bisect
import weakref
from dataclasses import dataclass, field

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Annotation

from nnfs_lib._checks import (
    as_matrix,
    as_real_array,
    check_count,
    check_flag,
    check_magnitude,
    check_positive_number,
    check_shape,
)
from nnfs_lib.activations import sigmoid, sigmoid_derivative
from nnfs_lib.datasets import xor
from nnfs_lib.explorers.fastrender import Blitter, png_bytes
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.plots import style as plotting
from nnfs_lib.training import train

__all__ = [
    "TrainingSettings", "TrainingResult", "train_from_settings", "draw_training",
    "snapshot_steps", "recorded_steps", "initial_weights", "render_png",
    "draw_activation", "draw_neuron", "draw_loss_along",
]

#: Size and resolution of the explorer figures. At 92 dpi a 12 pt label is about
#: 15 px high in a figure about 970 px wide, readable on a projector; the sizes
#: (in inches) are a little smaller than the notebooks' static figures so that the
#: pictures stay about as wide as a notebook cell and render fast.
FIGSIZE = (10.5, 7.4)
COMPACT_FIGSIZE = (10.5, 4.6)
ACTIVATION_FIGSIZE = (6.6, 3.7)
NEURON_FIGSIZE = (9.2, 3.7)
LOSS_FIGSIZE = (6.8, 4.0)
DPI = plotting.EXPLORER_DPI
#: Grid points per side of the decision-boundary panel.
RESOLUTION = 31
#: Runs of at most this many iterations record the weights after *every*
#: iteration, so the time slider shows exactly the iteration it names (the
#: iterations slider goes to 10,000; recording costs ~3 ms per 1,000 iterations).
EVERY_STEP_UP_TO = 10_000
#: Longer runs record about this many evenly spaced snapshots, and the time
#: slider snaps to them (the explorer says so next to the slider).
TIME_STEPS = 100
#: Range of the weight sliders; the initial-weight scale stays inside it.
WEIGHT_LIMIT = 20.0
#: The most iterations a settings object accepts (the slider goes to 10,000).
MAX_ITERATIONS = 1_000_000
#: Tiny floor for the loss on a log axis (a saturated network can reach 0).
_LOG_FLOOR = 1e-300
#: The article's weight shapes: (layer, rows, columns).
WEIGHT_SHAPES = ((3, 4), (4, 1))


_real_number = plotting._real_number


def _check_seed(seed):
    return check_count("seed", seed, maximum=2**32 - 1)


def _check_figure(fig):
    plotting._check_figure("fig", fig)


# -- settings -> training ---------------------------------------------------------
@dataclass(eq=False)
class TrainingSettings:
    """Everything that determines a training explorer's picture.

    ``weights1`` (3, 4) and ``weights2`` (4, 1) are the *initial* weights;
    ``None`` (for both) means: draw them from ``seed`` and ``init_scale`` as
    ``NeuralNetwork`` does. ``time`` is the iteration k in [0, iterations]
    whose weights are shown (exact for runs of at most ``EVERY_STEP_UP_TO``
    iterations, else snapped to the nearest recorded snapshot, see
    ``recorded_steps``); ``None`` means the end. Every field is checked when the settings are made.
    """

    iterations: int = 1500
    learning_rate: float = 1.0
    seed: int = 0
    init_scale: float = 1.0
    weights1: np.ndarray | None = None
    weights2: np.ndarray | None = None
    log_scale: bool = False
    time: int | None = None

    def __post_init__(self):
        self.iterations = check_count("iterations", self.iterations, maximum=MAX_ITERATIONS)
        self.learning_rate = check_positive_number("learning_rate", self.learning_rate)
        self.seed = _check_seed(self.seed)
        self.init_scale = check_positive_number("init_scale", self.init_scale)
        if (self.weights1 is None) != (self.weights2 is None):
            raise ValueError("weights1 and weights2 must be given together (or neither)")
        if self.weights1 is not None:
            for name, shape in zip(("weights1", "weights2"), WEIGHT_SHAPES, strict=True):
                array = as_matrix(name, getattr(self, name))
                check_shape(name, array, shape)
                setattr(self, name, array.copy())
        self.log_scale = check_flag("log_scale", self.log_scale)
        if self.time is not None:
            self.time = check_count("time", self.time, maximum=self.iterations)


@dataclass(eq=False)
class TrainingResult:
    """A finished run: the trained ``network``, its ``history`` and the snapshot ``steps``."""

    network: NeuralNetwork
    history: object
    steps: list = field(default_factory=list)

    def snap(self, time):
        """The recorded iteration nearest to ``time`` (``None``: the last; ties: the earlier)."""
        if time is None:
            return self.steps[-1]
        i = bisect.bisect_left(self.steps, time)  # steps are sorted
        near = self.steps[max(i - 1, 0):i + 1]
        return min(near, key=lambda step: (abs(step - time), step))

    @property
    def spacing(self):
        """Iterations between recorded snapshots: 1 when every iteration is recorded."""
        return self.steps[1] - self.steps[0] if len(self.steps) > 1 else 1

    def network_at(self, time):
        """A copy of the network holding the weights recorded at ``snap(time)``."""
        shown = self.network.copy()
        saved = self.history.snapshots[self.snap(time)]
        for target, value in zip(shown.parameters(), saved, strict=True):
            target[...] = value
        return shown


def snapshot_steps(iterations, count=TIME_STEPS):
    """About ``count`` (>= 1) evenly spaced iterations in [0, iterations], both ends included."""
    iterations = check_count("iterations", iterations, maximum=MAX_ITERATIONS)
    count = check_count("count", count, minimum=1)
    step = max(1, -(-iterations // count))
    steps = list(range(0, iterations + 1, step))
    if steps[-1] != iterations:
        steps.append(iterations)
    return steps


def recorded_steps(iterations):
    """The iterations whose weights a run records for the time slider.

    Every iteration (``0..iterations``) when ``iterations <= EVERY_STEP_UP_TO``,
    so the slider is exact; beyond it, ``snapshot_steps(iterations)``.
    """
    iterations = check_count("iterations", iterations, maximum=MAX_ITERATIONS)
    if iterations <= EVERY_STEP_UP_TO:
        return list(range(iterations + 1))
    return snapshot_steps(iterations)


def initial_weights(seed=0, init_scale=1.0):
    """``(weights1, weights2)`` as ``NeuralNetwork(x, y, rng=seed, init_scale=...)`` draws them."""
    seed = _check_seed(seed)
    init_scale = check_positive_number("init_scale", init_scale)
    x, y = xor()
    network = NeuralNetwork(x, y, rng=seed, init_scale=init_scale)
    return network.weights1, network.weights2


def train_from_settings(settings):
    """The article's network on XOR built from ``settings`` and trained: a ``TrainingResult``."""
    _check_settings(settings)
    x, y = xor()
    network = NeuralNetwork(x, y, weights1=settings.weights1, weights2=settings.weights2,
                            rng=settings.seed, init_scale=settings.init_scale,
                            learning_rate=settings.learning_rate)
    steps = recorded_steps(settings.iterations)
    history = train(network, settings.iterations, snapshots=steps)
    return TrainingResult(network=network, history=history, steps=steps)


def _check_settings(settings):
    if not isinstance(settings, TrainingSettings):
        raise TypeError(f"settings must be a TrainingSettings, got {type(settings).__name__}")


# -- drawing ------------------------------------------------------------------------
#: figure -> its ``_TrainingPanels``; weak, so a dropped figure takes its entry along.
_PANELS = weakref.WeakKeyDictionary()


def training_panels(fig):
    """The handles to the artists of a figure made by ``draw_training`` (else ``None``)."""
    return _PANELS.get(fig)


def render_png(fig):
    """The figure rendered by Agg, as PNG bytes (fast compression, no metadata).

    A figure made by ``draw_training`` is rendered incrementally (see
    ``nnfs_lib.fastrender``); the pixels are the same as a full draw.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    panels = _PANELS.get(fig)
    return png_bytes(fig, None if panels is None else panels.blitter)


class _TrainingPanels:
    """Handles to the artists of a training figure, to update them in place."""

    def __init__(self, fig, compact):
        self.compact = compact
        axes = fig.axes
        self.diagram = axes[0]
        self.loss = axes[1]
        (self.edges,) = [c for c in self.diagram.collections if c.get_gid() == "edges"]
        self.loss_line = _by_gid(self.loss.lines, "loss")
        self.marker = _by_gid(self.loss.lines, "marker")
        self.marker_dot = _by_gid(self.loss.lines, "marker-dot")
        self.marker_text = [t for t in self.loss.texts if isinstance(t, Annotation)][0]
        self.blitter = Blitter(self)
        if compact:
            return
        self.predictions = axes[2]
        self.boundary = axes[3]
        self.bars = self.predictions.containers[1]
        # The value labels of the prediction bars (target bars may have labels too).
        centres = [bar.get_x() + bar.get_width() / 2 for bar in self.bars]
        self.bar_labels = [
            next(t for t in self.predictions.texts
                 if isinstance(t, Annotation) and np.isclose(t.xy[0], centre))
            for centre in centres]

    @property
    def volatile(self):
        """Axes redrawn in full at every update: the diagram and its colour bar."""
        volatile = {self.diagram}
        if self.edges.colorbar is not None:
            volatile.add(self.edges.colorbar.ax)
        return volatile

    def frame_keys(self):
        """What an axes' static part depends on; a changed key means re-rendering it."""
        return {ax: (ax.get_xlim(), ax.get_ylim(), ax.get_yscale(), ax.get_ylabel(),
                     ax.get_title(), ax.get_position().bounds)
                for ax in self.diagram.figure.axes}

    def dynamic(self):
        """``[(axes, artists)]`` drawn over the cached background at every update."""
        loss = [self.loss_line, self.marker, self.marker_dot, self.marker_text,
                *self.loss.spines.values()]
        if self.compact:
            return [(self.loss, loss)]
        contours = [c for c in self.boundary.collections
                    if c.get_gid() in ("output", "boundary")]
        points = [c for c in self.boundary.collections if c.get_gid() not in
                  ("output", "boundary")]
        return [(self.loss, loss),
                (self.predictions, list(self.bars) + self.bar_labels),
                (self.boundary, contours + points + list(self.boundary.spines.values()))]


def _by_gid(artists, gid):
    return [a for a in artists if a.get_gid() == gid][0]


def _new_training_figure(settings, result, compact):
    time = result.snap(settings.time)
    shown = result.network_at(time)
    if compact:
        with mpl.rc_context(plotting.STYLE):
            fig = Figure(figsize=COMPACT_FIGSIZE, dpi=DPI)
            fig.subplots_adjust(left=0.02, right=0.97, bottom=0.15, top=0.88, wspace=0.25)
            axes = fig.subplots(1, 2)
            plotting.network_diagram(shown.weights1, shown.weights2, ax=axes[0])
            plotting.loss_curve(result.history.loss, ax=axes[1], marker_at=time)
    else:
        fig = Figure(figsize=FIGSIZE, dpi=DPI)
        plotting.training_overview(result.network, result.history, iteration=time,
                                   resolution=RESOLUTION, fig=fig)
    FigureCanvasAgg(fig)
    _PANELS[fig] = _TrainingPanels(fig, compact)
    return fig


def draw_training(settings=None, result=None, fig=None, compact=False):
    """The training picture for ``settings``: diagram, loss, predictions, boundary.

    ``result`` is ``train_from_settings(settings)`` (computed if not given).
    ``fig``: a figure made by an earlier ``draw_training`` to update in place
    (what the explorer does); without it a new ``Figure`` is made with the
    ``plotting`` functions. ``compact=True`` draws only diagram and loss.
    Either way the same update code sets the data, so a static figure and the
    explorer at the same settings show the same data.
    """
    settings = TrainingSettings() if settings is None else settings
    _check_settings(settings)
    if result is not None and not isinstance(result, TrainingResult):
        raise TypeError(f"result must be None or a TrainingResult (from train_from_settings), "
                        f"got {type(result).__name__}")
    _check_figure(fig)
    compact = check_flag("compact", compact)
    if result is None:
        result = train_from_settings(settings)
    if fig is None or fig not in _PANELS:
        fig = _new_training_figure(settings, result, compact)
    _update_training_figure(_PANELS[fig], settings, result)
    return fig


def _update_training_figure(panels, settings, result):
    time = result.snap(settings.time)
    shown = result.network_at(time)
    with mpl.rc_context(plotting.STYLE):
        _update_diagram(panels, shown, time)
        _update_loss(panels, result.history.loss, time, settings.log_scale)
        if not panels.compact:
            _update_predictions(panels, shown)
            _update_boundary(panels, shown)


def _update_diagram(panels, shown, time):
    w = np.concatenate([shown.weights1.ravel(), shown.weights2.ravel()])
    norm = plotting.network_weight_norm(shown.weights1, shown.weights2)
    panels.edges.set_array(w)
    panels.edges.set_clim(norm.vmin, norm.vmax)
    panels.edges.set_linewidths(plotting.edge_widths(w, norm.vmax))
    panels.diagram.set_title(f"Weights after {time} iterations")


def _update_loss(panels, loss, time, log_scale):
    ax = panels.loss
    steps = np.arange(loss.size)
    shown = np.maximum(loss, _LOG_FLOOR) if log_scale else loss
    panels.loss_line.set_data(steps, shown)
    ax.set_xlim(0, max(loss.size - 1, 1))
    # Limits rounded to "nice" values, so that they (and the ticks) rarely change.
    top = float(shown.max())
    if log_scale:
        ax.set_yscale("log")
        ax.set_ylim(10.0 ** np.floor(np.log10(float(shown.min())) - 0.2),
                    10.0 ** np.ceil(np.log10(top) + 0.1))
    else:
        ax.set_yscale("linear")
        ax.set_ylim(0, np.ceil(top * 1.05 / 0.25) * 0.25 if top > 0 else 1.0)
    panels.marker.set_xdata([time, time])
    panels.marker_dot.set_data([time], [shown[time]])
    early = time < 0.7 * loss.size
    # Below the dot when it is in the top third, so that the text stays clear of the title.
    bottom, top_limit = ax.get_ylim()
    if log_scale:
        height = (np.log10(shown[time]) - np.log10(bottom)) / np.log10(top_limit / bottom)
    else:
        height = (shown[time] - bottom) / (top_limit - bottom)
    high = height > 2 / 3
    text = panels.marker_text
    text.set_text(f"iteration {time}\nloss {loss[time]:.4g}")
    text.xy = (time, shown[time])
    text.xyann = (10 if early else -10, -10 if high else 10)
    text.set_horizontalalignment("left" if early else "right")
    text.set_verticalalignment("top" if high else "bottom")
    ax.set_ylabel(plotting.LOSS_LABEL + (" (log scale)" if log_scale else ""))
    plotting._style_ticks(ax)


def _update_predictions(panels, shown):
    outputs = shown.predict(shown.input)[:, 0]
    for bar, label, value in zip(panels.bars, panels.bar_labels, outputs, strict=True):
        bar.set_height(value)
        label.set_text(f"{value:.3f}")
        label.xy = (bar.get_x() + bar.get_width() / 2, value)


def _update_boundary(panels, shown):
    ax = panels.boundary
    for collection in list(ax.collections):
        if collection.get_gid() in ("output", "boundary"):
            collection.remove()
    grid_x1, grid_x2, output = plotting.decision_grid(plotting.network_predictor(shown),
                                                      RESOLUTION)
    plotting.draw_output(ax, grid_x1, grid_x2, output, zorder=1)


# -- the smaller explorers' figures ---------------------------------------------------
#: The x axis of the activation explorer.
ACTIVATION_X = np.linspace(-6, 6, 241)


def draw_activation(weight=1.0, bias=0.0, fig=None):
    """sigmoid(w·x + b) and sigmoid′(z) at z = w·x + b, against x; updates ``fig`` if given.

    ``weight`` and ``bias`` are real numbers of size at most 1e6; ``fig`` is a
    figure made by an earlier ``draw_activation``.
    """
    weight = _real_number("weight", weight)
    bias = _real_number("bias", bias)
    _check_figure(fig)
    x = ACTIVATION_X
    if fig is None:
        with mpl.rc_context(plotting.STYLE):
            fig = Figure(figsize=ACTIVATION_FIGSIZE, dpi=DPI, layout="constrained")
            FigureCanvasAgg(fig)
            plotting.activation_plot("sigmoid", z=x, ax=fig.add_subplot())
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
    ax.set_title(_minus(f"One neuron: w = {weight:.3g}, b = {bias:.3g}"),
                 fontsize=plotting.TITLE_SIZE)
    return fig


def draw_neuron(inputs=(1.0, 0.0, 1.0), weights=(0.5, -0.5, 0.2), fig=None):
    """The neuron (inputs, weighted edges) and where z = Σ wᵢxᵢ lands on the sigmoid.

    ``inputs`` and ``weights``: three real numbers each (size at most 1e6);
    ``fig`` is a figure made by an earlier ``draw_neuron``.
    """
    inputs = _three_numbers("inputs", inputs)
    column = _three_numbers("weights", weights).reshape(3, 1)
    _check_figure(fig)
    # The neuron's own pre-activation, through the network's forward pass.
    neuron = NeuralNetwork(inputs.reshape(1, 3), np.zeros((1, 1)), hidden_units=1,
                           weights1=column, weights2=np.ones((1, 1)))
    neuron.feedforward()
    z = float(np.dot(inputs, column[:, 0]))
    output = float(neuron.layer1[0, 0])
    if fig is None:
        with mpl.rc_context(plotting.STYLE):
            fig = Figure(figsize=NEURON_FIGSIZE, dpi=DPI)
            FigureCanvasAgg(fig)
            fig.subplots_adjust(left=0.02, right=0.97, bottom=0.15, top=0.86, wspace=0.15)
            left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.1, 1]})
            plotting.network_diagram(column, np.ones((1, 1)), inputs=inputs, ax=left,
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
                      fontsize=plotting.FONT_SIZE + 1, color=plotting.VERMILLION, zorder=3)
            nodes = _by_gid(left.collections, "nodes")
            nodes.set_facecolor([plotting.SKY] * 3 + ["#F5F5F5", "none"])
            nodes.set_edgecolor([plotting.BLACK] * 4 + ["none"])
            plotting.activation_plot("sigmoid", z=np.linspace(-8, 8, 161), ax=right,
                                     title="")
            right.plot([z], [output], "o", color=plotting.VERMILLION, markersize=10,
                       gid="neuron")
            # Short labels, upper left: there sigmoid(z) and its derivative are both
            # near 0, and the dot (z, sigmoid(z)) can only be low when z is that far left.
            right.lines[0].set_label("σ(z)")
            right.lines[1].set_label("σ′(z), its slope")
            right.legend(loc="upper left")
    left, right = fig.axes[0], fig.axes[1]
    edges = _by_gid(left.collections, "edges")
    w = column[:, 0]
    biggest = max(float(np.max(np.abs(w))), 1e-12)
    edges.set_array(w)
    edges.set_clim(-biggest, biggest)
    edges.set_linewidths(plotting.edge_widths(w, biggest))
    for text in left.texts:  # x3 is called constant only while it is 1
        if text.get_text() in ("x3", "x3\n(constant)"):
            text.set_text("x3\n(constant)" if inputs[2] == 1 else "x3")
    input_texts = [t for t in left.texts if t.get_fontweight() == "bold"]
    for text, value in zip(input_texts, inputs, strict=True):
        text.set_text(plotting._number_text(value))
    _by_gid(left.texts, "activation").set_text(f"a = {output:.3f}")
    dot = _by_gid(right.lines, "neuron")
    dot.set_data([z], [output])
    terms = _signed_sum([f"{abs(wi):.2g}·{xi:.2g}" for wi, xi in zip(w, inputs, strict=True)],
                        w)
    left.set_title(f"z = {terms} = {_minus(f'{z:.3g}')}", fontsize=plotting.FONT_SIZE)
    right.set_title(f"output a = σ(z) = σ({_minus(f'{z:.3g}')}) = {output:.3f}",
                    fontsize=plotting.FONT_SIZE)
    return fig


def _three_numbers(name, value):
    array = as_real_array(name, value)
    if array.shape != (3,):
        raise ValueError(f"{name} must be three numbers (x1, x2, x3 / w1, w2, w3), "
                         f"got shape {array.shape}")
    check_magnitude(name, array)
    return array


def _minus(text):
    """Typeset minus signs: ``"-0.5"`` -> ``"−0.5"``."""
    return text.replace("-", "−")


def _signed_sum(terms, signs):
    """``["0.5·1", "0.5·0"]``, ``[0.5, -0.5]`` -> ``"0.5·1 − 0.5·0"`` (a real minus sign)."""
    text = ""
    for k, (term, sign) in enumerate(zip(terms, signs, strict=True)):
        if k == 0:
            text = ("−" if sign < 0 else "") + term
        else:
            text += (" − " if sign < 0 else " + ") + term
    return text


def draw_loss_along(which=(1, 0, 0), value=None, seed=0, fig=None, span=(-8.0, 8.0)):
    """Loss against one weight ``which = (layer, i, j)``; a dot and its tangent at ``value``.

    ``layer`` 0 is ``weights1`` (3x4), 1 is ``weights2`` (4x1); all other
    weights keep their initial values drawn from ``seed``. ``value`` (default:
    the weight's initial value) must lie in ``span = (low, high)``, the x range.
    ``fig`` is a figure made by an earlier ``draw_loss_along``.
    """
    layer, i, j = _check_which(which)
    seed = _check_seed(seed)
    span = _check_span(span)
    if value is not None:
        value = _real_number("value", value)
        if not span[0] <= value <= span[1]:
            raise ValueError(f"value must lie in span [{span[0]:g}, {span[1]:g}], got {value:g}")
    _check_figure(fig)
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
    if fig is None:
        with mpl.rc_context(plotting.STYLE):
            fig = Figure(figsize=LOSS_FIGSIZE, dpi=DPI, layout="constrained")
            FigureCanvasAgg(fig)
            ax = fig.add_subplot()
            ax.plot(grid, losses, color=plotting.BLUE, gid="loss", label="loss")
            ax.plot(tangent_x, tangent_y, color=plotting.VERMILLION, linestyle="--",
                    gid="tangent", label="tangent (slope = gradient)")
            ax.plot([value], [loss], "o", color=plotting.VERMILLION, markersize=9, gid="point")
            ax.set_ylabel(plotting.LOSS_LABEL)
            ax.grid(True)
            # Below the axes: the curve and its tangent move with the sliders, so
            # no place inside the axes stays clear of them.
            fig.legend(loc="outside lower center", ncol=2, frameon=False)
            plotting._style_ticks(ax)
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
                 f"{name}", fontsize=plotting.TITLE_SIZE)
    return fig


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
    low, high = (_real_number(f"span[{k}]", v) for k, v in enumerate(span))
    if not low < high:
        raise ValueError(f"span must have low < high, got ({low:g}, {high:g})")
    return low, high
