"""``gradcheck``'s relative error, verdicts and the Karpathy-style table of notebook 07."""

import numpy as np
import pytest

from nnfs_lib.datasets import xor
from nnfs_lib.gradcheck import (
    comparison_rows,
    comparison_table,
    numerical_gradients,
    relative_error,
    verdict,
)
from nnfs_lib.network import NeuralNetwork


def test_rows_for_backprop_against_finite_differences():
    x, y = xor()
    network = NeuralNetwork(x, y, rng=0)
    numeric = numerical_gradients(network)
    rows = comparison_rows(network.gradients(), numeric, ["dL/dW1", "dL/dW2"])
    assert [row[0] for row in rows] == ["dL/dW1", "dL/dW2"]
    for _, exact, close, difference, error, judged in rows:
        assert (exact, close, judged) == (False, True, "correct")
        assert 0 < difference < 1e-9 and 0 < error < 1e-6
    # The article's sign: every entry of at least the floor 1e-3 is off by twice itself.
    for _, exact, close, _difference, error, judged in comparison_rows(
            [-g for g in network.gradients()], numeric, ["W1", "W2"]):
        assert (exact, close, judged) == (False, False, "wrong")
        assert error == pytest.approx(2.0, rel=1e-6)


def test_identical_and_opposite_arrays():
    a = np.array([[1.0, -2.0], [3.0, 0.5]])
    (row_same,) = comparison_rows([a], [a.copy()], ["same"])
    assert row_same == ("same", True, True, 0.0, 0.0, "correct")
    (row_opposite,) = comparison_rows([a], [-a], ["opposite"])
    assert row_opposite[1:] == (False, False, 6.0, 2.0, "wrong")


def test_single_array_and_name():
    assert comparison_rows(np.ones(3), np.ones(3), "g") == [("g", True, True, 0.0, 0.0, "correct")]


def test_table_text_is_coarse_and_aligned():
    a = np.array([1.0, 2.0])
    text = comparison_table([a, a, a, a, -a, [1e-5, 0.0]],
                            [a, a + 3e-10, a + 2e-4, a + 5.0, a, [2e-5, 0.0]],
                            ["zero", "tiny", "small", "large", "flipped", "floor"])
    # tiny: |3e-10| < atol + rtol * |n| (1e-8 + 1e-5 * 1), so close but not exact; its
    # relative error 3e-10 / 1 is printed up to the verdicts' first bound, 1e-6;
    # small: 2e-4 > 1e-8 + 1e-5 * 2.0002, so neither; relative 2e-4 / 1.0002: suspicious;
    # large: 5 / 6 = 0.83; flipped: |-1 - 1| / 1 = 2; floor: 1e-5 / 1e-3 = 0.01 (not
    # 1e-5 / 2e-5 = 0.5: entries below the floor are measured against it).
    assert text.splitlines() == [
        "quantity | exact | close | max difference | relative error | verdict",
        "---------+-------+-------+----------------+----------------+-----------",
        "zero     | True  | True  | 0              | 0              | correct",
        "tiny     | False | True  | < 1e-09        | < 1e-06        | correct",
        "small    | False | False | < 1e-03        | < 1e-03        | suspicious",
        "large    | False | False | 5.0e+00        | < 1e+00        | wrong",
        "flipped  | False | False | 4.0e+00        | 2.0e+00        | wrong",
        "floor    | False | False | < 1e-03        | < 1e+00        | wrong",
    ]


@pytest.mark.parametrize("analytic, numeric, expected", [
    ([0.0, 0.0], [0.0, 0.0], 0.0),
    ([1.0], [-1.0], 2.0),                              # |1 + 1| / 1
    ([4.0], [4.0 + 2**-18], 2**-18 / (4.0 + 2**-18)),  # relative to the larger one
    ([100.0, 0.01], [100.0, 0.0101], 1e-4 / 0.0101),   # element-wise: the small entry counts
    ([1e-5, 3.0], [2e-5, 3.0], 1e-5 / 1e-3),           # below the floor 1e-3: against it
    ([0.0], [5e-4], 5e-4 / 1e-3),                      # a zero gradient does not blow it up
    ([1e308], [-1e308], 2.0),                          # no overflow
])
def test_relative_error_by_hand(analytic, numeric, expected):
    # rel=1e-9: the entries are divided by their scale first (no overflow), which rounds
    assert relative_error(analytic, numeric) == pytest.approx(expected, rel=1e-9, abs=0)


@pytest.mark.parametrize("error, expected", [
    (0.0, "correct"), (9.9e-7, "correct"), (1e-6, "suspicious"), (2e-4, "suspicious"),
    (9.99e-4, "suspicious"), (1e-3, "wrong"), (0.5, "wrong"), (2.0, "wrong"), (np.inf, "wrong"),
])
def test_verdict_thresholds(error, expected):
    assert verdict(error) == expected


def test_mismatches_raise():
    with pytest.raises(ValueError, match="one name per pair"):
        comparison_rows([np.ones(2)], [np.ones(2), np.ones(2)], ["a"])
    with pytest.raises(ValueError, match="shapes differ"):
        comparison_rows([np.ones(2)], [np.ones(3)], ["a"])


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(names=None), TypeError, "names must be a string or a sequence of strings"),
    (dict(names=[3]), TypeError, "names must hold strings"),
    (dict(analytic=None), TypeError, "analytic must be a sequence of arrays"),
    (dict(numeric=5.0), TypeError, "numeric must be a sequence of arrays"),
    (dict(analytic=[np.array(["a", "b"])]), TypeError, r"analytic \(g\) must hold real"),
    (dict(numeric=[np.array([np.nan, 1.0])]), ValueError, r"numeric \(g\) must contain only"),
    (dict(analytic=[np.array([])], numeric=[np.array([])]), ValueError, "must not be empty"),
    (dict(rtol=-1), ValueError, "rtol must be a number from 0 to 1"),
    (dict(atol="0"), TypeError, "atol must be a real number"),
    (dict(atol=True), TypeError, "atol must be a real number"),
])
def test_bad_arguments_name_themselves(kwargs, error, message):
    arguments = {"analytic": [np.ones(2)], "numeric": [np.ones(2)], "names": ["g"], **kwargs}
    for function in (comparison_rows, comparison_table):
        with pytest.raises(error, match=message):
            function(**arguments)
