"""Experiments for notebook 09, the initial-weights lab (numpy only).

Each experiment trains many networks at once with ``many.train_many``: all
the networks of one experiment go along the batch axis of as few calls as
possible (one per data shape or architecture), so there is never a Python
loop over networks. A network "solves" a task when every output is on the
right side of 0.5 (``many.solved``); a *success rate* is the fraction of
starts that solve it, a float in [0, 1].

Seeds. Unless told otherwise a start comes from ``many.initial_weights_from_seeds``:
seed ``s`` gives exactly the weights of ``NeuralNetwork(x, y, rng=s,
init_scale=...)``, so every rate here is the rate of single networks trained
with ``NeuralNetwork`` + ``train`` (``tests/test_lab.py`` checks a sample).

Data. ``x`` and ``y`` default to the article's XOR data (``datasets.xor()``,
whose third column is the constant 1).

Checks. Every argument is checked, under its own name, before anything is
trained: scales, grid values and symmetric-start values are limited to
``validation.MAX_MAGNITUDE`` (1e6) in size, like every weight ``train_many``
accepts.

One forward pass. The sigmoid is ``activations.sigmoid``, "solved" is
``many.solved`` and a trained network's predictions come from
``NeuralNetwork.predict``; nothing here re-implements them.
"""

import numbers

import numpy as np

from nnfs_lib._checks import (
    MAX_MAGNITUDE,
    as_generator,
    as_matrix,
    as_real_array,
    check_count,
    check_labels,
    check_magnitude,
    check_positive_number,
    check_same_rows,
)
from nnfs_lib.activations import sigmoid
from nnfs_lib.datasets import GATES, logic_gate, xor
from nnfs_lib.lab.many import initial_weights_from_seeds, solved, train_many
from nnfs_lib.network import NeuralNetwork

__all__ = [
    "HIDDEN_UNITS", "success_rate", "success_by_scale", "basin_map", "symmetric_start",
    "columns_identical", "gradient_norms_by_scale", "learning_rate_curves",
    "success_by_learning_rate", "success_with_biases", "success_by_hidden_units",
    "train_single_neurons", "gate_models",
]

HIDDEN_UNITS = 4  # the article's hidden layer: the default width of every experiment


# -- checks -----------------------------------------------------------------------
def _data(x, y):
    if x is None and y is None:
        return xor()
    if x is None or y is None:
        raise ValueError("x and y must be given together (or neither, for XOR)")
    x, y = as_matrix("x", x), as_matrix("y", y)
    check_same_rows(x, y)
    check_labels("y", y)
    return x, y


def _seeds(seeds):
    """``seeds`` as a list of non-negative ints; an int n means range(n)."""
    if isinstance(seeds, numbers.Integral) and not isinstance(seeds, (bool, np.bool_)):
        return list(range(check_count("seeds", seeds, minimum=1)))
    expected = ("seeds must be a positive int n (seeds 0..n-1) or a non-empty 1-D "
                "sequence of non-negative integer seeds")
    if isinstance(seeds, (str, bytes)) or not hasattr(seeds, "__iter__"):
        raise TypeError(f"{expected}, got {type(seeds).__name__}")
    seeds = list(seeds)  # no numpy conversion: a ragged list must not reach numpy
    if not seeds:
        raise ValueError(f"{expected}, got an empty sequence")
    for seed in seeds:
        if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, numbers.Integral):
            raise TypeError(f"{expected}; found {seed!r} ({type(seed).__name__})")
        if seed < 0:
            raise ValueError(f"{expected}; found {seed}")
    return [int(seed) for seed in seeds]


def _values(name, values):
    """A non-empty 1-D float array of finite numbers at most 1e6 in size, or raise."""
    array = as_real_array(name, values)
    if array.ndim != 1:
        raise ValueError(f"{name} must be a 1-D sequence of numbers, got shape {array.shape}")
    check_magnitude(name, array)
    return array


def _positive_values(name, values):
    """``_values`` that are all greater than 0."""
    array = _values(name, values)
    if np.any(array <= 0):
        raise ValueError(f"{name} must hold numbers greater than 0, got {array.min():g}")
    return array


