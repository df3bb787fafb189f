"""The design's layering: data flows one way, and the maths needs numpy only."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "nnfs_lib"

# Each module's floor; a module may import only modules on a lower floor.
FLOORS = {
    "validation": 0, "datasets": 0,
    "activations": 1, "losses": 1,
    "network": 2,
    "training": 3, "gradcheck": 3, "many": 3,
    "lab": 4, "exercises": 4, "plotting": 4,
    "figures": 5, "lab_plotting": 5, "fastrender": 5,
    "explorer_figures": 6,
    "widgets": 7,
    "notebook_runner": 0,
}
NUMPY_ONLY = ["validation", "datasets", "activations", "losses", "network", "training",
              "gradcheck", "many", "lab", "exercises"]


def local_imports(module):
    tree = ast.parse((PACKAGE / f"{module}.py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                yield node.module.split(".")[0]
            else:
                yield from (alias.name for alias in node.names)


def test_every_module_has_a_floor():
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert modules == set(FLOORS)


@pytest.mark.parametrize("module", sorted(FLOORS))
def test_nothing_imports_upward(module):
    for imported in local_imports(module):
        assert FLOORS[imported] < FLOORS[module], f"{module} imports {imported}"


def test_the_maths_imports_numpy_only():
    """Importing the maths in a fresh interpreter loads neither matplotlib nor ipywidgets."""
    code = ("import sys\n"
            + "".join(f"import nnfs_lib.{m}\n" for m in NUMPY_ONLY)
            + "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'IPython') "
              "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
    assert result.stderr == ""
