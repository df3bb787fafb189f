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
"""

import numbers

import numpy as np

from .datasets import logic_gate, xor
from .many import initial_weights_from_seeds, solved, train_many
from .validation import as_generator, as_matrix, check_count, check_positive_number

__all__ = [
    "success_rate", "success_by_scale", "basin_map", "symmetric_start",
    "columns_identical", "gradient_norms_by_scale", "learning_rate_curves",
    "success_by_learning_rate", "success_with_biases", "success_by_hidden_units",
    "train_single_neurons", "gate_models", "forward_many",
]


# -- checks -----------------------------------------------------------------------
def _data(x, y):
    if x is None and y is None:
        return xor()
    if x is None or y is None:
        raise ValueError("x and y must be given together (or neither, for XOR)")
    return as_matrix("x", x), as_matrix("y", y)


def _seeds(seeds):
    """``seeds`` as a list of non-negative ints; an int n means range(n)."""
    if isinstance(seeds, numbers.Integral) and not isinstance(seeds, bool):
        return list(range(check_count("seeds", seeds, minimum=1)))
    if isinstance(seeds, (str, bytes)) or np.ndim(seeds) != 1 or len(seeds) == 0:
        raise ValueError("seeds must be a positive int n (seeds 0..n-1) or a non-empty "
                         "1-D sequence of seeds")
    return list(seeds)


def _positive_values(name, values):
    """A non-empty 1-D float array of finite numbers > 0, or raise."""
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be a sequence of numbers, got a string")
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a sequence of numbers") from None
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D sequence, got shape {array.shape}")
    if not np.all(np.isfinite(array)) or np.any(array <= 0):
        raise ValueError(f"{name} must hold finite numbers greater than 0")
    return array


def _finite_values(name, values):
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a sequence of numbers") from None
    if array.ndim != 1 or array.size == 0 or not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be a non-empty 1-D sequence of finite numbers")
    return array


def _counts(name, values, minimum=1, increasing=False):
    if isinstance(values, (str, bytes)) or np.ndim(values) != 1 or len(values) == 0:
        raise ValueError(f"{name} must be a non-empty 1-D sequence of integers")
    counts = [check_count(name, value, minimum=minimum) for value in values]
    if increasing and any(b <= a for a, b in zip(counts, counts[1:])):
        raise ValueError(f"{name} must be strictly increasing, got {counts}")
    return counts


def success_rate(outputs, y, tolerance=0.5):
    """The fraction of networks (outputs (B, n, k)) that solve ``y``: a float in [0, 1]."""
    return float(np.mean(solved(outputs, y, tolerance)))


# -- 1. which initial weights train? ---------------------------------------------
def success_by_scale(init_scales, checkpoints, seeds=1000, x=None, y=None, hidden_units=4,
                     learning_rate=1.0):
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


def basin_map(values1, values2, seed=0, index1=(0, 0), index2=(0, 0), iterations=1500,
              x=None, y=None, learning_rate=1.0, init_scale=1.0):
    """Which starts solve the task, over a grid of two initial weights.

    Start from seed ``seed``'s weights (``NeuralNetwork(..., rng=seed,
    init_scale=init_scale)``) and set
    ``weights1[index1]`` to each of ``values1`` and ``weights2[index2]`` to each
    of ``values2``; all other weights stay fixed. Returns ``(solved_grid,
    final_loss)``, both of shape (len(values2), len(values1)) (rows: values2,
    as an image with values2 on the vertical axis).
    """
    x, y = _data(x, y)
    values1 = _finite_values("values1", values1)
    values2 = _finite_values("values2", values2)
    seed = check_count("seed", seed)
    iterations = check_count("iterations", iterations)
    weights1, weights2 = initial_weights_from_seeds([seed], x.shape[1], 4, y.shape[1],
                                                    init_scale=init_scale)
    for name, index, shape in (("index1", index1, weights1.shape[1:]),
                               ("index2", index2, weights2.shape[1:])):
        if (np.ndim(index) != 1 or len(index) != 2
                or not all(isinstance(i, numbers.Integral) and 0 <= i < n
                           for i, n in zip(index, shape))):
            raise ValueError(f"{name} must be a (row, column) pair inside shape {shape}, "
                             f"got {index!r}")
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
                    hidden_units=4, learning_rate=1.0):
    """Train two networks: every weight equal to ``value``, and the same plus noise.

    The second network's weights get ``noise * standard_normal`` added (from
    ``rng``: an int seed or a Generator; weights1 drawn first). Returns the
    ``ManyHistory`` of both (network 0 symmetric, network 1 perturbed), with
    the loss history.
    """
    x, y = _data(x, y)
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value):
        raise TypeError(f"value must be a finite real number, got {value!r}")
    if isinstance(noise, bool) or not isinstance(noise, numbers.Real) or not (
            np.isfinite(noise) and noise >= 0):
        raise ValueError(f"noise must be a finite number >= 0, got {noise!r}")
    hidden_units = check_count("hidden_units", hidden_units, minimum=1)
    generator = as_generator("rng", rng)
    weights1 = np.full((2, x.shape[1], hidden_units), float(value))
    weights2 = np.full((2, hidden_units, y.shape[1]), float(value))
    weights1[1] += noise * generator.standard_normal(weights1.shape[1:])
    weights2[1] += noise * generator.standard_normal(weights2.shape[1:])
    return train_many(x, y, weights1, weights2, iterations, learning_rate)


def columns_identical(weights1):
    """For weights (B, d, h) or (d, h): are all h columns (hidden units) exactly equal?

    Returns a (B,) bool array, or a bool for one matrix.
    """
    array = np.asarray(weights1, dtype=np.float64)
    if array.ndim not in (2, 3):
        raise ValueError(f"weights1 must have shape (d, h) or (B, d, h), got {array.shape}")
    same = np.all(array == array[..., :1], axis=(-2, -1))
    return bool(same) if array.ndim == 2 else same


# -- 3. saturation ------------------------------------------------------------------
def gradient_norms_by_scale(init_scales, seeds=200, iterations=1500, x=None, y=None):
    """Median gradient norm over training, for each initial-weight scale.

    The gradient norm of a network at update i is the length of its whole
    gradient, sqrt(|dL/dweights1|² + |dL/dweights2|²). Returns an array
    (iterations, len(init_scales)): the median over the seeds.
    """
    x, y = _data(x, y)
    scales = _positive_values("init_scales", init_scales)
    seeds = _seeds(seeds)
    iterations = check_count("iterations", iterations, minimum=1)
    weights1, weights2 = initial_weights_from_seeds(seeds, x.shape[1], 4, y.shape[1])
    history = train_many(x, y, np.concatenate([s * weights1 for s in scales]),
                         np.concatenate([s * weights2 for s in scales]), iterations,
                         record_loss=False, record_gradient_norms=True)
    norms = history.gradient_norms
    total = np.sqrt(norms["weights1"] ** 2 + norms["weights2"] ** 2)  # (iterations, S*B)
    return np.median(total.reshape(iterations, len(scales), len(seeds)), axis=2)


# -- 4. learning rate -----------------------------------------------------------------
def learning_rate_curves(learning_rates, seed=0, iterations=1500, x=None, y=None):
    """Loss curves of one start (seed ``seed``) trained at each learning rate.

    Returns the loss array (iterations + 1, len(learning_rates)).
    """
    x, y = _data(x, y)
    rates = _positive_values("learning_rates", learning_rates)
    seed = check_count("seed", seed)
    weights1, weights2 = initial_weights_from_seeds([seed], x.shape[1], 4, y.shape[1])
    count = rates.size
    history = train_many(x, y, np.repeat(weights1, count, axis=0),
                         np.repeat(weights2, count, axis=0), iterations, rates)
    return history.loss


def success_by_learning_rate(learning_rates, seeds=1000, iterations=1500, x=None, y=None):
    """Success rate after ``iterations`` updates for each learning rate: (len(rates),) array.

    One batch: every seed at every rate, with per-network learning rates.
    """
    x, y = _data(x, y)
    rates = _positive_values("learning_rates", learning_rates)
    seeds = _seeds(seeds)
    weights1, weights2 = initial_weights_from_seeds(seeds, x.shape[1], 4, y.shape[1])
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


def success_with_biases(seeds=1000, iterations=1500, gate="xor"):
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
    rates = {}
    for name, constant_column, biases in BIAS_SETUPS:  # 4 setups, not networks
        x, y = logic_gate(gate, constant_column=constant_column)
        weights1, weights2 = initial_weights_from_seeds(seeds, x.shape[1], 4, 1)
        extra = {}
        if biases:
            extra = dict(bias1=np.zeros((len(seeds), 1, 4)), bias2=np.zeros((len(seeds), 1, 1)))
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
    rates = np.empty(len(widths))
    for i, width in enumerate(widths):  # a loop over architectures, not networks
        weights1, weights2 = initial_weights_from_seeds(seeds, x.shape[1], width, y.shape[1])
        history = train_many(x, y, weights1, weights2, iterations, record_loss=False)
        rates[i] = success_rate(history.outputs, y)
    return rates


# -- 7. one neuron against the hidden layer -------------------------------------------------
def _sigmoid(z):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def train_single_neurons(x, y, weights, iterations, learning_rate=1.0):
    """Train B single sigmoid neurons ``y_hat = sigmoid(x @ w)`` on the sum-of-squares loss.

    ``weights`` (B, d): one weight per input column for each neuron (with the
    constant column, its weight is the neuron's bias). ``y`` is (n, 1), shared
    by all neurons, or (n, B), one target column per neuron. The update is
    ``w -= learning_rate * dL/dw`` with ``dL/dw = x.T @ (2 (y_hat - y) y_hat (1 - y_hat))``,
    for all neurons at once. Returns ``(weights, loss)``: the final (B, d)
    weights and the loss history (iterations + 1, B).
    """
    x = as_matrix("x", x)
    y = as_matrix("y", y)
    weights = np.array(weights, dtype=np.float64)
    if weights.ndim != 2 or weights.shape[1] != x.shape[1] or weights.shape[0] == 0:
        raise ValueError(f"weights must have shape (B, {x.shape[1]}), got {weights.shape}")
    if not np.all(np.isfinite(weights)):
        raise ValueError("weights must contain only finite numbers")
    if y.shape not in ((x.shape[0], 1), (x.shape[0], weights.shape[0])):
        raise ValueError(f"y must have shape ({x.shape[0]}, 1) or ({x.shape[0]}, "
                         f"{weights.shape[0]}), got {y.shape}")
    iterations = check_count("iterations", iterations)
    rate = check_positive_number("learning_rate", learning_rate)
    loss = np.empty((iterations + 1, weights.shape[0]))
    w = weights.T.copy()  # (d, B): network axis last, as in many.py
    with np.errstate(under="ignore"):
        for step in range(iterations + 1):  # the only loop: over iterations
            output = _sigmoid(x @ w)  # (n, B)
            error = output - y
            loss[step] = np.einsum("nb,nb->b", error, error)
            if step < iterations:
                w -= rate * (x.T @ (2.0 * error * output * (1.0 - output)))
    return w.T.copy(), loss


def forward_many(x, weights1, weights2, bias1=None, bias2=None):
    """Outputs (B, m, k) of B networks on inputs ``x`` (m, d), as ``NeuralNetwork.predict``."""
    x = as_matrix("x", x)
    z1 = np.einsum("md,bdh->bmh", x, np.asarray(weights1, dtype=np.float64))
    if bias1 is not None:
        z1 = z1 + bias1
    z2 = np.einsum("bmh,bhk->bmk", _sigmoid(z1), np.asarray(weights2, dtype=np.float64))
    if bias2 is not None:
        z2 = z2 + bias2
    return _sigmoid(z2)


def gate_models(gates=("and", "or", "nand", "xor"), seed=0, iterations=3000):
    """Train, on each gate (constant column included), a 3-4-1 network and a single neuron.

    The networks start from seed ``seed``'s weights; ``train_many`` shares ``y``
    across its batch, so they take one call per gate. The single neurons train
    together in one vectorised call, one target column each, all from seed
    ``seed``'s draw for a 3-1 layer. Both train for ``iterations`` updates at
    learning rate 1.
    Returns a dict with

    * ``"network_predict"``, ``"neuron_predict"``: lists of callables, one per
      gate, mapping (m, 2) points to (m, 1) outputs (the constant 1 appended);
    * ``"network_solved"``, ``"neuron_solved"``: (len(gates),) bool arrays;
    * ``"neuron_weights"``: (len(gates), 3) final neuron weights (x1, x2, constant).
    """
    if isinstance(gates, str) or np.ndim(gates) != 1 or len(gates) == 0:
        raise ValueError("gates must be a non-empty sequence of gate names")
    seed = check_count("seed", seed)
    data = [logic_gate(gate, constant_column=True) for gate in gates]
    x = data[0][0]
    targets = np.hstack([y for _, y in data])  # (4, G)
    weights1, weights2 = initial_weights_from_seeds([seed], 3, 4, 1)
    network_weights, network_solved = [], []
    for _, y in data:  # one small call per gate: the targets differ
        history = train_many(x, y, weights1, weights2, iterations, record_loss=False)
        network_weights.append((history.weights1[0], history.weights2[0]))
        network_solved.append(bool(solved(history.outputs, y)[0]))
    # Every neuron starts from the same weights: seed ``seed``'s draw for a 3-1 layer.
    start = initial_weights_from_seeds([seed], 3, 1, 1)[0][0, :, 0]  # (3,)
    neuron_weights, _ = train_single_neurons(x, targets, np.tile(start, (len(gates), 1)),
                                             iterations)
    neuron_outputs = _sigmoid(x @ neuron_weights.T)  # (4, G)
    neuron_solved = np.all(np.abs(neuron_outputs - targets) < 0.5, axis=0)

    def with_constant(points):
        points = np.asarray(points, dtype=np.float64)
        return np.column_stack([points, np.ones(len(points))])

    def network_predict(w1, w2):
        return lambda points: forward_many(with_constant(points), w1[None], w2[None])[0]

    def neuron_predict(w):
        return lambda points: _sigmoid(with_constant(points) @ w)[:, None]

    return {
        "network_predict": [network_predict(w1, w2) for w1, w2 in network_weights],
        "neuron_predict": [neuron_predict(w) for w in neuron_weights],
        "network_solved": np.array(network_solved),
        "neuron_solved": neuron_solved,
        "neuron_weights": neuron_weights,
    }
