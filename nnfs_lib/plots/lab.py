"""Figures for notebook 09, the initial-weights lab: data in, ``Figure`` out.

Same conventions as ``nnfs_lib.plotting``: drawing happens inside
``matplotlib.rc_context(plotting.STYLE)`` (fonts of at least 12 pt, the
Okabe-Ito palette), figures are built without pyplot, nothing trains here.
The numbers come from ``nnfs_lib.lab``. Every argument is checked before any
drawing; bad input raises ``TypeError`` or ``ValueError`` naming it.
"""


import weakref

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from nnfs_lib._checks import as_real_array, check_count, check_flag
from nnfs_lib.lab.settings import (
    LOSS_BINS,
    LOSS_FLOOR,
    LOSS_TOP,
    LabResult,
    LabSettings,
    _check_lab_settings,
    train_lab,
)
from nnfs_lib.lab.many import ManyHistory
from nnfs_lib.plots import style as plotting
from nnfs_lib.plots.style import (
    BLACK,
    BLUE,
    EXPLORER_DPI,
    FONT_SIZE,
    GREEN,
    GREY,
    LOSS_LABEL,
    ORANGE,
    PALETTE,
    PURPLE,
    SKY,
    STYLE,
    VERMILLION,
    WEIGHT_CMAP,
    decision_boundary,
)

SUCCESS_LABEL = "success rate (% of starts that solve it)"


def _figure(figsize, ncols=1, nrows=1, **kwargs):
    fig = Figure(figsize=figsize, layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False, **kwargs)
    return fig, axes


def _ticks(*axes):
    for ax in axes:
        ax.tick_params(labelsize=FONT_SIZE)


def _array(name, value, ndim, shape_text):
    """``value`` as a finite float array with ``ndim`` dimensions, or raise."""
    array = as_real_array(name, value)
    if array.ndim != ndim:
        raise ValueError(f"{name} must have shape {shape_text}, got {array.shape}")
    return array


def _settings(name, values, positive=False, minimum_count=1):
    """A 1-D array of finite numbers (> 0 if ``positive``), at least ``minimum_count`` long."""
    array = _array(name, values, 1, "(count,)")
    if array.size < minimum_count:
        raise ValueError(f"{name} must hold at least {minimum_count} values, got {array.size}")
    if positive and np.any(array <= 0):
        raise ValueError(f"{name} must hold numbers greater than 0 (drawn on a log axis)")
    return array


def _text(name, value, allow_none=False):
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__}")
    return value


def _texts(name, values, count):
    """A list of exactly ``count`` strings."""
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise TypeError(f"{name} must be a sequence of {count} strings, "
                        f"got {type(values).__name__}")
    values = list(values)
    if len(values) != count:
        raise ValueError(f"{name} must hold {count} strings (one per line), got {len(values)}")
    return [_text(name, value) for value in values]


def _rates(name, rates, shape=None):
    array = as_real_array(name, rates)
    if shape is not None and array.shape != shape:
        raise ValueError(f"{name} must have shape {shape}, got {array.shape}")
    if np.any((array < 0) | (array > 1)):
        raise ValueError(f"{name} must hold fractions between 0 and 1")
    return array


# -- 1. which initial weights train? ---------------------------------------------
def success_by_scale_plot(init_scales, checkpoints, rates, title="Which initial weights train?"):
    """One line per iteration count: success rate (%) against the initial-weight scale.

    ``rates`` (len(init_scales), len(checkpoints)) from ``lab.success_by_scale``.
    """
    scales = _settings("init_scales", init_scales, positive=True)
    if isinstance(checkpoints, (str, bytes)) or not hasattr(checkpoints, "__iter__"):
        raise TypeError("checkpoints must be a sequence of iteration counts, "
                        f"got {type(checkpoints).__name__}")
    checkpoints = [check_count("checkpoints", count) for count in checkpoints]
    rates = _rates("rates", rates, (scales.size, len(checkpoints)))
    title = _text("title", title)
    with mpl.rc_context(STYLE):
        fig, axes = _figure((8, 5.4))
        ax = axes[0, 0]
        markers = "osD^v<>"
        for j, count in enumerate(checkpoints):
            ax.plot(scales, 100 * rates[:, j], marker=markers[j % len(markers)], markersize=7,
                    color=PALETTE[j % len(PALETTE)], label=f"{count:,}")
        ax.set_xscale("log", base=2)
        ax.set_xticks(scales, [f"{s:g}" for s in scales])
        ax.set_ylim(-3, 103)
        ax.set_xlabel("initial-weight scale (weights uniform on [0, scale))")
        ax.set_ylabel(SUCCESS_LABEL)
        ax.grid(True)
        # Below the axes, in one row: inside, it hid the rising lines at small scales.
        ax.legend(title="iterations", loc="upper center", bbox_to_anchor=(0.5, -0.2),
                  ncol=len(checkpoints), frameon=False)
        ax.set_title(title)
        _ticks(ax)
    return fig


