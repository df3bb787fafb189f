"""The training explorer's figure (notebooks 06 and 08): settings in, a ``Figure`` out.

``draw_training(settings)`` is the static figure that follows each training
explorer in a notebook (for GitHub, nbviewer, the HTML export and printed
handouts), drawn from the same ``train_from_settings`` run the explorer sends
to the browser::

    draw_training(TrainingSettings())      # what TrainingExplorer() first shows

The picture is drawn with the ``nnfs_lib.plots`` functions; ``TrainingFigure``
keeps the handles of its artists and ``update`` shows other settings in place.
"""

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Annotation

from nnfs_lib._checks import check_flag
from nnfs_lib.explorers.training_settings import (
    TrainingResult,
    TrainingSettings,
    _check_training_settings,
    train_from_settings,
)
from nnfs_lib.plots.boundary import decision_grid, draw_output, network_predictor
from nnfs_lib.plots.curves import loss_curve
from nnfs_lib.plots.diagram import edge_widths, network_diagram, network_weight_norm
from nnfs_lib.plots.overview import training_overview
from nnfs_lib.plots.style import EXPLORER_DPI, LOSS_LABEL, STYLE, _by_gid, _style_ticks

#: Size of the training figures (inches, at ``EXPLORER_DPI``): a little smaller
#: than the notebooks' static figures, so that the pictures stay about as wide
#: as a notebook cell and render fast.
FIGSIZE = (10.5, 7.4)
COMPACT_FIGSIZE = (10.5, 4.6)
#: Grid points per side of the decision-boundary panel.
RESOLUTION = 31
#: Tiny floor for the loss on a log axis (a saturated network can reach 0).
_LOG_FLOOR = 1e-300


def _new_training_figure(settings, result, compact):
    """The first drawing: the overview (or diagram and loss, ``compact``) at ``settings.time``."""
    time = result.snap(settings.time)
    shown = result.network_at(time)
    if compact:
        with mpl.rc_context(STYLE):
            fig = Figure(figsize=COMPACT_FIGSIZE, dpi=EXPLORER_DPI)
            fig.subplots_adjust(left=0.02, right=0.97, bottom=0.15, top=0.88, wspace=0.25)
            axes = fig.subplots(1, 2)
            network_diagram(shown.weights1, shown.weights2, ax=axes[0])
            loss_curve(result.history.loss, ax=axes[1], marker_at=time)
    else:
        fig = Figure(figsize=FIGSIZE, dpi=EXPLORER_DPI)
        training_overview(result.network, result.history, iteration=time,
                          resolution=RESOLUTION, fig=fig)
    FigureCanvasAgg(fig)
    return fig


class TrainingFigure:
    """A training figure and the handles to its artists, to update them in place.

    ``TrainingFigure(settings, result, compact)`` draws ``figure`` for
    ``settings`` (``result`` is ``train_from_settings(settings)``);
    ``update(settings, result)`` redraws it for other settings.
    """

    def __init__(self, settings, result, compact=False):
        self.compact = compact
        fig = self.figure = _new_training_figure(settings, result, compact)
        axes = fig.axes
        self.diagram = axes[0]
        self.loss = axes[1]
        (self.edges,) = [c for c in self.diagram.collections if c.get_gid() == "edges"]
        self.loss_line = _by_gid(self.loss.lines, "loss")
        self.marker = _by_gid(self.loss.lines, "marker")
        self.marker_dot = _by_gid(self.loss.lines, "marker-dot")
        self.marker_text = [t for t in self.loss.texts if isinstance(t, Annotation)][0]
        if not compact:
            self.predictions = axes[2]
            self.boundary = axes[3]
            self.bars = self.predictions.containers[1]
            # The value labels of the prediction bars (target bars may have labels too).
            centres = [bar.get_x() + bar.get_width() / 2 for bar in self.bars]
            self.bar_labels = [
                next(t for t in self.predictions.texts
                     if isinstance(t, Annotation) and np.isclose(t.xy[0], centre))
                for centre in centres]
        self.update(settings, result)

    # -- updates ----------------------------------------------------------------------
    def update(self, settings, result):
        """Show ``settings`` (its time, log scale) of the run ``result``."""
        time = result.snap(settings.time)
        shown = result.network_at(time)
        with mpl.rc_context(STYLE):
            self._update_diagram(shown, time)
            self._update_loss(result.history.loss, time, settings.log_scale)
            if not self.compact:
                self._update_predictions(shown)
                self._update_boundary(shown)

    def _update_diagram(self, shown, time):
        w = np.concatenate([shown.weights1.ravel(), shown.weights2.ravel()])
        norm = network_weight_norm(shown.weights1, shown.weights2)
        self.edges.set_array(w)
        self.edges.set_clim(norm.vmin, norm.vmax)
        self.edges.set_linewidths(edge_widths(w, norm.vmax))
        self.diagram.set_title(f"Weights after {time} iterations")

    def _update_loss(self, loss, time, log_scale):
        ax = self.loss
        steps = np.arange(loss.size)
        shown = np.maximum(loss, _LOG_FLOOR) if log_scale else loss
        self.loss_line.set_data(steps, shown)
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
        self.marker.set_xdata([time, time])
        self.marker_dot.set_data([time], [shown[time]])
        early = time < 0.7 * loss.size
        # Below the dot when it is in the top third, so that the text stays clear of the title.
        bottom, top_limit = ax.get_ylim()
        if log_scale:
            height = (np.log10(shown[time]) - np.log10(bottom)) / np.log10(top_limit / bottom)
        else:
            height = (shown[time] - bottom) / (top_limit - bottom)
        high = height > 2 / 3
        text = self.marker_text
        text.set_text(f"iteration {time}\nloss {loss[time]:.4g}")
        text.xy = (time, shown[time])
        text.xyann = (10 if early else -10, -10 if high else 10)
        text.set_horizontalalignment("left" if early else "right")
        text.set_verticalalignment("top" if high else "bottom")
        ax.set_ylabel(LOSS_LABEL + (" (log scale)" if log_scale else ""))
        _style_ticks(ax)

    def _update_predictions(self, shown):
        outputs = shown.predict(shown.input)[:, 0]
        for bar, label, value in zip(self.bars, self.bar_labels, outputs, strict=True):
            bar.set_height(value)
            label.set_text(f"{value:.3f}")
            label.xy = (bar.get_x() + bar.get_width() / 2, value)

    def _update_boundary(self, shown):
        ax = self.boundary
        for collection in list(ax.collections):
            if collection.get_gid() in ("output", "boundary"):
                collection.remove()
        grid_x1, grid_x2, output = decision_grid(network_predictor(shown), RESOLUTION)
        draw_output(ax, grid_x1, grid_x2, output, zorder=1)


def draw_training(settings=None, result=None, compact=False):
    """The training picture for ``settings``: diagram, loss, predictions, boundary.

    ``result`` is ``train_from_settings(settings)`` (computed if not given).
    ``compact=True`` draws only diagram and loss (notebook 06). Returns a new
    ``Figure``: the figure of ``TrainingFigure(settings, result, compact)``,
    which is what ``TrainingExplorer`` shows at the same settings.
    """
    settings = TrainingSettings() if settings is None else settings
    _check_training_settings(settings)
    if result is not None and not isinstance(result, TrainingResult):
        raise TypeError(f"result must be None or a TrainingResult (from train_from_settings), "
                        f"got {type(result).__name__}")
    compact = check_flag("compact", compact)
    if result is None:
        result = train_from_settings(settings)
    return TrainingFigure(settings, result, compact).figure
