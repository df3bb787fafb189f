"""The article's two-layer network (sections 1-7): ``NeuralNetwork``.

Read this file beside notebooks 02 (weights), 04 (feedforward), 06
(backpropagation) and 07 (the maths): the methods below are the cells of
those notebooks, gathered in one class. It is written to be read, not to be
fast: one forward pass, one backward pass, plain numpy.

Shapes, for n samples with d inputs, h hidden units (4 in the article) and
k outputs (1 in the article):

=====================  =============  =========================================
attribute              shape          meaning
=====================  =============  =========================================
``input``, ``y``       (n, d), (n, k)  the data x, one sample per row; targets
``weights1``           (d, h)         input -> hidden (the article's W1, transposed)
``weights2``           (h, k)         hidden -> output (the article's W2, transposed)
``bias1``, ``bias2``   (1, h), (1, k)  ``None`` unless ``biases=True``
``layer1``             (n, h)         hidden activations (the article's z)
``output``             (n, k)         the prediction y-hat
=====================  =============  =========================================

The article writes W1 x for one sample as a column; with samples as rows the
code computes ``x @ weights1``: the same product, transposed.
"""

import copy

import numpy as np

from ._checks import (
    as_attribute,
    as_data,
    as_generator,
    as_matrix,
    check_count,
    check_entries,
    check_flag,
    check_positive_number,
)
from .activations import _sigmoid

#: The most hidden units accepted: far beyond teaching use; ``10**12`` is a typo, not a crash.
MAX_HIDDEN_UNITS = 10_000


def draw_weights(generator, shape, init_scale=1.0):
    """Starting weights of ``shape``, uniform on [0, init_scale): the article's
    ``np.random.rand`` (notebook 02). The one place the library draws weights (the lab's too)."""
    return init_scale * generator.random(shape)