def _number(name, value):
    """A real number as a float, checked in size: TypeError for the type, ValueError for range."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    try:
        number = float(value)
    except OverflowError:  # an int such as 10**400
        number = float("inf") if value > 0 else float("-inf")
    if not np.isfinite(number) or abs(number) > MAX_MAGNITUDE:
        raise ValueError(f"{name} must be a finite number between -{MAX_MAGNITUDE:g} and "
                         f"{MAX_MAGNITUDE:g}, got {value!r}")
    return number


def _counts(name, values, minimum=1, increasing=False):
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise TypeError(f"{name} must be a non-empty 1-D sequence of integers, "
                        f"got {type(values).__name__}")
    values = list(values)
    if not values:
        raise ValueError(f"{name} must be a non-empty 1-D sequence of integers")
    counts = [check_count(name, value, minimum=minimum) for value in values]
    if increasing and any(b <= a for a, b in zip(counts, counts[1:])):
        raise ValueError(f"{name} must be strictly increasing, got {counts}")
    return counts


def success_rate(outputs, y, tolerance=0.5):
    """The fraction of networks (outputs (B, n, k)) that solve ``y``: a float in [0, 1]."""
    return float(np.mean(solved(outputs, y, tolerance)))


# -- 1. which initial weights train? ---------------------------------------------
def success_by_scale(init_scales, checkpoints, seeds=1000, x=None, y=None,
                     hidden_units=HIDDEN_UNITS, learning_rate=1.0):
    """Success rate for each initial-weight scale after each number of iterations.

    Every seed is trained at every scale in one batch of ``len(init_scales) *
    len(seeds)`` networks; training goes in stages from one checkpoint to the
    next (continuing from the weights reached, which is exactly training for
    the larger count in one go). Returns an array (len(init_scales),
    len(checkpoints)): entry [i, j] is the fraction of seeds that solve the task
    with weights uniform on [0, init_scales[i]) after checkpoints[j] updates.
    """
    x, y = _data(x, y)
    scales = _positive_values("init_scales", init_scales)
    checkpoints = _counts("checkpoints", checkpoints, minimum=0, increasing=True)
    seeds = _seeds(seeds)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    weights1, weights2 = initial_weights_from_seeds(seeds, x.shape[1], hidden_units, y.shape[1])
    # init_scale * draw is what NeuralNetwork computes; the draws do not depend on it.
    weights1 = np.concatenate([scale * weights1 for scale in scales])
    weights2 = np.concatenate([scale * weights2 for scale in scales])
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
    """Which starts solve the task, over a grid of two initial weights.

    Start from seed ``seed``'s weights (``NeuralNetwork(..., rng=seed,
    init_scale=init_scale)``) and set
    ``weights1[index1]`` to each of ``values1`` and ``weights2[index2]`` to each
    of ``values2``; all other weights stay fixed. Returns ``(solved_grid,
    final_loss)``, both of shape (len(values2), len(values1)) (rows: values2,
    as an image with values2 on the vertical axis).
    """
    x, y = _data(x, y)
    values1 = _values("values1", values1)
    values2 = _values("values2", values2)
    seed = check_count("seed", seed)
    iterations = check_count("iterations", iterations)
    learning_rate = check_positive_number("learning_rate", learning_rate)
    init_scale = check_positive_number("init_scale", init_scale)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1)
    index1 = _index("index1", index1, (x.shape[1], hidden_units))
    index2 = _index("index2", index2, (hidden_units, y.shape[1]))
    weights1, weights2 = initial_weights_from_seeds([seed], x.shape[1], hidden_units,
                                                    y.shape[1], init_scale=init_scale)
    grid2, grid1 = np.meshgrid(values2, values1, indexing="ij")  # (n2, n1) each
    count = grid1.size
    batch1 = np.repeat(weights1, count, axis=0)
    batch2 = np.repeat(weights2, count, axis=0)
    batch1[:, index1[0], index1[1]] = grid1.ravel()
    batch2[:, index2[0], index2[1]] = grid2.ravel()
    history = train_many(x, y, batch1, batch2, iterations, learning_rate, record_loss=False)
    shape = grid1.shape
    return solved(history.outputs, y).reshape(shape), history.final_loss.reshape(shape)


# -- 2. the symmetry problem ------------------------------------------------------
def symmetric_start(value=0.5, noise=1e-3, rng=0, iterations=2000, x=None, y=None,
                    hidden_units=HIDDEN_UNITS, learning_rate=1.0):
    """Train two networks: every weight equal to ``value``, and the same plus noise.

    The second network's weights get ``noise * standard_normal`` added (from
    ``rng``: an int seed or a Generator; weights1 drawn first). Returns the
    ``ManyHistory`` of both (network 0 symmetric, network 1 perturbed), with
    the loss history. ``value`` and ``noise`` are numbers of size at most 1e6
    (``noise`` >= 0), and the perturbed weights must stay within that bound too.
    """
    x, y = _data(x, y)
    value = _number("value", value)
    noise = _number("noise", noise)
    if noise < 0:
        raise ValueError(f"noise must be a number >= 0, got {noise:g}")
    generator = as_generator("rng", rng)
    iterations = check_count("iterations", iterations)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1)
    learning_rate = check_positive_number("learning_rate", learning_rate)
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
    """For weights (B, d, h) or (d, h): are all h columns (hidden units) exactly equal?

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
    """Median gradient norm over training, for each initial-weight scale.

    The gradient norm of a network at update i is the length of its whole
    gradient, sqrt(|dL/dweights1|² + |dL/dweights2|²). Returns an array
    (iterations, len(init_scales)): the median over the seeds.
    """
    x, y = _data(x, y)
    scales = _positive_values("init_scales", init_scales)
    seeds = _seeds(seeds)
    iterations = check_count("iterations", iterations, minimum=1)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1)
    weights1, weights2 = initial_weights_from_seeds(seeds, x.shape[1], hidden_units, y.shape[1])
    history = train_many(x, y, np.concatenate([s * weights1 for s in scales]),
                         np.concatenate([s * weights2 for s in scales]), iterations,
                         record_loss=False, record_gradient_norms=True)
    norms = history.gradient_norms
    total = np.sqrt(norms["weights1"] ** 2 + norms["weights2"] ** 2)  # (iterations, S*B)
    return np.median(total.reshape(iterations, len(scales), len(seeds)), axis=2)


