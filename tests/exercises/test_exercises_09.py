"""The exercise checks of notebook 09, which starts train: right answers pass, wrong
ones get a hint that does not give the solution away.

The references are independent of the checks: the number of failing starts is
re-measured with the lab's own experiment (and read off the notebook's table by
hand), and the sigmoid's slope is computed here with ``math.exp``.
"""

import math

import numpy as np
import pytest
from hints import assert_hint

from nnfs_lib.exercises import which_starts_train as ex
from nnfs_lib.lab import starts

# -- 9.1 failed starts at scale 4 ------------------------------------------------------
# Notebook 09's table prints "scale 4: ... 2000 it. 87.1%": by hand, 1000 - 871 = 129.
FAILED_BY_HAND = 1000 - 871


def test_the_table_entry_is_what_the_experiment_measures():
    rate = starts.success_by_scale([4], [2000], seeds=1000)[0, 0]
    assert round(1000 * (1 - rate)) == FAILED_BY_HAND


@pytest.mark.parametrize("answer", [FAILED_BY_HAND, float(FAILED_BY_HAND), np.int64(129),
                                    np.array(129), np.array([[129.0]])])
def test_failed_starts_right(answer):
    assert ex.check_09_failed_starts(answer)


@pytest.mark.parametrize("answer", [871, 12.9, 0.129, 128, 130, 129.5, 505, 0, -129, None, "129",
                                    [129], True, float("nan"), 10**400])
def test_failed_starts_wrong(answer):
    assert_hint(ex.check_09_failed_starts(answer), "129")


def test_failed_starts_hints_say_what_was_given():
    assert "how many starts succeed" in repr(ex.check_09_failed_starts(871))
    assert "share of starts" in repr(ex.check_09_failed_starts(12.9))
    assert "share of starts" in repr(ex.check_09_failed_starts(0.129))


# -- 9.2 symmetric start -------------------------------------------------------------
SYMMETRIC_W1 = np.tile([[1.0], [-2.0], [0.5]], (1, 4))  # equal columns, differing rows


def test_symmetric_start_passes_equal_columns_and_equal_outgoing_weights():
    assert ex.check_09_symmetric_start(SYMMETRIC_W1, np.full((4, 1), 0.3))
    assert ex.check_09_symmetric_start(SYMMETRIC_W1.tolist(), [[-1.0]] * 4)


@pytest.mark.parametrize(("weights1", "weights2"), [
    (np.full((3, 4), 0.5), np.full((4, 1), 0.5)),           # symmetric, but one number
    (np.arange(12.0).reshape(3, 4), np.ones((4, 1))),        # columns differ
    (SYMMETRIC_W1, np.arange(4.0).reshape(4, 1)),             # outgoing weights differ
    (SYMMETRIC_W1.T, np.ones((4, 1))),                        # wrong shapes
    (SYMMETRIC_W1, np.ones((1, 4))),
    (None, np.ones((4, 1))), ("w", np.ones((4, 1))), ([[1, 2]], np.ones((4, 1))),
    (np.full((3, 4), np.nan), np.ones((4, 1))),
])
def test_symmetric_start_hints(weights1, weights2):
    assert_hint(ex.check_09_symmetric_start(weights1, weights2))


def test_all_equal_weights_get_their_own_hint():
    result = ex.check_09_symmetric_start(np.full((3, 4), 0.5), np.full((4, 1), 0.5))
    assert "every weight is the same number" in repr(result)


# -- 9.3 the slope at a saturated hidden unit ------------------------------------------
# Three weights uniform on [0, 8) average 3 * 4 = 12; sigma'(12) by hand with math.exp.
SIGMA_12 = 1.0 / (1.0 + math.exp(-12.0))
SLOPE_12 = SIGMA_12 * (1.0 - SIGMA_12)


def test_the_reference_slope_rounds_to_6_1e_minus_6():
    assert f"{SLOPE_12:.1e}" == "6.1e-06"


@pytest.mark.parametrize("answer", [SLOPE_12, 6.1e-6, 6.14e-6, 6.144e-6, 6.149e-6,
                                    np.float32(6.1e-6), np.array([6.1e-6])])
def test_saturated_slope_right(answer):
    assert ex.check_09_saturated_slope(answer)


@pytest.mark.parametrize("answer", [6.0e-6, 6.2e-6, 6.05e-6, 6.2e-6 + 1e-9, 6.1e-5, 6.1, 0.25,
                                    SIGMA_12, -SLOPE_12, 0, 0.0177, 3.4e-4, None, "6.1e-6",
                                    [6.1e-6],
                                    float("inf"), float("nan")])
def test_saturated_slope_wrong(answer):
    assert_hint(ex.check_09_saturated_slope(answer), "6.1", "z = 12", "12")


def test_saturated_slope_hints_say_what_was_given():
    assert "sigma(z) itself" in repr(ex.check_09_saturated_slope(SIGMA_12))
    assert "at most 0.25" in repr(ex.check_09_saturated_slope(0.25))
    assert "positive" in repr(ex.check_09_saturated_slope(-SLOPE_12))


def test_every_check_of_09_is_tested():
    assert {name for name in dir(ex) if name.startswith("check_")} == {
        "check_09_failed_starts", "check_09_symmetric_start", "check_09_saturated_slope"}