def basin_plot(values1, values2, solved_grid, start=None, name1="weights1[0, 0]",
               name2="weights2[0, 0]", title="Basin of attraction: which starts solve XOR"):
    """Map of solved (blue) and failed (vermillion, hatched) starts over two initial weights.

    ``solved_grid`` (len(values2), len(values1)) from ``lab.basin_map``;
    ``start`` optional (value1, value2): the seed's own values, marked with a star.
    """
    values1 = _settings("values1", values1, minimum_count=2)
    values2 = _settings("values2", values2, minimum_count=2)
    for name, values in (("values1", values1), ("values2", values2)):
        if np.any(np.diff(values) <= 0):
            raise ValueError(f"{name} must be strictly increasing (a grid axis)")
    grid = as_real_array("solved_grid", solved_grid)
    if grid.shape != (values2.size, values1.size):
        raise ValueError(f"solved_grid must have shape {(values2.size, values1.size)}, "
                         f"got {grid.shape}")
    if np.any((grid != 0) & (grid != 1)):
        raise ValueError("solved_grid must hold True/False (or 1/0) values")
    grid = grid.astype(bool)
    if start is not None:
        start = _array("start", start, 1, "(value1, value2)")
        if start.size != 2:
            raise ValueError(f"start must be a pair (value1, value2), got {start.size} values")
    name1, name2, title = _text("name1", name1), _text("name2", name2), _text("title", title)
    with mpl.rc_context(STYLE):
        fig, axes = _figure((7.2, 6.4))
        ax = axes[0, 0]
        cmap = ListedColormap([VERMILLION, SKY])
        ax.pcolormesh(values1, values2, grid.astype(float), cmap=cmap, vmin=0, vmax=1,
                      shading="nearest")
        # Hatch the failures too, so the map reads without colour.
        ax.contourf(values1, values2, (~grid).astype(float), levels=[0.5, 1.5], colors="none",
                    hatches=["//"])
        handles = [Patch(facecolor=SKY, edgecolor=BLACK, label="solves XOR"),
                   Patch(facecolor=VERMILLION, edgecolor=BLACK, hatch="//", label="fails")]
        if start is not None:
            star = ax.plot([start[0]], [start[1]], marker="*", markersize=20, color=BLACK,
                           markeredgecolor="white", linestyle="none", label="the seed's own start")
            handles.append(star[0])
        ax.set_xlabel(f"initial {name1}")
        ax.set_ylabel(f"initial {name2}")
        ax.set_aspect("equal")
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=3,
                  frameon=False, handletextpad=0.4, columnspacing=1.0)
        ax.set_title(title)
        _ticks(ax)
    return fig


# -- 2. the symmetry problem ------------------------------------------------------
def _weights_heatmap(ax, weights, title, norm_max):
    image = ax.imshow(weights, cmap=WEIGHT_CMAP, vmin=-norm_max, vmax=norm_max)
    for (row, column), value in np.ndenumerate(weights):
        ax.text(column, row, f"{value:.2f}", ha="center", va="center", fontsize=FONT_SIZE,
                color=BLACK)
    ax.set_xticks(range(weights.shape[1]), [f"h{j + 1}" for j in range(weights.shape[1])])
    ax.set_yticks(range(weights.shape[0]), ["x1", "x2", "x3 (1)"][:weights.shape[0]])
    ax.set_xlabel("hidden unit (column)")
    ax.set_title(title, fontsize=FONT_SIZE + 1)
    ax.spines[:].set_visible(False)
    return image


