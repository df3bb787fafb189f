"""Answer checks for the notebooks' exercises.

Each ``check_*`` function takes a student's answer and returns a
``CheckResult``: it is truthy when the answer is right, and it displays as one
line, a pass message or a hint. It never reveals the solution (that lives in
``notebooks/solutions.ipynb``). A check is total: whatever it is given (any
value of any type, a function that raises, warns or returns nonsense) it
returns a ``CheckResult`` without raising and without printing a warning; a
wrong type is just another hint.

Layout: the shared helpers first, then one section per notebook (00 to 09),
each with its own small helpers. Functions are named
``check_<notebook number>_<topic>``.
"""

import contextlib
import warnings

import numpy as np

from nnfs_lib.activations import sigmoid
from nnfs_lib.datasets import xor
from nnfs_lib.network import NeuralNetwork
from nnfs_lib.training import train

PASS = "✅ Correct"
HINT = "❌ Not yet"


# =============================================================================
# Shared helpers
# =============================================================================
class CheckResult:
    """The outcome of a check: ``passed`` (bool) and a one-line ``message``."""

    def __init__(self, passed, message):
        self.passed = bool(passed)
        self.message = message

    def __bool__(self):
        return self.passed

    def __repr__(self):
        return self.message


def _verdict(passed, praise, hint):
    if passed:
        return CheckResult(True, f"{PASS}: {praise}")
    return CheckResult(False, f"{HINT}. Hint: {hint}")


@contextlib.contextmanager
def _quiet():
    """Silence everything an answer can set off, numpy floating-point warnings and
    Python warnings alike: a check shows nothing but its result."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _as_array(answer):
    """The answer as a finite float array, or None if it is not real numbers.

    Strings, None, objects, ragged lists and numbers too large for a float
    (``10**400``) all give None.
    """
    try:
        with _quiet():
            array = np.asarray(answer)
            if array.dtype.kind not in "biuf":
                return None
            array = array.astype(np.float64)
    except Exception:  # ragged lists and the like: not an answer of numbers
        return None
    return array if np.all(np.isfinite(array)) else None


def _is_number(answer):
    return isinstance(answer, (int, float, np.integer, np.floating)) and not isinstance(
        answer, (bool, np.bool_))


def _is_close(answer, target, tolerance):
    """True if the answer is a finite number within ``tolerance`` of ``target``."""
    if not _is_number(answer):
        return False
    try:
        value = float(answer)
    except (OverflowError, ValueError):  # e.g. 10**400
        return False
    return bool(np.isfinite(value) and abs(value - target) <= tolerance)


def _as_shape(answer):
    """The answer as a tuple of whole numbers (a shape), or None."""
    array = _as_array(answer)
    if array is None or array.ndim != 1 or np.any(array != np.round(array)):
        return None
    return tuple(int(v) for v in array)


def _run(function, *args):
    """Call a student's ``function(*args)``: ``(array, None)`` or ``(None, hint)``.

    The array is the result as finite float64; the hint says what went wrong
    (not callable, raised, returned None or something that is not numbers).
    Nothing the function does escapes: no exception, no warning.
    """
    if not callable(function):
        return None, "pass the function itself (no brackets after its name)."
    try:
        with _quiet():
            value = function(*args)
    except Exception as error:  # a student's function may fail in any way: that is a hint
        return None, (f"your function raised {type(error).__name__}; call it on small "
                      "arrays to see why.")
    if value is None:
        return None, "your function returns None: end it with `return ...`."
    array = _as_array(value)
    if array is None:
        return None, (f"your function returns {type(value).__name__!r}, not finite numbers; "
                      "return a number or a numpy array of numbers.")
    return array, None


def _call(function, *args):
    """``function(*args)`` as a float array, or None if it is not callable or fails."""
    return _run(function, *args)[0]


# =============================================================================
# Notebook 00: the network
# =============================================================================
def check_00_weight_count(answer):
    """How many weights does the article's 3-4-1 network have (no biases)?"""
    return _verdict(
        _is_number(answer) and answer == 3 * 4 + 4 * 1,
        "every input connects to every hidden unit, and every hidden unit to the output.",
        "count the lines in the diagram: each input-to-hidden pair has one weight, "
        "and so does each hidden-to-output pair.",
    )


