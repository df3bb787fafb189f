"""The exercise checks of notebook 09, the initial-weights lab: right answers pass,
wrong ones get a hint that does not give the solution away.

The two-unit network is re-computed here with the article's sigmoid, so the
outputs a hint reports are compared with an independent forward pass.
"""

import numpy as np
import pytest
from article_reference import article_sigmoid

from nnfs_lib.exercises import initial_weights_lab as lab
from nnfs_lib.exercises._checking import CheckResult

XOR_INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
OR_NAND = np.array([[20.0, -20.0], [20.0, -20.0]]), [-10.0, 30.0]  # hidden: OR and NAND


def outputs(weights1, bias1, weights2, bias2):
    """The article's forward pass of the 2-2-1 network with biases, for the four inputs."""
    hidden = article_sigmoid(XOR_INPUTS @ np.asarray(weights1) + np.reshape(bias1, (1, 2)))
    return article_sigmoid(hidden @ np.asarray(weights2) + np.reshape(bias2, (1, 1))).ravel()


def shown(values):
    return ", ".join(f"{value:.3f}" for value in values)


def assert_hint(result, *secrets):
    assert isinstance(result, CheckResult)
    assert not result
    message = repr(result)
    assert message.startswith("❌ Not yet. Hint: "), message
    for secret in secrets:
        assert secret not in message.lower(), message


# -- symmetric start ---------------------------------------------------------------
SYMMETRIC_W1 = np.tile([[1.0], [-2.0], [0.5]], (1, 4))  # equal columns, differing rows


def test_symmetric_start_passes_equal_columns_and_equal_outgoing_weights():
    assert lab.check_09_symmetric_start(SYMMETRIC_W1, np.full((4, 1), 0.3))
    assert lab.check_09_symmetric_start(SYMMETRIC_W1.tolist(), [[-1.0]] * 4)


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
    assert_hint(lab.check_09_symmetric_start(weights1, weights2))


def test_all_equal_weights_get_their_own_hint():
    result = lab.check_09_symmetric_start(np.full((3, 4), 0.5), np.full((4, 1), 0.5))
    assert "every weight is the same number" in repr(result)


# -- single-neuron gates -----------------------------------------------------------
@pytest.mark.parametrize("answer", [["NOR", "implies"], (" nor", "Implies "),
                                    {"nor", "implies"}, frozenset({"IMPLIES", "nor"})])
def test_single_neuron_gates_right(answer):
    assert lab.check_09_single_neuron_gates(answer)


@pytest.mark.parametrize("answer", [["nor"], ["nor", "implies", "xnor"], ["and", "or", "nand"],
                                    ["xnor"], [], None, "nor", "nor, implies", [1, 2], 3,
                                    ["nor", None], {"nor": 1, "implies": 2}])
def test_single_neuron_gates_wrong(answer):
    assert_hint(lab.check_09_single_neuron_gates(answer), "implies")


# -- two-unit XOR -------------------------------------------------------------------
@pytest.mark.parametrize("weights2, bias2", [([[20.0], [20.0]], -30.0),
                                             (np.array([[20.0], [20.0]]), np.array([-30.0])),
                                             ([[20.0], [20.0]], [[-30.0]])])
def test_two_unit_xor_right(weights2, bias2):
    result = lab.check_09_two_unit_xor(*OR_NAND, weights2, bias2)
    assert result, repr(result)
    assert f"your network outputs {shown(outputs(*OR_NAND, weights2, bias2))}:" in repr(result)


@pytest.mark.parametrize("weights2, bias2", [([[20.0], [20.0]], -10.0),   # OR of OR and NAND
                                             ([[20.0], [-20.0]], 0.0),
                                             ([[1.0], [1.0]], -0.5)])
def test_two_unit_xor_wrong_reports_the_network_outputs(weights2, bias2):
    result = lab.check_09_two_unit_xor(*OR_NAND, weights2, bias2)
    expected = outputs(*OR_NAND, weights2, bias2)
    assert not np.all(np.abs(expected - [0, 1, 1, 0]) < 0.5)  # the reference agrees: not XOR
    assert_hint(result)
    assert f"your network outputs {shown(expected)} for (0, 0)" in repr(result)


def test_two_unit_xor_with_an_or_at_the_output_shows_four_ones():
    result = lab.check_09_two_unit_xor(*OR_NAND, [[20.0], [20.0]], -10.0)
    assert "outputs 1.000, 1.000, 1.000, 1.000" in repr(result)


ONES, ZEROS, OUT = np.ones((2, 2)), [0, 0], [[1], [1]]


@pytest.mark.parametrize("arguments", [
    (None, ZEROS, OUT, 0), (np.ones((3, 2)), ZEROS, OUT, 0), (ONES, [0, 0, 0], OUT, 0),
    (ONES, ZEROS, [1, 1, 1], 0), (ONES, ZEROS, OUT, [0, 0]), (ONES, ZEROS, OUT, "b"),
    (np.full((2, 2), np.nan), ZEROS, OUT, 0), (np.zeros((2, 2)), ZEROS, [[0], [0]], 0),
    (np.full((2, 2), np.inf), ZEROS, OUT, 0), (ONES, ZEROS, OUT, 10**400),
])
def test_two_unit_xor_hints_never_show_a_solution(arguments):
    result = lab.check_09_two_unit_xor(*arguments)
    assert_hint(result, "-30", "20, -20")


def test_every_check_of_09_is_tested():
    assert {name for name in dir(lab) if name.startswith("check_")} == {
        "check_09_symmetric_start", "check_09_single_neuron_gates", "check_09_two_unit_xor"}
