"""Many networks at once: ``B`` copies of the article's network, trained together.

Used by notebooks 09 and 10 (through the experiments
of ``nnfs_lib.lab.starts`` and ``nnfs_lib.lab.architecture``). Article
section 8, "Training", run from many starting weights at once: every network
follows exactly the update of ``NeuralNetwork.backprop`` (``w -= learning_rate
* dL/dw`` on the sum-of-squares loss, sigmoid hidden and output layers,
optional biases), but the ``B`` networks share one extra axis, so the only
Python loop is the one over iterations.

Public shapes (network axis first), for ``B`` networks, ``n`` samples, ``d``
inputs, ``h`` hidden units and ``k`` outputs:

* ``x`` (n, d) and ``y`` (n, k): the data, shared by every network (a
  different ``x`` per network is not supported);
* ``weights1`` (B, d, h) and ``weights2`` (B, h, k): ``weights1[b]`` is
  network b's ``weights1``;
* ``bias1`` (B, 1, h) and ``bias2`` (B, 1, k): optional, as with
  ``NeuralNetwork(..., biases=True)``;
* ``learning_rate``: one number, or shape (B,) for one rate per network;
* ``ManyHistory.loss`` (iterations + 1, B): ``loss[i, b]`` is network b's
  loss after ``i`` updates; ``ManyHistory.outputs`` (B, n, k): the final
  predictions.

Speed and memory. Internally the network axis is *last* (weights (d, h, B),
activations (n, h, B)), so every elementwise step is one pass over a long
contiguous vector and each product with the shared ``x`` is one small matrix
product; buffers are allocated once and reused. 10,000 XOR networks x 1500
iterations take a median of 1.1-1.8 s on the shared 2-core VM (0.13-0.18 ms
per network, 90-130 times faster per network than ``training.train``) and
peak at 130 MB, 120 MB of it the loss history (9 MB with
``record_loss=False``). The measurements, and the layouts that were tried and
dropped, are in ``benchmarks/bench_many.py``. A batch whose working arrays
would exceed ``_checks.MAX_ENTRIES`` numbers is refused first (``check_batch``).

Numbers. Every input is checked first; data, weights and learning rates above
1e6 in size are rejected (see ``nnfs_lib._checks.MAX_MAGNITUDE``), and for every
accepted input training gives finite results without warnings. The sigmoid is
``1 / (1 + exp(-z))`` inside ``np.errstate(over="ignore")``: ``exp(-z)``
overflows to ``inf`` only when the true sigmoid is below 1e-308, and
``1 / inf`` is then the correct 0.0. Each network matches its
single-network twin to ~1e-14 after 1500 updates.
"""

import numbers
from dataclasses import dataclass, field

import numpy as np

from nnfs_lib._checks import (
    MAX_MAGNITUDE,
    as_array,
    as_data,
    as_generator,
    as_matrix,
    as_real_array,
    check_count,
    check_counts,
    check_entries,
    check_flag,
    check_positive_number,
    check_shape,
)
from nnfs_lib.network import MAX_HIDDEN_UNITS, draw_weights


@dataclass
class ManyHistory:
    """What ``train_many`` returns: final parameters, loss history, outputs (notebooks 09, 10).

    Attributes
    ----------
    weights1, weights2 : (B, d, h), (B, h, k) final weights.
    bias1, bias2 : (B, 1, h), (B, 1, k) final biases, or None without biases.
    loss : (iterations + 1, B) float64, or None when ``record_loss=False``.
        ``loss[i, b]`` is network b's sum-of-squares loss after ``i`` updates,
        the convention of ``training.TrainingHistory.loss``.
    outputs : (B, n, k) predictions of the final weights on ``x``.
    final_loss : (B,) loss of the final weights (always computed).
    gradient_norms : dict from parameter name (``"weights1"``, ``"weights2"``
        and, with biases, ``"bias1"``, ``"bias2"``) to an (iterations, B) array:
        the Frobenius norm of dL/dparameter used by update ``i`` of network b
        (before multiplying by the learning rate). Empty unless
        ``record_gradient_norms=True``.
    """

    weights1: np.ndarray
    weights2: np.ndarray
    outputs: np.ndarray
    final_loss: np.ndarray
    loss: np.ndarray | None = None
    bias1: np.ndarray | None = None
    bias2: np.ndarray | None = None
    gradient_norms: dict = field(default_factory=dict)

    @property
    def n_networks(self):
        """B, the number of networks."""
        return self.weights1.shape[0]

    def parameters(self, b):
        """Network ``b``'s final parameters, in ``NeuralNetwork.parameters()`` order."""
        names = ("weights1", "weights2", "bias1", "bias2")
        return tuple(getattr(self, name)[b] for name in names
                     if getattr(self, name) is not None)


