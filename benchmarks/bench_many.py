"""Benchmark: 10,000 XOR networks at once (``nnfs_lib.lab.many``) against one at a time.

Run: ``.venv/bin/python benchmarks/bench_many.py``. Everything runs in one
process: medians of repeated runs, and the ratio per network.

* ``train_many``: 10,000 networks x 1500 iterations (x (4, 3), h = 4, k = 1),
  loss recorded, median of 5 runs.
* ``training.train``: one ``NeuralNetwork``, 1500 iterations, median of 20.
* The peak memory of one ``train_many`` run (tracemalloc, which numpy reports
  its array allocations to), with and without the loss history.
* A check that a few networks of the batch equal single training.

Measured on the 2-core development VM (AMD EPYC, numpy 2.4, Python 3.11):

    train_many   10000 x 1500: medians 1.32 s and 1.79 s in two fresh runs
                               (single runs 1.21-2.28 s; earlier medians
                               1.23 s and 1.29 s), 0.13-0.18 ms per network
    train        1 x 1500:     median 16.3-16.8 ms per network
    speed-up per network: 93x to 133x
    peak memory: 130 MB with record_loss=True (120 MB is the loss history,
                 8 * (iterations + 1) * B bytes), 9 MB with record_loss=False
    largest difference from single training: 6.7e-15
    fraction of seeds 0..9999 that solve XOR in 1500 iterations: 0.9998

The VM is shared, so single runs vary by +-20 %; the medians are steadier.

Layouts tried in ``nnfs_lib.lab.many`` and dropped:

* batch-first (B, n, h) with ``np.matmul`` on stacked 4x3 matrices: 0.33 ms
  per product against 0.05 ms for the network-last layout (d, h, B), whose
  product with the shared ``x`` is a single ``(n, d) @ (d, h*B)``;
* two threads over two halves of the batch: no gain (each numpy call is too
  short to outrun the GIL), so the code stays single-threaded.

Memory of ``train_many``: the working buffers hold about 9 MB for 10,000 XOR
networks (three (n, h, B) arrays, a few smaller ones and internal copies of
the weights); nothing else grows with the number of iterations except the
optional loss history and gradient norms, 8 * iterations * B bytes each.
"""

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nnfs_lib.datasets import xor  # noqa: E402
from nnfs_lib.lab.many import initial_weights_from_seeds, solved, train_many  # noqa: E402
from nnfs_lib.network import NeuralNetwork  # noqa: E402
from nnfs_lib.training import train  # noqa: E402

N_NETWORKS = 10_000
ITERATIONS = 1500


def median_time(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def peak_memory(function):
    tracemalloc.start()
    tracemalloc.reset_peak()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main():
    x, y = xor()
    seeds = range(N_NETWORKS)
    weights1, weights2 = initial_weights_from_seeds(seeds, x.shape[1])

    many, many_times = median_time(
        lambda: train_many(x, y, weights1, weights2, ITERATIONS), repeats=5)

    def one():
        train(NeuralNetwork(x, y, rng=0), ITERATIONS)

    single, _ = median_time(one, repeats=20)

    with_loss = peak_memory(lambda: train_many(x, y, weights1, weights2, ITERATIONS))
    without_loss = peak_memory(
        lambda: train_many(x, y, weights1, weights2, ITERATIONS, record_loss=False))

    history = train_many(x, y, weights1, weights2, ITERATIONS)
    worst = 0.0
    for b in (0, 1, 4321, N_NETWORKS - 1):
        network = NeuralNetwork(x, y, rng=seeds[b])
        single_history = train(network, ITERATIONS)
        for mine, theirs in zip((history.loss[:, b], history.weights1[b], history.weights2[b]),
                                (single_history.loss, network.weights1, network.weights2),
                                strict=True):
            worst = max(worst, float(np.max(np.abs(mine - theirs))))
    assert worst < 1e-9, worst

    print(f"train_many {N_NETWORKS} x {ITERATIONS}: median {many:.3f} s "
          f"(runs: {', '.join(f'{t:.3f}' for t in many_times)}), "
          f"{many / N_NETWORKS * 1e3:.4f} ms per network")
    print(f"train      1 x {ITERATIONS}: median {single * 1e3:.1f} ms per network")
    print(f"speed-up per network: {single / (many / N_NETWORKS):.0f}x")
    print(f"peak memory (tracemalloc): {with_loss / 1e6:.0f} MB with the loss history, "
          f"{without_loss / 1e6:.0f} MB without")
    print(f"largest difference from single training (4 networks): {worst:.1e}")
    print(f"fraction solving XOR: {solved(history.outputs, y).mean():.4f}")


if __name__ == "__main__":
    main()
