"""The exercise checks of notebook 10, the architecture: right answers pass, wrong ones
get a hint that does not give the solution away.

The two-unit network is re-computed here with the article's sigmoid, so the
outputs a hint reports are compared with an independent forward pass; the
overshooting learning rate is checked against gradient descent run here by hand.
"""

import numpy as np
import pytest
from article_reference import article_sigmoid
from hints import assert_hint

from nnfs_lib.exercises import architecture as ex

XOR_INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
OR_NAND = np.array([[20.0, -20.0], [20.0, -20.0]]), [-10.0, 30.0]  # hidden: OR and NAND
AND_NOT = np.array([[20.0, -20.0], [-20.0, 20.0]]), [-10.0, -10.0]  # x1 and not x2, and back


def outputs(weights1, bias1, weights2, bias2):
    """The article's forward pass of the 2-2-1 network with biases, for the four inputs."""
    hidden = article_sigmoid(XOR_INPUTS @ np.asarray(weights1) + np.reshape(bias1, (1, 2)))
    return article_sigmoid(hidden @ np.asarray(weights2) + np.reshape(bias2, (1, 1))).ravel()


def shown(values):
    return ", ".join(f"{value:.3f}" for value in values)




# -- 10.1 the learning rate that overshoots -------------------------------------------
def descend(rate, steps=3, w=1.0):
    """Gradient descent on L(w) = w**2 (gradient 2w), by hand."""
    path = [w]
    for _ in range(steps):
        w = w - rate * 2 * w
        path.append(w)
    return path


def test_the_reference_rate_jumps_back_and_forth():
    assert descend(1.0) == [1.0, -1.0, 1.0, -1.0]
    assert abs(descend(0.9)[-1]) < 1 and abs(descend(1.1)[-1]) > 1


@pytest.mark.parametrize("answer", [1, 1.0, np.float64(1.0), np.array([[1.0]])])
def test_overshoot_rate_right(answer):
    assert ex.check_10_overshoot_rate(answer)


@pytest.mark.parametrize("answer", [0.5, 2, 0.1, 30, -1, 0, 0.99, None, "1", [1], True,
                                    float("nan"), 10**400])
def test_overshoot_rate_wrong(answer):
    assert_hint(ex.check_10_overshoot_rate(answer))


def test_a_rate_that_lands_on_the_minimum_gets_its_own_hint():
    assert descend(0.5)[1] == 0.0
    assert "lands exactly on 0" in repr(ex.check_10_overshoot_rate(0.5))


# -- 10.2 single-neuron gates ----------------------------------------------------------
@pytest.mark.parametrize("answer", [["NOR", "implies"], (" nor", "Implies "),
                                    {"nor", "implies"}, frozenset({"IMPLIES", "nor"})])
def test_single_neuron_gates_right(answer):
    assert ex.check_10_single_neuron_gates(answer)


@pytest.mark.parametrize("answer", [["nor"], ["nor", "implies", "xnor"], ["and", "or", "nand"],
                                    ["xnor"], [], None, "nor", "nor, implies", [1, 2], 3,
                                    ["nor", None], {"nor": 1, "implies": 2}])
def test_single_neuron_gates_wrong(answer):
    assert_hint(ex.check_10_single_neuron_gates(answer), "implies")


# -- 10.3 two-unit XOR -------------------------------------------------------------------
@pytest.mark.parametrize("weights2, bias2", [([[20.0], [20.0]], -30.0),
                                             (np.array([[20.0], [20.0]]), np.array([-30.0])),
                                             ([[20.0], [20.0]], [[-30.0]])])
def test_two_unit_xor_right(weights2, bias2):
    result = ex.check_10_two_unit_xor(*OR_NAND, weights2, bias2)
    assert result, repr(result)
    assert f"your network outputs {shown(outputs(*OR_NAND, weights2, bias2))}:" in repr(result)


def test_the_other_kind_of_solution_passes_with_a_message_that_fits_it():
    """Two units for 'x1 and not x2' and 'x2 and not x1', joined by an OR: lines parallel
    to the diagonal, not the anti-diagonal. The message must not describe the other kind."""
    expected = outputs(*AND_NOT, [[20.0], [20.0]], -10.0)
    assert np.all(np.abs(expected - [0, 1, 1, 0]) < 0.5)  # the reference agrees: XOR
    result = ex.check_10_two_unit_xor(*AND_NOT, [[20.0], [20.0]], -10.0)
    assert result, repr(result)
    assert f"your network outputs {shown(expected)}:" in repr(result)
    assert "anti-diagonal" not in repr(result) and "band" not in repr(result)


@pytest.mark.parametrize("weights2, bias2", [([[20.0], [20.0]], -10.0),   # OR of OR and NAND
                                             ([[20.0], [-20.0]], 0.0),
                                             ([[1.0], [1.0]], -0.5)])
def test_two_unit_xor_wrong_reports_the_network_outputs(weights2, bias2):
    result = ex.check_10_two_unit_xor(*OR_NAND, weights2, bias2)
    expected = outputs(*OR_NAND, weights2, bias2)
    assert not np.all(np.abs(expected - [0, 1, 1, 0]) < 0.5)  # the reference agrees: not XOR
    assert_hint(result)
    assert f"your network outputs {shown(expected)} for (0, 0)" in repr(result)


def test_two_unit_xor_with_an_or_at_the_output_shows_four_ones():
    result = ex.check_10_two_unit_xor(*OR_NAND, [[20.0], [20.0]], -10.0)
    assert "outputs 1.000, 1.000, 1.000, 1.000" in repr(result)


ONES, ZEROS, OUT = np.ones((2, 2)), [0, 0], [[1], [1]]


@pytest.mark.parametrize("arguments", [
    (None, ZEROS, OUT, 0), (np.ones((3, 2)), ZEROS, OUT, 0), (ONES, [0, 0, 0], OUT, 0),
    (ONES, ZEROS, [1, 1, 1], 0), (ONES, ZEROS, OUT, [0, 0]), (ONES, ZEROS, OUT, "b"),
    (np.full((2, 2), np.nan), ZEROS, OUT, 0), (np.zeros((2, 2)), ZEROS, [[0], [0]], 0),
    (np.full((2, 2), np.inf), ZEROS, OUT, 0), (ONES, ZEROS, OUT, 10**400),
])
def test_two_unit_xor_hints_never_show_a_solution(arguments):
    result = ex.check_10_two_unit_xor(*arguments)
    assert_hint(result, "-30", "20, -20")


def test_every_check_of_10_is_tested():
    assert {name for name in dir(ex) if name.startswith("check_")} == {
        "check_10_overshoot_rate", "check_10_single_neuron_gates", "check_10_two_unit_xor"}