def symmetry_plot(history, labels=("all weights 0.5", "0.5 + tiny noise (1e-3)")):
    """Loss of the symmetric and perturbed starts, and each network's final ``weights1``.

    ``history`` is the two-network ``ManyHistory`` of ``lab.symmetric_start``.
    """
    if not isinstance(history, ManyHistory):
        raise TypeError("history must be the ManyHistory returned by lab.symmetric_start, "
                        f"got {type(history).__name__}")
    if history.loss is None or history.weights1.shape[0] != 2:
        raise ValueError("history must be lab.symmetric_start's two-network history with loss")
    labels = _texts("labels", labels, 2)
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=(13, 4.6), layout="constrained")
        grid = fig.add_gridspec(1, 3, width_ratios=[1.25, 1, 1])
        ax = fig.add_subplot(grid[0])
        steps = np.arange(history.loss.shape[0])
        ax.plot(steps, history.loss[:, 0], color=VERMILLION, label=labels[0])
        ax.plot(steps, history.loss[:, 1], color=BLUE, linestyle="--", label=labels[1])
        ax.set_ylim(0, max(1.5, float(history.loss.max()) * 1.05))
        ax.set_xlim(0, steps[-1])
        ax.set_xlabel("iteration")
        ax.set_ylabel(LOSS_LABEL)
        ax.grid(True)
        ax.legend(loc="upper right")
        ax.set_title("Loss")
        biggest = float(np.max(np.abs(history.weights1)))
        for i, label in enumerate(labels):
            heat = fig.add_subplot(grid[i + 1])
            image = _weights_heatmap(heat, history.weights1[i],
                                     f"final weights1, {label}", biggest)
        bar = fig.colorbar(image, ax=fig.axes[1:], shrink=0.8, location="bottom", pad=0.02)
        bar.set_label("weight")
        _ticks(*fig.axes)
    return fig


