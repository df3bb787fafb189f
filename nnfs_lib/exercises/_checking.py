"""What every notebook's checks share: the result, the verdict and the safe way to run answers.

Private helper module of ``nnfs_lib.exercises`` (not for the notebooks). A
check is total: whatever it is given, it returns a ``CheckResult``. This module
holds the pieces that make that true once for all notebooks:

* ``_as_array``, ``_as_number``, ``_as_shape``: an answer as numbers, or None;
* ``_is_close`` and ``_number_verdict``: the one precision rule of every numeric check.
  An exercise asks for a number of decimals and its hint says how many; any answer
  within half a unit of the last of them passes, and fewer decimals get a hint;
* ``_guarded``: the only place a student's *function* is called. It passes
  copies of the arguments, silences warnings and printing, puts numpy's global
  random state and print options back afterwards, stops the call after ``TIME_LIMIT``
  seconds where the platform allows, and turns an exception (``SystemExit``
  included, ``KeyboardInterrupt`` not) into a hint.
"""

import contextlib
import io
import signal
import threading
import warnings

import numpy as np

PASS = "✅ Correct"
HINT = "❌ Not yet"

#: How long (in seconds) a student's function may run before its check gives up
#: with a hint. A check's functions work on a few small arrays, so a correct one
#: takes milliseconds; only a loop that never ends comes near this.
TIME_LIMIT = 5.0

#: After the time limit, the alarm repeats this often (seconds), in case the
#: student's code catches the first one and carries on. (Code that catches every
#: exception, a bare ``except:``, inside its endless loop cannot be stopped from
#: inside Python: the kernel's interrupt button remains for that.)
_REPEAT = 0.1


class CheckResult:
    """The outcome of a check: ``passed`` (bool) and a one-line ``message``."""

    def __init__(self, passed, message):
        self.passed = bool(passed)
        self.message = message

    def __bool__(self):
        return self.passed

    def __repr__(self):
        return self.message


def _verdict(passed, praise, hint):
    if passed:
        return CheckResult(True, f"{PASS}: {praise}")
    return CheckResult(False, f"{HINT}. Hint: {hint}")


@contextlib.contextmanager
def _quiet():
    """Silence everything an answer can set off, numpy floating-point warnings and
    Python warnings alike: a check shows nothing but its result."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _logistic(z):
    """The article's sigmoid 1 / (1 + e^-z), the checks' own reference. Any float input,
    +-inf included, gives a number in [0, 1] (NaN only for NaN); where z may be huge,
    call it inside ``_quiet()``: e^-z may overflow to inf, and 1 / inf is 0."""
    return 1.0 / (1.0 + np.exp(-z))


# -- answers as numbers ---------------------------------------------------------------
def _as_array(answer):
    """The answer as a finite float array, or None if it is not real numbers.

    Strings, None, objects, ragged lists and numbers too large for a float
    (``10**400``) all give None.
    """
    try:
        with _quiet():
            array = np.asarray(answer)
            if array.dtype.kind not in "biuf":
                return None
            array = array.astype(np.float64)
            return array if np.all(np.isfinite(array)) else None
    except Exception:  # ragged lists and the like: not an answer of numbers
        return None


def _as_number(answer, whole=False):
    """The answer as one number, or None: a Python or numpy int or float, or a numpy
    array holding exactly one (0-d or 1x1, as ``e.T @ e`` gives). Never a bool, a
    string or a list. With ``whole``, only integers (as an ``int``); otherwise a
    ``float``, which is +-inf for an int beyond float64 and may be NaN."""
    kinds = "iu" if whole else "iuf"
    if isinstance(answer, np.ndarray):
        if answer.size != 1 or answer.dtype.kind not in kinds:
            return None
        answer = answer.reshape(-1)[0]
    if isinstance(answer, (bool, np.bool_)):
        return None
    if isinstance(answer, (int, np.integer)):
        if whole:
            return int(answer)
        try:
            return float(answer)
        except OverflowError:  # e.g. 10**400
            return float("inf") if answer > 0 else float("-inf")
    if isinstance(answer, (float, np.floating)) and not whole:
        return float(answer)
    return None


# -- numbers to the decimals an exercise asks for --------------------------------------
def _decimals(decimals):
    """How a hint states the precision: "1 decimal", "3 decimals"."""
    return f"{decimals} decimal{'' if decimals == 1 else 's'}"


def _tolerance(decimals):
    """Half a unit of the last decimal asked for, plus a little float slack (0.75 - 0.7
    is 0.05000000000000004)."""
    return 0.5 * 10.0 ** -decimals * (1 + 1e-9)


def _numbers(answer, target):
    """The answer as a float (``target`` a number, see ``_as_number``) or as an array of
    ``target``'s shape; None if it is not finite numbers of that form."""
    if np.ndim(target) == 0:
        value = _as_number(answer)
        return value if value is not None and np.isfinite(value) else None
    array = _as_array(answer)
    return array if array is not None and array.shape == np.shape(target) else None


def _is_close(answer, target, decimals):
    """True if the answer is ``target`` (a number or an array) right to ``decimals``
    decimals: every entry within half a unit of that decimal. So any correct rounding
    passes (0.916 and 0.9155 for 0.91555 at 3 decimals), as do more decimals that are right."""
    values = _numbers(answer, target)
    return values is not None and bool(np.all(np.abs(values - target) <= _tolerance(decimals)))


def _too_few_decimals(answer, target, decimals):
    """True if the answer is ``target`` correctly rounded to fewer than ``decimals`` decimals
    (0.92 for 0.91555 at 3), but not right to ``decimals`` and not all zeros."""
    values = _numbers(answer, target)
    if values is None or _is_close(answer, target, decimals) or not np.any(values):
        return False
    for given in range(decimals):  # the fewest decimals that write every value exactly
        scaled = np.asarray(values) * 10.0 ** given
        if np.all(np.abs(scaled - np.round(scaled)) <= 1e-9 * np.maximum(1.0, np.abs(scaled))):
            return bool(np.all(np.abs(values - target) <= _tolerance(given)))
    return False


