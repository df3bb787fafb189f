"""Exercise checks of notebook 02, weights and biases.

``notebooks/02_weights_and_biases.ipynb`` runs
``from nnfs_lib.exercises import weights_and_biases as exercises``.
"""


from nnfs_lib.exercises._checking import _as_number, _as_shape, _is_exactly, _verdict


def check_02_weight_shapes(answer):
    """(weights1.shape, weights2.shape) for NeuralNetwork(x, y, hidden_units=6) on the XOR data."""
    return _verdict(
        _is_exactly(answer, [[3, 6], [6, 1]]),
        "weights1 has one row per input and one column per hidden neuron; weights2 one "
        "row per hidden neuron and one column per output.",
        "give two shapes, like ((a, b), (c, d)). Count the columns of x and of y, and "
        "remember which layer the hidden_units argument sets.",
    )


def check_02_bias_entry(answer):
    """The entry [i, j] of the (3, 4) weights1 that acts as hidden neuron h3's bias."""
    index = _as_shape(answer)
    if index is None or len(index) != 2 or not (-3 <= index[0] < 3 and -4 <= index[1] < 4):
        return _verdict(False, "", "give two indices as a pair (i, j): i a row of weights1 "
                        "(0 to 2), j a column (0 to 3), counted from 0 as Python does.")
    row_right, column_right = index[0] % 3 == 2, index[1] % 4 == 2
    if row_right and not column_right:
        hint = ("the row is right; now the column. Which column holds h3's weights? The "
                "diagram numbers the hidden neurons from 1, Python numbers columns from 0.")
    elif column_right and not row_right:
        hint = ("the column is right; now the row. Row i belongs to input i: which input is "
                "the same in every sample?")
    else:
        hint = ("row i of weights1 belongs to input i, column j to hidden neuron j. Find the "
                "input that acts as a bias and the column of h3, both counted from 0.")
    return _verdict(
        row_right and column_right,
        "that weight multiplies the constant input and feeds h3, so it is added to h3's sum "
        "for every sample.",
        hint,
    )


def check_02_parameter_count(answer):
    """Parameters of a 2-4-1 network with explicit biases in both layers."""
    return _verdict(
        _as_number(answer) == 2 * 4 + 4 + 4 * 1 + 1,
        "weights of both layers plus one bias per neuron that computes something.",
        "give one whole number. Count weights1, weights2, and one bias for every "
        "hidden and output neuron (input nodes have none).",
    )