# -- input checks ---------------------------------------------------------------
def _stack(name, value, shape=None):
    """``value`` as a finite 3-D float64 array within 1e6, of ``shape`` if given, or raise."""
    if shape is None:
        return as_array(name, value, 3, " (networks, rows, columns)")
    array = as_real_array(name, value, allow_empty=True, limit=MAX_MAGNITUDE)
    check_shape(name, array, shape)
    return array


def _learning_rates(value, n_networks):
    """``learning_rate`` as one positive float, or as a (B,) array: one rate per network."""
    if isinstance(value, (numbers.Real, str, bytes)) or value is None:  # bools refused there
        return check_positive_number("learning_rate", value)
    rates = as_real_array("learning_rate", value, limit=MAX_MAGNITUDE)
    if rates.ndim == 0:
        return check_positive_number("learning_rate", float(rates))
    check_shape("learning_rate", rates, (n_networks,))
    if np.any(rates <= 0):
        raise ValueError(f"learning_rate must hold numbers greater than 0, got {rates.min():g}")
    return rates


def _sizes(n_networks, n_inputs, hidden_units, n_outputs, init_scale, names):
    """``(d, h, k, init_scale)`` checked, for weights of B networks that fit in memory."""
    d, h, k = (check_count("n_inputs", n_inputs, minimum=1),
               check_count("hidden_units", hidden_units, minimum=1, maximum=MAX_HIDDEN_UNITS),
               check_count("n_outputs", n_outputs, minimum=1))
    init_scale = check_positive_number("init_scale", init_scale)
    check_entries("the weights", n_networks * h * max(d, k), names)
    return d, h, k, init_scale


# -- initial weights -------------------------------------------------------------
def initial_weights(n_networks, n_inputs, hidden_units=4, n_outputs=1, rng=None,
                    init_scale=1.0):
    """Random starting weights for ``n_networks`` networks, drawn in one go (notebooks 09 and 10).

    Returns ``(weights1, weights2)`` of shapes (B, d, h) and (B, h, k), uniform
    on [0, init_scale) like ``NeuralNetwork``'s draw. All of ``weights1`` is
    drawn first, then all of ``weights2``, so network b does *not* get what
    ``NeuralNetwork(..., rng=seed)`` would draw for any seed; use
    ``initial_weights_from_seeds`` for that. ``rng`` is None, an int seed or a
    ``numpy.random.Generator``.
    """
    n_networks = check_count("n_networks", n_networks, minimum=1)
    d, h, k, init_scale = _sizes(n_networks, n_inputs, hidden_units, n_outputs, init_scale,
                                 "n_networks, n_inputs, hidden_units and n_outputs")
    generator = as_generator("rng", rng)
    weights1 = draw_weights(generator, (n_networks, d, h), init_scale)
    weights2 = draw_weights(generator, (n_networks, h, k), init_scale)
    return weights1, weights2