def check_00_nand_targets(answer):
    """The NAND outputs for the inputs (0,0), (0,1), (1,0), (1,1), in that order."""
    array = _as_array(answer)
    if array is None or array.size != 4:
        return _verdict(False, "", "give four numbers, one per input pair, in the order of the "
                        "rows of x: (0, 0), (0, 1), (1, 0), (1, 1).")
    values = array.ravel()
    if np.array_equal(values, [0, 0, 0, 1]):
        return _verdict(False, "", "those are the outputs of AND itself; NAND answers the "
                        "opposite of AND for every input.")
    return _verdict(
        np.array_equal(values, [1, 1, 1, 0]),
        "NAND is 0 only when both inputs are 1.",
        "each output is 0 or 1. Write down AND's four outputs first (1 only when both inputs "
        "are 1), then take the opposite of each.",
    )


def check_00_separable_gates(answer):
    """Of the 2**4 two-input gates, how many can one straight line separate (1s from 0s)?"""
    return _verdict(
        _is_number(answer) and answer == 14,
        "only XOR and its opposite (XNOR) put their 1s on a diagonal, where no single line "
        "can reach them.",
        "give one whole number. Sort the gates by how many 1s they output: none or four, "
        "exactly one, exactly three, exactly two. For each group, ask whether a line can put "
        "the 1-corners of the square on one side and the 0-corners on the other; only the "
        "two-1 group needs care.",
    )


# =============================================================================
# Notebook 01: neurons
# =============================================================================
def check_01_weighted_sum(answer):
    """z = w1*x1 + w2*x2 + b for x = (1, 0), w = (1.5, -2.0), b = 0.75."""
    passed = _is_close(answer, 2.25, 1e-9)
    return _verdict(
        passed,
        "multiply each input by its weight, add the products, then add the bias.",
        "give one number. An input of 0 contributes nothing; an input of 1 contributes "
        "its weight unchanged. Do not forget the bias, and mind the signs.",
    )


def check_01_layer_shape(answer):
    """Shape of x @ W for x of shape (4, 3) and W of shape (3, 5)."""
    return _verdict(
        _as_shape(answer) == (4, 5),
        "one row per sample, one column per neuron.",
        "give a shape as a tuple like (rows, columns). In a matrix product the inner "
        "sizes must match and disappear; the outer sizes remain.",
    )


def check_01_all_rows(sums, gate=None):
    """The weighted sums of the 4 XOR rows for w = (1, 1, -0.5) (third input is the constant 1),
    and the name of the logic gate the neuron resembles (it fires where its sum is positive)."""
    array = _as_array(sums)
    expected = np.array([-0.5, 0.5, 0.5, 1.5])
    if array is None or array.size != 4 or not np.allclose(array.ravel(), expected):
        return _verdict(False, "", "give four numbers, one per row of x. Try x @ w, with w as a "
                        "numpy array of three weights in the order of x's columns.")
    name = gate.strip().lower() if isinstance(gate, str) else None
    return _verdict(
        name == "or",
        "one matrix product gives every row's sum, and the neuron fires whenever at least "
        "one input is 1.",
        "the sums are right; now name the gate as a string such as \"nand\". The neuron fires "
        "for the rows with a positive sum: which gate outputs 1 for exactly those inputs?",
    )


# =============================================================================
# Notebook 02: weights and biases
# =============================================================================
def check_02_weight_shapes(answer):
    """(weights1.shape, weights2.shape) for NeuralNetwork(x, y, hidden_units=6) on the XOR data."""
    array = _as_array(answer)
    passed = array is not None and array.shape == (2, 2) and np.array_equal(
        array, [[3, 6], [6, 1]])
    return _verdict(
        passed,
        "weights1 has one row per input and one column per hidden neuron; weights2 one "
        "row per hidden neuron and one column per output.",
        "give two shapes, like ((a, b), (c, d)). Count the columns of x and of y, and "
        "remember which layer the hidden_units argument sets.",
    )


