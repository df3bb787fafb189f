"""Bad input to nnfs_lib.lab gets a clear error naming the argument, before any arithmetic.

The lab's rows of the project's bad-input promise (``clear_errors.assert_clear_error``):
exactly a TypeError or ValueError whose message names the argument, with no
warning first, for every public function of ``many``, ``starts`` and
``architecture``. Also the "reliability" fixes: numbers beyond float64 (an
int such as 10**400, a float128 such as 1e4000) and requests too large for
memory are refused under the argument's name, not with an OverflowError, a
RuntimeWarning or a MemoryError.
"""

import numpy as np
import pytest
from clear_errors import assert_clear_error

from nnfs_lib.datasets import xor
from nnfs_lib.lab import architecture, many, starts
from nnfs_lib.lab.settings import LabSettings

X, Y = xor()
W1, W2 = many.initial_weights(2, 3, rng=0)
OBJECT_ARRAY = np.array([1.0, "a"], dtype=object)
RAGGED = [[1.0], [1.0, 2.0]]


def _cases():
    """(id, call, exception type, the argument the message must name), one per bad call."""
    cases = []
    good = {"x": X, "y": Y, "weights1": W1, "weights2": W2, "iterations": 3}
    for argument, value, error in [
            ("x", None, TypeError), ("y", np.full((4, 1), np.nan), ValueError),
            ("weights1", None, TypeError), ("weights1", np.zeros((0, 3, 4)), ValueError),
            ("weights1", OBJECT_ARRAY, TypeError),
            ("weights2", np.full((2, 4, 1), 1e7), ValueError),
            ("weights2", RAGGED, ValueError), ("iterations", 10**12, ValueError),
            ("iterations", True, TypeError), ("learning_rate", True, TypeError),
            ("learning_rate", [np.nan, 1.0], ValueError), ("record_loss", "yes", TypeError),
            ("record_gradient_norms", None, TypeError)]:
        arguments = {**good, argument: value}
        cases.append((f"train_many({argument}={value!r:.20})",
                      lambda a=arguments: many.train_many(**a), error, argument))
    for argument, value, error in [
            ("n_networks", True, TypeError), ("n_networks", "3", TypeError),
            ("n_networks", 0, ValueError), ("n_networks", 10**12, ValueError),
            ("n_inputs", 2.5, TypeError), ("hidden_units", 10**12, ValueError),
            ("n_outputs", None, TypeError), ("init_scale", True, TypeError),
            ("init_scale", np.inf, ValueError), ("rng", "seed", TypeError)]:
        arguments = {"n_networks": 2, "n_inputs": 3, argument: value}
        cases.append((f"initial_weights({argument}={value!r:.20})",
                      lambda a=arguments: many.initial_weights(**a), error, argument))
    for value, error in [("abc", TypeError), (None, TypeError), (3, TypeError),
                         (RAGGED, TypeError), ([[1], [2]], TypeError), ([True], TypeError),
                         ([1.5], TypeError), ([], ValueError), ([-1], ValueError)]:
        cases.append((f"initial_weights_from_seeds({value!r:.20})",
                      lambda v=value: many.initial_weights_from_seeds(v, 3), error, "seeds"))
    cases.append(("initial_weights_from_seeds(hidden_units=10**12)",
                  lambda: many.initial_weights_from_seeds([0], 3, hidden_units=10**12),
                  ValueError, "hidden_units"))
    for value, error in [("abc", TypeError), (None, TypeError), (OBJECT_ARRAY, TypeError),
                         (np.array([1 + 2j]), TypeError), (RAGGED, ValueError),
                         (np.array([]), ValueError), (np.nan, ValueError),
                         ([1.0, np.inf], ValueError), (np.zeros((0, 4, 1)), ValueError),
                         (np.zeros((2, 3, 1)), ValueError)]:
        cases.append((f"solved(outputs={value!r:.20})",
                      lambda v=value: many.solved(v, Y), error, "outputs"))
    for value, error in [(True, TypeError), ("0.5", TypeError), (0, ValueError),
                         (2.0, ValueError), (np.nan, ValueError)]:
        cases.append((f"solved(tolerance={value!r})",
                      lambda v=value: many.solved(np.zeros((1, 4, 1)), Y, v), error, "tolerance"))
    cases.append(("solved(y=None)", lambda: many.solved(np.zeros((1, 4, 1)), None),
                  TypeError, "y"))
    cases.append(("check_batch(huge)", lambda: many.check_batch("x", 10**7, X, Y, 10),
                  ValueError, "x"))
    return cases


CASES = {case_id: rest for case_id, *rest in _cases()}


@pytest.mark.parametrize("call, error, argument", CASES.values(), ids=CASES.keys())
def test_every_public_function_of_many_names_the_bad_argument(call, error, argument):
    assert_clear_error(call, error, rf"(?<!\w){argument}(?!\w)")


def test_every_public_function_of_many_is_covered():
    """A new public function of many must get rows above."""
    public = {name for name, value in vars(many).items() if not name.startswith("_")
              and callable(value) and not isinstance(value, type)
              and getattr(value, "__module__", None) == many.__name__}
    assert public <= {case_id.split("(")[0] for case_id in CASES}


# -- reliability: the fixes of section 5 -------------------------------------------------
def test_too_wide_a_width_names_widths():
    assert_clear_error(lambda: architecture.success_by_hidden_units([10_001], seeds=2),
                       ValueError, r"^widths ")


