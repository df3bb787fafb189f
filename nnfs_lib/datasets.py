"""The training data (article section "The Network"): XOR and other logic gates.

All functions return ``(x, y)`` as float64 arrays: ``x`` of shape (4, n_inputs)
with one row per input pattern, ``y`` of shape (4, 1) with the targets.
"""

import numpy as np

_TWO_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)

GATES = {
    "and": [0, 0, 0, 1],
    "or": [0, 1, 1, 1],
    "nand": [1, 1, 1, 0],
    "xor": [0, 1, 1, 0],
}


def logic_gate(name, constant_column=False):
    """Truth table of a two-input gate: ``"and"``, ``"or"``, ``"nand"`` or ``"xor"``.

    With ``constant_column=True`` a third input column of ones is appended,
    as in the article's XOR data (see ``xor``).
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a string, one of {sorted(GATES)}")
    key = name.lower()
    if key not in GATES:
        raise ValueError(f"name must be one of {sorted(GATES)}, got {name!r}")
    x = _TWO_INPUTS.copy()
    if constant_column:
        x = np.hstack([x, np.ones((4, 1))])
    y = np.array(GATES[key], dtype=np.float64).reshape(4, 1)
    return x, y


def xor():
    """The article's XOR data: ``x`` of shape (4, 3), ``y`` of shape (4, 1).

    The third column of ``x`` is always 1. Its weights in ``weights1`` are
    therefore added to every hidden neuron's input whatever the sample: they
    play the role of the hidden layer's bias b1, which the article otherwise
    drops. (The output layer gets no such constant, so it has no bias.)
    """
    return logic_gate("xor", constant_column=True)