def check_02_bias_entry(answer):
    """The entry [i, j] of the (3, 4) weights1 that acts as hidden neuron h3's bias."""
    index = _as_shape(answer)
    if index is None or len(index) != 2 or not (-3 <= index[0] < 3 and -4 <= index[1] < 4):
        return _verdict(False, "", "give two indices as a pair (i, j): i a row of weights1 "
                        "(0 to 2), j a column (0 to 3), counted from 0 as Python does.")
    row_right, column_right = index[0] % 3 == 2, index[1] % 4 == 2
    if row_right and not column_right:
        hint = ("the row is right; now the column. Which column holds h3's weights? The "
                "diagram numbers the hidden neurons from 1, Python numbers columns from 0.")
    elif column_right and not row_right:
        hint = ("the column is right; now the row. Row i belongs to input i: which input is "
                "the same in every sample?")
    else:
        hint = ("row i of weights1 belongs to input i, column j to hidden neuron j. Find the "
                "input that acts as a bias and the column of h3, both counted from 0.")
    return _verdict(
        row_right and column_right,
        "that weight multiplies the constant input and feeds h3, so it is added to h3's sum "
        "for every sample.",
        hint,
    )


def check_02_parameter_count(answer):
    """Parameters of a 2-4-1 network with explicit biases in both layers."""
    return _verdict(
        _is_number(answer) and answer == 2 * 4 + 4 + 4 * 1 + 1,
        "weights of both layers plus one bias per neuron that computes something.",
        "give one whole number. Count weights1, weights2, and one bias for every "
        "hidden and output neuron (input nodes have none).",
    )


# =============================================================================
# Notebook 03: the activation function
# =============================================================================
def check_03_sigmoid_inverse(answer):
    """The z for which sigmoid(z) = 0.9."""
    passed = _is_close(answer, np.log(9.0), 1e-3)
    return _verdict(
        passed,
        "solving a = 1 / (1 + e^(-z)) for z gives z = log(a / (1 - a)), the logit.",
        "give one number (3 decimals are enough). Set 1 / (1 + e^(-z)) equal to 0.9, "
        "solve for e^(-z) first, then take a logarithm (np.log). Check: sigmoid(z) "
        "should print 0.9.",
    )


def check_03_derivative_max(answer):
    """The largest value the sigmoid's derivative takes."""
    passed = _is_close(answer, 0.25, 1e-6)
    return _verdict(
        passed,
        "the derivative a(1 - a) peaks where a is one half, at z = 0.",
        "give one number. The derivative is a * (1 - a) with a = sigmoid(z); for which "
        "a is that product largest? (It is a parabola in a.)",
    )


def check_03_tanh_from_sigmoid(answer):
    """A function computing tanh(z) using only the sigmoid (a Python callable)."""
    z = np.linspace(-4.0, 4.0, 33)
    result = _call(answer, z)
    passed = result is not None and result.shape == z.shape and np.allclose(
        result, np.tanh(z), atol=1e-9)
    return _verdict(
        passed,
        "tanh is a sigmoid stretched to the range (-1, 1) and squeezed along z.",
        "give a function of z (an array) that returns an array of the same shape. "
        "Stretch the output range (0, 1) to (-1, 1), then compare your curve with "
        "np.tanh: is it too flat?",
    )


# =============================================================================
# Notebook 04: feedforward
# =============================================================================
def check_04_predict_shapes(answer):
    """(layer1 shape, output shape) when a 3-4-1 network's feedforward sees 10 inputs."""
    array = _as_array(answer)
    passed = array is not None and array.shape == (2, 2) and np.array_equal(
        array, [[10, 4], [10, 1]])
    return _verdict(
        passed,
        "every sample keeps its row through the network; only the columns change.",
        "give two shapes, like ((a, b), (c, d)). The number of rows is the number of "
        "samples; the number of columns is the number of neurons in that layer.",
    )


def check_04_constant_output(answer):
    """The output of a 3-4-1 network with weights1 all 0 and weights2 all 1, for any input."""
    passed = _is_close(answer, 1.0 / (1.0 + np.exp(-2.0)), 5e-4)
    return _verdict(
        passed,
        "every hidden neuron outputs the same value, whatever the input.",
        "give one number (3 decimals are enough). With zero weights every hidden sum is "
        "0: what does the sigmoid make of 0? Then add up what the output neuron receives.",
    )