# -- 3. saturation ------------------------------------------------------------------
def gradient_norms_plot(init_scales, norms, title="Large initial weights: vanishing gradients"):
    """Median gradient norm (log scale) against the iteration, one line per scale.

    ``norms`` (iterations, len(init_scales)) from ``lab.gradient_norms_by_scale``.
    Exact zeros (underflow) cannot be drawn on a log axis and are left out.
    """
    scales = _settings("init_scales", init_scales, positive=True)
    norms = as_real_array("norms", norms)
    if norms.ndim != 2 or norms.shape[1] != scales.size or norms.shape[0] < 2:
        raise ValueError(f"norms must have shape (iterations >= 2, {scales.size}), "
                         f"got {norms.shape}")
    if np.any(norms < 0):
        raise ValueError("norms must hold gradient norms, numbers >= 0")
    title = _text("title", title)
    with mpl.rc_context(STYLE):
        fig, axes = _figure((8, 4.8))
        ax = axes[0, 0]
        steps = np.arange(1, norms.shape[0] + 1)
        styles = ("-", "--", "-.", ":")
        for i, scale in enumerate(scales):
            values = np.where(norms[:, i] > 0, norms[:, i], np.nan)
            ax.plot(steps, values, color=PALETTE[i % len(PALETTE)],
                    linestyle=styles[i % len(styles)], label=f"{scale:g}")
        ax.set_yscale("log")
        ax.set_xlim(1, steps[-1])
        ax.set_xlabel("iteration")
        ax.set_ylabel("gradient norm (median of starts)")
        ax.grid(True)
        ax.legend(title="initial scale", loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.set_title(title)
        _ticks(ax)
    return fig


# -- 4. learning rate -----------------------------------------------------------------
def learning_rate_plot(learning_rates, loss, zoom=60, names=None,
                       title="One start, four learning rates"):
    """Loss curves of one start at several learning rates: all iterations, and the first ``zoom``.

    ``loss`` (iterations + 1, len(learning_rates)) from ``lab.learning_rate_curves``.
    """
    rates = _settings("learning_rates", learning_rates, positive=True)
    loss = as_real_array("loss", loss)
    if loss.ndim != 2 or loss.shape[1] != rates.size or loss.shape[0] < 2:
        raise ValueError(f"loss must have shape (iterations + 1 >= 2, {rates.size}), "
                         f"got {loss.shape}")
    zoom = check_count("zoom", zoom, minimum=1)
    names = [""] * rates.size if names is None else _texts("names", names, rates.size)
    title = _text("title", title)
    with mpl.rc_context(STYLE):
        fig, axes = _figure((13, 4.8), ncols=2)
        colours = (GREY, BLUE, ORANGE, VERMILLION, GREEN, PURPLE)
        styles = (":", "-", "--", "-.", "-", "-")
        steps = np.arange(loss.shape[0])
        zoom = min(zoom, loss.shape[0] - 1)
        for ax, last in ((axes[0, 0], loss.shape[0] - 1), (axes[0, 1], zoom)):
            for i, rate in enumerate(rates):
                label = f"{rate:g}" + (f" ({names[i]})" if names[i] else "")
                ax.plot(steps[:last + 1], loss[:last + 1, i], color=colours[i % len(colours)],
                        linestyle=styles[i % len(styles)], label=label,
                        marker="." if ax is axes[0, 1] else None)
            ax.set_xlim(0, last)
            ax.set_ylim(0, 2.1)
            ax.set_xlabel("iteration")
            ax.set_ylabel(LOSS_LABEL)
            ax.grid(True)
        axes[0, 0].set_title(title)
        axes[0, 1].set_title(f"The first {zoom} iterations")
        axes[0, 1].legend(title="learning rate", loc="upper left", bbox_to_anchor=(1.01, 1))
        _ticks(*axes.ravel())
    return fig


# Where a point's label may go, in order of preference: (dx, dy) directions.
_LABEL_PLACES = ((0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1), (1, 0), (-1, 0))


def _label_points(ax, xs, ys, texts, distance=9):
    """Write ``texts`` next to the points of a line, each off the line.

    Each label takes the first place of ``_LABEL_PLACES`` (above, below, the
    diagonals, the sides) where its box stays inside the axes and touches no
    part of the line (tested on screen at many points along every segment).
    """
    screen = ax.transData.transform(np.column_stack([xs, ys]))
    steps = np.linspace(0, 1, 60)[:, None]
    line = np.concatenate([a + steps * (b - a) for a, b in zip(screen[:-1], screen[1:])]
                          or [screen])
    box = ax.bbox
    pixels = ax.figure.dpi / 72  # per point
    pad = 3 * pixels
    for i, text in enumerate(texts):
        width, height = 0.62 * FONT_SIZE * len(text) * pixels, 1.3 * FONT_SIZE * pixels
        place = _LABEL_PLACES[0]
        for dx, dy in _LABEL_PLACES:
            scale = distance * pixels / np.hypot(dx, dy)
            x0 = screen[i, 0] + scale * dx + width * (dx - 1) / 2  # ha: left, center, right
            y0 = screen[i, 1] + scale * dy + height * (dy - 1) / 2  # va: bottom, center, top
            inside = (box.x0 <= x0 and x0 + width <= box.x1
                      and box.y0 <= y0 and y0 + height <= box.y1)
            hits = ((line[:, 0] > x0 - pad) & (line[:, 0] < x0 + width + pad)
                    & (line[:, 1] > y0 - pad) & (line[:, 1] < y0 + height + pad))
            if inside and not hits.any():
                place = (dx, dy)
                break
        dx, dy = place
        scale = distance / np.hypot(dx, dy)
        ax.annotate(text, (xs[i], ys[i]), xytext=(scale * dx, scale * dy),
                    textcoords="offset points", ha=("right", "center", "left")[dx + 1],
                    va=("top", "center", "bottom")[dy + 1], fontsize=FONT_SIZE,
                    bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none",
                              alpha=0.85))


