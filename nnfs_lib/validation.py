"""Input checks shared by every module: fail early, in plain words.

Every public function of ``nnfs_lib`` checks what it is given *before* any
arithmetic, so a student who passes the wrong thing reads an error that names
the argument and says what was expected, instead of a NaN or a numpy
traceback from deep inside a dot product.
"""

import numbers

import numpy as np

# The largest magnitude accepted for data, weights and learning rates. A weight
# of 1e6 already saturates every sigmoid completely; with everything below this
# bound no product in training can overflow float64, so training can promise
# "no warning and no NaN" for every input it accepts.
MAX_MAGNITUDE = 1e6


def check_magnitude(name, array, limit=MAX_MAGNITUDE):
    """Raise ``ValueError`` if any entry of ``array`` exceeds ``limit`` in size."""
    array = np.asarray(array)
    if array.size == 0:
        return
    largest = float(np.max(np.abs(array)))
    if largest > limit:
        reason = (" (values this large saturate every sigmoid and risk overflow)"
                  if limit == MAX_MAGNITUDE else "")
        raise ValueError(
            f"{name} must hold numbers between -{limit:g} and {limit:g}, got {largest:g}"
            + reason)


def as_real_array(name, value, allow_empty=False):
    """Return ``value`` (a number or an array of any shape) as finite float64, or raise.

    ``TypeError`` for strings, None and other non-numbers; ``ValueError`` for
    NaN, infinities, ragged lists and (unless ``allow_empty``) empty arrays.
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be a number or an array of numbers, "
                        f"got {type(value).__name__}")
    try:
        array = np.asarray(value)
    except Exception:  # ragged nested lists and the like
        raise ValueError(f"{name} must be a rectangular array of numbers") from None
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold real numbers, got dtype {array.dtype}")
    if array.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty")
    array = array.astype(np.float64)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)")
    return array


def check_flag(name, value):
    """Return ``value`` if it is True or False (numpy bools too), else raise ``TypeError``."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__}")
    return bool(value)


def as_matrix(name, value):
    """Return ``value`` as a finite float64 2-D array, or raise.

    Raises ``TypeError`` for non-numeric data and ``ValueError`` for arrays
    that are not 2-D, are empty, or hold NaN or infinite values.
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be a 2-D array of numbers, got a string")
    try:
        array = np.asarray(value)
    except Exception as error:  # ragged lists and the like
        raise ValueError(f"{name} must be a 2-D array of numbers: {error}") from None
    if array.dtype == object and _looks_ragged(value):
        raise ValueError(f"{name} must be rectangular: every row needs the same length")
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold real numbers, got dtype {array.dtype}")
    if array.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array, got {array.ndim}-D "
            f"with shape {array.shape}"
        )
    if array.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {array.shape}")
    array = array.astype(np.float64)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)")
    check_magnitude(name, array)
    return array


def _looks_ragged(value):
    try:
        lengths = {len(row) for row in value}
    except TypeError:
        return False
    return len(lengths) > 1


def check_same_rows(x, y, x_name="x", y_name="y"):
    """Raise ``ValueError`` unless ``x`` and ``y`` have the same number of rows."""
    if x.shape[0] != y.shape[0]:
        raise ValueError(
            f"{x_name} and {y_name} must have the same number of rows (samples): "
            f"{x_name} has {x.shape[0]}, {y_name} has {y.shape[0]}"
        )


def check_labels(name, y):
    """Raise ``ValueError`` unless every label lies in [0, 1] (a sigmoid's range)."""
    if np.any((y < 0) | (y > 1)):
        raise ValueError(
            f"{name} must hold targets between 0 and 1 (the sigmoid output's range), "
            f"got values from {y.min():g} to {y.max():g}"
        )


def check_shape(name, array, expected):
    """Raise ``ValueError`` unless ``array.shape == expected``."""
    if array.shape != tuple(expected):
        raise ValueError(f"{name} must have shape {tuple(expected)}, got {array.shape}")


def check_positive_number(name, value):
    """Return ``value`` as a float if it is a finite number > 0, else raise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number greater than 0, got {value}")
    if value > MAX_MAGNITUDE:
        raise ValueError(f"{name} must be at most {MAX_MAGNITUDE:g}, got {value:g}")
    return value


def check_count(name, value, minimum=0, maximum=10**7):
    """Return ``value`` as an int if it is a whole number in [minimum, maximum], else raise.

    The default ``maximum`` keeps a typo such as ``10**12`` iterations from
    turning into an out-of-memory crash.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be an integer <= {maximum:,}, got {value:,}")
    return int(value)


def as_generator(name, rng):
    """Turn ``None``, an int seed or a ``numpy.random.Generator`` into a Generator.

    ``None`` gives a fresh, unseeded Generator. Nothing here touches numpy's
    global random state.
    """
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None:
        return np.random.default_rng()
    if isinstance(rng, bool) or not isinstance(rng, numbers.Integral):
        raise TypeError(
            f"{name} must be None, an integer seed or a numpy.random.Generator, "
            f"got {type(rng).__name__}"
        )
    if rng < 0:
        raise ValueError(f"{name} must be a non-negative integer seed, got {rng}")
    return np.random.default_rng(int(rng))