def check_04_feedforward_with_biases(answer):
    """A function feedforward(x, weights1, bias1, weights2, bias2) returning the output."""
    rng = np.random.default_rng(4)
    x = rng.random((5, 3))
    weights1, bias1 = rng.normal(size=(3, 4)), rng.normal(size=(1, 4))
    weights2, bias2 = rng.normal(size=(4, 1)), rng.normal(size=(1, 1))
    hidden = 1.0 / (1.0 + np.exp(-(x @ weights1 + bias1)))
    expected = 1.0 / (1.0 + np.exp(-(hidden @ weights2 + bias2)))
    result = _call(answer, x, weights1, bias1, weights2, bias2)
    passed = result is not None and result.shape == expected.shape and np.allclose(
        result, expected)
    return _verdict(
        passed,
        "each layer is a matrix product, plus its bias, through the sigmoid.",
        "give a function of (x, weights1, bias1, weights2, bias2) that returns the output "
        "array, one row per row of x. Add each bias before that layer's sigmoid, not after.",
    )


# =============================================================================
# Notebook 05: the loss function
# =============================================================================
def check_05_loss_value(answer):
    """The sum-of-squares loss for y = [0, 1, 1, 0] and y_hat = [0.1, 0.8, 0.6, 0.3]."""
    return _verdict(
        _is_close(answer, 0.30, 1e-9),
        "square each error (0.01, 0.04, 0.16, 0.09) and add them up.",
        "the loss is ONE number: subtract, square each of the four differences, then add "
        "the four squares together.",
    )


def check_05_cancelling_errors(answer):
    """(sum of y - y_hat, sum of squares) for y = [0, 1, 1, 0] and y_hat = [0.9, 0.6, 0.3, 0.2]."""
    y, y_hat = np.array([0.0, 1.0, 1.0, 0.0]), np.array([0.9, 0.6, 0.3, 0.2])
    array = _as_array(answer)
    passed = (array is not None and array.shape == (2,)
              and np.allclose(array, [np.sum(y - y_hat), np.sum((y - y_hat) ** 2)],
                              rtol=0, atol=1e-9))
    return _verdict(
        passed,
        "no prediction is right, yet the plain differences cancel out; the squares cannot cancel.",
        "give two numbers (plain_sum, squared_sum). Write down the four differences y - y_hat "
        "with their signs; add them as they are for the first number, and add their squares "
        "for the second.",
    )


def _loss_cases():
    rng = np.random.default_rng(5)
    cases = [(np.array([[0.0], [1.0], [1.0], [0.0]]), np.array([[0.1], [0.8], [0.6], [0.3]]))]
    for shape in [(4, 1), (7, 1), (5, 3)]:
        cases.append((rng.integers(0, 2, shape).astype(float), rng.random(shape)))
    return cases


def check_05_loss_function(func):
    """A function ``loss(y, y_hat)`` returning the sum-of-squares loss as one number."""
    if not callable(func):
        return _verdict(False, "", "define a function with `def loss(y, y_hat):` and pass "
                        "the function itself (no brackets after its name).")
    for y, y_hat in _loss_cases():
        array, problem = _run(func, y.copy(), y_hat.copy())
        if problem:
            return _verdict(False, "", problem)
        if array.ndim != 0:
            return _verdict(False, "", "your function returns an array (one value per sample, "
                            "like the article's calculate_loss); add them up into one number.")
        expected = np.sum((y - y_hat) ** 2)
        if not np.isclose(array, expected, rtol=1e-9, atol=1e-12):
            return _verdict(False, "", "the value is off: square the differences y - y_hat, "
                            "then add up all of the squares.")
    return _verdict(True, "one number that is 0 only when every prediction is exact.", "")


# =============================================================================
# Notebook 06: backpropagation
# =============================================================================
def check_06_new_weight(answer):
    """One gradient-descent step: w = 0.5, dL/dw = -2, learning rate 0.1. The new w?"""
    return _verdict(
        _is_close(answer, 0.7, 1e-9),
        "a negative slope means the loss falls to the right, so w moves right.",
        "use w_new = w - learning_rate * dL/dw, and mind the two minus signs.",
    )