def success_rate_plot(values, rates, xlabel, title, log_x=True):
    """Success rate (%) against a setting, e.g. the learning rate."""
    log_x = check_flag("log_x", log_x)
    values = _settings("values", values, positive=log_x)
    rates = _rates("rates", rates, (values.size,))
    xlabel, title = _text("xlabel", xlabel), _text("title", title)
    with mpl.rc_context(STYLE):
        fig, axes = _figure((8, 4.6))
        ax = axes[0, 0]
        ax.plot(values, 100 * rates, marker="o", markersize=8, color=BLUE)
        ax.margins(x=0.1)
        if log_x:
            ax.set_xscale("log")
            ax.set_xticks(values, [f"{v:g}" for v in values])
            ax.minorticks_off()
        ax.set_ylim(-3, 115)
        ax.autoscale_view()
        _label_points(ax, values, 100 * rates, [f"{100 * rate:.1f}%" for rate in rates])
        ax.set_xlabel(xlabel)
        ax.set_ylabel(SUCCESS_LABEL)
        ax.grid(True)
        ax.set_title(title)
        _ticks(ax)
    return fig


# -- 5./6. bars ---------------------------------------------------------------------------
def success_bars(labels, rates, title, ylabel=None, highlight=None):
    """Horizontal bars of success rates (%), one per setup, the value written at the end.

    ``highlight``: optional index of the bar to colour orange (e.g. the article's setup).
    """
    if isinstance(labels, (str, bytes)) or not hasattr(labels, "__iter__"):
        raise TypeError(f"labels must be a sequence of strings, got {type(labels).__name__}")
    labels = list(labels)
    labels = _texts("labels", labels, len(labels))
    rates = _rates("rates", rates, (len(labels),))
    title, ylabel = _text("title", title), _text("ylabel", ylabel, allow_none=True)
    if highlight is not None:
        highlight = check_count("highlight", highlight, maximum=len(labels) - 1)
    with mpl.rc_context(STYLE):
        fig, axes = _figure((9, 0.75 * len(labels) + 1.6))
        ax = axes[0, 0]
        positions = np.arange(len(labels))[::-1]
        colours = [ORANGE if i == highlight else BLUE for i in range(len(labels))]
        bars = ax.barh(positions, 100 * rates, color=colours, height=0.6)
        ax.bar_label(bars, labels=[f"{100 * r:.1f}%" for r in rates], padding=4,
                     fontsize=FONT_SIZE)
        ax.set_yticks(positions, labels)
        ax.set_xlim(0, 118)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_xlabel(SUCCESS_LABEL)
        if ylabel:
            ax.set_ylabel(ylabel)
        ax.set_title(title)
        _ticks(ax)
    return fig


# -- 7. gates ---------------------------------------------------------------------------
def gates_plot(gates, models, resolution=41):
    """Decision boundaries: the 3-4-1 network (top row) and one neuron (bottom row) per gate.

    ``models`` is ``lab.gate_models(gates)``. A panel whose output is 0.5
    everywhere (to 9 decimals) gets no 0.5 line, and says so.
    """
    from nnfs_lib.datasets import GATES, logic_gate

    if isinstance(gates, (str, bytes)) or not hasattr(gates, "__iter__"):
        raise TypeError(f"gates must be a sequence of gate names, got {type(gates).__name__}")
    gates = list(gates)
    for gate in gates:
        if not isinstance(gate, str) or gate.lower() not in GATES:
            raise ValueError(f"gates must hold names from {sorted(GATES)}, got {gate!r}")
    count = len(gates)
    if count == 0:
        raise ValueError("gates must not be empty")
    keys = ("network_predict", "neuron_predict", "network_solved", "neuron_solved")
    if not isinstance(models, dict) or any(key not in models for key in keys):
        raise ValueError(f"models must be the dict returned by lab.gate_models (with keys "
                         f"{', '.join(keys)})")
    if any(np.ndim(models[key]) != 1 or len(models[key]) != count for key in keys[2:]) or any(
            len(models[key]) != count or not all(map(callable, models[key]))
            for key in keys[:2]):
        raise ValueError("models must come from lab.gate_models with the same gates")
    resolution = check_count("resolution", resolution, minimum=2, maximum=1000)
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=(3.4 * count + 1.2, 7.6), layout="constrained")
        axes = fig.subplots(2, count, squeeze=False)
        rows = (("network_predict", "network_solved", "3-4-1 network"),
                ("neuron_predict", "neuron_solved", "one neuron"))
        for r, (key, solved_key, name) in enumerate(rows):
            for g, gate in enumerate(gates):
                x, y = logic_gate(gate)
                predict = models[key][g]

                def rounded(points, predict=predict):
                    # 9 decimals: a flat 0.5 +- 1e-16 output draws no noise contour.
                    return np.round(predict(points), 9)

                ax = axes[r, g]
                decision_boundary(rounded, x, y, ax=ax, resolution=resolution,
                                  colorbar=False, title=None)
                if r == 0 and g == 0:  # the legend below shows decision_boundary's own markers
                    handles = ax.get_legend_handles_labels()[0]
                ax.get_legend().remove()
                verdict = "solved" if models[solved_key][g] else "not solved"
                ax.set_title(f"{gate.upper()}: {verdict}", fontsize=FONT_SIZE + 1,
                             color=BLACK if models[solved_key][g] else VERMILLION)
                if not any(c.get_gid() == "boundary" for c in ax.collections):
                    ax.text(0.5, 0.5, "output 0.5\neverywhere", ha="center", va="center",
                            fontsize=FONT_SIZE, color="white", transform=ax.transAxes)
                if g > 0:
                    ax.set_ylabel("")
            axes[r, 0].set_ylabel(f"{name}\n\nx2")
        mappable = axes[0, 0].collections[0]
        bar = fig.colorbar(mappable, ax=axes, shrink=0.8, pad=0.02, ticks=np.linspace(0, 1, 6))
        bar.set_label("output ŷ")
        handles.append(mpl.lines.Line2D([], [], color=BLACK, linewidth=2.5,
                                        label="decision boundary (ŷ = 0.5)"))
        fig.legend(handles=handles, loc="outside lower center", ncol=3, frameon=False)
        _ticks(*axes.ravel())
    return fig


