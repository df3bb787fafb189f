"""Figures of notebook 09, sections 1-4: initial weights and the learning rate.

Which initial-weight scales train (``success_by_scale_plot``), the basin of
attraction (``basin_plot``), the symmetry problem (``symmetry_plot``),
vanishing gradients (``gradient_norms_plot``) and the learning rate
(``learning_rate_plot``, ``success_rate_plot``). Data in, ``Figure`` out: the
numbers come from ``nnfs_lib.lab``, nothing trains here. Every argument is
checked before any drawing; bad input raises ``TypeError`` or ``ValueError``
naming it.
"""

import matplotlib as mpl
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from nnfs_lib._checks import as_real_array, as_vector, check_count, check_flag
from nnfs_lib.lab.many import ManyHistory
from nnfs_lib.plots.style import (
    BLACK,
    BLUE,
    FONT_SIZE,
    GREEN,
    GREY,
    LOSS_LABEL,
    ORANGE,
    PALETTE,
    PURPLE,
    SKY,
    STYLE,
    SUCCESS_LABEL,
    VERMILLION,
    WEIGHT_CMAP,
    _check_fractions,
    _check_text,
    _check_texts,
    _new_figure,
    _style_ticks,
)


def _values(name, values, positive=False, minimum_count=1):
    """A 1-D array of finite numbers (> 0 if ``positive``), at least ``minimum_count`` long."""
    array = as_vector(name, values)
    if array.size < minimum_count:
        raise ValueError(f"{name} must hold at least {minimum_count} values, got {array.size}")
    if positive and np.any(array <= 0):
        raise ValueError(f"{name} must hold numbers greater than 0 (drawn on a log axis)")
    return array


# -- 1. which initial weights train? ---------------------------------------------
def success_by_scale_plot(init_scales, checkpoints, rates, title="Which initial weights train?"):
    """One line per iteration count: success rate (%) against the initial-weight scale.

    ``rates`` (len(init_scales), len(checkpoints)) from ``lab.success_by_scale``.
    """
    scales = _values("init_scales", init_scales, positive=True)
    if isinstance(checkpoints, (str, bytes)) or not hasattr(checkpoints, "__iter__"):
        raise TypeError("checkpoints must be a sequence of iteration counts, "
                        f"got {type(checkpoints).__name__}")
    checkpoints = [check_count("checkpoints", count) for count in checkpoints]
    rates = _check_fractions("rates", rates, (scales.size, len(checkpoints)))
    title = _check_text("title", title)
    with mpl.rc_context(STYLE):
        fig, axes = _new_figure((8, 5.4))
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
        _style_ticks(ax)
    return fig


def basin_plot(values1, values2, solved_grid, start=None, name1="weights1[0, 0]",
               name2="weights2[0, 0]", title="Basin of attraction: which starts solve XOR"):
    """Map of solved (blue) and failed (vermillion, hatched) starts over two initial weights.

    ``solved_grid`` (len(values2), len(values1)) from ``lab.basin_map``;
    ``start`` optional (value1, value2): the seed's own values, marked with a star.
    """
    values1 = _values("values1", values1, minimum_count=2)
    values2 = _values("values2", values2, minimum_count=2)
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
        start = as_vector("start", start)
        if start.size != 2:
            raise ValueError(f"start must be a pair (value1, value2), got {start.size} values")
    name1, name2 = _check_text("name1", name1), _check_text("name2", name2)
    title = _check_text("title", title)
    with mpl.rc_context(STYLE):
        fig, axes = _new_figure((7.2, 6.4))
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
        _style_ticks(ax)
    return fig


# -- 2. the symmetry problem ------------------------------------------------------
def _weights_heatmap(ax, weights, title, norm_max):
    """``weights`` (d, h) as coloured cells with their values written in; returns the image."""
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
    labels = _check_texts("labels", labels, 2)
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
        _style_ticks(*fig.axes)
    return fig


# -- 3. saturation ------------------------------------------------------------------
def gradient_norms_plot(init_scales, norms, title="Large initial weights: vanishing gradients"):
    """Median gradient norm (log scale) against the iteration, one line per scale.

    ``norms`` (iterations, len(init_scales)) from ``lab.gradient_norms_by_scale``.
    Exact zeros (underflow) cannot be drawn on a log axis and are left out.
    """
    scales = _values("init_scales", init_scales, positive=True)
    norms = as_real_array("norms", norms)
    if norms.ndim != 2 or norms.shape[1] != scales.size or norms.shape[0] < 2:
        raise ValueError(f"norms must have shape (iterations >= 2, {scales.size}), "
                         f"got {norms.shape}")
    if np.any(norms < 0):
        raise ValueError("norms must hold gradient norms, numbers >= 0")
    title = _check_text("title", title)
    with mpl.rc_context(STYLE):
        fig, axes = _new_figure((8, 4.8))
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
        _style_ticks(ax)
    return fig


# -- 4. learning rate -----------------------------------------------------------------
def learning_rate_plot(learning_rates, loss, zoom=60, names=None,
                       title="One start, four learning rates"):
    """Loss curves of one start at several learning rates: all iterations, and the first ``zoom``.

    ``loss`` (iterations + 1, len(learning_rates)) from ``lab.learning_rate_curves``.
    """
    rates = _values("learning_rates", learning_rates, positive=True)
    loss = as_real_array("loss", loss)
    if loss.ndim != 2 or loss.shape[1] != rates.size or loss.shape[0] < 2:
        raise ValueError(f"loss must have shape (iterations + 1 >= 2, {rates.size}), "
                         f"got {loss.shape}")
    zoom = check_count("zoom", zoom, minimum=1)
    names = [""] * rates.size if names is None else _check_texts("names", names, rates.size)
    title = _check_text("title", title)
    with mpl.rc_context(STYLE):
        fig, axes = _new_figure((13, 4.8), ncols=2)
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
        _style_ticks(*axes.ravel())
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
    """Success rate (%) against a setting, e.g. the learning rate; ``rates`` in [0, 1]."""
    log_x = check_flag("log_x", log_x)
    values = _values("values", values, positive=log_x)
    rates = _check_fractions("rates", rates, (values.size,))
    xlabel, title = _check_text("xlabel", xlabel), _check_text("title", title)
    with mpl.rc_context(STYLE):
        fig, axes = _new_figure((8, 4.6))
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
        _style_ticks(ax)
    return fig