def check_06_plateau_steps(answer):
    """Steps of size 1 * dL/dw needed to go from w = 10 back to w = 0.8574, at a fixed slope.

    The slope at w = 10 is about 0.0013 (notebook 06's probe of weights2[0, 0]), so the answer
    is about 7,000; anything from 6,000 to 7,500 passes (the slope may be read rounded).
    """
    if not _is_number(answer):
        return _verdict(False, "", "give one number: how many steps.")
    with _quiet():
        value = float(answer) if abs(answer) < 1e300 else float("inf")
    if 6000 <= value <= 7500:
        return _verdict(True, "thousands of steps on ground that looks almost flat: a tiny "
                        "gradient far from the minimum stalls training.", "")
    if 0 < value < 1:
        return _verdict(False, "", "that is less than one step: you have multiplied the distance "
                        "by the slope. How far does ONE step move the weight, and how many such "
                        "steps fit into the distance?")
    return _verdict(False, "", "one step moves the weight by learning rate × slope; compare that "
                    "with the distance between the two weight values.")


def check_06_descent_step(func):
    """A function ``descent_step(weights, gradient, learning_rate)`` returning new weights."""
    if not callable(func):
        return _verdict(False, "", "define `def descent_step(weights, gradient, "
                        "learning_rate):` and pass the function itself.")
    rng = np.random.default_rng(6)
    for rate in (0.1, 1.0, 2.5):
        weights, gradient = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
        result, problem = _run(func, weights.copy(), gradient.copy(), rate)
        if problem:
            return _verdict(False, "", problem)
        if result.shape != weights.shape:
            return _verdict(False, "", "return the new weights, an array of the same shape "
                            "as `weights`.")
        if np.allclose(result, weights + rate * gradient):
            return _verdict(False, "", "your step goes uphill: the gradient points to where "
                            "the loss grows.")
        if not np.allclose(result, weights - rate * gradient):
            return _verdict(False, "", "the step should be the gradient scaled by the "
                            "learning rate; check how you combine the three arguments.")
    return _verdict(True, "a step against the gradient, scaled by the learning rate.", "")


# =============================================================================
# Notebook 07: the math
# =============================================================================
def check_07_gradient_shapes(answer):
    """(shape of dL/dW1, shape of dL/dW2) for a 3-6-1 network (6 hidden units), as two tuples."""
    shapes = None
    if isinstance(answer, (tuple, list)):  # two shapes; each must hold whole numbers
        shapes = tuple(_as_shape(shape) for shape in answer)
    if shapes == ((3, 4), (4, 1)):
        return _verdict(False, "", "those are the shapes for 4 hidden units; this network has 6.")
    return _verdict(
        shapes == ((3, 6), (6, 1)),
        "a gradient always has the shape of the array it differentiates.",
        "give two shapes like ((rows, columns), (rows, columns)); a gradient has the same "
        "shape as the weights it belongs to, and weights1 has one column per hidden unit.",
    )


def check_07_output_delta(answer):
    """delta2 = dL/dz2 for one sample with target y = 1 and prediction y_hat = 0.8."""
    expected = 2 * (0.8 - 1) * 0.8 * (1 - 0.8)
    if _is_close(answer, -expected, 1e-9):
        return _verdict(False, "", "the size is right but the sign is flipped: that is the "
                        "article's 2(y - y_hat). The prediction is too low, so raising z2 "
                        "lowers the loss.")
    if _is_close(answer, 2 * (0.8 - 1), 1e-9) or _is_close(answer, 0.8 - 1, 1e-9):
        return _verdict(False, "", "that is only dL/dy_hat (or part of it); the chain rule also "
                        "multiplies by the sigmoid's slope at the output.")
    return _verdict(
        _is_close(answer, expected, 1e-9),
        "dL/dy_hat times the sigmoid's slope, y_hat(1 - y_hat); negative because the "
        "prediction is too low.",
        "give one number: chain Step 1 (dL/dy_hat) and Step 2 (the sigmoid's slope, computed "
        "from the output y_hat itself) as Step 3 does, and check the sign: is this prediction "
        "too high or too low?",
    )


def check_07_weights2_gradient(func):
    """A function ``my_grad_w2(layer1, output, y)`` returning dL/dW2 (shape (h, 1))."""
    if not callable(func):
        return _verdict(False, "", "define `def my_grad_w2(layer1, output, y):` and pass the "
                        "function itself.")
    rng = np.random.default_rng(7)
    for n, h in [(4, 4), (6, 3)]:
        layer1, output = rng.random((n, h)), rng.random((n, 1))
        y = rng.integers(0, 2, (n, 1)).astype(float)
        expected = layer1.T @ (2 * (output - y) * output * (1 - output))
        result, problem = _run(func, layer1.copy(), output.copy(), y.copy())
        if problem:
            return _verdict(False, "", problem)
        if result.shape != expected.shape:
            return _verdict(False, "", "the result must have the shape of W2 (one row per "
                            "hidden unit); check the transpose.")
        if np.allclose(result, -expected):
            return _verdict(False, "", "the sign is flipped: that is the article's 2(y - y_hat).")
        if not np.allclose(result, expected):
            return _verdict(False, "", "three factors: dL/dy_hat, the sigmoid's slope at the "
                            "output, and the hidden activations (transposed, in a matrix product).")
    return _verdict(True, "layer1 transposed times the output delta.", "")