# -- 4. learning rate -----------------------------------------------------------------
def learning_rate_curves(learning_rates, seed=0, iterations=1500, x=None, y=None,
                         hidden_units=HIDDEN_UNITS):
    """Loss curves of one start (seed ``seed``) trained at each learning rate.

    Returns the loss array (iterations + 1, len(learning_rates)).
    """
    x, y = _data(x, y)
    rates = _positive_values("learning_rates", learning_rates)
    seed = check_count("seed", seed)
    iterations = check_count("iterations", iterations)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1)
    weights1, weights2 = initial_weights_from_seeds([seed], x.shape[1], hidden_units,
                                                    y.shape[1])
    count = rates.size
    history = train_many(x, y, np.repeat(weights1, count, axis=0),
                         np.repeat(weights2, count, axis=0), iterations, rates)
    return history.loss


def success_by_learning_rate(learning_rates, seeds=1000, iterations=1500, x=None, y=None,
                             hidden_units=HIDDEN_UNITS):
    """Success rate after ``iterations`` updates for each learning rate: (len(rates),) array.

    One batch: every seed at every rate, with per-network learning rates.
    """
    x, y = _data(x, y)
    rates = _positive_values("learning_rates", learning_rates)
    seeds = _seeds(seeds)
    iterations = check_count("iterations", iterations)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1)
    weights1, weights2 = initial_weights_from_seeds(seeds, x.shape[1], hidden_units, y.shape[1])
    count = rates.size
    history = train_many(x, y, np.tile(weights1, (count, 1, 1)), np.tile(weights2, (count, 1, 1)),
                         iterations, np.repeat(rates, len(seeds)), record_loss=False)
    return solved(history.outputs, y).reshape(count, -1).mean(axis=1)


# -- 5. biases -------------------------------------------------------------------------
BIAS_SETUPS = (
    ("constant column, no biases (the article)", True, False),
    ("constant column and biases", True, True),
    ("biases, no constant column", False, True),
    ("neither", False, False),
)


