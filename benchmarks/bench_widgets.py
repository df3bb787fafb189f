"""How fast the training explorer reacts, driven without a browser.

    .venv/bin/python benchmarks/bench_widgets.py

One update = set a slider's ``.value`` -> retrain 1500 iterations -> update
all four panels -> render PNG bytes (what the browser receives). The median of
30 updates is printed for each kind of control, and the number of open pyplot
figures is checked after 100 updates.

Measured on the 2-core dev machine (other jobs running, so +-20 %; under
heavier load everything is up to 1.5x slower): learning-rate change (retrain +
redraw) median 90-120 ms (150 ms budget, 100 ms aim); weight slider 70-90 ms;
time slider (no retraining) 55-60 ms; iterations change (loss axis
re-rendered) 110-130 ms. About 20 ms of each is the PNG encoding (``matplotlib.image.imsave``,
compression level 1); a full Agg draw of the same figure takes ~105 ms, which
the incremental rendering (``nnfs_lib.explorers.fastrender``) avoids. Recording the
weights after every iteration (so that the time slider is exact) adds ~5 ms
to a 1,500-iteration retrain.

The lab explorer (notebook 09): one update trains 500 starts with
``train_many`` and redraws the histogram and curves in full; a scale change
takes a median of ~250 ms at 1,500 iterations (~100-150 ms of it training).
"""

import statistics
import time
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from nnfs_lib.explorers.lab import LabExplorer  # noqa: E402
from nnfs_lib.explorers.training import TrainingExplorer  # noqa: E402

UPDATES = 30


def median_ms(explorer, control, values):
    times = []
    for k in range(UPDATES):
        start = time.perf_counter()
        control.value = values[k % len(values)]
        times.append(time.perf_counter() - start)
    assert explorer.last_error is None, explorer.last_error
    return 1000 * statistics.median(times)


def main():
    explorer = TrainingExplorer(raise_errors=True)
    results = {
        "learning rate (retrain 1500 + redraw)": median_ms(
            explorer, explorer.learning_rate, [0.5, 1.0, 2.0, 4.0]),
        "weight slider (retrain 1500 + redraw)": median_ms(
            explorer, explorer.weights1[0][0], [0.1, 0.3, 0.5, 0.7]),
        "time slider (redraw only)": median_ms(explorer, explorer.time,
                                               list(range(0, 1501, 105))),
        "iterations 1450/1500 (retrain + loss axis)": median_ms(
            explorer, explorer.iterations, [1450, 1500]),
    }
    lab = LabExplorer(raise_errors=True)
    results["lab: initial-weight scale (500 starts x 1500)"] = median_ms(
        lab, lab.init_scale, [0.5, 1.0, 2.0, 8.0])
    results["lab: hidden units 2/4 (500 starts x 1500)"] = median_ms(
        lab, lab.hidden_units, [2, 4])
    for name, ms in results.items():
        print(f"{name:45s} median {ms:6.1f} ms")

    before = plt.get_fignums()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. "More than 20 figures have been opened"
        for k in range(100):
            explorer.learning_rate.value = [0.5, 1.0, 2.0][k % 3]
    after = plt.get_fignums()
    print(f"open pyplot figures before/after 100 updates: {len(before)}/{len(after)}")
    assert before == after
    return results


if __name__ == "__main__":
    main()
