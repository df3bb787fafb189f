"""Every check of every notebook is total: any input gives a CheckResult hint.

No exception (SystemExit included), no warning, no printed output, no hang,
and numpy's global state as it was, whatever the answer: odd values, odd
types, and functions that raise, return garbage, tamper with numpy, loop
forever or exit. Also the package's layout: one module per notebook, each
saying which notebook it belongs to, importing only the numpy core.
"""

import ast
import importlib
import inspect
import signal
import threading
import warnings
from pathlib import Path

import numpy as np
import pytest

import nnfs_lib.exercises
from nnfs_lib.exercises import _checking

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "nnfs_lib" / "exercises"
MODULES = {  # module -> its notebook
    "the_network": "00_the_network", "neurons": "01_neurons",
    "weights_and_biases": "02_weights_and_biases", "activation_function": "03_activation_function",
    "feedforward": "04_feedforward", "loss_function": "05_loss_function",
    "backpropagation": "06_backpropagation", "the_math": "07_the_math",
    "training_and_results": "08_training_and_results",
    "which_starts_train": "09_which_starts_train", "architecture": "10_architecture",
}
CORE = {"nnfs_lib._checks", "nnfs_lib.activations", "nnfs_lib.losses", "nnfs_lib.datasets",
        "nnfs_lib.network", "nnfs_lib.training", "nnfs_lib.gradcheck",
        "nnfs_lib.exercises._checking"}


def module(name):
    return importlib.import_module(f"nnfs_lib.exercises.{name}")


ALL_CHECKS = [getattr(module(name), check) for name in MODULES
              for check in sorted(dir(module(name))) if check.startswith("check_")]


# -- odd inputs -------------------------------------------------------------------
def _raises(*args):
    raise ValueError("student bug")


def _exits(*args):
    raise SystemExit(3)


def _returns_string(*args):
    return "0.3"


def _returns_nan(*args):
    return np.full((4, 1), np.nan)


def _returns_object(*args):
    return object()


class _Hostile:
    """An object that fails whenever numpy asks it for numbers."""

    def __array__(self, *args, **kwargs):
        raise RuntimeError("no numbers here")

    def __float__(self):
        raise RuntimeError("no numbers here")

    def __len__(self):
        raise RuntimeError("no length either")


def _returns_hostile(*args):
    return _Hostile()


def _warns(*args):
    warnings.warn("a student's own warning", UserWarning, stacklevel=1)
    return np.log(np.zeros(1))[0] * 0  # -inf * 0 = NaN, with numpy warnings on the way


def _tampers_and_raises(*args):
    np.random.seed(99)
    np.set_printoptions(precision=1)
    np.seterr(all="raise")
    raise RuntimeError("student bug")


def _loops(*args):
    while True:
        pass


def _takes_no_arguments():
    return 1.0


ODD_INPUTS = [None, "a", "", b"16", 10**400, -10**400, float("nan"), float("inf"), -0.0, 1j,
              True, [], (), {}, set(), [[1], [1, 2]], [None], object(), _Hostile(),
              np.array(["x"]), np.array([]), np.full((3, 4), np.nan), np.zeros((7, 7, 7)),
              np.array([1e308, -1e308]), np.float64("nan"), np.array(np.nan), print,
              _raises, _exits, _returns_string, _returns_nan, _returns_object, _returns_hostile,
              _warns, _tampers_and_raises, _loops, _takes_no_arguments, lambda *args: args]

# Right answers for the checks with several arguments, to vary one argument at a time.
SEVERAL = {
    "check_01_all_rows": ([-0.5, 0.5, 0.5, 1.5], "or"),
    "check_09_symmetric_start": (np.tile([[1.0], [-2.0], [0.5]], (1, 4)), np.full((4, 1), 0.3)),
    "check_10_two_unit_xor": ([[20.0, -20.0], [20.0, -20.0]], [-10.0, 30.0], [[20.0], [20.0]],
                              -30.0),
}


def _calls(check):
    count = len(inspect.signature(check).parameters)
    right = SEVERAL.get(check.__name__)
    for odd in ODD_INPUTS:
        yield (odd,) * count
        for position in range(count if right is not None else 0):
            yield right[:position] + (odd,) + right[position + 1:]


def _numpy_state():
    return (np.random.get_state()[1].copy(), np.get_printoptions(), np.geterr())


@pytest.mark.parametrize("check", ALL_CHECKS, ids=[c.__name__ for c in ALL_CHECKS])
def test_every_check_is_total(check, monkeypatch, capsys):
    """Any input: a falsy CheckResult starting with the hint marker; nothing else happens."""
    monkeypatch.setattr(_checking, "TIME_LIMIT", 0.2)
    assert set(SEVERAL) <= {c.__name__ for c in ALL_CHECKS}
    np.random.seed(1)
    before = _numpy_state()
    for arguments in _calls(check):
        if any(a is _loops for a in arguments) and not hasattr(signal, "setitimer"):
            continue  # no time limit on this platform
        with warnings.catch_warnings(record=True) as caught:  # a student's own warnings too
            warnings.simplefilter("always")
            result = check(*arguments)
        assert not caught, [str(w.message) for w in caught]
        assert isinstance(result, _checking.CheckResult), arguments
        assert not result, f"{arguments!r} passed"
        assert repr(result).startswith("❌ Not yet. Hint: "), arguments
        assert "\n" not in repr(result)
        after = _numpy_state()
        np.testing.assert_array_equal(after[0], before[0])
        assert after[1:] == before[1:], arguments
    assert capsys.readouterr() == ("", "")