def _gate(name, gate):
    """A gate name known to ``datasets.logic_gate``, or raise naming ``name``."""
    if not isinstance(gate, str):
        raise TypeError(f"{name} must be a gate name, one of {sorted(GATES)}, "
                        f"got {type(gate).__name__}")
    if gate.lower() not in GATES:
        raise ValueError(f"{name} must be one of {sorted(GATES)}, got {gate!r}")
    return gate


def success_with_biases(seeds=1000, iterations=1500, gate="xor", hidden_units=HIDDEN_UNITS):
    """Success rate on ``gate`` for the four ways of giving (or not) the network a bias.

    Setups, in ``BIAS_SETUPS`` order: the article's constant third input column
    without biases; the constant column plus explicit ``bias1``/``bias2``
    (starting at 0, as ``NeuralNetwork(biases=True)``); explicit biases without
    the constant column; neither. The weights come from the seeds (with 3 or 2
    input rows). Returns a dict {setup name: rate}. One ``train_many`` call per
    setup (each has its own data shape or parameter set).
    """
    seeds = _seeds(seeds)
    iterations = check_count("iterations", iterations)
    gate = _gate("gate", gate)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1)
    rates = {}
    for name, constant_column, biases in BIAS_SETUPS:  # 4 setups, not networks
        x, y = logic_gate(gate, constant_column=constant_column)
        weights1, weights2 = initial_weights_from_seeds(seeds, x.shape[1], hidden_units, 1)
        extra = {}
        if biases:
            extra = dict(bias1=np.zeros((len(seeds), 1, hidden_units)),
                         bias2=np.zeros((len(seeds), 1, 1)))
        history = train_many(x, y, weights1, weights2, iterations, record_loss=False, **extra)
        rates[name] = success_rate(history.outputs, y)
    return rates


# -- 6. hidden width ---------------------------------------------------------------------
def success_by_hidden_units(widths, seeds=1000, iterations=1500, x=None, y=None):
    """Success rate for each hidden-layer width: a (len(widths),) array.

    One ``train_many`` call per width (the weight shapes differ).
    """
    x, y = _data(x, y)
    widths = _counts("widths", widths, minimum=1)
    seeds = _seeds(seeds)
    iterations = check_count("iterations", iterations)
    rates = np.empty(len(widths))
    for i, width in enumerate(widths):  # a loop over architectures, not networks
        weights1, weights2 = initial_weights_from_seeds(seeds, x.shape[1], width, y.shape[1])
        history = train_many(x, y, weights1, weights2, iterations, record_loss=False)
        rates[i] = success_rate(history.outputs, y)
    return rates


# -- 7. one neuron against the hidden layer -------------------------------------------------
def train_single_neurons(x, y, weights, iterations, learning_rate=1.0):
    """Train B single sigmoid neurons ``y_hat = sigmoid(x @ w)`` on the sum-of-squares loss.

    ``weights`` (B, d): one weight per input column for each neuron (with the
    constant column, its weight is the neuron's bias). ``y`` is (n, 1), shared
    by all neurons, or (n, B), one target column per neuron, with targets in
    [0, 1]. The update is
    ``w -= learning_rate * dL/dw`` with ``dL/dw = x.T @ (2 (y_hat - y) y_hat (1 - y_hat))``,
    for all neurons at once. Returns ``(weights, loss)``: the final (B, d)
    weights and the loss history (iterations + 1, B). Checked like
    ``many.train_many``: weights finite and at most 1e6 in size.
    """
    x = as_matrix("x", x)
    y = as_matrix("y", y)
    check_same_rows(x, y)
    check_labels("y", y)
    weights = as_real_array("weights", weights)
    if weights.ndim != 2 or weights.shape[1] != x.shape[1]:
        raise ValueError(f"weights must have shape (B, {x.shape[1]}) (one row per neuron, one "
                         f"column per column of x), got {weights.shape}")
    check_magnitude("weights", weights)
    if y.shape[1] not in (1, weights.shape[0]):
        raise ValueError(f"y must have shape ({x.shape[0]}, 1) or ({x.shape[0]}, "
                         f"{weights.shape[0]}) (one column per neuron), got {y.shape}")
    iterations = check_count("iterations", iterations)
    rate = check_positive_number("learning_rate", learning_rate)
    loss = np.empty((iterations + 1, weights.shape[0]))
    w = weights.T.copy()  # (d, B): network axis last, as in many.py
    with np.errstate(under="ignore"):
        for step in range(iterations + 1):  # the only loop: over iterations
            output = sigmoid(x @ w)  # (n, B)
            error = output - y
            loss[step] = np.einsum("nb,nb->b", error, error)
            if step < iterations:
                w -= rate * (x.T @ (2.0 * error * output * (1.0 - output)))
    return w.T.copy(), loss


