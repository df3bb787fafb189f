"""The initial-weights lab explorer (notebook 09) and its figure.

``LabExplorer`` trains many seeded starts at once and shows how many solve
XOR; ``draw_lab(settings)`` is the same picture as a static figure. The
settings and the training run are ``nnfs_lib.lab.settings``' ``LabSettings``
and ``train_lab``.
"""

import ipywidgets as widgets
import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from nnfs_lib.explorers.base import _Explorer, _row, _slider
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
            self.subtitle.set_text(
                f"initial-weight scale {settings.init_scale:.3g} · learning rate "
                f"{settings.learning_rate:.3g} · {settings.hidden_units} hidden "
                f"unit{'s' if settings.hidden_units != 1 else ''} · "
                f"{settings.iterations:,} iterations")

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


class LabExplorer(_Explorer):
    """Train many seeded starts at once and see how many solve XOR (notebook 09).

    Sliders: initial-weight scale, iterations, learning rate and hidden units
    (all retrain on release; settings beyond a slider's usual range widen it).
    Each change trains ``settings.networks`` starts (seeds 0, 1, ...) with
    ``train_lab`` and shows the picture of ``draw_lab``: the success rate, a
    histogram of the final losses and the loss curves of the first few starts.
    ``summary`` states the success rate in words.

    ``settings`` gives the current ``LabSettings``; ``result`` the last
    ``LabResult``; ``figure`` the one figure that is updated, ``panels`` its
    ``LabFigure``.
    """

    def __init__(self, settings=None, raise_errors=False):
        super().__init__(raise_errors)
        settings = LabSettings() if settings is None else settings
        _check_lab_settings(settings)
        self.defaults = settings
        # Log sliders: 2^-3 .. 2^4 in half powers of 2 (1, 2, 4, 8 on the way) and
        # 10^-2 .. 10^1.5 in quarter powers of 10 (0.1, 1, 10 on the way).
        self.init_scale = _slider(widgets.FloatLogSlider, "initial-weight scale",
                                  settings.init_scale, base=2, min=-3, max=4, step=0.5,
                                  readout_format=".3g")
        self.iterations = _slider(widgets.IntSlider, "iterations", settings.iterations,
                                  min=0, max=4000, step=100)
        self.learning_rate = _slider(widgets.FloatLogSlider, "learning rate",
                                     settings.learning_rate, base=10, min=-2, max=1.5,
                                     step=0.25, readout_format=".3g")
        self.hidden_units = _slider(widgets.IntSlider, "hidden units", settings.hidden_units,
                                    min=1, max=8)
        self.reset_button = widgets.Button(description="reset", button_style="warning")
        self.summary = widgets.HTML(value="")
        self.result = None
        self.panels = LabFigure(settings)
        self.figure = self.panels.figure
        for control in self.controls:
            self._observe(control, self._retrain)
        self.reset_button.on_click(self._guarded(self.reset))
        self.widget = widgets.VBox([
            _row([widgets.VBox([self.init_scale, self.learning_rate]),
                  widgets.VBox([self.hidden_units, self.iterations]),
                  widgets.VBox([self.reset_button])]),
            self.summary, self.error_label, self.image])
        self._guarded(self._retrain)()

    @property
    def controls(self):
        """The sliders, in the order of ``LabSettings``' fields."""
        return [self.init_scale, self.iterations, self.learning_rate, self.hidden_units]

    @property
    def settings(self):
        """The current ``LabSettings`` read from the sliders."""
        return LabSettings(init_scale=self.init_scale.value, iterations=self.iterations.value,
                           learning_rate=self.learning_rate.value,
                           hidden_units=self.hidden_units.value,
                           networks=self.defaults.networks, curves=self.defaults.curves)

    def _retrain(self, change=None):
        settings = self.settings
        self.result = train_lab(settings)
        self.panels.update(settings, self.result)
        self.summary.value = (f"<b>{100 * self.result.success_rate:.1f}%</b> of "
                              f"{settings.networks:,} starts solve XOR")
        self._show()

    def reset(self, *args):
        """Back to the settings the explorer started with."""
        with self._hold():
            self.init_scale.value = self.defaults.init_scale
            self.iterations.value = self.defaults.iterations
            self.learning_rate.value = self.defaults.learning_rate
            self.hidden_units.value = self.defaults.hidden_units
        self._retrain()