class NeuralNetwork:
    """A d-h-k sigmoid network trained by gradient descent on the sum-of-squares loss.

    Parameters
    ----------
    x, y : 2-D arrays of shape (n, d) and (n, k); targets must lie in [0, 1].
    hidden_units : int from 1 to 10,000, default 4 (the article's hidden layer).
    weights1, weights2 : optional initial weights of shape (d, h) and (h, k),
        copied. Both are always drawn (``draw_weights``, weights1 first); a given
        array replaces its draw, so it does not change which other one is drawn.
    rng : None, an int seed or a ``numpy.random.Generator``, the only source
        of randomness (numpy's global random state is never touched).
    learning_rate : positive float, default 1.0 (the article's implicit rate).
    biases : bool, default False (the article has none); True adds ``bias1``
        and ``bias2``, initialised to the given ``bias1=``/``bias2=`` or 0.
    init_scale : positive float, default 1.0, the width of the uniform draw.

    Every array attribute above can be reassigned (``net.weights1 = W``): it
    is checked and copied as in the constructor, and must keep its shape.
    """

    def __init__(self, x, y, hidden_units=4, *, weights1=None, weights2=None, rng=None,
                 learning_rate=1.0, biases=False, bias1=None, bias2=None, init_scale=1.0):
        x, y = as_data(x, y)
        h = check_count("hidden_units", hidden_units, minimum=1, maximum=MAX_HIDDEN_UNITS)
        check_entries("layer1", x.shape[0] * h, "x and hidden_units")
        biases = check_flag("biases", biases)
        (n, d), k = x.shape, y.shape[1]
        self._shapes = {"input": (n, d), "y": (n, k), "weights1": (d, h), "weights2": (h, k),
                        "bias1": (1, h) if biases else None, "bias2": (1, k) if biases else None}
        self.input, self.y = x, y
        self.learning_rate = learning_rate
        init_scale = check_positive_number("init_scale", init_scale)
        generator = as_generator("rng", rng)
        given = {"weights1": weights1, "weights2": weights2, "bias1": bias1, "bias2": bias2}
        for name, value in given.items():  # check what was given before drawing anything
            if value is not None:
                setattr(self, name, value)
        drawn = {"weights1": draw_weights(generator, (d, h), init_scale),  # always both
                 "weights2": draw_weights(generator, (h, k), init_scale),  # draws, in order
                 "bias1": np.zeros((1, h)), "bias2": np.zeros((1, k))}
        for name, value in drawn.items():
            if given[name] is None:
                setattr(self, name, value if biases or name.startswith("weights") else None)
        self.layer1, self.output = None, np.zeros((n, k))

    def __setattr__(self, name, value):
        """Assigned arrays and the learning rate are checked and copied as in ``__init__``."""
        shapes = self.__dict__.get("_shapes", {})
        if name == "learning_rate":
            value = check_positive_number(name, value)
        elif name in shapes:
            value = as_attribute(name, value, shapes[name], labels=name == "y")
        object.__setattr__(self, name, value)

    # -- the article's two steps ------------------------------------------
    def feedforward(self):
        """Section 4, notebook 04: compute and store ``layer1`` and ``output``; return ``output``
        (the article's version returns its per-sample loss array: ``loss()`` gives the loss)."""
        _, self.layer1, _, self.output = self._forward(self.input)
        return self.output

    def backprop(self):
        """Sections 6-7, notebooks 06-07: one gradient-descent step on all samples, ``w -=
        learning_rate * dL/dw`` with ``iteration_values()``, which runs the forward pass itself:
        a step always belongs to the current weights and data. With learning_rate 1 it is the
        article's ``w += d_weights`` (its ``d_weights`` is the negative gradient)."""
        values = self.iteration_values()
        self.layer1, self.output = values["layer1"], values["output"]
        self._step(values["gradients"])

    def iteration_values(self, sample=None):
        """One iteration written out: every value of the chain rule for the current weights,
        changing nothing (notebooks 06-07, the stepper). ``backprop()`` and ``train`` step with
        its gradients: it is the library's one copy of the backward pass. ``sample``: None for
        all n rows, or one row's index for its share alone (the batch gradients sum the shares).
        Returns a dict, a row per sample used (m): ``z1``, ``layer1`` (m, h); ``z2``, ``output``,
        ``d_output`` = dL/dy_hat, ``delta2`` = dL/dz2 (m, k); ``delta1`` = dL/dz1 (m, h); the
        float ``loss``; ``gradients`` in ``parameters()`` order. sigmoid'(z) is a * (1 - a)."""
        rows = slice(None) if sample is None else [
            check_count("sample", sample, maximum=self.input.shape[0] - 1)]
        x, z1, layer1, z2, output = self.input[rows], *self._forward(self.input[rows])
        error = output - self.y[rows]
        d_output = 2.0 * error                           # dL/dy_hat, (m, k)
        delta2 = d_output * (output * (1.0 - output))    # dL/dz2, (m, k)
        delta1 = np.dot(delta2, self.weights2.T) * (layer1 * (1.0 - layer1))  # dL/dz1, (m, h)
        gradients = (np.dot(x.T, delta1), np.dot(layer1.T, delta2))  # (d, h), (h, k)
        if self.bias1 is not None:  # a bias's gradient: its delta summed over the samples
            gradients += (delta1.sum(axis=0, keepdims=True), delta2.sum(axis=0, keepdims=True))
        return dict(z1=z1, layer1=layer1, z2=z2, output=output, loss=float(np.vdot(error, error)),
                    d_output=d_output, delta2=delta2, delta1=delta1, gradients=gradients)

    # -- questions that change nothing ------------------------------------
    def parameters(self):
        """The trainable arrays: ``(weights1, weights2)``, plus ``(bias1, bias2)`` with biases."""
        biases = () if self.bias1 is None else (self.bias1, self.bias2)
        return (self.weights1, self.weights2) + biases

    def gradients(self):
        """dL/dparameter of the sum-of-squares loss L over all samples, one array per array of
        ``parameters()`` (notebook 07): the true gradients, which descent subtracts."""
        return self.iteration_values()["gradients"]

    def loss(self):
        """The sum-of-squares loss of the current weights, as a float."""
        return float(np.sum((self._forward(self.input)[3] - self.y) ** 2))

    def predict(self, x):
        """Outputs (m, k) for new inputs ``x`` of shape (m, d); changes nothing (notebook 08).
        Correction to the article: its ``predict()`` returns the last training output."""
        x = as_matrix("x", x)
        if x.shape[1] != self.input.shape[1]:
            raise ValueError(f"x must have {self.input.shape[1]} columns like the training "
                             f"data, got {x.shape[1]}")
        check_entries("the hidden layer", x.shape[0] * self.weights1.shape[1], "x")
        return self._forward(x)[3]

    def copy(self):
        """An independent network with the same data, weights and settings."""
        return copy.deepcopy(self)

    # -- the maths, once ----------------------------------------------------
    def _forward(self, x):
        """Notebook 04: x (m, d) -> z1 and hidden activations (m, h), z2 and outputs (m, k)."""
        z1 = np.dot(x, self.weights1)
        if self.bias1 is not None:
            z1 = z1 + self.bias1
        layer1 = _sigmoid(z1)
        z2 = np.dot(layer1, self.weights2)
        if self.bias2 is not None:
            z2 = z2 + self.bias2
        return z1, layer1, z2, _sigmoid(z2)

    def _step(self, gradients):
        """The update of gradient descent, in place: parameter -= learning_rate * gradient."""
        for parameter, gradient in zip(self.parameters(), gradients):
            if self.learning_rate != 1.0:  # the article's rate needs no multiplication
                gradient *= self.learning_rate  # in place: the gradients are fresh arrays
            parameter -= gradient

    def __repr__(self):
        (d, h), k = self.weights1.shape, self.weights2.shape[1]
        return (f"NeuralNetwork({d}-{h}-{k}, {self.input.shape[0]} samples, learning_rate="
                f"{self.learning_rate:g}{', biases' if self.bias1 is not None else ''})")