def initial_weights_from_seeds(seeds, n_inputs, hidden_units=4, n_outputs=1, init_scale=1.0):
    """Stack, for each seed, exactly the weights ``NeuralNetwork(..., rng=seed)`` draws.

    Notebook 09 uses it to show seed 0's own starting weights beside the basin map.

    ``seeds`` is a non-empty sequence of non-negative ints (B of them). Returns
    ``(weights1, weights2)`` of shapes (B, d, h) and (B, h, k), where
    ``weights1[b]`` equals ``NeuralNetwork(x, y, hidden_units, rng=seeds[b],
    init_scale=init_scale).weights1`` for ``x`` with ``n_inputs`` columns and
    ``y`` with ``n_outputs`` columns, and likewise ``weights2[b]``. So the
    fraction of seeds whose batch network solves a task is the fraction of
    single networks that do. (A loop over seeds: it is setup, not training.)
    """
    seeds = check_counts("seeds", seeds, maximum=None)
    d, h, k, init_scale = _sizes(len(seeds), n_inputs, hidden_units, n_outputs, init_scale,
                                 "seeds, n_inputs, hidden_units and n_outputs")
    weights1, weights2 = np.empty((len(seeds), d, h)), np.empty((len(seeds), h, k))
    for b, seed in enumerate(seeds):
        generator = np.random.default_rng(seed)
        # Same draws, in the same order, as NeuralNetwork: weights1 first, then weights2.
        weights1[b] = draw_weights(generator, (d, h), init_scale)
        weights2[b] = draw_weights(generator, (h, k), init_scale)
    return weights1, weights2


# -- training -----------------------------------------------------------------------
def check_batch(names, n_networks, x, y, hidden_units):
    """Raise ``ValueError`` naming ``names`` if ``train_many`` could not hold this batch.

    Training B networks on ``x`` (n, d) and ``y`` (n, k) keeps 14 arrays per
    network (activations, deltas, gradients, copies of the weights), each at
    most max(n, d) x max(h, k) numbers; together they must stay within
    ``MAX_ENTRIES``. The experiments of notebooks 09 and 10 call it before drawing their
    starts, so that an oversized grid is refused under the arguments that set it.
    """
    check_entries("the working arrays, 14 x max(n, d) x max(h, k) x B,",
                  14 * n_networks * max(x.shape) * max(hidden_units, y.shape[1]), names)


