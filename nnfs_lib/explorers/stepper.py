"""The backpropagation stepper (notebooks 04, 06 and 07): one iteration, step by step.

Python computes one gradient-descent iteration of the article's 3-4-1 network
with the library (``NeuralNetwork.iteration_values``, the one copy of the
backward pass) and sends every number of it in one message (``data``): the
batch values of all four XOR rows and each row's share. ``static/stepper.js``
walks through the eight steps of ``STEPS`` in the article's order, drawing the
network with the step's nodes and edges highlighted and, beside it, the
step's formula with those numbers substituted. Stepping and the choice of
sample need no kernel: only "next iteration" asks Python, which takes the
library's ``backprop()`` step and sends the next iteration::

    from nnfs_lib.explorers.stepper import BackpropStepper
    from nnfs_lib.plots.stepper import gradient_diagram

    BackpropStepper()                 # live, needs a kernel
    gradient_diagram()                # static: the gradients of steps 5 and 7
"""

import traitlets

from nnfs_lib._checks import check_count, check_positive_number
from nnfs_lib.activations import sigmoid_derivative_from_activation
from nnfs_lib.datasets import xor
from nnfs_lib.explorers.base import _Explorer, _module
from nnfs_lib.explorers.training_settings import MAX_SEED
from nnfs_lib.network import NeuralNetwork

#: The eight steps of one iteration, in the article's order. ``lit``: the parts of
#: the diagram involved (inputs, hidden, output, edges1, edges2); ``hidden`` and
#: ``output``: the values written beside those nodes; ``edges1`` and ``edges2``: the
#: values written on the input -> hidden and hidden -> output edges (keys of a view
#: of ``iteration_data``, or of the iteration itself for the new weights); ``sums``: the
#: step adds the rows' shares up (the loss, the two gradients) when all four are shown.
STEPS = (
    dict(title="Forward: the hidden layer", lit=["inputs", "edges1", "hidden"],
         hidden=["z1", "a1"]),
    dict(title="Forward: the output", lit=["hidden", "edges2", "output"],
         output=["z2", "y_hat"]),
    dict(title="The loss and its slope ∂L/∂ŷ", lit=["output"], output=["loss", "d_output"],
         sums=True),
    dict(title="Back through the output sigmoid: δ₂", lit=["output"],
         output=["slope2", "delta2"]),
    dict(title="The gradient of W₂", lit=["hidden", "edges2", "output"], edges2="grad2",
         sums=True),
    dict(title="Back to the hidden layer: δ₁", lit=["output", "edges2", "hidden"],
         hidden=["slope1", "delta1"]),
    dict(title="The gradient of W₁", lit=["inputs", "edges1", "hidden"], edges1="grad1",
         sums=True),
    dict(title="The update W ← W − η ∂L/∂W", lit=["edges1", "edges2"],
         edges1="new_weights1", edges2="new_weights2"),
)
#: The choices of the sample selector: all rows (the batch), or one row (1-4).
VIEWS = ("all", "1", "2", "3", "4")


def _view(network, sample):
    """The numbers of one view: ``iteration_values(sample)`` as lists, plus the two
    sigmoid slopes a(1 - a) that the deltas multiply by (the library's
    ``sigmoid_derivative_from_activation``, the same product as the core's)."""
    values = network.iteration_values(sample)
    layer1, output = values["layer1"], values["output"]
    rows = list(range(network.input.shape[0])) if sample is None else [sample]
    grad1, grad2 = values["gradients"][:2]
    return {"rows": rows, "x": network.input[rows].tolist(), "y": network.y[rows, 0].tolist(),
            "z1": values["z1"].tolist(), "a1": layer1.tolist(),
            "z2": values["z2"][:, 0].tolist(), "y_hat": output[:, 0].tolist(),
            "loss": values["loss"], "d_output": values["d_output"][:, 0].tolist(),
            "slope2": sigmoid_derivative_from_activation(output)[:, 0].tolist(),
            "delta2": values["delta2"][:, 0].tolist(),
            "slope1": sigmoid_derivative_from_activation(layer1).tolist(),
            "delta1": values["delta1"].tolist(),
            "grad1": grad1.tolist(), "grad2": grad2[:, 0].tolist()}


