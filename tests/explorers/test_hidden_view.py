"""The hidden layer's view of XOR without a browser: the data the explorer holds, and its figure.

Every number the explorer sends is recomputed here independently: the run against the
article's algorithm (``article_reference``) from the same initial weights, the hidden
points as 1 / (1 + exp(-x @ weights1)) from each snapshot's weights, the line as the
points where weights2 · a = 0, the predictions and the loss.
"""

import numpy as np
import pytest
from article_reference import article_sigmoid, train_article

from nnfs_lib.explorers.hidden_view import HiddenViewExplorer
from nnfs_lib.plots.hidden_plane import HIDDEN_BOX, INPUT_BOX, SEED, hidden_view, line_in_box

X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
Y = np.array([[0], [1], [1], [0]], dtype=float)


def _rows(run, name, width):
    return np.frombuffer(run[name], dtype="<f8").reshape(-1, width)


@pytest.fixture(scope="module")
def explorer():
    return HiddenViewExplorer(raise_errors=True)


def _on_edge(point, box):
    low, high = box
    inside = all(low - 1e-12 <= c <= high + 1e-12 for c in point)
    return inside and any(abs(c - low) < 1e-12 or abs(c - high) < 1e-12 for c in point)


def test_the_run_is_the_articles_algorithm_from_the_seeds_weights(explorer):
    generator = np.random.default_rng(SEED)  # NeuralNetwork draws weights1, then weights2
    start1, start2 = generator.random((3, 2)), generator.random((2, 1))
    weights = _rows(explorer.run, "weights", 8)
    assert weights.shape == (1501, 8)
    np.testing.assert_array_equal(weights[0], np.concatenate([start1.ravel(), start2.ravel()]))
    for k in (1, 879, 1500):
        reference, _ = train_article(X, Y, start1, start2, iterations=k)
        np.testing.assert_allclose(weights[k, :6], reference.weights1.ravel(), atol=1e-10)
        np.testing.assert_allclose(weights[k, 6:], reference.weights2.ravel(), atol=1e-10)


def test_hidden_points_outputs_and_loss_follow_from_each_snapshots_weights(explorer):
    run = explorer.run
    weights, hidden = _rows(run, "weights", 8), _rows(run, "hidden", 8)
    outputs, loss = _rows(run, "outputs", 4), np.frombuffer(run["loss"], dtype="<f8")
    for k in (0, 1, 200, 879, 1000, 1500):
        weights1, weights2 = weights[k, :6].reshape(3, 2), weights[k, 6:].reshape(2, 1)
        points = 1.0 / (1.0 + np.exp(-(X @ weights1)))
        np.testing.assert_allclose(hidden[k].reshape(4, 2), points, rtol=1e-14, atol=1e-15)
        out = article_sigmoid(points @ weights2)
        np.testing.assert_allclose(outputs[k], out.ravel(), rtol=1e-14)
        assert loss[k] == pytest.approx(float(np.sum((out - Y) ** 2)), rel=1e-12)
        assert run["solved"][k] == bool(np.all((out > 0.5) == (Y > 0.5)))


def test_the_line_is_where_weights2_dot_a_is_zero_and_separates_at_the_end(explorer):
    run = explorer.run
    weights, lines, hidden = (_rows(run, "weights", 8), _rows(run, "line", 4),
                              _rows(run, "hidden", 8))
    for k in (0, 100, 879, 1500):
        w = weights[k, 6:]
        ends = lines[k].reshape(2, 2)
        for end in ends:
            assert abs(w @ end) < 1e-12 * np.abs(w).sum()  # no output bias: through (0, 0)
            assert _on_edge(end, HIDDEN_BOX)
    # At the end the line has the targets-1 points on its positive side, the 0s on the other.
    sides = hidden[1500].reshape(4, 2) @ weights[1500, 6:]
    assert list(sides > 0) == [False, True, True, False]
    assert min(abs(sides)) > 2  # the points are far from it: outputs within 0.12 of target


