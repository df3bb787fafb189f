"""The design's layering: data flows one way, and the maths needs numpy only.

core (nnfs_lib/*.py) < lab < plots < explorers; exercises use the core only;
nothing in the package imports the repository tools in tools/.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "nnfs_lib"
LAYERS = {"core": 0, "lab": 1, "plots": 2, "explorers": 3}
# Inside the core, each module's floor: a module imports only lower floors.
CORE_FLOORS = {"_checks": 0, "activations": 1, "losses": 1, "datasets": 1,
               "network": 2, "training": 3, "gradcheck": 3}
TOOLS = {p.stem for p in (ROOT / "tools").glob("*.py")}
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def layer_of(path):
    parts = path.relative_to(PACKAGE).parts
    return "core" if len(parts) == 1 else parts[0]


def imports(path):
    """Every module ``path`` imports, as (layer, core module or None) or ('other', name)."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            # relative imports exist only inside the core: "from .network import ..."
            assert layer_of(path) == "core", f"{path.name}: use absolute imports"
            yield "core", (node.module or "").split(".")[0] or None
            continue
        names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                 else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
        for name in names:
            parts = name.split(".")
            if parts[0] in TOOLS:
                yield "tools", parts[0]
            elif parts[0] == "nnfs_lib" and len(parts) > 1:
                layer = parts[1] if parts[1] in LAYERS or parts[1] == "exercises" else "core"
                yield layer, parts[1] if layer == "core" else None
            elif parts[0] == "nnfs_lib" and isinstance(node, ast.ImportFrom):
                for alias in node.names:  # from nnfs_lib import activations
                    yield ("core", alias.name) if alias.name in CORE_FLOORS else (alias.name, None)


def test_every_core_module_has_a_floor():
    assert {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"} == set(CORE_FLOORS)


def test_every_subpackage_is_a_known_layer():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(LAYERS) - {"core"} | {"exercises"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_nothing_imports_upward(path):
    mine = layer_of(path)
    for layer, module in imports(path):
        assert layer != "tools", f"{path.name} imports the repository tool {module}"
        if mine == "exercises":
            assert layer in ("core", "exercises"), f"exercises must use the core only, not {layer}"
        elif mine == "core":
            assert layer == "core", f"the core imports {layer}"
            if module is not None and path.stem in CORE_FLOORS:
                assert CORE_FLOORS[module] < CORE_FLOORS[path.stem], f"{path.stem} -> {module}"
        else:
            assert layer != "exercises" and LAYERS[layer] <= LAYERS[mine], (
                f"{path.relative_to(PACKAGE)} ({mine}) imports {layer}")


def test_the_maths_imports_numpy_only():
    """The core, the lab and the exercises load neither matplotlib nor ipywidgets."""
    numpy_only = [p for p in MODULES if layer_of(p) in ("core", "lab", "exercises")]
    names = [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in numpy_only]
    code = ("import sys\n" + "".join(f"import {name}\n" for name in names)
            + "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'IPython') "
              "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"
    assert result.stderr == ""