# =============================================================================
# Notebook 08: training and results
# =============================================================================
def _trained_seed_0():
    x, y = xor()
    network = NeuralNetwork(x, y, rng=0)
    history = train(network, 1500)
    return network, history


def _start_weights(func, seed):
    """``func(seed)`` as a pair of finite arrays, or ``(None, hint)``; never raises."""
    if not callable(func):
        return None, "pass the function itself (no brackets after its name)."
    # A student may seed numpy's global generator (np.random.seed): restore it
    # afterwards, so that checking an answer leaves no trace on other code.
    global_state = np.random.get_state()
    try:
        with _quiet():
            value = func(seed)
            pair = tuple(value) if isinstance(value, (tuple, list)) else None
            arrays = None if pair is None or len(pair) != 2 else [_as_array(a) for a in pair]
    except Exception as error:  # a student's function may fail in any way: that is a hint
        return None, (f"your function raised {type(error).__name__}; call it with a seed "
                      "such as 0 to see why.")
    finally:
        np.random.set_state(global_state)
    if arrays is None or arrays[0] is None or arrays[1] is None:
        return None, "return a pair (weights1, weights2) of numpy arrays of numbers."
    if arrays[0].shape != (3, 4) or arrays[1].shape != (4, 1):
        return None, "use the article's shapes: weights1 (3, 4) and weights2 (4, 1)."
    return arrays, None


def check_08_reproducible(func):
    """A function ``reproducible_start(seed)`` returning (weights1, weights2) as the article
    draws them, uniform on [0, 1) with shapes (3, 4) and (4, 1), but the same for the same seed."""
    draws = {}
    for seed in (0, 0, 1, 7):
        arrays, problem = _start_weights(func, seed)
        if problem:
            return _verdict(False, "", problem)
        if np.any(arrays[0] < 0) or np.any(arrays[0] >= 1) or np.any(arrays[1] < 0) or np.any(
                arrays[1] >= 1):
            return _verdict(False, "", "the article draws every weight uniformly from [0, 1) "
                            "(np.random.rand); keep that distribution.")
        if seed in draws and not all(np.array_equal(a, b) for a, b in zip(arrays, draws[seed])):
            return _verdict(False, "", "two calls with the same seed gave different weights: "
                            "the random numbers must come from a generator fixed by the seed.")
        draws[seed] = arrays
    if any(np.array_equal(draws[a][0], draws[b][0]) for a, b in [(0, 1), (0, 7), (1, 7)]):
        return _verdict(False, "", "different seeds gave the same weights1; the seed must "
                        "choose the random numbers, not replace them.")
    if np.all(draws[0][0] == draws[0][0].flat[0]):
        return _verdict(False, "", "all of weights1 is one number: that start is symmetric. "
                        "Draw every weight separately.")
    return _verdict(True, "same seed, same start, same result on every run.", "")


def check_08_first_below(answer):
    """For the seed-0 network: the first k with history.loss[k] < 0.05."""
    passed = False
    if isinstance(answer, (int, np.integer)) and not isinstance(answer, bool):
        loss = _trained_seed_0()[1].loss
        passed = int(answer) == int(np.argmax(loss < 0.05))
    return _verdict(
        passed,
        "after that, the loss only creeps down: most of the learning happens early.",
        "give a whole number. history.loss[k] is the loss after k updates; find the "
        "smallest k where it is below 0.05 (np.argmax of a boolean array helps).",
    )


