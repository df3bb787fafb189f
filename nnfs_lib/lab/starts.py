"""Which starts train? Notebook 09, "09_which_starts_train.ipynb".

Each experiment trains many networks at once with ``many.train_many``: all
the networks of one experiment go along the batch axis of one call, so there
is never a Python loop over networks. A network "solves" a task when every
output is on the right side of 0.5 (``many.solved``); a *success rate* is
the fraction of starts that solve it, a float in [0, 1].

Seeds. Unless told otherwise a start comes from ``many.initial_weights_from_seeds``:
seed ``s`` gives exactly the weights of ``NeuralNetwork(x, y, rng=s,
init_scale=...)``, so every rate here is the rate of single networks trained
with ``NeuralNetwork`` + ``train`` (``tests/lab/test_lab.py`` checks a sample).

Data. ``x`` and ``y`` default to the article's XOR data (``datasets.xor()``,
whose third column is the constant 1).

Checks. Every argument is checked, under its own name, before anything is
trained or allocated: scales, grid values and symmetric-start values are
limited to ``_checks.MAX_MAGNITUDE`` (1e6) in size, like every weight
``train_many`` accepts, and no array may exceed ``_checks.MAX_ENTRIES``.

The second half of the notebook (learning rate, biases, width, one neuron)
is ``nnfs_lib.lab.architecture``, built on the three helpers at the top here.
"""

import numbers

import numpy as np

from nnfs_lib._checks import (
    MAX_MAGNITUDE,
    as_data,
    as_generator,
    as_real_array,
    as_vector,
    check_count,
    check_counts,
    check_positive_number,
    check_real_number,
)
from nnfs_lib.datasets import xor
from nnfs_lib.lab.many import check_batch, initial_weights_from_seeds, solved, train_many
from nnfs_lib.network import MAX_HIDDEN_UNITS

#: The article's hidden layer: the default width of every experiment of notebooks 09 and 10.
HIDDEN_UNITS = 4


# -- shared with notebook 10 (architecture.py) -------------------------------------------
def experiment_data(x, y):
    """The experiments' data: ``x`` (n, d) and ``y`` (n, k) checked, or XOR when both are None."""
    if x is None and y is None:
        return xor()
    if x is None or y is None:
        raise ValueError("x and y must be given together (or neither, for XOR)")
    return as_data(x, y)


def experiment_seeds(seeds):
    """The experiments' seeds: an int n means the seeds 0..n-1, else a sequence of seeds."""
    if isinstance(seeds, numbers.Integral) and not isinstance(seeds, (bool, np.bool_)):
        return range(check_count("seeds", seeds, minimum=1))
    return check_counts("seeds", seeds, maximum=None)


def seed_starts(seeds, scales, x, y, hidden_units, names, init_scale=1.0):
    """Every seed's start at every scale: ``(weights1, weights2)``, (S B, d, h) and (S B, h, k).

    Network ``s * B + b`` starts from the weights of ``NeuralNetwork(x, y,
    hidden_units, rng=seeds[b], init_scale=init_scale)`` multiplied by
    ``scales[s]`` (S scales, B seeds). A batch too large to train
    (``many.check_batch``) raises a ``ValueError`` naming ``names``, the
    arguments that set S and B, before anything is drawn.
    """
    d, k = x.shape[1], y.shape[1]
    check_batch(names, len(scales) * len(seeds), x, y, hidden_units)
    weights1, weights2 = initial_weights_from_seeds(seeds, d, hidden_units, k, init_scale)
    scales = np.asarray(scales, dtype=np.float64)[:, None, None, None]
    return ((scales * weights1).reshape(-1, d, hidden_units),
            (scales * weights2).reshape(-1, hidden_units, k))


def success_rate(outputs, y, tolerance=0.5):
    """The fraction of networks (outputs (B, n, k)) that solve ``y``: a float in [0, 1].

    Notebook 09's success rate (``many.solved``, averaged).
    """
    return float(np.mean(solved(outputs, y, tolerance)))


