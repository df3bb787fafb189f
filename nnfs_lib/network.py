"""The article's two-layer network (sections 1-8): ``NeuralNetwork``.

Shapes, for ``n`` samples with ``d`` inputs, ``h`` hidden units (4 in the
article) and ``k`` outputs (1 in the article):

====================  ==========  ========================================
attribute             shape       meaning
====================  ==========  ========================================
``input``             (n, d)      the data x, one sample per row
``y``                 (n, k)      the targets
``weights1``          (d, h)      input -> hidden (the article's W1)
``weights2``          (h, k)      hidden -> output (the article's W2)
``bias1``/``bias2``   (1, h)/(1, k) optional; ``None`` unless ``biases=True``
``layer1``            (n, h)      hidden activations (the article's z / y1)
``output``            (n, k)      the prediction y-hat
====================  ==========  ========================================

Notation: the article writes W1 x for one sample as a column; with samples as
rows, the code computes ``x @ weights1`` instead. It is the same product,
transposed.
"""

import numpy as np

# The unchecked sigmoid: the data and weights are validated once, here in the
# constructor, so the per-iteration code need not check them again.
from .activations import _SIGMOID_FLOOR, _sigmoid
from .losses import sum_of_squares
from .validation import (
    as_generator,
    as_matrix,
    check_count,
    check_flag,
    check_labels,
    check_positive_number,
    check_same_rows,
    check_shape,
)

#: The largest ``hidden_units`` accepted: far beyond any teaching use, and small
#: enough that a typo such as ``10**12`` is an error, not an out-of-memory crash.
MAX_HIDDEN_UNITS = 10_000


