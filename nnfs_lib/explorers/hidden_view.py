"""The hidden layer's view of XOR (notebook 08): Python trains once, the browser replays.

A 3-2-1 network (``plots.hidden_plane.two_unit_run``) is trained once; every
iteration's numbers go to the browser (``run``, ``view_data``): the weights,
the four points in the hidden layer's coordinates (h1, h2: the activations of
hidden units 1 and 2), the output neuron's line v1 h1 + v2 h2 = 0 in that plane
(v1, v2: the entries of weights2; through (0, 0): the output has no bias), each
hidden unit's line h_j = 0.5 in the input plane, the
predictions and the loss. ``static/hidden_view.js`` draws the hidden plane
beside the input plane and replays the run (time scrubber, Play) without a
message to the kernel::

    from nnfs_lib.explorers.hidden_view import HiddenViewExplorer
    from nnfs_lib.plots.hidden_plane import hidden_view

    HiddenViewExplorer()      # live, needs a kernel
    hidden_view()             # static: the start and the end of training
"""

import numpy as np
import traitlets

from nnfs_lib.activations import sigmoid
from nnfs_lib.explorers.base import _Explorer, _module
from nnfs_lib.plots.hidden_plane import (
    HIDDEN_BOX,
    INPUT_BOX,
    ITERATIONS,
    SEED,
    hidden_points,
    line_in_box,
    two_unit_run,
)

_NO_LINE = [float("nan")] * 4


def _segment(normal, offset, box):
    """``[x0, y0, x1, y1]`` of the line normal · p + offset = 0 inside ``box``², or NaNs."""
    segment = line_in_box(normal, offset, *box)
    return _NO_LINE if segment is None else [*segment[0], *segment[1]]


def view_data(network, history):
    """What the browser replays of a ``two_unit_run``, as one dict.

    Float64 bytes, one row per recorded iteration (``steps``): ``weights`` (8: weights1
    row by row, then weights2), ``hidden`` (8: h1, h2 of each sample), ``outputs`` (4),
    ``line`` (4: the ends of the output's 0.5 line in the hidden plane, NaN if it misses
    it), ``unit_lines`` (8: the ends of h1 = 0.5 and h2 = 0.5 in the input plane), ``loss``
    (1). Also ``solved`` (does the line separate the points: every prediction on the side
    of its target), the data, the squares drawn and ``first_solved`` (None if never).
    """
    steps = sorted(history.snapshots)
    x, y = network.input, network.y
    rows = {name: [] for name in ("weights", "hidden", "outputs", "line", "unit_lines")}
    for step in steps:
        weights1, weights2 = history.snapshots[step]
        points = hidden_points(weights1, x)
        rows["weights"].append(np.concatenate([weights1.ravel(), weights2.ravel()]))
        rows["hidden"].append(points.ravel())
        rows["outputs"].append(sigmoid(points @ weights2).ravel())
        rows["line"].append(_segment(weights2[:, 0], 0.0, HIDDEN_BOX))
        rows["unit_lines"].append(_segment(weights1[:2, 0], weights1[2, 0], INPUT_BOX)
                                  + _segment(weights1[:2, 1], weights1[2, 1], INPUT_BOX))
    solved = np.all((np.array(rows["outputs"]) > 0.5) == (y[:, 0] > 0.5), axis=1)
    data = {name: np.array(values, dtype=np.float64).astype("<f8").tobytes()
            for name, values in rows.items()}
    first = int(np.argmax(solved)) if solved.any() else None
    data.update(steps=steps, loss=history.loss[steps].astype("<f8").tobytes(),
                solved=[bool(s) for s in solved],
                first_solved=None if first is None else steps[first],
                iterations=int(history.iterations), inputs=x.tolist(),
                targets=y[:, 0].tolist(), hidden_box=list(HIDDEN_BOX),
                input_box=list(INPUT_BOX))
    return data


class HiddenViewExplorer(_Explorer):
    """Watch two hidden units move the XOR points until one line separates them (notebook 08).

    ``seed`` (default ``plots.hidden_plane.SEED``, a start that solves XOR) and
    ``iterations`` (0 to 10,000, default 1500) choose the run, trained once here.
    ``time`` (trait, synced) is the iteration shown, kept in [0, iterations]; the
    browser's scrubber and Play move it without asking the kernel. ``network`` and
    ``history`` are the run; ``run`` is ``view_data`` of it.
    """

    _esm = _module("hidden_view.js")

    time = traitlets.Int().tag(sync=True)
    run = traitlets.Dict().tag(sync=True)

    def __init__(self, seed=SEED, iterations=ITERATIONS, raise_errors=False):
        network, history = two_unit_run(seed, iterations)  # checks both, before the widget
        super().__init__(raise_errors=raise_errors)
        self.seed, self.iterations = int(seed), history.iterations
        self.network, self.history = network, history
        self.run = view_data(network, history)
        self.time = self.iterations
        self._watch("time", self._on_time)

    def _on_time(self, change=None):
        """Keep ``time`` in [0, iterations] (a typed value beyond them goes to the end)."""
        kept = min(max(self.time, 0), self.iterations)
        if kept != self.time:
            self._held += 1
            try:
                self.time = kept
            finally:
                self._held -= 1

    def _drop(self):
        self.network = self.history = None
        self.run = {}