# -- 1. which initial weights train? ---------------------------------------------
def success_by_scale(init_scales, checkpoints, seeds=1000, x=None, y=None,
                     hidden_units=HIDDEN_UNITS, learning_rate=1.0):
    """Notebook 09: success rate for each initial-weight scale after each number of iterations.

    Every seed is trained at every scale in one batch of ``len(init_scales) *
    len(seeds)`` networks; training goes in stages from one checkpoint to the
    next (continuing from the weights reached, which is exactly training for
    the larger count in one go). ``checkpoints`` is a strictly increasing
    sequence of iteration counts. Returns an array (len(init_scales),
    len(checkpoints)): entry [i, j] is the fraction of seeds that solve the task
    with weights uniform on [0, init_scales[i]) after checkpoints[j] updates.
    """
    x, y = experiment_data(x, y)
    scales = as_vector("init_scales", init_scales, positive=True)
    checkpoints = check_counts("checkpoints", checkpoints)
    if any(b <= a for a, b in zip(checkpoints, checkpoints[1:])):
        raise ValueError(f"checkpoints must be strictly increasing, got {checkpoints}")
    seeds = experiment_seeds(seeds)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1, maximum=MAX_HIDDEN_UNITS)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    # init_scale * draw is what NeuralNetwork computes; the draws do not depend on it.
    weights1, weights2 = seed_starts(seeds, scales, x, y, hidden_units, "init_scales and seeds")
    rates = np.empty((len(scales), len(checkpoints)))
    done = 0
    for column, checkpoint in enumerate(checkpoints):  # stages in time, not networks
        history = train_many(x, y, weights1, weights2, checkpoint - done, learning_rate,
                             record_loss=False)
        weights1, weights2, done = history.weights1, history.weights2, checkpoint
        rates[:, column] = solved(history.outputs, y).reshape(len(scales), -1).mean(axis=1)
    return rates


def _index(name, index, shape):
    """A (row, column) pair of ints inside ``shape``, or raise."""
    if (not isinstance(index, (tuple, list)) or len(index) != 2
            or not all(isinstance(i, numbers.Integral) and not isinstance(i, (bool, np.bool_))
                       and 0 <= i < n for i, n in zip(index, shape))):
        raise ValueError(f"{name} must be a (row, column) pair of integers inside shape "
                         f"{shape}, got {index!r}")
    return int(index[0]), int(index[1])


def basin_map(values1, values2, seed=0, index1=(0, 0), index2=(0, 0), iterations=1500,
              x=None, y=None, learning_rate=1.0, init_scale=1.0, hidden_units=HIDDEN_UNITS):
    """Notebook 09: which starts solve the task, over a grid of two initial weights.

    Start from seed ``seed``'s weights (``NeuralNetwork(..., rng=seed,
    init_scale=init_scale)``) and set
    ``weights1[index1]`` to each of ``values1`` and ``weights2[index2]`` to each
    of ``values2``; all other weights stay fixed. Returns ``(solved_grid,
    final_loss)``, both of shape (len(values2), len(values1)) (rows: values2,
    as an image with values2 on the vertical axis). A grid too large to train
    (``MAX_ENTRIES``) raises a ``ValueError`` naming values1 and values2.
    """
    x, y = experiment_data(x, y)
    values1 = as_vector("values1", values1)
    values2 = as_vector("values2", values2)
    seed = check_count("seed", seed)
    iterations = check_count("iterations", iterations)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    init_scale = check_positive_number("init_scale", init_scale)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1, maximum=MAX_HIDDEN_UNITS)
    index1 = _index("index1", index1, (x.shape[1], hidden_units))
    index2 = _index("index2", index2, (hidden_units, y.shape[1]))
    shape = (values2.size, values1.size)
    copies = np.broadcast_to(1.0, shape[0] * shape[1])  # one scale-1 copy per grid point
    batch1, batch2 = seed_starts([seed], copies, x, y, hidden_units, "values1 and values2",
                                 init_scale)
    grid2, grid1 = np.meshgrid(values2, values1, indexing="ij")  # (n2, n1) each
    batch1[:, index1[0], index1[1]] = grid1.ravel()
    batch2[:, index2[0], index2[1]] = grid2.ravel()
    history = train_many(x, y, batch1, batch2, iterations, learning_rate, record_loss=False)
    return solved(history.outputs, y).reshape(shape), history.final_loss.reshape(shape)


