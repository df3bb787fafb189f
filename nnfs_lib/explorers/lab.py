"""The initial-weights lab explorer (notebook 09) and its figure.

``LabExplorer`` trains many seeded starts at once and shows how many solve
XOR, drawn in the browser by ``static/charts.js``; ``draw_lab(settings)`` is
the same picture as a static figure. The
settings and the training run are ``nnfs_lib.lab.settings``' ``LabSettings``
and ``train_lab``.
"""

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from nnfs_lib.explorers.base import _ControlsExplorer, _module
from nnfs_lib.lab.settings import (
    LOSS_BINS,
    LOSS_FLOOR,
    LOSS_TOP,
    LabResult,
    LabSettings,
    _check_lab_settings,
    train_lab,
)
from nnfs_lib.plots.style import (
    BLUE,
    EXPLORER_DPI,
    FONT_SIZE,
    GREY,
    LOSS_LABEL,
    STYLE,
    TITLE_SIZE,
    VERMILLION,
    _style_ticks,
)

#: Size of the lab explorer's figure (inches, at ``EXPLORER_DPI``).
LAB_FIGSIZE = (10.5, 5.0)


class LabFigure:
    """The lab figure and the handles to the artists that ``update`` changes.

    Left (``hist``): how many starts end at each final loss (``LOSS_BINS``, log
    axis), ``solved_bars`` in blue, ``failed_bars`` in vermillion (hatched),
    stacked. Right (``curves``): ``settings.curves`` loss ``lines``. Texts:
    ``headline``, ``subtitle``, ``counts``.
    """

    def __init__(self, settings):
        with mpl.rc_context(STYLE):
            fig = self.figure = Figure(figsize=LAB_FIGSIZE, dpi=EXPLORER_DPI)
            FigureCanvasAgg(fig)
            fig.subplots_adjust(left=0.08, right=0.98, bottom=0.23, top=0.79, wspace=0.24)
            hist, curves = self.hist, self.curves = fig.subplots(1, 2)
            lefts, widths = LOSS_BINS[:-1], np.diff(LOSS_BINS)
            zeros = np.zeros(lefts.size)
            self.solved_bars = hist.bar(lefts, zeros, width=widths, align="edge",
                                        color=BLUE, edgecolor="white", linewidth=0.5)
            self.failed_bars = hist.bar(lefts, zeros, width=widths, align="edge",
                                        color=VERMILLION, edgecolor="white", linewidth=0.5,
                                        hatch="//")
            hist.set_xscale("log")
            hist.set_xlim(LOSS_FLOOR, LOSS_TOP)
            hist.set_xlabel(f"final {LOSS_LABEL} (log scale)")
            hist.set_ylabel("number of starts")
            hist.grid(True, axis="y")
            self.lines = [curves.plot([0], [1.0], linewidth=1.6)[0]
                          for _ in range(settings.curves)]
            curves.set_yscale("log")
            curves.set_ylim(LOSS_FLOOR, LOSS_TOP)
            curves.set_xlabel("iteration")
            curves.set_ylabel(f"{LOSS_LABEL} (log scale)")
            curves.grid(True)
            handles = [Patch(facecolor=BLUE, label="solves XOR"),
                       Patch(facecolor=VERMILLION, hatch="//", edgecolor="white",
                             label="fails"),
                       Line2D([], [], color=BLUE, label="loss curve: solves XOR"),
                       Line2D([], [], color=VERMILLION, linestyle="--",
                              label="loss curve: fails")]
            fig.legend(handles=handles, loc="lower center", ncol=4, frameon=False,
                       bbox_to_anchor=(0.5, 0.0), handlelength=1.8, columnspacing=1.4)
            self.headline = fig.text(0.5, 0.965, "", ha="center", va="top",
                                     fontsize=TITLE_SIZE + 2, fontweight="bold")
            self.subtitle = fig.text(0.5, 0.895, "", ha="center", va="top", fontsize=FONT_SIZE)
            # The counts in words: a bin of a few starts is hard to see next to a tall one.
            self.counts = hist.text(0.03, 0.96, "", transform=hist.transAxes, ha="left",
                                    va="top", fontsize=FONT_SIZE,
                                    bbox=dict(boxstyle="round,pad=0.3", facecolor="white",
                                              edgecolor=GREY, alpha=0.9))
            _style_ticks(hist)
            _style_ticks(curves)

    def update(self, settings, result):
        """Show ``result``, the ``train_lab(settings)`` run (same ``settings.curves``)."""
        with mpl.rc_context(STYLE):
            self._update_histogram(settings, result)
            self._update_curves(settings, result)
            self.headline.set_text(
                f"{100 * result.success_rate:.1f}% of {settings.networks:,} starts solve XOR")
            self.subtitle.set_text(_subtitle(settings))

    def _update_histogram(self, settings, result):
        solved_counts, failed_counts = result.histogram()
        for bar, count in zip(self.solved_bars, solved_counts, strict=True):
            bar.set_height(count)
        for bar, below, count in zip(self.failed_bars, solved_counts, failed_counts,
                                     strict=True):
            bar.set_y(below)
            bar.set_height(count)
        tallest = int((solved_counts + failed_counts).max())
        step = 10 ** max(int(np.floor(np.log10(max(tallest, 1)))), 0)
        self.hist.set_ylim(0, (tallest // step + 1) * step)
        self.hist.set_title(f"Final loss of all {settings.networks:,} starts")
        succeeded = int(np.count_nonzero(result.solved))
        self.counts.set_text(f"solve XOR: {succeeded:,}\n"
                             f"fail: {settings.networks - succeeded:,}")

    def _update_curves(self, settings, result):
        steps = np.arange(result.loss.shape[0])
        for index, line in enumerate(self.lines):
            ok = bool(result.solved[index])
            line.set_data(steps, np.maximum(result.loss[:, index], LOSS_FLOOR))
            line.set_color(BLUE if ok else VERMILLION)
            line.set_linestyle("-" if ok else "--")
        self.curves.set_xlim(0, max(settings.iterations, 1))
        last = settings.curves - 1
        self.curves.set_title(f"Loss curves of starts 0–{last}" if last else
                              "Loss curve of start 0")


def draw_lab(settings=None, result=None):
    """The lab picture for ``settings``: success rate, final-loss histogram, a few loss curves.

    Left: how many starts end at each final loss (log axis), solved starts in
    blue, failed ones in vermillion (hatched), stacked. Right: the loss curves
    of the first ``settings.curves`` starts (seeds 0, 1, ...), coloured the same
    way. The headline gives the success rate. ``result`` is
    ``train_lab(settings)`` (computed if not given). Returns a new ``Figure``,
    what ``LabExplorer`` shows at the same settings.
    """
    settings = LabSettings() if settings is None else settings
    _check_lab_settings(settings)
    if result is not None and not isinstance(result, LabResult):
        raise TypeError(f"result must be None or a LabResult (from train_lab), "
                        f"got {type(result).__name__}")
    if result is None:
        result = train_lab(settings)
    elif result.solved.size != settings.networks or result.loss.shape[1] < settings.curves:
        raise ValueError("result must come from train_lab(settings) with the same settings")
    panels = LabFigure(settings)
    panels.update(settings, result)
    return panels.figure


class LabExplorer(_ControlsExplorer):
    """Train many seeded starts at once and see how many solve XOR (notebook 09).

    Sliders (``values``): initial-weight scale, iterations, learning rate and
    hidden units, each retraining on release (settings beyond a slider's usual
    range widen it); the button ``reset``. Each change trains
    ``settings.networks`` starts (seeds 0, 1, ...) with ``train_lab`` and sends
    ``view``, the numbers of ``draw_lab``'s picture: the success rate, the
    histogram of final losses and the loss curves of the first few starts.
    ``settings`` gives the current ``LabSettings``; ``result`` the last ``LabResult``.
    """

    _esm = _module("charts.js")
    KIND = "lab"
    # Log sliders: 2^-3 .. 2^4 in half powers of 2 (1, 2, 4, 8 on the way) and
    # 10^-2 .. 10^1.5 in quarter powers of 10 (0.1, 1, 10 on the way).
    CONTROLS = (("init_scale", "initial-weight scale", 2**-3, 2**4, 0.5, 2),
                ("iterations", "iterations", 0, 4000, 100, 0),
                ("learning_rate", "learning rate", 0.01, 10**1.5, 0.25, 10),
                ("hidden_units", "hidden units", 1, 8, 1, 0))
    CONTINUOUS = False
    buttons = ("reset",)

    def __init__(self, settings=None, raise_errors=False):
        settings = LabSettings() if settings is None else settings
        _check_lab_settings(settings)
        self.defaults = settings
        self.result = None
        super().__init__({name: getattr(settings, name) for name, *_ in self.CONTROLS},
                         raise_errors)

    def _check(self, values):
        settings = LabSettings(**{name: values.get(name) for name, *_ in self.CONTROLS},
                               networks=self.defaults.networks, curves=self.defaults.curves)
        return {name: getattr(settings, name) for name, *_ in self.CONTROLS}

    @property
    def settings(self):
        """The current ``LabSettings`` read from the sliders."""
        return LabSettings(**self.values, networks=self.defaults.networks,
                           curves=self.defaults.curves)

    def _view(self, values):
        settings = self.settings
        result = self.result = train_lab(settings)
        solved_counts, failed_counts = result.histogram()
        curves = np.maximum(result.loss[:, :settings.curves], LOSS_FLOOR)
        succeeded = int(np.count_nonzero(result.solved))
        last = settings.curves - 1
        return {
            "bins": LOSS_BINS.tolist(), "solved": solved_counts.tolist(),
            "failed": failed_counts.tolist(), "floor": LOSS_FLOOR, "top": LOSS_TOP,
            "curves": curves.T.astype("<f8").tobytes(), "curve_count": settings.curves,
            "curve_solved": result.solved[:settings.curves].tolist(),
            "iterations": settings.iterations,
            "headline": f"{100 * result.success_rate:.1f}% of {settings.networks:,} starts "
                        f"solve XOR",
            "subtitle": _subtitle(settings),
            "hist_title": f"Final loss of all {settings.networks:,} starts",
            "curves_title": f"Loss curves of starts 0–{last}" if last else
                            "Loss curve of start 0",
            "counts": f"solve XOR: {succeeded:,}, fail: {settings.networks - succeeded:,}"}

    def reset(self):
        """Back to the settings the explorer started with."""
        self.values = {name: getattr(self.defaults, name) for name, *_ in self.CONTROLS}

    def _drop(self):
        super()._drop()
        self.result = None


def _subtitle(settings):
    """The line under the lab figure's headline: what was trained."""
    return (f"initial-weight scale {settings.init_scale:.3g} · learning rate "
            f"{settings.learning_rate:.3g} · {settings.hidden_units} hidden "
            f"unit{'s' if settings.hidden_units != 1 else ''} · "
            f"{settings.iterations:,} iterations")
