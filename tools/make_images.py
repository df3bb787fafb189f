"""The static figures in ``images/``, regenerated from the library: ``make images``.

    python tools/make_images.py images

writes ``2-layer-ann.png``, ``ann-1-input.png``, ``ann-1-loss.png`` and
``ann-1-predictions.png`` into the folder given. Everything is deterministic (a
seeded network, fixed dpi, no software/date metadata), so running it twice
gives byte-identical files.
"""

import sys
from pathlib import Path

import numpy as np

from nnfs_lib.datasets import xor
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.plots.curves import loss_curve, predictions_plot
from nnfs_lib.plots.diagram import network_diagram
from nnfs_lib.plots.style import _number_text
from nnfs_lib.training import TrainingHistory, train

SEED = 0
ITERATIONS = 1500
DPI = 110
#: The XOR row shown in ``ann-1-input.png``: x1 = 1, x2 = 0, constant 1.
INPUT_ROW = np.array([1.0, 0.0, 1.0])


def trained_network(seed=SEED, iterations=ITERATIONS):
    """The article's network on XOR, seeded, trained: returns ``(network, history)``."""
    x, y = xor()
    network = NeuralNetwork(x, y, rng=seed)
    history = train(network, iterations)
    return network, history


def make_network_figure():
    """``2-layer-ann.png``: the 3-4-1 network, no weights."""
    return network_diagram(title="A 3-4-1 neural network")


def make_input_figure(row=INPUT_ROW):
    """``ann-1-input.png``: the network with one XOR input row in the input nodes."""
    x1, x2 = (_number_text(v) for v in row[:2])
    return network_diagram(inputs=row,
                           title=f"One XOR input: x1 = {x1}, x2 = {x2}")


def make_loss_figure(history=None):
    """``ann-1-loss.png``: the sum-of-squares loss over training (1500 iterations)."""
    if history is None:
        history = trained_network()[1]
    _check_history(history)
    return loss_curve(
        history.loss, title=f"Training loss (sum of squares), {history.iterations} iterations")


def make_predictions_figure(network=None, history=None):
    """``ann-1-predictions.png``: predictions vs targets after training.

    ``network`` and ``history`` come from ``trained_network()`` (computed if not
    given); the title states ``history.iterations``, the network's real count.
    """
    if network is None:
        network, history = trained_network()
    elif history is None:
        raise ValueError("history must be given with network (the title states its "
                         "number of iterations)")
    if not isinstance(network, NeuralNetwork):
        raise TypeError(f"network must be a NeuralNetwork, got {type(network).__name__}")
    _check_history(history)
    return predictions_plot(network.y, network.predict(network.input),
                                     inputs=network.input,
                                     title=f"XOR after {history.iterations} iterations")


def _check_history(history):
    if not isinstance(history, TrainingHistory):
        raise TypeError(f"history must be a TrainingHistory (from train), "
                        f"got {type(history).__name__}")


def save(fig, path):
    """Save ``fig`` as a reproducible PNG (fixed dpi, no software metadata)."""
    fig.savefig(path, dpi=DPI, facecolor="white", metadata={"Software": None})


def make_images(folder):
    """Write the four PNGs into ``folder`` (created if needed); return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    network, history = trained_network()
    figures = {
        "2-layer-ann.png": make_network_figure(),
        "ann-1-input.png": make_input_figure(),
        "ann-1-loss.png": make_loss_figure(history),
        "ann-1-predictions.png": make_predictions_figure(network, history),
    }
    paths = []
    for name, fig in figures.items():
        path = folder / name
        save(fig, path)
        paths.append(path)
    return paths


def main(argv=None):
    """Command line: ``python tools/make_images.py FOLDER``."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if len(argv) != 1:
        print("usage: python tools/make_images.py FOLDER", file=sys.stderr)
        return 2
    for path in make_images(argv[0]):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
