"""``gradcheck.comparison_rows`` / ``comparison_table``: the Karpathy-style table of notebook 07."""

import numpy as np
import pytest

from nnfs_lib import NeuralNetwork, numerical_gradients, xor
from nnfs_lib.gradcheck import comparison_rows, comparison_table


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
    lines = text.splitlines()
    assert lines[0].startswith("quantity") and "exact" in lines[0] and "close" in lines[0]
    assert len({len(line) for line in lines[:2]}) == 1
    assert lines[2].endswith("| 0")
    assert lines[3].endswith("< 1e-09")
    assert lines[4].endswith("< 1e-03")
    assert lines[5].endswith("5.0e+00")
    assert "True  | True" in lines[3] or "False | True" in lines[3]


def test_mismatches_raise():
    with pytest.raises(ValueError, match="one name per pair"):
        comparison_rows([np.ones(2)], [np.ones(2), np.ones(2)], ["a"])
    with pytest.raises(ValueError, match="shapes differ"):
        comparison_rows([np.ones(2)], [np.ones(3)], ["a"])