def test_the_unit_lines_are_where_each_hidden_activation_is_one_half(explorer):
    weights, lines = _rows(explorer.run, "weights", 8), _rows(explorer.run, "unit_lines", 8)
    for k in (879, 1500):
        weights1 = weights[k, :6].reshape(3, 2)
        for j in range(2):
            for end in lines[k, 4 * j:4 * j + 4].reshape(2, 2):
                z = end @ weights1[:2, j] + weights1[2, j]
                assert abs(z) < 1e-12 * np.abs(weights1[:, j]).sum()
                assert _on_edge(end, INPUT_BOX)


def test_the_pinned_seed_solves_xor(explorer):
    outputs = _rows(explorer.run, "outputs", 4)
    assert list(np.round(outputs[-1])) == [0, 1, 1, 0]
    assert np.min(np.abs(outputs[-1] - 0.5)) > 0.4  # a wide margin, no knife edge
    assert explorer.run["first_solved"] == 879
    assert explorer.run["solved"] == [False] * 879 + [True] * 622  # and stays solved


def test_time_stays_in_the_run(explorer):
    explorer.time = 10_000
    assert explorer.time == 1500
    explorer.time = -3
    assert explorer.time == 0
    explorer.time = 1500


def test_line_in_box_by_hand():
    assert line_in_box([1, -1], 0, 0, 1) == ((0.0, 0.0), (1.0, 1.0))  # the diagonal
    assert line_in_box([1, 0], -0.5, 0, 1) == ((0.5, 0.0), (0.5, 1.0))  # x = 0.5
    assert line_in_box([1, 1], 0, 0, 1) is None  # touches the corner (0, 0) only
    assert line_in_box([1, 1], -3, 0, 1) is None  # x + y = 3 misses the unit square
    assert line_in_box([0, 0], 0, 0, 1) is None


@pytest.mark.parametrize("call, name", [
    (lambda: HiddenViewExplorer(seed=-1), "seed"),
    (lambda: HiddenViewExplorer(seed="1"), "seed"),
    (lambda: HiddenViewExplorer(iterations=20_000), "iterations"),
    (lambda: HiddenViewExplorer(iterations=1.5), "iterations"),
    (lambda: HiddenViewExplorer(raise_errors="yes"), "raise_errors"),
    (lambda: hidden_view(times=[0, 2000]), "times"),
    (lambda: hidden_view(seed=None), "seed"),
    (lambda: line_in_box([1, 2, 3], 0, 0, 1), "normal"),
    (lambda: line_in_box([1, 2], "a", 0, 1), "offset"),
    (lambda: line_in_box([1, 2], 0, 1, 0), "low"),
])
def test_bad_arguments_are_named(call, name):
    with pytest.raises((TypeError, ValueError), match=name):
        call()


def test_the_static_figure_has_the_start_and_the_end():
    fig = hidden_view()
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles == ["Hidden layer's view, iteration 0", "Input space, iteration 0",
                      "Hidden layer's view, iteration 1500", "Input space, iteration 1500"]
    end = fig.axes[2]
    (line,) = [artist for artist in end.lines if artist.get_gid() == "line"]
    x, y = line.get_data()
    assert (x[0], y[0]) == pytest.approx((0, 0), abs=0.06)  # through the corner (0, 0)


def test_the_static_figures_labels_stay_inside_their_axes_and_off_the_markers():
    fig = hidden_view()
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    for ax in fig.axes[:4]:
        box = ax.get_window_extent(renderer)
        labels = [t for t in ax.texts if t.get_text() in ("0,0", "0,1", "1,0", "1,1")]
        assert len(labels) == 4
        extents = [t.get_window_extent(renderer) for t in labels]
        for text, extent in zip(labels, extents, strict=True):
            assert (box.x0 <= extent.x0 and extent.x1 <= box.x1 and box.y0 <= extent.y0
                    and extent.y1 <= box.y1), (ax.get_title(), text.get_text())
        for i, first in enumerate(extents):  # no two labels overlap
            for second in extents[i + 1:]:
                assert not first.overlaps(second), ax.get_title()