def test_a_time_limit_hint_for_every_function_check(monkeypatch):
    if not hasattr(signal, "setitimer"):
        pytest.skip("no SIGALRM timer here")
    monkeypatch.setattr(_checking, "TIME_LIMIT", 0.2)
    takes_functions = [c for c in ALL_CHECKS if "func" in inspect.signature(c).parameters
                       or c.__name__ == "check_03_tanh_from_sigmoid"
                       or c.__name__ == "check_04_feedforward_with_biases"]
    assert len(takes_functions) == 6
    for check in takes_functions:
        assert "your function took longer than 0.2 s" in repr(check(_loops)), check.__name__


# -- the guarded call itself ------------------------------------------------------
def test_guarded_returns_the_converted_result_and_passes_copies():
    given = np.arange(3.0)

    def doubles_in_place(array, factor):
        array *= factor
        return array

    result, problem = _checking._guarded(doubles_in_place, (given, 2), convert=np.sum)
    assert (result, problem) == (6.0, None)
    np.testing.assert_array_equal(given, [0.0, 1.0, 2.0])


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM timer here")
def test_an_alarm_someone_else_set_is_left_alone(monkeypatch):
    """With a timer already running the check sets none: it neither cancels nor moves it."""
    monkeypatch.setattr(_checking, "TIME_LIMIT", 0.2)
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *args: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30.0)
        result, problem = _checking._guarded(lambda: 1.0, ())
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
        assert (result, problem) == (1.0, None)
        assert 29.0 < remaining <= 30.0
        assert not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM timer here")
def test_the_previous_alarm_handler_is_restored():
    def handler(*args):
        pass

    previous = signal.signal(signal.SIGALRM, handler)
    try:
        _checking._guarded(_raises, ())
        assert signal.getsignal(signal.SIGALRM) is handler
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_a_check_in_another_thread_works_without_a_time_limit():
    results = []
    thread = threading.Thread(target=lambda: results.append(
        module("loss_function").check_05_loss_function(
            lambda y, y_hat: np.sum((y - y_hat) ** 2))))
    thread.start()
    thread.join(30)
    assert len(results) == 1 and results[0]


@pytest.mark.parametrize(("answer", "number"), [
    (3, 3.0), (2.5, 2.5), (np.int8(-4), -4.0), (np.float32(0.5), 0.5), (np.array(7), 7.0),
    (np.array([[1.5]]), 1.5), (10**400, float("inf")), (-10**400, float("-inf")),
    (True, None), (np.bool_(False), None), (np.array([True]), None), ([3], None),
    ("3", None), (None, None), (np.array([1, 2]), None), (1j, None), (np.array([1j]), None),
])
def test_as_number(answer, number):
    assert _checking._as_number(answer) == number


def test_as_number_whole():
    assert _checking._as_number(np.array([[265]]), whole=True) == 265
    assert isinstance(_checking._as_number(np.int64(3), whole=True), int)
    for answer in (265.0, np.array(265.0), True, "265", [265]):
        assert _checking._as_number(answer, whole=True) is None


# -- the package's layout -----------------------------------------------------------
def test_one_module_per_notebook_each_naming_its_notebook():
    assert {p.stem for p in PACKAGE.glob("*.py")} == set(MODULES) | {"__init__", "_checking"}
    for name, notebook in MODULES.items():
        assert (ROOT / "notebooks" / f"{notebook}.ipynb").exists()
        doc = module(name).__doc__
        assert f"notebook {notebook[:2]}" in doc and f"{notebook}.ipynb" in doc, name
        checks = [c for c in dir(module(name)) if c.startswith("check_")]
        assert checks and all(c.startswith(f"check_{notebook[:2]}_") for c in checks), name


def test_the_package_holds_only_a_docstring():
    tree = ast.parse((PACKAGE / "__init__.py").read_text())
    assert len(tree.body) == 1 and isinstance(tree.body[0].value, ast.Constant)
    assert nnfs_lib.exercises.__doc__


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_modules_import_only_the_core_absolutely(path):
    text = path.read_text()
    assert len(text.splitlines()) <= 400
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: relative import"
            if node.module.startswith("nnfs_lib"):
                assert node.module in CORE, f"{path.name} imports {node.module}"
        elif isinstance(node, ast.Import):
            assert all(alias.name.split(".")[0] not in ("nnfs_lib", "matplotlib", "ipywidgets")
                       for alias in node.names), path.name