def check_08_centre_prediction(answer):
    """The seed-0 network's output for the new input (x1, x2) = (0.5, 0.5), a number."""
    array = _as_array(answer)
    passed = False
    if array is not None and array.size == 1:
        network = _trained_seed_0()[0]
        expected = network.predict(np.array([[0.5, 0.5, 1.0]]))[0, 0]
        passed = abs(float(array.ravel()[0]) - expected) < 1e-4
    return _verdict(
        passed,
        "XOR never defined this point; the number is the network's own guess.",
        "give one number: train the seed-0 network for 1500 iterations, then call "
        "net.predict on one row (x1, x2, constant 1).",
    )


# =============================================================================
# Notebook 09: the initial-weights lab
# =============================================================================
def check_09_symmetric_start(weights1, weights2):
    """A (3, 4) weights1 and (4, 1) weights2, not all one number, with identical hidden units."""
    w1, w2 = _as_array(weights1), _as_array(weights2)
    if w1 is None or w2 is None or w1.shape != (3, 4) or w2.shape != (4, 1):
        return _verdict(False, "", "give weights1 as a (3, 4) array of numbers and weights2 as "
                        "a (4, 1) array, e.g. built with np.array or np.full.")
    hidden_identical = bool(np.all(w1 == w1[:, :1]) and np.all(w2 == w2[0, 0]))
    if hidden_identical and np.all(w1 == w2[0, 0]):
        return _verdict(False, "", "that start is symmetric, but every weight is the same "
                        "number; find one where the weights differ yet the hidden units "
                        "still cannot be told apart.")
    return _verdict(
        hidden_identical,
        "each hidden unit has the same incoming weights (equal columns of weights1) and the "
        "same outgoing weight, so all four get identical gradients forever.",
        "a hidden unit is its column of weights1 plus its row of weights2; two units are "
        "interchangeable when both of those match.",
    )


def check_09_single_neuron_gates(answer):
    """Which of NOR, XNOR and IMPLIES (x1 -> x2) can one sigmoid neuron with a bias learn?"""
    names = None
    if isinstance(answer, (list, tuple, set, frozenset)) and all(
            isinstance(name, str) for name in answer):
        names = {name.strip().lower() for name in answer}
    return _verdict(
        names == {"nor", "implies"},
        "one neuron draws one straight line, and exactly those two gates are linearly separable.",
        "give a list of gate names such as [\"nor\"]. For each gate, write its truth table, mark "
        "its 1s and 0s on the four corners of the square, and ask whether one straight line can "
        "put all the 1s on one side and all the 0s on the other (compare section 6).",
    )


def check_09_two_unit_xor(weights1, bias1, weights2, bias2):
    """Hand-set weights of a 2-2-1 sigmoid network with biases whose outputs solve XOR.

    Shapes: weights1 (2, 2), bias1 2 entries, weights2 (2, 1), bias2 one number. XOR is
    solved when every output is on the right side of 0.5, as in the lab.
    """
    w1, b1, w2, b2 = (_as_array(a) for a in (weights1, bias1, weights2, bias2))
    if (w1 is None or b1 is None or w2 is None or b2 is None or w1.shape != (2, 2)
            or b1.size != 2 or w2.shape != (2, 1) or b2.size != 1):
        return _verdict(False, "", "give weights1 as a (2, 2) array (one column per hidden unit), "
                        "bias1 with 2 entries, weights2 as a (2, 1) array and bias2 as one number.")
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    with _quiet():  # weights like 1e300 overflow x @ w1 to inf, inf - inf to NaN
        output = sigmoid(sigmoid(x @ w1 + b1.reshape(1, 2)) @ w2 + b2.reshape(1, 1)).ravel()
    if not np.all(np.isfinite(output)):
        return _verdict(False, "", "with weights this large the outputs are not numbers any "
                        "more; weights of a few tens already make each sigmoid almost a step.")
    solved = bool(np.all(np.abs(output - np.array([0.0, 1.0, 1.0, 0.0])) < 0.5))
    shown = ", ".join(f"{value:.3f}" for value in output)
    return _verdict(
        solved,
        f"your network outputs {shown}: two lines parallel to the anti-diagonal, one on each "
        "side of the band through (0, 1) and (1, 0), combined by the output neuron.",
        f"your network outputs {shown} for (0, 0), (0, 1), (1, 0), (1, 1); each must be on the "
        "right side of 0.5. Let each hidden unit draw one line that cuts off one corner, (0, 0) "
        "or (1, 1), and let the output fire only when both hidden units agree the point is in "
        "the band between them. Weights like 20 make each sigmoid almost a step.",
    )
