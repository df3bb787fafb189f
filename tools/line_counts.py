"""Lines per module of nnfs_lib, by layer, against the line budgets: ``make lines``.

Usage: ``python tools/line_counts.py``

The budgets come from the design: the core (the numpy modules a student reads
beside the article) stays small, ``network.py`` reads in one sitting, and no
module, Python or JavaScript, grows past what one screenful of scrolling can
hold in mind. Counts include docstrings and comments: they are part of what a
reader reads.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "nnfs_lib"
#: The budgets, in lines: the design's core of about 750 lines (without __init__.py)
#: and network.py of about 200. Both now hold; meet them by shortening code, not by
#: deleting docstrings.
NETWORK_BUDGET = 200
CORE_BUDGET = 750
MODULE_BUDGET = 400


def line_counts(package=PACKAGE):
    """``{layer: {relative path: lines}}`` for every .py and .js file of the package."""
    counts = {}
    for path in sorted(package.rglob("*")):
        if path.suffix not in (".py", ".js") or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(package)
        layer = "core" if len(relative.parts) == 1 else relative.parts[0]
        counts.setdefault(layer, {})[str(relative)] = len(path.read_text().splitlines())
    return counts


def over_budget(counts):
    """The budget breaches of ``counts``, as readable lines (empty when all hold)."""
    problems = []
    core = {name: n for name, n in counts.get("core", {}).items() if name != "__init__.py"}
    if sum(core.values()) > CORE_BUDGET:
        problems.append(f"the core has {sum(core.values())} lines, budget {CORE_BUDGET}")
    if core.get("network.py", 0) > NETWORK_BUDGET:
        problems.append(f"network.py has {core['network.py']} lines, budget {NETWORK_BUDGET}")
    for layer in counts.values():
        for name, lines in layer.items():
            if lines > MODULE_BUDGET:
                problems.append(f"{name} has {lines} lines, budget {MODULE_BUDGET}")
    return problems


def main():
    counts = line_counts()
    for layer, modules in counts.items():
        print(f"{layer} ({sum(modules.values())} lines)")
        for name, lines in modules.items():
            print(f"  {lines:5d}  {name}")
    problems = over_budget(counts)
    print("budgets: " + ("all hold" if not problems else "; ".join(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