# -- the lab explorer's figure --------------------------------------------------------
#: Size of the lab explorer's figure (inches, at ``plotting.EXPLORER_DPI``).
LAB_FIGSIZE = (10.5, 5.0)
#: figure -> a dict of handles to the artists ``draw_lab`` updates.
_LAB_PANELS = weakref.WeakKeyDictionary()


def _new_lab_figure(settings):
    with mpl.rc_context(plotting.STYLE):
        fig = Figure(figsize=LAB_FIGSIZE, dpi=EXPLORER_DPI)
        FigureCanvasAgg(fig)
        fig.subplots_adjust(left=0.08, right=0.98, bottom=0.23, top=0.79, wspace=0.24)
        hist, curves = fig.subplots(1, 2)
        lefts, widths = LOSS_BINS[:-1], np.diff(LOSS_BINS)
        zeros = np.zeros(lefts.size)
        solved_bars = hist.bar(lefts, zeros, width=widths, align="edge",
                               color=plotting.BLUE, edgecolor="white", linewidth=0.5)
        failed_bars = hist.bar(lefts, zeros, width=widths, align="edge",
                               color=plotting.VERMILLION, edgecolor="white", linewidth=0.5,
                               hatch="//")
        hist.set_xscale("log")
        hist.set_xlim(LOSS_FLOOR, LOSS_TOP)
        hist.set_xlabel(f"final {plotting.LOSS_LABEL} (log scale)")
        hist.set_ylabel("number of starts")
        hist.grid(True, axis="y")
        lines = [curves.plot([0], [1.0], linewidth=1.6)[0] for _ in range(settings.curves)]
        curves.set_yscale("log")
        curves.set_ylim(LOSS_FLOOR, LOSS_TOP)
        curves.set_xlabel("iteration")
        curves.set_ylabel(f"{plotting.LOSS_LABEL} (log scale)")
        curves.grid(True)
        handles = [Patch(facecolor=plotting.BLUE, label="solves XOR"),
                   Patch(facecolor=plotting.VERMILLION, hatch="//", edgecolor="white",
                         label="fails"),
                   Line2D([], [], color=plotting.BLUE, label="loss curve: solves XOR"),
                   Line2D([], [], color=plotting.VERMILLION, linestyle="--",
                          label="loss curve: fails")]
        fig.legend(handles=handles, loc="lower center", ncol=4, frameon=False,
                   bbox_to_anchor=(0.5, 0.0), handlelength=1.8, columnspacing=1.4)
        headline = fig.text(0.5, 0.965, "", ha="center", va="top",
                            fontsize=plotting.TITLE_SIZE + 2, fontweight="bold")
        subtitle = fig.text(0.5, 0.895, "", ha="center", va="top", fontsize=plotting.FONT_SIZE)
        # The counts in words: a bin of a few starts is hard to see next to a tall one.
        counts = hist.text(0.03, 0.96, "", transform=hist.transAxes, ha="left", va="top",
                           fontsize=plotting.FONT_SIZE,
                           bbox=dict(boxstyle="round,pad=0.3", facecolor="white",
                                     edgecolor=plotting.GREY, alpha=0.9))
        plotting._style_ticks(hist)
        plotting._style_ticks(curves)
    _LAB_PANELS[fig] = dict(hist=hist, curves=curves, solved_bars=solved_bars,
                            failed_bars=failed_bars, lines=lines, headline=headline,
                            subtitle=subtitle, counts=counts)
    return fig


