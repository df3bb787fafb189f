"""Curves and bars of one network: the loss, its predictions, an activation function.

``loss_curve`` (notebook 08, the training overview and explorer,
``images/ann-1-loss.png``), ``predictions_plot`` (notebook 04,
``images/ann-1-predictions.png``) and ``activation_plot`` (notebook 03, the
activation and neuron explorers).
"""

import matplotlib as mpl
import numpy as np

from nnfs_lib import activations
from nnfs_lib._checks import as_matrix, as_vector, check_count, check_flag
from nnfs_lib.plots.style import (
    BLACK,
    BLUE,
    FONT_SIZE,
    GREY,
    LOSS_LABEL,
    STYLE,
    VERMILLION,
    _new_axes,
    _number_text,
    _style_ticks,
)


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

    The loss line is ``ax.lines[0]`` (gid ``"loss"``); the marker's line and
    dot have gids ``"marker"`` and ``"marker-dot"``.
    """
    loss = as_vector("loss", loss)
    log_scale = check_flag("log_scale", log_scale)
    if log_scale and np.any(loss <= 0):
        raise ValueError("loss must be > 0 everywhere for log_scale=True")
    if marker_at is not None:
        marker_at = check_count("marker_at", marker_at, maximum=loss.size - 1)
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
    """Tick labels: "(x1, x2)" from the first two columns of ``inputs``, else "sample i"."""
    if inputs is None:
        return [f"sample {i + 1}" for i in range(n)]
    inputs = as_matrix("inputs", inputs)
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
    y = as_vector("y", y)
    predictions = as_vector("predictions", predictions)
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


# -- activations ----------------------------------------------------------------
#: The functions ``activation_plot`` draws: name -> (function, derivative).
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
    z = np.linspace(-6, 6, 241) if z is None else as_vector("z", z)
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
