"""Argument checks for every public function: fail early, in plain words.

Private helper module (not part of what a student needs to read). Each public
function of ``nnfs_lib`` checks what it is given *before* any arithmetic, so
a wrong argument gives a ``TypeError``/``ValueError`` that names it and says
what was expected, instead of a NaN or a numpy traceback from a dot product.
"""

import numbers

import numpy as np

#: The largest magnitude accepted for data, weights and learning rates. A weight
#: of 1e6 already saturates every sigmoid; below this bound no product in
#: training can overflow float64, so training never warns or returns NaN.
MAX_MAGNITUDE = 1e6
#: The most numbers one array that the library allocates may hold (800 MB of
#: float64): larger requests are refused with a clear error, not a MemoryError.
MAX_ENTRIES = 10**8


def as_real_array(name, value, allow_empty=False, limit=None):
    """``value`` (a number or an array of any shape) as a new finite float64 array, or raise.

    ``TypeError`` for strings, None and other non-numbers; ``ValueError`` for
    NaN, infinities, ragged lists, numbers beyond float64 and (unless
    ``allow_empty``) empty arrays; with ``limit``, also for entries beyond it in size.
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be a number or an array of numbers, "
                        f"got {type(value).__name__}")
    try:
        array = np.asarray(value)
        if array.dtype == object and all(isinstance(v, numbers.Real) for v in array.flat):
            array = array.astype(np.float64)  # Python ints beyond 64 bits, such as 10**400
    except (ValueError, TypeError, OverflowError):  # ragged lists, ints beyond float64
        raise ValueError(f"{name} must be a rectangular array of numbers within float64's "
                         f"range") from None
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold real numbers, got dtype {array.dtype}")
    if array.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty")
    with np.errstate(over="ignore"):  # a float128 beyond float64 becomes inf: refused below
        array = array.astype(np.float64)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must contain only finite float64 numbers (no NaN or inf)")
    if limit is not None and array.size and np.max(np.abs(array)) > limit:
        raise ValueError(f"{name} must hold numbers between -{limit:g} and {limit:g}, "
                         f"got {np.max(np.abs(array)):g}")
    return array


def as_array(name, value, ndim=2, axes="", labels=False):
    """``value`` as a finite, non-empty float64 ``ndim``-D array within ``MAX_MAGNITUDE``.

    ``axes`` describes the dimensions in the error, e.g. ``" (networks, rows, columns)"``;
    with ``labels``, every entry must be a target in [0, 1] (a sigmoid's range).
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be a {ndim}-D array of numbers, got a string")
    array = as_real_array(name, value, allow_empty=True, limit=MAX_MAGNITUDE)
    if array.ndim != ndim:
        raise ValueError(f"{name} must be a {ndim}-D array{axes}, got {array.ndim}-D "
                         f"with shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {array.shape}")
    if labels and np.any((array < 0) | (array > 1)):
        raise ValueError(f"{name} must hold targets between 0 and 1 (the sigmoid output's "
                         f"range), got values from {array.min():g} to {array.max():g}")
    return array


as_matrix = as_array  #: ``as_array`` with its default ``ndim``: a 2-D array, or raise.


def as_vector(name, value, positive=False):
    """``value`` as a finite, non-empty 1-D float64 array (an (n, 1) column is flattened);
    with ``positive``, every entry must be greater than 0."""
    array = as_real_array(name, value, allow_empty=True, limit=MAX_MAGNITUDE)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D array (or an (n, 1) column), "
                         f"got shape {array.shape}")
    if positive and np.any(array <= 0):
        raise ValueError(f"{name} must hold numbers greater than 0, got {array.min():g}")
    return array


def check_flag(name, value):
    """``value`` if it is True or False (numpy bools too), else ``TypeError``."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__}")
    return bool(value)


def check_shape(name, array, expected):
    """Raise ``ValueError`` unless ``array.shape == expected``."""
    if array.shape != tuple(expected):
        raise ValueError(f"{name} must have shape {tuple(expected)}, got {array.shape}")


def as_data(x, y):
    """Training data ``x`` (n, d) and targets ``y`` (n, k) in [0, 1], as float64, or raise."""
    x, y = as_matrix("x", x), as_matrix("y", y, labels=True)
    if x.shape[0] != y.shape[0]:
        raise ValueError(f"x and y must have the same number of rows (samples): "
                         f"x has {x.shape[0]}, y has {y.shape[0]}")
    return x, y


def check_real_number(name, value, low=-MAX_MAGNITUDE, high=MAX_MAGNITUDE, positive=False):
    """``value`` as a float if it is a real number (not a bool) in [low, high], else raise;
    with ``positive``, in (0, high]."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    if positive and not 0 < value <= high:  # also True for NaN
        raise ValueError(f"{name} must be a finite number greater than 0 and at most "
                         f"{high:g}, got {value!r}")
    if not low <= value <= high:  # also False for NaN; exact for ints beyond float64
        raise ValueError(f"{name} must be a number from {low:g} to {high:g}, got {value!r}")
    return float(value)


def check_positive_number(name, value, high=MAX_MAGNITUDE):
    """``value`` as a float if it is a real number in (0, high], else raise."""
    return check_real_number(name, value, high=high, positive=True)


def check_count(name, value, minimum=0, maximum=10**7):
    """``value`` as an int if it is a whole number in [minimum, maximum], else raise (the
    default ``maximum`` stops a typo such as ``10**12`` iterations before it exhausts memory)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be an integer <= {maximum:,}, got {value:,}")
    return int(value)


def check_entries(what, entries, names):
    """Raise ``ValueError`` if an array of ``entries`` numbers would exceed ``MAX_ENTRIES``."""
    if entries > MAX_ENTRIES:
        raise ValueError(f"{names} are too large: {what} would hold {entries:,} numbers "
                         f"(at most {MAX_ENTRIES:,}, 800 MB, are allowed)")


def check_counts(name, values, minimum=0, maximum=10**7):
    """``values`` (a non-empty 1-D sequence of ints, each in [minimum, maximum]) as a list;
    seeds are such counts too: ``check_counts("seeds", seeds, maximum=None)``."""
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise TypeError(f"{name} must be a non-empty 1-D sequence of integers, "
                        f"got {type(values).__name__}")
    if hasattr(values, "__len__"):  # a range(10**12) is refused before it is listed
        check_entries(f"the list of {name}", len(values), name)
    values = list(values)  # no numpy conversion: a ragged list must not reach numpy
    if not values:
        raise ValueError(f"{name} must not be empty")
    return [check_count(f"{name} entry {i}", value, minimum, maximum)
            for i, value in enumerate(values)]


def as_generator(name, rng):
    """``None`` (a fresh, unseeded Generator), an int seed or a ``numpy.random.Generator``
    as a Generator. Nothing here touches numpy's global random state."""
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is not None and not isinstance(rng, numbers.Integral):
        raise TypeError(f"{name} must be None, an integer seed or a numpy.random.Generator, "
                        f"got {type(rng).__name__}")
    return np.random.default_rng(None if rng is None else check_count(name, rng, maximum=None))


def as_attribute(name, value, expected, labels=False):
    """``value`` as a new float64 2-D array of shape ``expected`` (targets in [0, 1] with
    ``labels``), for assignment; ``expected`` None (a bias without ``biases=True``) takes
    only None."""
    if expected is None:
        if value is not None:
            raise ValueError(f"{name} needs a network made with biases=True")
        return None
    value = as_matrix(name, value, labels=labels)  # already a new float64 array
    check_shape(name, value, expected)
    return value