def train_many(x, y, weights1, weights2, iterations, learning_rate=1.0, bias1=None,
               bias2=None, record_loss=True, record_gradient_norms=False):
    """Train B networks at once by gradient descent; return a ``ManyHistory``.

    Every experiment of notebooks 09 and 10 (``nnfs_lib.lab.starts``, ``.architecture``)
    and its lab explorer (``nnfs_lib.lab.settings.train_lab``) trains with it.

    Network b is updated exactly as ``NeuralNetwork(x, y, weights1=weights1[b],
    weights2=weights2[b], learning_rate=rate_b)`` trained by
    ``training.train(network, iterations)`` would be (and, given ``bias1`` and
    ``bias2``, as that network with ``biases=True`` and those biases); the
    results agree to rounding (~1e-14).

    Parameters
    ----------
    x : (n, d) inputs, shared by all networks.
    y : (n, k) targets in [0, 1], shared by all networks.
    weights1 : (B, d, h) starting weights, input -> hidden. Not modified.
    weights2 : (B, h, k) starting weights, hidden -> output. Not modified.
    iterations : int >= 0, the number of updates.
    learning_rate : positive number, or (B,) array of positive numbers (one
        rate per network).
    bias1, bias2 : optional (B, 1, h) and (B, 1, k) starting biases; give both
        or neither. ``np.zeros`` matches ``NeuralNetwork(..., biases=True)``.
    record_loss : bool, default True: store ``loss`` (iterations + 1, B),
        8 * (iterations + 1) * B bytes. With False only ``final_loss`` is kept.
    record_gradient_norms : bool, default False: store per-update gradient
        norms, (iterations, B) per parameter.

    Every argument is checked before any arithmetic; bad input raises
    ``TypeError`` or ``ValueError`` naming the argument. Data, weights, biases
    and learning rates must be finite and at most 1e6 in size; every input
    accepted gives finite results, without warnings. ``iterations`` is at
    most 10,000,000, and the loss history (and gradient norms) at most 1e8
    numbers: with more, pass ``record_loss=False``.
    """
    x, y = as_data(x, y)
    weights1 = _stack("weights1", weights1)
    n_networks, n_inputs, hidden = weights1.shape
    n_samples, n_outputs = y.shape
    if n_inputs != x.shape[1]:
        raise ValueError(f"weights1 must have shape (B, {x.shape[1]}, h) to match the "
                         f"{x.shape[1]} columns of x, got {weights1.shape}")
    weights2 = _stack("weights2", weights2)
    if weights2.shape != (n_networks, hidden, n_outputs):
        raise ValueError(f"weights2 must have shape {(n_networks, hidden, n_outputs)} (B and h "
                         f"from weights1, k from y's columns), got {weights2.shape}")
    if (bias1 is None) != (bias2 is None):
        raise ValueError("bias1 and bias2 must be given together (or neither)")
    biases = bias1 is not None
    if biases:
        bias1 = _stack("bias1", bias1, (n_networks, 1, hidden))
        bias2 = _stack("bias2", bias2, (n_networks, 1, n_outputs))
    iterations = check_count("iterations", iterations)
    rate = _learning_rates(learning_rate, n_networks)
    record_loss = check_flag("record_loss", record_loss)
    record_gradient_norms = check_flag("record_gradient_norms", record_gradient_norms)
    check_batch("x, y and weights1", n_networks, x, y, hidden)
    if record_loss:
        check_entries("the loss history, (iterations + 1) x B,",
                      (iterations + 1) * n_networks, "iterations and the number of networks")
    if record_gradient_norms:
        check_entries("each gradient-norm history, iterations x B,",
                      iterations * n_networks, "iterations and the number of networks")

    # Internal layout: network axis last, contiguous. Copies: inputs untouched.
    given = (weights1, weights2, bias1, bias2) if biases else (weights1, weights2)
    params = tuple(np.ascontiguousarray(p.transpose(1, 2, 0)) for p in given)  # (rows, cols, B)
    names = ("weights1", "weights2", "bias1", "bias2")[:len(params)]
    loss = np.empty((iterations + 1, n_networks)) if record_loss else None
    norms = ({name: np.empty((iterations, n_networks)) for name in names}
             if record_gradient_norms else {})
    outputs, final_loss = _descend(x, y, params, iterations, rate, loss, norms)
    public = {name: np.ascontiguousarray(p.transpose(2, 0, 1))  # back to (B, rows, cols)
              for name, p in zip(names + ("outputs",), params + (outputs,))}
    return ManyHistory(**public, final_loss=final_loss, loss=loss, gradient_norms=norms)