def _points(points):
    """(m, 2) points as (m, 3) inputs with the constant column 1 appended."""
    points = as_matrix("points", points)
    if points.shape[1] != 2:
        raise ValueError(f"points must have shape (m, 2), got {points.shape}")
    return np.column_stack([points, np.ones(len(points))])


def gate_models(gates=("and", "or", "nand", "xor"), seed=0, iterations=3000,
                hidden_units=HIDDEN_UNITS):
    """Train, on each gate (constant column included), a 3-h-1 network and a single neuron.

    The networks (``hidden_units`` wide, 4 as in the article) start from seed
    ``seed``'s weights; ``train_many`` shares ``y`` across its batch, so they
    take one call per gate. The single neurons train together in one
    vectorised call, one target column each, all from seed ``seed``'s draw for
    a 3-1 layer. Both train for ``iterations`` updates at learning rate 1.
    Returns a dict with

    * ``"network_predict"``, ``"neuron_predict"``: lists of callables, one per
      gate, mapping (m, 2) points to (m, 1) outputs (the constant 1 appended);
      a network's is its ``NeuralNetwork.predict``;
    * ``"network_solved"``, ``"neuron_solved"``: (len(gates),) bool arrays
      (``many.solved``);
    * ``"neuron_weights"``: (len(gates), 3) final neuron weights (x1, x2, constant).
    """
    if isinstance(gates, (str, bytes)) or not hasattr(gates, "__iter__"):
        raise ValueError("gates must be a non-empty sequence of gate names, e.g. "
                         f"['and', 'xor'], got {gates!r}")
    gates = [_gate("gates", gate) for gate in gates]
    if not gates:
        raise ValueError("gates must be a non-empty sequence of gate names")
    seed = check_count("seed", seed)
    iterations = check_count("iterations", iterations)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1)
    data = [logic_gate(gate, constant_column=True) for gate in gates]
    x = data[0][0]
    targets = np.hstack([y for _, y in data])  # (4, G)
    weights1, weights2 = initial_weights_from_seeds([seed], 3, hidden_units, 1)
    networks, network_solved = [], []
    for _, y in data:  # one small call per gate: the targets differ
        history = train_many(x, y, weights1, weights2, iterations, record_loss=False)
        networks.append(NeuralNetwork(x, y, hidden_units, weights1=history.weights1[0],
                                      weights2=history.weights2[0]))
        network_solved.append(bool(solved(history.outputs, y)[0]))
    # Every neuron starts from the same weights: seed ``seed``'s draw for a 3-1 layer.
    start = initial_weights_from_seeds([seed], 3, 1, 1)[0][0, :, 0]  # (3,)
    neuron_weights, _ = train_single_neurons(x, targets, np.tile(start, (len(gates), 1)),
                                             iterations)
    neuron_outputs = sigmoid(x @ neuron_weights.T)  # (4, G)
    neuron_solved = [bool(solved(neuron_outputs[:, [g]], targets[:, [g]])[0])
                     for g in range(len(gates))]  # one target column per neuron

    def network_predict(network):
        return lambda points: network.predict(_points(points))

    def neuron_predict(w):
        return lambda points: sigmoid(_points(points) @ w)[:, None]

    return {
        "network_predict": [network_predict(network) for network in networks],
        "neuron_predict": [neuron_predict(w) for w in neuron_weights],
        "network_solved": np.array(network_solved),
        "neuron_solved": np.array(neuron_solved),
        "neuron_weights": neuron_weights,
    }
