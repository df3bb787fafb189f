"""Explorer figures as PNG bytes: ``render_png``, incremental for the training explorer.

Every explorer shows its figure as the PNG of ``render_png``. The training
explorer passes the ``Blitter`` of its ``TrainingFigure``
(``explorers.training_figure``): ``Blitter.draw`` redraws only what changed;
every other figure gets a plain ``canvas.draw()``. The pixels are the same as
a full draw (``tests/explorers/test_training_explorer.py`` compares them); only
the time differs (about half, see ``benchmarks/bench_widgets.py``).

The PNG is written with ``matplotlib.image.imsave`` (fast compression, no
metadata), so nothing beyond matplotlib is needed.
"""

import io

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import imsave
from matplotlib.path import Path
from matplotlib.transforms import Bbox, IdentityTransform

from nnfs_lib.plots.style import STYLE

#: Pixel paddings of the incremental renderer were tuned at 66 dpi; scaled by dpi / 66.
_TUNED_DPI = 66


def render_png(fig, blitter=None):
    """``fig`` rendered by Agg as PNG bytes (fast compression, no metadata).

    With a ``Blitter`` (a ``TrainingFigure``'s), incrementally; the pixels are
    the same as a full draw.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    if blitter is None:
        canvas.draw()
    else:
        blitter.draw(canvas)
    buffer = io.BytesIO()
    imsave(buffer, np.asarray(canvas.buffer_rgba()), format="png",
           metadata={"Software": None}, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


class Blitter:
    """Redraw only what changed: most of a training figure (ticks, labels,
    legends: about 90 texts) is the same from one update to the next.

    ``panels`` tells what is what: ``dynamic()`` gives ``[(axes, artists)]``
    redrawn at every update, ``frame_keys()`` a key per axes whose change
    means re-rendering that axes, ``volatile`` the axes always re-rendered and
    ``diagram`` the network-diagram axes (its labels stick out to the left).

    The figure without its dynamic artists is kept as a pixel background. An
    update restores it, re-renders the axes whose frame (limits, scale) has
    changed or that are volatile, and draws the dynamic artists on top.
    """

    def __init__(self, panels):
        self.panels = panels
        self.background = None
        self.size = None
        self.keys = {}
        self.slots = {}

    def draw(self, canvas):
        fig = canvas.figure
        px = fig.dpi / _TUNED_DPI
        dynamic = self.panels.dynamic()
        for _, artists in dynamic:
            for artist in artists:
                artist.set_animated(True)
        try:
            keys = self.panels.frame_keys()
            renderer = canvas.get_renderer()
            size = canvas.get_width_height()
            if self.background is None or self.size != size:
                canvas.draw()  # animated artists are left out
                renderer = canvas.get_renderer()
                self.size = size
                self.slots = {}
                changed = []
            else:
                canvas.restore_region(self.background)
                volatile = self.panels.volatile
                changed = [ax for ax in fig.axes
                           if ax in volatile or keys[ax] != self.keys.get(ax)]
                with mpl.rc_context(STYLE):
                    for ax in changed:
                        if ax not in volatile:  # its ticks may have grown
                            self.slots[ax] = Bbox.union([self.slots[ax],
                                                         ax.get_tightbbox(renderer)])
                        renderer.draw_path(_white(renderer),
                                           _rectangle_path(self.slots[ax].padded(2)),
                                           IdentityTransform(), (1.0, 1.0, 1.0, 1.0))
                    for ax in changed:
                        ax.draw(renderer)
            if not self.slots:
                self.slots = self._slots(fig, renderer, px)
            self.keys = keys
            if changed or self.background is None:
                self.background = canvas.copy_from_bbox(fig.bbox)
            for ax, artists in dynamic:
                for artist in sorted(artists, key=lambda a: a.get_zorder()):
                    ax.draw_artist(artist)
        finally:
            for _, artists in dynamic:
                for artist in artists:
                    artist.set_animated(False)

    def _slots(self, fig, renderer, px):
        """The region each axes may paint: its extent, widened for the volatile
        axes, whose titles and tick labels change length."""
        slots = {}
        for ax in fig.axes:
            slot = Bbox.union([ax.get_tightbbox(renderer), ax.bbox])
            if ax is self.panels.diagram:
                slot = Bbox.from_extents(slot.x0 - 30 * px, slot.y0 - 12 * px, slot.x1,
                                         slot.y1 + 6 * px)
            elif ax in self.panels.volatile:  # the colour bar
                slot = Bbox.from_extents(slot.x0, slot.y0 - 12 * px, slot.x1 + 8 * px,
                                         slot.y1 + 6 * px)
            slots[ax] = slot
        return slots


def _white(renderer):
    gc = renderer.new_gc()
    gc.set_linewidth(0)
    return gc


def _rectangle_path(bbox):
    return Path([(bbox.x0, bbox.y0), (bbox.x1, bbox.y0), (bbox.x1, bbox.y1),
                 (bbox.x0, bbox.y1), (bbox.x0, bbox.y0)], closed=True)