class NeuralNetwork:
    """A d-h-k sigmoid network trained by gradient descent on the sum-of-squares loss.

    Parameters
    ----------
    x, y : 2-D arrays of shape (n, d) and (n, k); targets must lie in [0, 1].
    hidden_units : int from 1 to 10,000, default 4 (the article's hidden layer).
    weights1, weights2 : optional initial weights of shape (d, h) and (h, k).
        They are copied. Both are always drawn uniformly from [0, init_scale)
        (the article's ``np.random.rand`` when init_scale is 1), weights1
        first, then weights2, as in the article; a given array then replaces
        its draw. So ``NeuralNetwork(x, y, rng=s, weights1=W).weights2`` is
        the ``weights2`` of ``NeuralNetwork(x, y, rng=s)``.
    rng : None, an int seed or a ``numpy.random.Generator``; the only source of
        randomness. Nothing touches numpy's global random state.
    learning_rate : positive float, default 1.0 (the article's implicit rate).
    biases : True or False, default False. The article drops the biases; set True to
        add ``bias1`` and ``bias2`` (initialised to ``bias1=``/``bias2=`` or 0).
    init_scale : positive float, default 1.0; the width of the uniform draw.
    """

    def __init__(self, x, y, hidden_units=4, *, weights1=None, weights2=None,
                 rng=None, learning_rate=1.0, biases=False, bias1=None, bias2=None,
                 init_scale=1.0):
        self.input = as_matrix("x", x)
        self.y = as_matrix("y", y)
        check_same_rows(self.input, self.y)
        check_labels("y", self.y)
        hidden_units = check_count("hidden_units", hidden_units, minimum=1,
                                   maximum=MAX_HIDDEN_UNITS)
        biases = check_flag("biases", biases)
        self.learning_rate = check_positive_number("learning_rate", learning_rate)
        init_scale = check_positive_number("init_scale", init_scale)
        generator = as_generator("rng", rng)
        n_inputs, n_outputs = self.input.shape[1], self.y.shape[1]

        def given_or(name, given, shape, default):
            if given is None:
                return default
            array = as_matrix(name, given)
            check_shape(name, array, shape)
            return array.copy()

        if not biases and (bias1 is not None or bias2 is not None):
            raise ValueError("bias1 and bias2 need biases=True")
        shape1, shape2 = (n_inputs, hidden_units), (hidden_units, n_outputs)
        # Check everything given before drawing anything.
        given1 = given_or("weights1", weights1, shape1, None)
        given2 = given_or("weights2", weights2, shape2, None)
        if biases:
            self.bias1 = given_or("bias1", bias1, (1, hidden_units), np.zeros((1, hidden_units)))
            self.bias2 = given_or("bias2", bias2, (1, n_outputs), np.zeros((1, n_outputs)))
        else:
            self.bias1 = self.bias2 = None
        # Always both draws, in the article's order (weights1, then weights2),
        # so a given weights1 does not shift which numbers weights2 gets.
        drawn1 = init_scale * generator.random(shape1)
        drawn2 = init_scale * generator.random(shape2)
        self.weights1 = drawn1 if given1 is None else given1
        self.weights2 = drawn2 if given2 is None else given2
        self.layer1 = None
        self.output = np.zeros(self.y.shape)
        self._forward_is_current = False
        self._last_error = None  # output - y used by the last backprop()
        # Constants shaped like the training activations, for the fast path.
        n_samples = self.input.shape[0]
        self._input_T = self.input.T
        self._ones1 = np.ones((n_samples, hidden_units))
        self._ones2 = np.ones((n_samples, n_outputs))
        self._floor1 = np.full((n_samples, hidden_units), _SIGMOID_FLOOR)
        self._floor2 = np.full((n_samples, n_outputs), _SIGMOID_FLOOR)

    # -- the article's two steps ------------------------------------------
    def feedforward(self):
        """Section 4: compute and store ``layer1`` (n, h) and ``output`` (n, k).

        Returns ``output``. (The article's version returns its per-sample
        loss array instead; call ``loss()`` for the loss.)
        """
        self.layer1, self.output = self._forward_training()
        self._forward_is_current = True
        return self.output

    def backprop(self):
        """Sections 6-7: one gradient-descent step, ``w -= learning_rate * dL/dw``.

        It reuses ``layer1`` and ``output`` from the last ``feedforward()``, as
        the article does (and runs ``feedforward()`` first if the weights
        changed since). With learning_rate 1 this is exactly the article's
        ``w += d_weights``: its ``d_weights`` is the negative gradient.
        """
        if not self._forward_is_current:
            self.feedforward()
        error, gradients = self._backward(self.input, self.layer1, self.output)
        # output - y of the forward pass this step used; train() reads the
        # loss from it instead of running the forward pass again.
        self._last_error = error
        if self.learning_rate != 1.0:
            for gradient in gradients:
                gradient *= self.learning_rate
        # In place: the same arrays get new values.
        self.weights1 -= gradients[0]
        self.weights2 -= gradients[1]
        if self.bias1 is not None:
            self.bias1 -= gradients[2]
            self.bias2 -= gradients[3]
        self._forward_is_current = False

    # -- questions that change nothing ------------------------------------
    def parameters(self):
        """The trainable arrays: ``(weights1, weights2)``, plus ``(bias1, bias2)`` with biases."""
        if self.bias1 is None:
            return (self.weights1, self.weights2)
        return (self.weights1, self.weights2, self.bias1, self.bias2)

    def gradients(self):
        """dL/dparameter for each array of ``parameters()``, same shapes; changes nothing.

        L is the sum-of-squares loss over all samples; the gradients are the
        true ones (descent means *subtracting* them).
        """
        layer1, output = self._forward(self.input)
        return self._backward(self.input, layer1, output)[1]

    def loss(self):
        """The sum-of-squares loss of the current weights, as a float."""
        return sum_of_squares(self.y, self._forward(self.input)[1])

    def predict(self, x):
        """Outputs (m, k) for new inputs ``x`` of shape (m, d); changes nothing.

        Correction to the article: its ``predict()`` returns the last training
        output and ignores new data.
        """
        x = as_matrix("x", x)
        if x.shape[1] != self.input.shape[1]:
            raise ValueError(
                f"x must have {self.input.shape[1]} columns like the training data, "
                f"got {x.shape[1]}"
            )
        return self._forward(x)[1]

    def copy(self):
        """An independent network with the same data, weights and settings."""
        twin = object.__new__(NeuralNetwork)
        twin.__dict__.update(self.__dict__)
        for name in ("weights1", "weights2", "bias1", "bias2", "layer1", "output"):
            value = getattr(self, name)
            setattr(twin, name, None if value is None else value.copy())
        return twin

    # -- the maths ----------------------------------------------------------
    def _forward(self, x):
        # np.dot rather than @: for these tiny matrices it has less overhead.
        if x is self.input:  # the training data: use the precomputed constants
            return self._forward_training()
        z1 = np.dot(x, self.weights1)
        if self.bias1 is not None:
            z1 += self.bias1
        layer1 = _sigmoid(z1, 1.0, _SIGMOID_FLOOR)
        z2 = np.dot(layer1, self.weights2)
        if self.bias2 is not None:
            z2 += self.bias2
        return layer1, _sigmoid(z2, 1.0, _SIGMOID_FLOOR)

    def _forward_training(self):
        # The same two layers on the training data, once per iteration, so
        # every constant is prepared in advance (see __init__).
        z1 = np.dot(self.input, self.weights1)
        if self.bias1 is not None:
            z1 += self.bias1
        layer1 = _sigmoid(z1, self._ones1, self._floor1)
        z2 = np.dot(layer1, self.weights2)
        if self.bias2 is not None:
            z2 += self.bias2
        return layer1, _sigmoid(z2, self._ones2, self._floor2)

    def _backward(self, x, layer1, output):
        # Written out by hand (no helper calls): this runs once per iteration.
        # error = y_hat - y, so 2 * error is dL/d(output); the article's
        # 2*(y - output) is the same with the sign flipped.
        # Returns (error, gradients) and stores nothing: gradients() must
        # change nothing; backprop() keeps the error itself.
        error = output - self.y
        # delta2 = dL/dz2, z2 the output pre-activation: (n, k); the sigmoid's
        # derivative comes from the stored activation, a * (1 - a).
        # (error + error is 2 * error, exactly, and cheaper.)
        delta2 = (error + error) * (output * (self._ones2 - output))
        # delta1 = dL/dz1, pushed back through weights2: (n, h).
        delta1 = np.dot(delta2, self.weights2.T) * (layer1 * (self._ones1 - layer1))
        d_weights2 = np.dot(layer1.T, delta2)  # (h, k)
        d_weights1 = np.dot(self._input_T if x is self.input else x.T, delta1)  # (d, h)
        if self.bias1 is None:
            return error, (d_weights1, d_weights2)
        return error, (d_weights1, d_weights2,
                       delta1.sum(axis=0, keepdims=True), delta2.sum(axis=0, keepdims=True))

    def _workspace(self):
        """Scratch arrays for ``_train_steps``, so that a caller can reuse them."""
        return (tuple(np.empty_like(self._ones1) for _ in range(4))
                + tuple(np.empty_like(self._ones2) for _ in range(4))
                + (np.empty_like(self.weights1), np.empty_like(self.weights2)))

    def _train_steps(self, count, errors, workspace=None):
        """``count`` iterations of feedforward() + backprop(), fused, for ``train``.

        The same arithmetic as ``_forward_training`` + ``_backward`` + the
        update in ``backprop`` (bit for bit: tests compare the two paths), but
        every intermediate array is allocated once and reused with ``out=``:
        at 4x4 arrays, allocating is a large share of each numpy call's cost.
        ``errors`` has shape (count, n, k); step t writes its output - y there.
        ``workspace`` is ``_workspace()``, made here if not given.
        """
        x, x_t, y = self.input, self._input_T, self.y
        w1, w2, b1, b2 = self.weights1, self.weights2, self.bias1, self.bias2
        ones1, ones2, floor1, floor2 = self._ones1, self._ones2, self._floor1, self._floor2
        if workspace is None:
            workspace = self._workspace()
        z1, layer1, slope1, delta1, z2, output, slope2, delta2, g1, g2 = workspace
        rate = self.learning_rate
        dot, maximum, negative, exp = np.dot, np.maximum, np.negative, np.exp
        add, subtract, multiply, divide = np.add, np.subtract, np.multiply, np.divide
        for step in range(count):
            # forward: layer1 = sigmoid(x @ w1 + b1), output = sigmoid(layer1 @ w2 + b2)
            dot(x, w1, out=z1)
            if b1 is not None:
                add(z1, b1, out=z1)
            maximum(z1, floor1, out=z1)
            negative(z1, out=z1)
            exp(z1, out=z1)
            add(ones1, z1, out=z1)
            divide(ones1, z1, out=layer1)
            dot(layer1, w2, out=z2)
            if b2 is not None:
                add(z2, b2, out=z2)
            maximum(z2, floor2, out=z2)
            negative(z2, out=z2)
            exp(z2, out=z2)
            add(ones2, z2, out=z2)
            divide(ones2, z2, out=output)
            # backward: the deltas of _backward, in the same order of operations
            error = errors[step]
            subtract(output, y, out=error)
            subtract(ones2, output, out=slope2)
            multiply(output, slope2, out=slope2)
            add(error, error, out=delta2)
            multiply(delta2, slope2, out=delta2)
            dot(delta2, w2.T, out=delta1)
            subtract(ones1, layer1, out=slope1)
            multiply(layer1, slope1, out=slope1)
            multiply(delta1, slope1, out=delta1)
            dot(layer1.T, delta2, out=g2)
            dot(x_t, delta1, out=g1)
            # update, as in backprop(): gradient *= rate, then w -= gradient
            if b1 is None:
                if rate != 1.0:
                    g1 *= rate
                    g2 *= rate
                w1 -= g1
                w2 -= g2
            else:
                gb1 = delta1.sum(axis=0, keepdims=True)
                gb2 = delta2.sum(axis=0, keepdims=True)
                if rate != 1.0:
                    g1 *= rate
                    g2 *= rate
                    gb1 *= rate
                    gb2 *= rate
                w1 -= g1
                w2 -= g2
                b1 -= gb1
                b2 -= gb2
        self._forward_is_current = False

    def __repr__(self):
        d, h = self.weights1.shape
        k = self.weights2.shape[1]
        extra = ", biases" if self.bias1 is not None else ""
        return (f"NeuralNetwork({d}-{h}-{k}, {self.input.shape[0]} samples, "
                f"learning_rate={self.learning_rate:g}{extra})")
