"""The README's "Reading the library" table stays true: every core module, its real line count."""

import re
from pathlib import Path

from line_counts import line_counts, over_budget

ROOT = Path(__file__).resolve().parents[2]
ROW = re.compile(r"^\| [^|]+ \| `nnfs_lib/(\w+\.py)` \| (\d+) \|", re.MULTILINE)


def test_the_reading_table_lists_every_core_module_with_its_line_count():
    listed = {name: int(lines) for name, lines in ROW.findall((ROOT / "README.md").read_text())}
    actual = {name: n for name, n in line_counts()["core"].items() if name != "__init__.py"}
    assert listed == actual


def test_the_line_budgets_hold():
    assert over_budget(line_counts()) == []


def test_the_budget_check_can_fail():
    assert over_budget({"core": {"network.py": 10_000}, "lab": {"x.py": 401}})