# Every argument that takes floats, with good values for the others: (call, good, argument).
TRAIN = {"x": X, "y": Y, "weights1": W1, "weights2": W2, "iterations": 1}
BIASES = {**TRAIN, "bias1": np.zeros((2, 1, 4)), "bias2": np.zeros((2, 1, 1))}
SCALES = {"init_scales": [1.0], "checkpoints": [1], "seeds": 2, "x": X, "y": Y,
          "learning_rate": 1.0}
NEURONS = {"x": X, "y": Y, "weights": np.ones((2, 3)), "iterations": 1, "learning_rate": 1.0}
FLOAT_ARGUMENTS = [
    *((many.train_many, TRAIN, name) for name in ("x", "y", "weights1", "weights2")),
    (many.train_many, {**TRAIN, "learning_rate": 1.0}, "learning_rate"),
    (many.train_many, {**TRAIN, "learning_rate": [1.0, 1.0]}, "learning_rate"),
    (many.train_many, BIASES, "bias1"), (many.train_many, BIASES, "bias2"),
    (many.initial_weights, {"n_networks": 2, "n_inputs": 3, "init_scale": 1.0}, "init_scale"),
    (many.initial_weights_from_seeds, {"seeds": [0], "n_inputs": 3, "init_scale": 1.0},
     "init_scale"),
    *((many.solved, {"outputs": np.zeros((1, 4, 1)), "y": Y, "tolerance": 0.5}, name)
      for name in ("outputs", "y", "tolerance")),
    *((starts.success_by_scale, SCALES, name) for name in ("init_scales", "x", "learning_rate")),
    *((starts.basin_map, {"values1": [1.0], "values2": [1.0], "iterations": 1,
                          "learning_rate": 1.0, "init_scale": 1.0}, name)
      for name in ("values1", "values2", "learning_rate", "init_scale")),
    *((starts.symmetric_start, {"value": 0.5, "noise": 1e-3, "iterations": 1,
                                "learning_rate": 1.0}, name)
      for name in ("value", "noise", "learning_rate")),
    (starts.columns_identical, {"weights1": np.ones((3, 4))}, "weights1"),
    (starts.gradient_norms_by_scale, {"init_scales": [1.0], "seeds": 2, "iterations": 1},
     "init_scales"),
    (architecture.learning_rate_curves, {"learning_rates": [1.0], "iterations": 1},
     "learning_rates"),
    (architecture.success_by_learning_rate, {"learning_rates": [1.0], "seeds": 2,
                                             "iterations": 1}, "learning_rates"),
    *((architecture.train_single_neurons, NEURONS, name)
      for name in ("x", "y", "weights", "learning_rate")),
    *((LabSettings, {"init_scale": 1.0, "learning_rate": 1.0}, name)
      for name in ("init_scale", "learning_rate")),
]
# Numbers beyond float64: Python ints and numpy's float128 (long double).
HUGE = [10**400, -10**400, np.longdouble("1e4000"), -np.longdouble("1e4000")]


def _spoil(value, huge):
    """``value`` (a number or an array) with its first number replaced by ``huge``."""
    if np.ndim(value) == 0:
        return huge
    array = np.array(value, dtype=object if isinstance(huge, int) else np.longdouble)
    array.flat[0] = huge
    return array.tolist() if isinstance(huge, int) else array


@pytest.mark.parametrize("huge", HUGE, ids=["int", "-int", "float128", "-float128"])
@pytest.mark.parametrize("function, good, argument", FLOAT_ARGUMENTS,
                         ids=[f"{f.__name__}-{a}" for f, _, a in FLOAT_ARGUMENTS])
def test_numbers_beyond_float64_raise_value_error_naming_the_argument(function, good,
                                                                        argument, huge):
    """Not an OverflowError, nor a TypeError for an object array, nor a warning first."""
    arguments = {**good, argument: _spoil(good[argument], huge)}
    assert_clear_error(lambda: function(**arguments), ValueError, rf"^{argument} ")


TOO_LARGE = {  # id: (call, the arguments the error must name)
    "basin_map 4000 x 4000": (lambda: starts.basin_map(np.zeros(4000), np.zeros(4000)),
                              "values1 and values2"),
    "success_by_scale": (lambda: starts.success_by_scale(np.ones(10_000), [1], seeds=10_000),
                         "init_scales and seeds"),
    "gradient_norms_by_scale": (
        lambda: starts.gradient_norms_by_scale(np.ones(10_000), seeds=10_000),
        "init_scales and seeds"),
    "success_by_learning_rate": (
        lambda: architecture.success_by_learning_rate(np.ones(10_000), seeds=10_000),
        "learning_rates and seeds"),
    "train_single_neurons": (
        lambda: architecture.train_single_neurons(X, Y, np.ones((100_000, 3)), 10_000),
        "iterations and weights"),
    "train_many buffers": (
        lambda: many.train_many(np.zeros((100_000, 3)), np.zeros((100_000, 1)),
                                *many.initial_weights(1000, 3, rng=0), 1, record_loss=False),
        "x, y and weights1"),
    "seeds range(10**9)": (lambda: many.initial_weights_from_seeds(range(10**9), 3), "seeds"),
    "LabSettings": (lambda: LabSettings(networks=10_000, iterations=100_000),
                    "networks and iterations"),
}


@pytest.mark.parametrize("call, names", TOO_LARGE.values(), ids=TOO_LARGE.keys())
def test_requests_too_large_for_memory_are_refused_before_allocating(call, names):
    """A ValueError naming what set the size (check_entries), never a MemoryError."""
    assert_clear_error(call, ValueError, rf"^{names} are too large")
