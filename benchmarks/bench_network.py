"""Library vs the article's code: 1500 training iterations on XOR, same process.

Both start from the same initial weights. The article's ``backprop`` calls
``sigmoid_derivative(np.dot(...))``, which recomputes two dot products and
four sigmoids that the forward pass already has; the library's backward pass
reuses ``layer1`` and ``output`` and takes the derivative as ``a * (1 - a)``.

Three candidates, taking turns in each of 21 rounds (medians printed):

* the article's code (``tests/article_reference.py``), the baseline;
* the article's loop on the library, ``feedforward()`` then ``backprop()``:
  ``backprop()`` runs the forward pass again itself so that its step always
  belongs to the current weights, so this loop pays for two forward passes;
* ``train()``: one forward and one backward pass per iteration, the loss
  recorded on the way.

All three agree to a relative 1e-12 (bit for bit, in fact, wherever the
article's sigmoid does not overflow): the script prints the check and fails
without it.

Run: ``.venv/bin/python benchmarks/bench_network.py``
"""

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from article_reference import train_article  # noqa: E402

from nnfs_lib.datasets import xor
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train  # noqa: E402

ITERATIONS = 1500
REPEATS = 21


def library_loop(x, y, w1, w2):
    net = NeuralNetwork(x, y, weights1=w1, weights2=w2)
    for _ in range(ITERATIONS):
        net.feedforward()
        net.backprop()
    return net


def library_train(x, y, w1, w2):
    net = NeuralNetwork(x, y, weights1=w1, weights2=w2)
    train(net, ITERATIONS)
    return net


def interleaved_medians(runs):
    """Median seconds per candidate, the candidates taking turns in each round.

    Taking turns means a burst of load from elsewhere on this shared machine
    hits every candidate alike, so the ratios stay fair.
    """
    times = {name: [] for name in runs}
    for _ in range(REPEATS):
        for name, (function, args) in runs.items():
            start = time.perf_counter()
            function(*args)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main():
    x, y = xor()
    rng = np.random.default_rng(0)
    w1, w2 = rng.random((3, 4)), rng.random((4, 1))

    article, _ = train_article(x, y, w1, w2, ITERATIONS)
    library = library_loop(x, y, w1, w2)
    same = (np.allclose(article.weights1, library.weights1, rtol=1e-12, atol=0)
            and np.allclose(article.weights2, library.weights2, rtol=1e-12, atol=0))
    print(f"same weights after {ITERATIONS} iterations (rtol 1e-12): {same}")

    medians = interleaved_medians({
        "article": (train_article, (x, y, w1, w2, ITERATIONS)),
        "loop": (library_loop, (x, y, w1, w2)),
        "train": (library_train, (x, y, w1, w2)),
    })
    t_article, t_loop, t_train = medians["article"], medians["loop"], medians["train"]
    print(f"median of {REPEATS} runs, {ITERATIONS} iterations each:")
    print(f"  article's code                 {t_article * 1e3:7.2f} ms")
    print(f"  feedforward() + backprop()     {t_loop * 1e3:7.2f} ms   "
          f"ratio {t_article / t_loop:.2f}x")
    print(f"  library train() (+ loss log)   {t_train * 1e3:7.2f} ms   "
          f"ratio {t_article / t_train:.2f}x")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