def _number_verdict(answer, target, decimals, praise, hint):
    """The verdict on a number (or numbers) asked for to ``decimals`` decimals: passes if
    ``_is_close``; an answer with too few decimals hears how many are asked; any other
    gets ``hint``, which must state the precision itself (see ``_decimals``)."""
    if _too_few_decimals(answer, target, decimals):
        return _verdict(False, "", f"right as far as it goes, but the exercise asks for "
                        f"{_decimals(decimals)}: give more decimals.")
    return _verdict(_is_close(answer, target, decimals), praise, hint)


def _is_exactly(answer, expected):
    """True if the answer, as numbers, has exactly the shape and entries of ``expected``."""
    array, expected = _as_array(answer), np.asarray(expected)
    return array is not None and array.shape == expected.shape and np.array_equal(
        array, expected)


def _as_shape(answer):
    """The answer as a tuple of whole numbers (a shape), or None."""
    array = _as_array(answer)
    if array is None or array.ndim != 1 or np.any(array != np.round(array)):
        return None
    return tuple(int(v) for v in array)


# -- running a student's function -----------------------------------------------------
class _TimeUp(BaseException):
    """Raised inside a student's function when ``TIME_LIMIT`` has passed. A
    BaseException, so that the student's own ``except Exception`` cannot swallow it."""


@contextlib.contextmanager
def _numpy_state_kept():
    """Put numpy's global random state and print options back on the way out, even
    after an error: a student's ``np.random.seed`` must not leak out of a check."""
    random_state, print_options = np.random.get_state(), np.get_printoptions()
    try:
        yield
    finally:
        np.random.set_state(random_state)
        np.set_printoptions(**print_options)


@contextlib.contextmanager
def _silent():
    """Swallow what the code inside prints: a student's debugging ``print`` would show
    the check's own data, once per call, above the check's one line."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        yield


def _can_time():
    """True where a SIGALRM timer can stop a call: POSIX, the main thread, and no
    other timer already running (someone else's alarm is left alone)."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


@contextlib.contextmanager
def _time_limit(seconds, state):
    """Raise ``_TimeUp`` in the code inside once ``seconds`` have passed (and every
    ``_REPEAT`` seconds after that), and set ``state["expired"]``. Without a usable
    timer (see ``_can_time``) there is no limit."""
    state["active"] = True
    if not _can_time():
        yield
        return

    def alarm(signum, frame):
        if state["active"]:
            state["expired"] = True
            raise _TimeUp

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT)
    try:
        yield
    finally:
        state["active"] = False  # first: an alarm from here on does nothing
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def _too_slow(limit):
    """The hint for a function stopped after ``limit`` seconds."""
    return f"your function took longer than {limit:g} s: look for a loop that never ends."


def _guarded(function, args, convert=None, advice="call it on small arrays to see why."):
    """``convert(function(*args))`` as ``(result, None)``, or ``(None, hint)``; never raises.

    The only way the checks call a student's function. It gets copies of the
    array arguments, so it may change them in place. Warnings and printing are silenced;
    numpy's global random state and print options are restored afterwards;
    after ``TIME_LIMIT`` seconds the call is stopped (where ``_can_time``);
    an exception, ``SystemExit`` included, becomes a hint ending in ``advice``.
    ``convert`` (by default none) runs under the same guards, since turning an
    odd returned object into numbers runs the student's code too.
    """
    if not callable(function):
        return None, "pass the function itself (no brackets after its name)."
    args = [arg.copy() if isinstance(arg, np.ndarray) else arg for arg in args]
    limit, timer = TIME_LIMIT, {"expired": False}
    timed_out = _too_slow(limit)
    try:
        with _numpy_state_kept(), _quiet(), _silent(), _time_limit(limit, timer):
            value = function(*args)
            result = value if convert is None else convert(value)
    except _TimeUp:
        return None, timed_out
    except (Exception, SystemExit) as error:  # a student's function may fail in any way
        if timer["expired"]:  # it caught the time limit and failed afterwards
            return None, timed_out
        return None, f"your function raised {type(error).__name__}; {advice}"
    if timer["expired"]:  # it caught the time limit and returned anyway
        return None, timed_out
    return result, None


def _run(function, *args):
    """Call a student's ``function(*args)``: ``(array, None)`` or ``(None, hint)``.

    The array is the result as finite float64; the hint says what went wrong
    (not callable, raised, too slow, returned None or something that is not
    numbers). Nothing the function does escapes: see ``_guarded``.
    """
    outcome, problem = _guarded(function, args, lambda value: (value, _as_array(value)))
    if problem:
        return None, problem
    value, array = outcome
    if value is None:
        return None, "your function returns None: end it with `return ...`."
    if array is None:
        return None, (f"your function returns {type(value).__name__!r}, not finite numbers; "
                      "return a number or a numpy array of numbers.")
    return array, None


def _run_shaped(function, args, shape, shape_hint):
    """``_run(function, *args)``, with ``shape_hint`` as the hint unless the array has ``shape``."""
    array, problem = _run(function, *args)
    if problem is None and array.shape != shape:
        return None, shape_hint
    return array, problem


def _call(function, *args):
    """``(array, None)`` for ``function(*args)`` as a float array, or ``(None, hint)``.

    For checks that answer every failure with their own hint: ``hint`` is None
    except when the function ran out of time, which deserves its own hint.
    """
    array, problem = _run(function, *args)
    return array, (problem if problem == _too_slow(TIME_LIMIT) else None)