def draw_lab(settings=None, result=None, fig=None):
    """The lab picture for ``settings``: success rate, final-loss histogram, a few loss curves.

    Left: how many starts end at each final loss (log axis), solved starts in
    blue, failed ones in vermillion (hatched), stacked. Right: the loss curves
    of the first ``settings.curves`` starts (seeds 0, 1, ...), coloured the same
    way. The headline gives the success rate. ``result`` is
    ``train_lab(settings)`` (computed if not given); ``fig`` a figure made by an
    earlier ``draw_lab`` to update in place (what ``LabExplorer`` does).
    """
    settings = LabSettings() if settings is None else settings
    _check_lab_settings(settings)
    if result is not None and not isinstance(result, LabResult):
        raise TypeError(f"result must be None or a LabResult (from train_lab), "
                        f"got {type(result).__name__}")
    plotting._check_figure("fig", fig)
    if result is None:
        result = train_lab(settings)
    elif result.solved.size != settings.networks or result.loss.shape[1] < settings.curves:
        raise ValueError("result must come from train_lab(settings) with the same settings")
    panels = None if fig is None else _LAB_PANELS.get(fig)
    if panels is None or len(panels["lines"]) != settings.curves:
        fig = _new_lab_figure(settings)
        panels = _LAB_PANELS[fig]
    with mpl.rc_context(plotting.STYLE):
        _update_lab_figure(panels, settings, result)
    return fig


def _update_lab_figure(panels, settings, result):
    solved_counts, failed_counts = result.histogram()
    for bar, count in zip(panels["solved_bars"], solved_counts, strict=True):
        bar.set_height(count)
    for bar, below, count in zip(panels["failed_bars"], solved_counts, failed_counts,
                                 strict=True):
        bar.set_y(below)
        bar.set_height(count)
    tallest = int((solved_counts + failed_counts).max())
    step = 10 ** max(int(np.floor(np.log10(max(tallest, 1)))), 0)
    panels["hist"].set_ylim(0, (tallest // step + 1) * step)
    panels["hist"].set_title(f"Final loss of all {settings.networks:,} starts")
    succeeded = int(np.count_nonzero(result.solved))
    panels["counts"].set_text(f"solve XOR: {succeeded:,}\n"
                              f"fail: {settings.networks - succeeded:,}")
    steps = np.arange(result.loss.shape[0])
    for index, line in enumerate(panels["lines"]):
        ok = bool(result.solved[index])
        line.set_data(steps, np.maximum(result.loss[:, index], LOSS_FLOOR))
        line.set_color(plotting.BLUE if ok else plotting.VERMILLION)
        line.set_linestyle("-" if ok else "--")
    panels["curves"].set_xlim(0, max(settings.iterations, 1))
    last = settings.curves - 1
    panels["curves"].set_title(f"Loss curves of starts 0–{last}" if last else
                               "Loss curve of start 0")
    panels["headline"].set_text(
        f"{100 * result.success_rate:.1f}% of {settings.networks:,} starts solve XOR")
    panels["subtitle"].set_text(
        f"initial-weight scale {settings.init_scale:.3g} · learning rate "
        f"{settings.learning_rate:.3g} · {settings.hidden_units} hidden "
        f"unit{'s' if settings.hidden_units != 1 else ''} · {settings.iterations:,} iterations")


def lab_panels(fig):
    """The handles to the artists of a figure made by ``draw_lab`` (else ``None``)."""
    return None if fig is None else _LAB_PANELS.get(fig)
