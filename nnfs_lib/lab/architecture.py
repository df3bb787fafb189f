"""Learning rate, biases, width, one neuron: notebook 10 ("10_architecture.ipynb").

Notebook 09 ("09_which_starts_train.ipynb") asks which starts train
(``nnfs_lib.lab.starts``); this module asks what else decides it: the
learning rate, a bias (the constant column or explicit biases), the width of
the hidden layer, and whether a hidden layer is needed at all (a single
neuron against the 3-4-1 network on each logic gate).

The conventions are those of ``starts``: seeds give exactly the starts of
``NeuralNetwork(..., rng=seed)``, ``x`` and ``y`` default to the article's
XOR data, a network solves a task when ``many.solved`` says so, and every
argument is checked under its own name before anything is trained.
"""

import numpy as np

from nnfs_lib._checks import (
    MAX_MAGNITUDE,
    as_data,
    as_matrix,
    as_real_array,
    as_vector,
    check_count,
    check_counts,
    check_entries,
    check_positive_number,
)
from nnfs_lib.activations import sigmoid
from nnfs_lib.datasets import check_gate, logic_gate, with_constant_column, xor
from nnfs_lib.lab.many import check_batch, initial_weights_from_seeds, solved, train_many
from nnfs_lib.lab.starts import (
    HIDDEN_UNITS,
    experiment_data,
    experiment_seeds,
    seed_starts,
    success_rate,
)
from nnfs_lib.network import MAX_HIDDEN_UNITS, NeuralNetwork


# -- 4. learning rate -----------------------------------------------------------------
def learning_rate_curves(learning_rates, seed=0, iterations=1500, x=None, y=None,
                         hidden_units=HIDDEN_UNITS):
    """Notebook 09: loss curves of one start (seed ``seed``) trained at each learning rate.

    Returns the loss array (iterations + 1, len(learning_rates)).
    """
    x, y = experiment_data(x, y)
    rates = as_vector("learning_rates", learning_rates, positive=True)
    seed = check_count("seed", seed)
    iterations = check_count("iterations", iterations)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1, maximum=MAX_HIDDEN_UNITS)
    weights1, weights2 = seed_starts([seed], np.ones(rates.size), x, y, hidden_units,
                                     "learning_rates")
    return train_many(x, y, weights1, weights2, iterations, rates).loss


def success_by_learning_rate(learning_rates, seeds=1000, iterations=1500, x=None, y=None,
                             hidden_units=HIDDEN_UNITS):
    """Notebook 09: success rate after ``iterations`` updates for each learning rate.

    Returns a (len(learning_rates),) array. One batch: every seed at every
    rate, with per-network learning rates.
    """
    x, y = experiment_data(x, y)
    rates = as_vector("learning_rates", learning_rates, positive=True)
    seeds = experiment_seeds(seeds)
    iterations = check_count("iterations", iterations)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1, maximum=MAX_HIDDEN_UNITS)
    weights1, weights2 = seed_starts(seeds, np.ones(rates.size), x, y, hidden_units,
                                     "learning_rates and seeds")
    history = train_many(x, y, weights1, weights2, iterations, np.repeat(rates, len(seeds)),
                         record_loss=False)
    return solved(history.outputs, y).reshape(rates.size, -1).mean(axis=1)


# -- 5. biases -------------------------------------------------------------------------
#: The four setups of ``success_with_biases``: (name, constant column?, biases?).
BIAS_SETUPS = (
    ("constant column, no biases (the article)", True, False),
    ("constant column and biases", True, True),
    ("biases, no constant column", False, True),
    ("neither", False, False),
)


