"""Exercise checks of notebook 00, the network.

``notebooks/00_the_network.ipynb`` runs
``from nnfs_lib.exercises import the_network as exercises``.
"""

import numpy as np

from nnfs_lib.exercises._checking import _as_array, _as_number, _verdict


def check_00_weight_count(answer):
    """How many weights does the article's 3-4-1 network have (no biases)?"""
    return _verdict(
        _as_number(answer) == 3 * 4 + 4 * 1,
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
        _as_number(answer) == 14,
        "only XOR and its opposite (XNOR) put their 1s on a diagonal, where no single line "
        "can reach them.",
        "give one whole number. Sort the gates by how many 1s they output: none or four, "
        "exactly one, exactly three, exactly two. For each group, ask whether a line can put "
        "the 1-corners of the square on one side and the 0-corners on the other; only the "
        "two-1 group needs care.",
    )
