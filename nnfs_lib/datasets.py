"""The training data (article section "The Network"): XOR and other logic gates.

Taught in notebook 00. Both functions return ``(x, y)`` as float64 arrays:
``x`` of shape (4, n_inputs), one row per input pattern, and ``y`` of shape
(4, 1), the targets.
"""

import numpy as np

from ._checks import check_flag

#: The truth tables the library knows: targets for the rows 00, 01, 10, 11.
GATES = {"and": [0, 0, 0, 1], "or": [0, 1, 1, 1], "nand": [1, 1, 1, 0], "xor": [0, 1, 1, 0]}
_TWO_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)


def check_gate(name, gate):
    """``gate`` in lower case if it names a truth table of ``GATES``, else raise."""
    if not isinstance(gate, str):
        raise TypeError(f"{name} must be a gate name, one of {sorted(GATES)}, "
                        f"got {type(gate).__name__}")
    if gate.lower() not in GATES:
        raise ValueError(f"{name} must be one of {sorted(GATES)}, got {gate!r}")
    return gate.lower()


def with_constant_column(x):
    """``x`` (m, d) with a column of ones appended: (m, d + 1), as the article's XOR data."""
    return np.hstack([x, np.ones((x.shape[0], 1))])


def logic_gate(name, constant_column=False):
    """Truth table of a two-input gate: ``"and"``, ``"or"``, ``"nand"`` or ``"xor"``.

    With ``constant_column=True`` a third input column of ones is appended,
    as in the article's XOR data (see ``xor``).
    """
    key = check_gate("name", name)
    x = with_constant_column(_TWO_INPUTS) if check_flag("constant_column", constant_column) \
        else _TWO_INPUTS.copy()
    return x, np.array(GATES[key], dtype=np.float64).reshape(4, 1)


def xor():
    """The article's XOR data: ``x`` of shape (4, 3), ``y`` of shape (4, 1).

    The third column of ``x`` is always 1. Its weights in ``weights1`` are
    therefore added to every hidden neuron's input whatever the sample: they
    play the role of the hidden layer's bias b1, which the article otherwise
    drops. (The output layer gets no such constant, so it has no bias.)
    """
    return logic_gate("xor", constant_column=True)
