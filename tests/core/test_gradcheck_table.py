"""``gradcheck.comparison_rows`` / ``comparison_table``: the Karpathy-style table of notebook 07."""

import numpy as np
import pytest

from nnfs_lib.datasets import xor
from nnfs_lib.gradcheck import comparison_rows, comparison_table, numerical_gradients
from nnfs_lib.network import NeuralNetwork


def test_rows_for_backprop_against_finite_differences():
    x, y = xor()
    network = NeuralNetwork(x, y, rng=0)
    rows = comparison_rows(network.gradients(), numerical_gradients(network),
                           ["dL/dW1", "dL/dW2"])
    assert [row[0] for row in rows] == ["dL/dW1", "dL/dW2"]
    for _, exact, close, difference in rows:
        assert exact is False and close is True
        assert 0 < difference < 1e-9


def test_identical_and_opposite_arrays():
    a = np.array([[1.0, -2.0], [3.0, 0.5]])
    (row_same,) = comparison_rows([a], [a.copy()], ["same"])
    assert row_same == ("same", True, True, 0.0)
    (row_opposite,) = comparison_rows([a], [-a], ["opposite"])
    assert row_opposite[1:] == (False, False, 6.0)


def test_single_array_and_name():
    assert comparison_rows(np.ones(3), np.ones(3), "g") == [("g", True, True, 0.0)]


def test_table_text_is_coarse_and_aligned():
    a = np.array([1.0, 2.0])
    text = comparison_table([a, a, a, a], [a, a + 3e-10, a + 2e-4, a + 5.0],
                            ["zero", "tiny", "small", "large"])
    # tiny: |3e-10| < atol + rtol * |n| (1e-8 + 1e-5 * 1), so close but not exact;
    # small: 2e-4 > 1e-8 + 1e-5 * 2.0002, so neither.
    assert text.splitlines() == [
        "quantity | exact | close | max difference",
        "---------+-------+-------+---------------",
        "zero     | True  | True  | 0",
        "tiny     | False | True  | < 1e-09",
        "small    | False | False | < 1e-03",
        "large    | False | False | 5.0e+00",
    ]


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