def success_with_biases(seeds=1000, iterations=1500, gate="xor", hidden_units=HIDDEN_UNITS):
    """Notebook 09: success rate on ``gate`` for the four ways of giving (or not) a bias.

    Setups, in ``BIAS_SETUPS`` order: the article's constant third input column
    without biases; the constant column plus explicit ``bias1``/``bias2``
    (starting at 0, as ``NeuralNetwork(biases=True)``); explicit biases without
    the constant column; neither. The weights come from the seeds (with 3 or 2
    input rows). Returns a dict {setup name: rate}. One ``train_many`` call per
    setup (each has its own data shape or parameter set).
    """
    seeds = experiment_seeds(seeds)
    iterations = check_count("iterations", iterations)
    gate = check_gate("gate", gate)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1, maximum=MAX_HIDDEN_UNITS)
    check_batch("seeds and hidden_units", len(seeds), *xor(), hidden_units)
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
    """Notebook 09: success rate for each hidden-layer width, a (len(widths),) array.

    ``widths``: a sequence of ints from 1 to ``MAX_HIDDEN_UNITS``. One
    ``train_many`` call per width (the weight shapes differ).
    """
    x, y = experiment_data(x, y)
    widths = check_counts("widths", widths, minimum=1, maximum=MAX_HIDDEN_UNITS)
    seeds = experiment_seeds(seeds)
    iterations = check_count("iterations", iterations)
    check_batch("widths and seeds", len(seeds), x, y, max(widths))
    rates = np.empty(len(widths))
    for i, width in enumerate(widths):  # a loop over architectures, not networks
        weights1, weights2 = initial_weights_from_seeds(seeds, x.shape[1], width, y.shape[1])
        history = train_many(x, y, weights1, weights2, iterations, record_loss=False)
        rates[i] = success_rate(history.outputs, y)
    return rates


# -- 7. one neuron against the hidden layer -------------------------------------------------
def train_single_neurons(x, y, weights, iterations, learning_rate=1.0):
    """Notebook 09: train B single sigmoid neurons ``y_hat = sigmoid(x @ w)`` together.

    ``weights`` (B, d): one weight per input column for each neuron (with the
    constant column, its weight is the neuron's bias). ``y`` is (n, 1), shared
    by all neurons, or (n, B), one target column per neuron, with targets in
    [0, 1]. The update, on the sum-of-squares loss, is
    ``w -= learning_rate * dL/dw`` with ``dL/dw = x.T @ (2 (y_hat - y) y_hat (1 - y_hat))``,
    for all neurons at once. Returns ``(weights, loss)``: the final (B, d)
    weights and the loss history (iterations + 1, B). Checked like
    ``many.train_many``: weights finite and at most 1e6 in size.
    """
    x, y = as_data(x, y)
    weights = as_real_array("weights", weights, limit=MAX_MAGNITUDE)
    if weights.ndim != 2 or weights.shape[1] != x.shape[1]:
        raise ValueError(f"weights must have shape (B, {x.shape[1]}) (one row per neuron, one "
                         f"column per column of x), got {weights.shape}")
    if y.shape[1] not in (1, weights.shape[0]):
        raise ValueError(f"y must have shape ({x.shape[0]}, 1) or ({x.shape[0]}, "
                         f"{weights.shape[0]}) (one column per neuron), got {y.shape}")
    iterations = check_count("iterations", iterations)
    rate = check_positive_number("learning_rate", learning_rate)
    check_entries("the loss history, (iterations + 1) x B,",
                  (iterations + 1) * weights.shape[0], "iterations and weights")
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


def _inputs(points):
    """(m, 2) points as (m, 3) inputs with the constant column 1 appended."""
    points = as_matrix("points", points)
    if points.shape[1] != 2:
        raise ValueError(f"points must have shape (m, 2), got {points.shape}")
    return with_constant_column(points)


def gate_models(gates=("and", "or", "nand", "xor"), seed=0, iterations=3000,
                hidden_units=HIDDEN_UNITS):
    """Notebook 09: on each gate (constant column included), a 3-h-1 network and one neuron.

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
    gates = [check_gate("gates", gate) for gate in gates]
    if not gates:
        raise ValueError("gates must be a non-empty sequence of gate names")
    seed = check_count("seed", seed)
    iterations = check_count("iterations", iterations)
    hidden_units = check_count("hidden_units", hidden_units, minimum=1, maximum=MAX_HIDDEN_UNITS)
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
        return lambda points: network.predict(_inputs(points))

    def neuron_predict(w):
        return lambda points: sigmoid(_inputs(points) @ w)[:, None]

    return {
        "network_predict": [network_predict(network) for network in networks],
        "neuron_predict": [neuron_predict(w) for w in neuron_weights],
        "network_solved": np.array(network_solved),
        "neuron_solved": np.array(neuron_solved),
        "neuron_weights": neuron_weights,
    }