def iteration_data(network, iteration=0):
    """Everything the stepper shows of one iteration of the 3-4-1 ``network``, as one dict.

    ``views``: for ``"all"`` (the four rows, the batch) and ``"1"`` to ``"4"`` (one row's
    share), the values of ``_view`` (rows of the samples used; ``grad1`` (3, 4), ``grad2``
    (4)). ``weights1`` (3, 4), ``weights2`` (4): the weights of this iteration;
    ``new_weights1``, ``new_weights2``: those after the library's ``backprop()`` (a copy
    takes the step, the network is not changed) and ``loss_after``, the loss of all four
    rows with them (the next iteration's); ``iteration``, ``learning_rate``.
    """
    stepped = network.copy()
    stepped.backprop()
    views = {name: _view(network, None if name == "all" else int(name) - 1) for name in VIEWS}
    return {"iteration": int(iteration), "learning_rate": network.learning_rate,
            "weights1": network.weights1.tolist(), "weights2": network.weights2[:, 0].tolist(),
            "new_weights1": stepped.weights1.tolist(),
            "new_weights2": stepped.weights2[:, 0].tolist(), "loss_after": stepped.loss(),
            "views": views}


class BackpropStepper(_Explorer):
    """Step through one backpropagation iteration of the 3-4-1 network on XOR (notebooks 06, 07).

    Parameters
    ----------
    seed : int from 0 to ``MAX_SEED``, default 0: the starting weights,
        ``NeuralNetwork(x, y, rng=seed)`` as in notebooks 04-07.
    learning_rate : positive float, default 1.0 (the article's rate).
    sample : None (all four rows, the batch) or a row index 0-3, the row shown first
        (counted from 0: ``sample=2`` opens on "sample 3", the input (1, 0)).
    step : 1-8, the step shown first (notebook 04 stops after step 2).

    Traits synced with the browser: ``data`` (``iteration_data`` of the current
    iteration), ``steps`` (``STEPS``), ``step`` and ``sample`` (``"all"``, ``"1"``
    to ``"4"``), which the browser changes without asking Python. Buttons
    (methods): ``next_iteration`` (the library's ``backprop()``, then step 1) and
    ``reset`` (back to iteration 0). ``network`` is the network being trained.
    """

    _esm = _module("stepper.js")
    buttons = ("next_iteration", "reset")

    data = traitlets.Dict().tag(sync=True)
    steps = traitlets.List().tag(sync=True)
    step = traitlets.Int(1).tag(sync=True)
    sample = traitlets.Unicode("all").tag(sync=True)

    def __init__(self, seed=0, learning_rate=1.0, sample=None, step=1, raise_errors=False):
        self.seed = check_count("seed", seed, maximum=MAX_SEED)
        self.learning_rate = check_positive_number("learning_rate", learning_rate)
        shown = "all" if sample is None else str(check_count("sample", sample, maximum=3) + 1)
        step = check_count("step", step, minimum=1, maximum=len(STEPS))
        super().__init__(raise_errors=raise_errors, steps=[dict(s) for s in STEPS],
                         step=step, sample=shown)
        self.network = self.iteration = None
        self._start()
        self._show_iteration(step)

    @traitlets.validate("step")
    def _valid_step(self, proposal):
        return check_count("step", proposal["value"], minimum=1, maximum=len(STEPS))

    @traitlets.validate("sample")
    def _valid_sample(self, proposal):
        if proposal["value"] not in VIEWS:
            raise ValueError(f"sample must be one of {', '.join(VIEWS)}, "
                             f"got {proposal['value']!r}")
        return proposal["value"]

    def _start(self):
        x, y = xor()
        self.network = NeuralNetwork(x, y, rng=self.seed, learning_rate=self.learning_rate)
        self.iteration = 0

    def _show_iteration(self, step=1):
        """Send the current iteration's numbers, and show ``step``."""
        with self.hold_sync():
            self.data = iteration_data(self.network, self.iteration)
            self.step = step

    # -- buttons ----------------------------------------------------------------------------
    def next_iteration(self):
        """One batch gradient-descent step (the library's ``backprop()``), then step 1."""
        self.network.backprop()
        self.iteration += 1
        self._show_iteration()

    def reset(self):
        """Back to the starting weights of ``seed``, iteration 0, step 1."""
        self._start()
        self._show_iteration()

    def _drop(self):
        self.network = None
        self.data = {}