# -- 2. the symmetry problem ------------------------------------------------------
def symmetric_start(value=0.5, noise=1e-3, rng=0, iterations=2000, x=None, y=None,
                    hidden_units=HIDDEN_UNITS, learning_rate=1.0):
    """Notebook 09: train two networks, every weight equal to ``value``, and the same plus noise.

    The second network's weights get ``noise * standard_normal`` added (from
    ``rng``: an int seed or a Generator; weights1 drawn first). Returns the
    ``ManyHistory`` of both (network 0 symmetric, network 1 perturbed), with
    the loss history. ``value`` and ``noise`` are numbers of size at most 1e6
    (``noise`` >= 0), and the perturbed weights must stay within that bound too.
    """
    x, y = experiment_data(x, y)
    value = check_real_number("value", value)
    noise = check_real_number("noise", noise, low=0)
    generator = as_generator("rng", rng)
    iterations = check_count("iterations", iterations)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1, maximum=MAX_HIDDEN_UNITS)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    check_batch("x, y and hidden_units", 2, x, y, hidden_units)
    weights1 = np.full((2, x.shape[1], hidden_units), value)
    weights2 = np.full((2, hidden_units, y.shape[1]), value)
    weights1[1] += noise * generator.standard_normal(weights1.shape[1:])
    weights2[1] += noise * generator.standard_normal(weights2.shape[1:])
    largest = max(np.abs(weights1[1]).max(), np.abs(weights2[1]).max())
    if largest > MAX_MAGNITUDE:
        raise ValueError(f"noise must be small enough that value + noise * (standard normal "
                         f"draws) keeps every weight between -{MAX_MAGNITUDE:g} and "
                         f"{MAX_MAGNITUDE:g}; noise={noise:g} gave {largest:g}")
    return train_many(x, y, weights1, weights2, iterations, learning_rate)


def columns_identical(weights1):
    """Notebook 09: for weights (B, d, h) or (d, h), are all h columns (hidden units) equal?

    Returns a (B,) bool array, or a bool for one matrix.
    """
    array = as_real_array("weights1", weights1)
    if array.ndim not in (2, 3):
        raise ValueError(f"weights1 must have shape (d, h) or (B, d, h), got {array.shape}")
    same = np.all(array == array[..., :1], axis=(-2, -1))
    return bool(same) if array.ndim == 2 else same


# -- 3. saturation ------------------------------------------------------------------
def gradient_norms_by_scale(init_scales, seeds=200, iterations=1500, x=None, y=None,
                            hidden_units=HIDDEN_UNITS):
    """Notebook 09: median gradient norm over training, for each initial-weight scale.

    The gradient norm of a network at update i is the length of its whole
    gradient, sqrt(|dL/dweights1|² + |dL/dweights2|²). Returns an array
    (iterations, len(init_scales)): the median over the seeds.
    """
    x, y = experiment_data(x, y)
    scales = as_vector("init_scales", init_scales, positive=True)
    seeds = experiment_seeds(seeds)
    iterations = check_count("iterations", iterations, minimum=1)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1, maximum=MAX_HIDDEN_UNITS)
    weights1, weights2 = seed_starts(seeds, scales, x, y, hidden_units, "init_scales and seeds")
    history = train_many(x, y, weights1, weights2, iterations, record_loss=False,
                         record_gradient_norms=True)
    norms = history.gradient_norms
    total = np.sqrt(norms["weights1"] ** 2 + norms["weights2"] ** 2)  # (iterations, S*B)
    return np.median(total.reshape(iterations, len(scales), len(seeds)), axis=2)