def _descend(x, y, params, iterations, rate, loss, norms):
    """The training loop on network-last arrays; updates ``params`` in place.

    Returns the final outputs (n, k, B) and the final loss (B,). Writes
    ``loss[i]`` and ``norms[name][i]`` when they are given.
    """
    w1, w2, *biases = params  # biases: [] or [b1 (1, h, B), b2 (1, k, B)]
    d, h, n_networks = w1.shape
    n, k = y.shape
    negative_x = -x  # exact: sigmoid(z) = 1 / (1 + exp(-z)) needs -z = (-x) @ w1
    x_t = np.ascontiguousarray(x.T)
    target = y[:, :, None]  # (n, k, 1), broadcast over networks

    # Preallocated buffers; the flat views make each product with x one matmul.
    # hidden is layer1 (the activations); work holds exp(-z1), then 1 - layer1.
    hidden, work, delta1 = (np.empty((n, h, n_networks)) for _ in range(3))
    output, z2, error, delta2, slope2 = (np.empty((n, k, n_networks)) for _ in range(5))
    gradients = tuple(np.empty_like(p) for p in params)  # dL/dparameter, same shapes
    grad1, grad2 = gradients[:2]
    work_flat, delta1_flat = work.reshape(n, h * n_networks), delta1.reshape(n, h * n_networks)
    w1_flat, grad1_flat = w1.reshape(d, h * n_networks), grad1.reshape(d, h * n_networks)
    final_loss, norm_buffer = np.empty(n_networks), np.empty(n_networks)
    norm_rows = list(norms.values())  # same order as params

    with np.errstate(over="ignore", under="ignore"):
        for step in range(iterations + 1):
            # Forward: layer1 = sigmoid(x @ w1 + b1), output = sigmoid(layer1 @ w2 + b2).
            np.matmul(negative_x, w1_flat, out=work_flat)  # -z1
            if biases:
                work -= biases[0]
            np.exp(work, out=work)
            work += 1.0
            np.divide(1.0, work, out=hidden)
            np.einsum("nhb,hkb->nkb", hidden, w2, out=z2)
            if biases:
                z2 += biases[1]
            np.negative(z2, out=z2)
            np.exp(z2, out=z2)
            z2 += 1.0
            np.divide(1.0, z2, out=output)
            # Loss from the error we need anyway.
            np.subtract(output, target, out=error)
            row = loss[step] if loss is not None else final_loss
            np.einsum("nkb,nkb->b", error, error, out=row)
            if step == iterations:
                final_loss[:] = row
                break
            # Backward, as NeuralNetwork.iteration_values:
            # delta2 = 2 (output - y) * output (1 - output)          (n, k, B)
            np.subtract(1.0, output, out=slope2)
            slope2 *= output
            np.multiply(error, 2.0, out=delta2)
            delta2 *= slope2
            # delta1 = (delta2 @ w2.T) * layer1 (1 - layer1)          (n, h, B)
            np.multiply(delta2[:, :1], w2[:, 0], out=delta1)  # (n,1,B) * (h,B)
            for j in range(1, k):  # a loop over outputs, not networks
                np.multiply(delta2[:, j:j + 1], w2[:, j], out=work)
                delta1 += work
            np.subtract(1.0, hidden, out=work)
            work *= hidden
            delta1 *= work
            np.einsum("nhb,nkb->hkb", hidden, delta2, out=grad2)  # layer1.T @ delta2
            np.matmul(x_t, delta1_flat, out=grad1_flat)  # x.T @ delta1
            if biases:
                np.sum(delta1, axis=0, keepdims=True, out=gradients[2])
                np.sum(delta2, axis=0, keepdims=True, out=gradients[3])
            # Update: parameter -= learning_rate * gradient.
            for parameter, gradient, norm_row in zip(params, gradients, norm_rows or [None] * 4):
                if norm_row is not None:  # the Frobenius norm of each network's gradient
                    flat = gradient.reshape(-1, n_networks)
                    np.einsum("ib,ib->b", flat, flat, out=norm_buffer)
                    np.sqrt(norm_buffer, out=norm_row[step])
                gradient *= rate  # a float, or (B,) on the last axis
                parameter -= gradient
    return output, final_loss


def solved(outputs, y, tolerance=0.5):
    """Which networks solve the task: a (B,) bool array (the "success" of notebooks 09 and 10).

    Network b solves it when *every* output is within ``tolerance`` of its
    target: ``all(|outputs[b] - y| < tolerance)``. For 0/1 targets (XOR) and
    the default 0.5 this is "every output is on the right side of 0.5", i.e.
    thresholding the outputs at 0.5 gives the whole truth table (an output of
    exactly 0.5 does not count). A smaller tolerance asks for a margin: 0.1
    means every output above 0.9 for target 1 and below 0.1 for target 0.

    Parameters
    ----------
    outputs : (B, n, k) array, e.g. ``ManyHistory.outputs``; an (n, k) array
        is taken as a single network.
    y : (n, k) targets.
    tolerance : number in (0, 1], default 0.5.
    """
    y = as_matrix("y", y)
    outputs = as_real_array("outputs", outputs)
    if outputs.ndim == 2:
        outputs = outputs[None]
    if outputs.ndim != 3:
        raise ValueError(f"outputs must have shape (B, n, k), got {outputs.shape}")
    outputs = _stack("outputs", outputs, (outputs.shape[0],) + y.shape)
    tolerance = check_positive_number("tolerance", tolerance, high=1)
    return np.all(np.abs(outputs - y) < tolerance, axis=(1, 2))
