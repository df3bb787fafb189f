"""Figures of notebook 09, sections 5-7: biases, other gates, hidden units.

``success_bars`` compares success rates of setups (biases, hidden-layer
widths); ``gates_plot`` shows what the 3-4-1 network and a single neuron learn
on each logic gate. Data in, ``Figure`` out: the numbers come from
``nnfs_lib.lab``, nothing trains here. Every argument is checked before any
drawing; bad input raises ``TypeError`` or ``ValueError`` naming it.
"""

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from nnfs_lib._checks import check_count
from nnfs_lib.datasets import check_gate, logic_gate
from nnfs_lib.plots.boundary import decision_boundary
from nnfs_lib.plots.style import (
    BLACK,
    BLUE,
    FONT_SIZE,
    ORANGE,
    STYLE,
    SUCCESS_LABEL,
    VERMILLION,
    _check_fractions,
    _check_text,
    _check_texts,
    _new_figure,
    _style_ticks,
)


# -- 5./7. bars ---------------------------------------------------------------------------
def success_bars(labels, rates, title, ylabel=None, highlight=None):
    """Horizontal bars of success rates (%), one per setup, the value written at the end.

    ``rates`` (len(labels),) fractions in [0, 1]; ``highlight``: optional index
    of the bar to colour orange (e.g. the article's setup).
    """
    labels = _check_texts("labels", labels)
    rates = _check_fractions("rates", rates, (len(labels),))
    title, ylabel = _check_text("title", title), _check_text("ylabel", ylabel, allow_none=True)
    if highlight is not None:
        highlight = check_count("highlight", highlight, maximum=len(labels) - 1)
    with mpl.rc_context(STYLE):
        fig, axes = _new_figure((9, 0.75 * len(labels) + 1.6))
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
        _style_ticks(ax)
    return fig


# -- 6. gates ---------------------------------------------------------------------------
#: The keys of ``lab.gate_models``' dict that ``gates_plot`` draws.
_MODEL_KEYS = ("network_predict", "neuron_predict", "network_solved", "neuron_solved")


def _check_models(models, count):
    """Raise unless ``models`` looks like ``lab.gate_models``' dict for ``count`` gates."""
    if not isinstance(models, dict) or any(key not in models for key in _MODEL_KEYS):
        raise ValueError(f"models must be the dict returned by lab.gate_models (with keys "
                         f"{', '.join(_MODEL_KEYS)})")
    predicts, verdicts = _MODEL_KEYS[:2], _MODEL_KEYS[2:]
    if any(np.ndim(models[key]) != 1 or len(models[key]) != count for key in verdicts) or any(
            len(models[key]) != count or not all(map(callable, models[key]))
            for key in predicts):
        raise ValueError("models must come from lab.gate_models with the same gates")


def gates_plot(gates, models, resolution=41):
    """Decision boundaries: the 3-4-1 network (top row) and one neuron (bottom row) per gate.

    ``models`` is ``lab.gate_models(gates)``. A panel whose output is 0.5
    everywhere (to 9 decimals) gets no 0.5 line, and says so.
    """
    if isinstance(gates, (str, bytes)) or not hasattr(gates, "__iter__"):
        raise TypeError(f"gates must be a sequence of gate names, got {type(gates).__name__}")
    gates = [check_gate("gates", gate) for gate in gates]
    count = len(gates)
    if count == 0:
        raise ValueError("gates must not be empty")
    _check_models(models, count)
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
        handles.append(Line2D([], [], color=BLACK, linewidth=2.5,
                              label="decision boundary (ŷ = 0.5)"))
        fig.legend(handles=handles, loc="outside lower center", ncol=3, frameon=False)
        _style_ticks(*axes.ravel())
    return fig
