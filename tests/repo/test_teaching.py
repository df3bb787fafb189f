"""TEACHING.md, the teacher's guide: every demonstration it names does what it says.

The guide keeps each demonstration as a fenced block with the info string ``json demo``:
the explorer, the notebook whose explorer cell it is, what the teacher does on screen
(``steps``: controls set, buttons pressed, in order) and the expected outcome
(``expect``), one source of truth for the prose and for this test. For example::

    {"id": "08-equal", "notebook": "08", "explorer": "TrainingExplorer",
     "steps": [{"press": "all_equal"}],
     "expect": [{"what": "final_loss", "above": 0.9}]}

Each block is built here without a browser: the explorer is constructed in Python, the
steps set its traits (or press its buttons) as the browser does, and the outcome is
read from what the explorer sends to the browser (``run``, ``view``), or from the
library given exactly the explorer's state. Demonstrations that start from seeded
random weights are re-run with every initial weight moved by one ulp (as the
perturbation legs of ``make test`` do for the notebooks): an outcome on a knife edge
fails. The rest of the guide is checked too: a lesson for every notebook 00-10 with
its parts and a timing of one class period, every demonstration referred to in the
prose, and every decimal number of the prose printed by the notebooks it is about.
"""

import ast
import importlib
import json
import re
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from test_prose_numbers import ALLOWED, _backed, _output_text, output_numbers, prose_numbers

from nnfs_lib import network
from nnfs_lib.datasets import xor
from nnfs_lib.explorers.hidden_view import HiddenViewExplorer
from nnfs_lib.explorers.lab import LabExplorer
from nnfs_lib.explorers.small_explorers import ActivationExplorer, LossExplorer, NeuronExplorer
from nnfs_lib.explorers.stepper import BackpropStepper
from nnfs_lib.explorers.training import TrainingExplorer
from nnfs_lib.explorers.training_settings import initial_weights
from nnfs_lib.lab import many
from nnfs_lib.network import NeuralNetwork

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "TEACHING.md"
LESSONS = [f"{n:02d}" for n in range(11)]
NOTEBOOKS = {path.name[:2]: path for path in (ROOT / "notebooks").glob("[01][0-9]_*.ipynb")}

#: The training explorer's 16 weight sliders, by their labels on screen:
#: "x1→h1" is weights1[0][0], ..., "h4→ŷ" is weights2[3].
WEIGHT_LABELS = {f"x{i + 1}→h{j + 1}": (1, i, j) for i in range(3) for j in range(4)}
WEIGHT_LABELS.update({f"h{j + 1}→ŷ": (2, j, 0) for j in range(4)})

#: Per explorer: its class, the controls a step may set, the constructor arguments a
#: block may give, and the quantities an expectation may name (True: needs "at").
EXPLORERS = {
    "TrainingExplorer": dict(
        cls=TrainingExplorer, args={"compact"},
        controls={"iterations", "learning_rate", "seed", "init_scale", "log_scale", "time",
                  *WEIGHT_LABELS},
        metrics={"final_loss": False, "loss_at": True, "loss_shown": False,
                 "plateau_end": False, "predictions": False, "predictions_shown": False,
                 "identical_hidden_units": False}),
    "LabExplorer": dict(
        cls=LabExplorer, args=set(),
        controls={name for name, *_ in LabExplorer.CONTROLS},
        metrics={"success_rate": False, "median_failed_loss": False, "curves_lowest_at": True,
                 "curves_falling_at_end": False}),
    "ActivationExplorer": dict(
        cls=ActivationExplorer, args=set(),
        controls={name for name, *_ in ActivationExplorer.CONTROLS},
        metrics={"middle_x": False, "derivative_peak": False, "sigma_at": True,
                 "derivative_at": True}),
    "NeuronExplorer": dict(
        cls=NeuronExplorer, args=set(),
        controls={name for name, *_ in NeuronExplorer.CONTROLS},
        metrics={"z": False, "output": False}),
    "BackpropStepper": dict(
        cls=BackpropStepper, args={"seed", "learning_rate", "sample", "step"},
        controls={"step", "sample"},
        metrics={"loss": False, "y_hat": False, "d_output": False, "delta2": False, "grad2": False,
                 "delta1_at": True, "grad1_at": True, "weights2_change": False,
                 "iteration": False}),
    "HiddenViewExplorer": dict(
        cls=HiddenViewExplorer, args={"seed", "iterations"}, controls={"time"},
        metrics={"separated_shown": False, "first_separated": False, "loss_shown": False,
                 "predictions_shown": False}),
    "LossExplorer": dict(
        cls=LossExplorer, args=set(),
        controls={"which", *(name for name, *_ in LossExplorer.CONTROLS)},
        metrics={"loss": False, "slope": False, "value": False}),
}
OPERATORS = ("above", "below", "between", "near", "equals", "rounds_to", "signs")
KEYS = {"id", "notebook", "explorer", "args", "steps", "expect"}
ID = re.compile(r"^(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*$")
FENCE = re.compile(r"^```(.*)$", re.M)
LESSON = re.compile(r"^## (\d\d) · (.+)$", re.M)
REFERENCE = re.compile(r"`(\d\d-[a-z0-9]+(?:-[a-z0-9]+)*)`")
MINUTES = re.compile(r"^\| *(\d+) min *\|", re.M)
#: The parts every lesson has, in this order.
PARTS = ("**Goal.**", "**Project.**", "**Timing.**", "**Demonstrations.**",
         "**Ask the class.**", "**Misconceptions.**")


# -- the parser --------------------------------------------------------------------------------
def fenced_blocks(text):
    """``[(info string, body, line number)]`` of every fenced block; unclosed fences raise."""
    blocks, opening = [], None
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if opening is None:
            opening = (match.group(1).strip(), match.end() + 1, line)
        else:
            info, start, first = opening
            blocks.append((info, text[start:match.start()], first))
            opening = None
    if opening is not None:
        raise ValueError(f"line {opening[2]}: a fenced block that is never closed")
    return blocks


def lesson_at(text, line):
    """The lesson (``"00"`` .. ``"10"``) whose section holds ``line``, or None."""
    lesson = None
    for match in LESSON.finditer(text):
        if text.count("\n", 0, match.start()) + 1 > line:
            break
        lesson = match.group(1)
    return lesson


def _check_expectation(where, explorer, expectation):
    if not isinstance(expectation, dict):
        raise ValueError(f"{where}: each expectation must be an object")
    metrics = EXPLORERS[explorer]["metrics"]
    what = expectation.get("what")
    if what not in metrics:
        raise ValueError(f"{where}: {explorer} cannot measure {what!r} "
                         f"(it measures {', '.join(sorted(metrics))})")
    if ("at" in expectation) != metrics[what]:
        raise ValueError(f"{where}: {what!r} " + ("needs" if metrics[what] else "takes no")
                         + ' "at"')
    operators = [key for key in expectation if key in OPERATORS]
    unknown = set(expectation) - {"what", "at", *OPERATORS}
    if unknown or len(operators) != 1:
        raise ValueError(f"{where}: an expectation has 'what', maybe 'at', and exactly one of "
                         f"{', '.join(OPERATORS)}; got {sorted(expectation)}")
    bound = expectation[operators[0]]
    if operators[0] == "between" and not (
            isinstance(bound, list) and len(bound) == 2 and bound[0] < bound[1]):
        raise ValueError(f"{where}: 'between' needs [low, high] with low < high")
    if operators[0] == "near" and not (
            isinstance(bound, list) and len(bound) == 2 and bound[1] > 0):
        raise ValueError(f"{where}: 'near' needs [value, tolerance] with tolerance > 0")
    if operators[0] in ("above", "below") and not isinstance(bound, (int, float)):
        raise ValueError(f"{where}: {operators[0]!r} needs a number")


def _check_step(where, explorer, step):
    spec = EXPLORERS[explorer]
    if not isinstance(step, dict) or len(step) != 1 or not ({"set", "press"} >= set(step)):
        raise ValueError(f"{where}: a step is {{\"set\": {{...}}}} or {{\"press\": name}}")
    if "press" in step:
        if step["press"] not in spec["cls"].buttons:
            raise ValueError(f"{where}: {explorer} has no button {step['press']!r} "
                             f"(it has {', '.join(spec['cls'].buttons)})")
    elif not isinstance(step["set"], dict) or not step["set"]:
        raise ValueError(f"{where}: 'set' needs an object of controls and values")
    elif set(step["set"]) - spec["controls"]:
        raise ValueError(f"{where}: {explorer} has no control "
                         f"{', '.join(sorted(set(step['set']) - spec['controls']))}")


def parse_demonstrations(text):
    """Every ``json demo`` block of ``text``, checked, as dicts (with ``lesson`` and ``line``).

    Raises ``ValueError`` naming the line for a block that is not JSON, lacks a key,
    names an unknown explorer, control, button, quantity or operator, repeats an id,
    or sits outside the lesson its id names.
    """
    demonstrations, seen = [], set()
    for info, body, line in fenced_blocks(text):
        if info.split()[1:2] != ["demo"]:
            continue
        where = f"line {line}"
        if info != "json demo":
            raise ValueError(f"{where}: a demonstration's fence is ```json demo, got {info!r}")
        try:
            demo = json.loads(body)
        except json.JSONDecodeError as error:
            raise ValueError(f"{where}: not JSON ({error})") from None
        if not isinstance(demo, dict):
            raise ValueError(f"{where}: a demonstration is a JSON object")
        missing, unknown = {"id", "notebook", "explorer", "expect"} - set(demo), set(demo) - KEYS
        if missing or unknown:
            raise ValueError(f"{where}: missing {sorted(missing)}, unknown {sorted(unknown)}")
        match = ID.match(str(demo["id"]))
        if not match:
            raise ValueError(f"{where}: the id {demo['id']!r} is not like '08-equal-weights'")
        where = f"line {line} ({demo['id']})"
        if demo["id"] in seen:
            raise ValueError(f"{where}: the id is used twice")
        seen.add(demo["id"])
        if match.group(1) != lesson_at(text, line):
            raise ValueError(f"{where}: the block is not in the lesson for notebook "
                             f"{match.group(1)}")
        if demo["notebook"] not in NOTEBOOKS:
            raise ValueError(f"{where}: no notebook {demo['notebook']!r}")
        if demo["explorer"] not in EXPLORERS:
            raise ValueError(f"{where}: no explorer {demo['explorer']!r} "
                             f"(known: {', '.join(EXPLORERS)})")
        args = demo.setdefault("args", {})
        if not isinstance(args, dict) or set(args) - EXPLORERS[demo["explorer"]]["args"]:
            raise ValueError(f"{where}: {demo['explorer']} takes no arguments {args!r}")
        steps = demo.setdefault("steps", [])
        if not isinstance(steps, list):
            raise ValueError(f"{where}: 'steps' must be a list")
        for step in steps:
            _check_step(where, demo["explorer"], step)
        if not isinstance(demo["expect"], list) or not demo["expect"]:
            raise ValueError(f"{where}: 'expect' must be a non-empty list")
        for expectation in demo["expect"]:
            _check_expectation(where, demo["explorer"], expectation)
        demonstrations.append({**demo, "lesson": match.group(1), "line": line})
    return demonstrations


# -- building a demonstration and measuring its outcome ------------------------------------------
def build(demo):
    """The demonstration's explorer, built as its notebook cell does, after its steps."""
    spec = EXPLORERS[demo["explorer"]]
    explorer = spec["cls"](raise_errors=True, **demo["args"])
    for step in demo["steps"]:
        if "press" in step:
            getattr(explorer, step["press"])()
        elif demo["explorer"] in ("TrainingExplorer", "BackpropStepper",
                                  "HiddenViewExplorer"):  # controls that are traits
            for name, value in step["set"].items():
                if name in WEIGHT_LABELS:  # one weight slider: the browser sends the matrix
                    layer, i, j = WEIGHT_LABELS[name]
                    if layer == 1:
                        rows = [list(row) for row in explorer.weights1]
                        rows[i][j] = value
                        explorer.weights1 = rows
                    else:
                        column = list(explorer.weights2)
                        column[i] = value
                        explorer.weights2 = column
                else:
                    setattr(explorer, name, value)
        else:  # the slider explorers hold their controls in ``values``
            explorer.set(**step["set"])
    return explorer


def _floats(data):
    return np.frombuffer(data, "<f8")


def measure(explorer, what, at=None):
    """The quantity ``what`` of the explorer's current state (what its browser side shows)."""
    if isinstance(explorer, TrainingExplorer):
        run = explorer.run
        loss, steps = _floats(run["step_loss"]), run["steps"]
        shown = steps.index(explorer.time) if what == "predictions_shown" else -1
        weights = _floats(run["weights"]).reshape(len(steps), 16)[shown]
        weights1, weights2 = weights[:12].reshape(3, 4), weights[12:].reshape(4, 1)
        if what == "final_loss":
            return float(loss[-1])
        if what in ("loss_at", "loss_shown"):
            return float(loss[steps.index(at if what == "loss_at" else explorer.time)])
        if what == "plateau_end":
            below = np.flatnonzero(loss < 0.9)
            return int(steps[below[0]]) if below.size else None
        if what in ("predictions", "predictions_shown"):
            x, y = xor()
            trained = NeuralNetwork(x, y, weights1=weights1, weights2=weights2)
            return trained.predict(np.array(run["inputs"])).ravel().tolist()
        if what == "identical_hidden_units":
            return bool((weights1 == weights1[:, :1]).all() and (weights2 == weights2[0]).all())
    if isinstance(explorer, HiddenViewExplorer):  # the iteration the scrubber shows
        run = explorer.run
        if what == "first_separated":
            return run["first_solved"]
        shown = run["steps"].index(explorer.time)
        if what == "separated_shown":
            return run["solved"][shown]
        if what == "loss_shown":
            return float(_floats(run["loss"])[shown])
        return _floats(run["outputs"]).reshape(len(run["steps"]), 4)[shown].tolist()
    if isinstance(explorer, BackpropStepper):  # the view the sample selector shows
        data = explorer.data
        if what == "iteration":
            return data["iteration"]
        if what == "weights2_change":
            return (np.array(data["new_weights2"]) - np.array(data["weights2"])).tolist()
        view = data["views"][explorer.sample]
        if what == "delta1_at":  # hidden unit ``at`` of the one sample shown
            (row,) = view["delta1"]
            return row[at]
        if what == "grad1_at":  # the row of weights1 from input ``at``: four numbers
            return view["grad1"][at]
        return view[what]
    view = explorer.view
    if isinstance(explorer, LabExplorer):
        if what == "success_rate":
            solved, failed = sum(view["solved"]), sum(view["failed"])
            return solved / (solved + failed)
        curves = _floats(view["curves"]).reshape(view["curve_count"], -1)  # one row per start
        if what == "curves_lowest_at":
            return float(curves[:, at].min())
        if what == "curves_falling_at_end":  # every curve lower than 100 iterations before
            return bool((curves[:, -1] < curves[:, -101]).all())
        result = explorer.result
        failed = result.final_loss[~result.solved]
        return float(np.median(failed)) if failed.size else None
    if isinstance(explorer, ActivationExplorer):
        x, sigma, slope = (np.array(view[key]) for key in ("x", "sigma", "derivative"))
        if what == "middle_x":  # where the curve crosses one half, between two grid points
            crossings = np.flatnonzero((sigma[:-1] > 0.5) != (sigma[1:] > 0.5))
            if not crossings.size:
                return None
            k = crossings[0]
            return float(x[k] + (0.5 - sigma[k]) * (x[k + 1] - x[k]) / (sigma[k + 1] - sigma[k]))
        if what == "derivative_peak":
            return float(slope.max())
        return float(np.interp(at, x, sigma if what == "sigma_at" else slope))
    return float(view[what])


def holds(value, expectation):
    """Does ``value`` meet ``expectation``? (``between`` and ``near`` include their ends)."""
    (operator,) = [key for key in expectation if key in OPERATORS]
    bound = expectation[operator]
    if operator in ("above", "below", "between", "near") and value is None:
        return False
    if operator == "above":
        return value > bound
    if operator == "below":
        return value < bound
    if operator == "between":
        return bound[0] <= value <= bound[1]
    if operator == "near":
        return bool(np.all(np.abs(np.subtract(value, bound[0])) <= bound[1]))  # or lists
    if operator == "signs":
        return value is not None and np.array_equal(np.sign(value), bound)
    if operator == "rounds_to":
        return value is not None and np.array_equal(np.round(value), bound)
    return value == bound


def describe(demo):
    return f"{demo['id']} (line {demo['line']})"


# -- the guide's demonstrations ------------------------------------------------------------------
TEXT = GUIDE.read_text(encoding="utf-8")
DEMONSTRATIONS = parse_demonstrations(TEXT)


def test_the_guide_has_demonstrations_of_every_explorer():
    assert {demo["explorer"] for demo in DEMONSTRATIONS} == set(EXPLORERS)


@pytest.mark.parametrize("demo", DEMONSTRATIONS, ids=[d["id"] for d in DEMONSTRATIONS])
def test_each_demonstration_does_what_the_guide_says(demo):
    explorer = build(demo)
    assert explorer.last_error is None and explorer.error == ""
    for expectation in demo["expect"]:
        value = measure(explorer, expectation["what"], expectation.get("at"))
        assert holds(value, expectation), f"{describe(demo)}: {expectation} but got {value}"


def _drawn(demo):
    """Does the demonstration start from weights drawn from a seed (none typed in)?"""
    if demo["explorer"] in ("ActivationExplorer", "NeuronExplorer"):
        return False  # no network: their numbers are the sliders'
    return not any(step.get("press") in ("all_equal", "all_zero")
                   or set(step.get("set", {})) & set(WEIGHT_LABELS) for step in demo["steps"])


DRAWN = [demo for demo in DEMONSTRATIONS if _drawn(demo)]


@pytest.mark.parametrize("demo", DRAWN, ids=[d["id"] for d in DRAWN])
@pytest.mark.parametrize("nudge", [1, 2, 3])
def test_demonstrations_survive_a_one_ulp_nudge_of_every_drawn_weight(demo, nudge, monkeypatch):
    """As tests/perturbation/sitecustomize.py does for the notebooks: every weight the
    library draws moves one ulp up or down, and the outcome must not change."""
    draw, signs = network.draw_weights, np.random.default_rng(nudge)

    def nudged(generator, shape, init_scale=1.0):
        weights = draw(generator, shape, init_scale)
        return np.nextafter(weights, np.where(signs.random(weights.shape) < 0.5, -np.inf, np.inf))

    monkeypatch.setattr(network, "draw_weights", nudged)
    monkeypatch.setattr(many, "draw_weights", nudged)  # the lab's own name for it
    explorer = build(demo)
    assert not np.array_equal(initial_weights(0)[0], draw(np.random.default_rng(0), (3, 4)))
    for expectation in demo["expect"]:
        value = measure(explorer, expectation["what"], expectation.get("at"))
        assert holds(value, expectation), f"{describe(demo)}, nudged: {expectation}, got {value}"


def _constants(tree):
    """``{name: value}`` of the notebook's assignments of literals (``SEED = 0``) and of the
    numbers it imports (``from nnfs_lib.plots.hidden_plane import SEED``)."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if isinstance(value, (int, float, str)):
                    found[alias.asname or alias.name] = value
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return found


def explorer_calls(notebook, name):
    """The keyword arguments of every call ``name(...)`` in the notebook's code cells."""
    source = "\n".join(
        line for cell in json.loads(notebook.read_text())["cells"] if cell["cell_type"] == "code"
        for line in "".join(cell["source"]).splitlines() if not line.lstrip().startswith("%"))
    tree = ast.parse(source)
    constants = _constants(tree)
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
            calls.append({keyword.arg: constants[keyword.value.id]
                          if isinstance(keyword.value, ast.Name) else
                          ast.literal_eval(keyword.value) for keyword in node.keywords})
    return calls


@pytest.mark.parametrize("demo", DEMONSTRATIONS, ids=[d["id"] for d in DEMONSTRATIONS])
def test_each_demonstration_names_an_explorer_its_notebook_builds(demo):
    calls = explorer_calls(NOTEBOOKS[demo["notebook"]], demo["explorer"])
    assert demo["args"] in calls, (f"{describe(demo)}: notebook {demo['notebook']} builds "
                                   f"{demo['explorer']} with {calls}, not {demo['args']}")


def test_the_notebook_calls_are_read_with_their_arguments():
    assert explorer_calls(NOTEBOOKS["06"], "TrainingExplorer") == [{"compact": True}]
    assert explorer_calls(NOTEBOOKS["08"], "TrainingExplorer") == [{}]
    assert explorer_calls(NOTEBOOKS["05"], "TrainingExplorer") == []


# -- the prose around them -----------------------------------------------------------------------
def test_a_copy_of_a_demonstration_elsewhere_is_the_same_demonstration():
    """A plain ``json`` block with an id (the guide's example) repeats that demonstration."""
    copies = [json.loads(body) for info, body, _ in fenced_blocks(TEXT) if info == "json"]
    demos = {demo["id"]: demo for demo in DEMONSTRATIONS}
    assert copies
    for copy in copies:
        original = {key: value for key, value in demos[copy["id"]].items()
                    if key not in ("lesson", "line") and value not in ({}, [])}
        assert copy == original, copy["id"]


def lessons(text):
    """``{number: section text}`` of the lessons, each from its heading to the next."""
    marks = list(LESSON.finditer(text))
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return {m.group(1): text[m.start():end] for m, end in zip(marks, ends)}


def prose(text):
    """``text`` without its fenced blocks."""
    return re.sub(r"^```.*?^```[^\n]*$", " ", text, flags=re.M | re.S)


def test_every_notebook_has_a_lesson_with_every_part_and_one_class_period():
    found = lessons(TEXT)
    assert list(found) == LESSONS
    for number, section in found.items():
        notebook = NOTEBOOKS[number].name
        assert f"(notebooks/{notebook})" in section, f"lesson {number} links {notebook}"
        places = [section.find(part) for part in PARTS]
        assert -1 not in places and places == sorted(places), f"lesson {number}: {PARTS}"
        minutes = sum(int(m) for m in MINUTES.findall(section))
        assert 40 <= minutes <= 50, f"lesson {number} takes {minutes} minutes"
        assert any(demo["lesson"] == number for demo in DEMONSTRATIONS), number


def test_every_demonstration_is_referred_to_in_the_prose_and_every_reference_exists():
    text = prose(TEXT)
    referred = set(REFERENCE.findall(text))
    ids = {demo["id"] for demo in DEMONSTRATIONS}
    assert ids - referred == set(), "demonstrations the prose never mentions"
    assert referred - ids == set(), "the prose mentions demonstrations that do not exist"
    for demo in DEMONSTRATIONS:  # in its own lesson
        assert f"`{demo['id']}`" in prose(lessons(TEXT)[demo["lesson"]]), demo["id"]


def _printed(path):
    numbers = set()
    for cell in json.loads(path.read_text())["cells"]:
        if cell["cell_type"] == "code":
            for text in (*_output_text(cell), "".join(cell["source"])):
                numbers |= output_numbers(text)
    return numbers


SOLUTIONS = _printed(ROOT / "notebooks" / "solutions.ipynb")


def test_every_decimal_number_of_the_prose_is_printed_by_its_notebooks_or_demonstrated():
    """Numbers in a lesson come from outputs (or code) of its notebook, of the notebooks
    whose explorers it demonstrates, of the solutions, or from its demonstrations'
    settings and bounds."""
    flagged = []
    for number, section in lessons(TEXT).items():
        demos = [demo for demo in DEMONSTRATIONS if demo["lesson"] == number]
        backing = {Decimal(n) for n in ALLOWED}
        for notebook in {number, *(demo["notebook"] for demo in demos)}:
            backing |= _printed(NOTEBOOKS[notebook])
        backing |= SOLUTIONS  # the answers to the exercises
        for demo in demos:
            backing |= output_numbers(json.dumps(demo, ensure_ascii=False))
        for written, value in prose_numbers(prose(section)):
            if not _backed(value, backing):
                flagged.append(f"lesson {number}: {written}")
    assert not flagged, "numbers in the guide that nothing prints or tests:\n" + "\n".join(flagged)


# -- the parser refuses malformed blocks ---------------------------------------------------------
GOOD = {"id": "08-x", "notebook": "08", "explorer": "TrainingExplorer",
        "expect": [{"what": "final_loss", "below": 0.01}]}


def block(demo, fence="```json demo"):
    body = demo if isinstance(demo, str) else json.dumps(demo)
    return f"## 08 · Training and results\n\n{fence}\n{body}\n```\n"


def test_the_parser_reads_a_good_block():
    (demo,) = parse_demonstrations(block(GOOD))
    assert demo["id"] == "08-x" and demo["lesson"] == "08" and demo["line"] == 3
    assert demo["steps"] == [] and demo["args"] == {}
    assert parse_demonstrations(block(GOOD, "```json")) == []  # other code blocks are skipped


MALFORMED = {
    "not json": ('{"id": "08-x",', "not JSON"),
    "a list": ("[1, 2]", "object"),
    "no expect": ({k: v for k, v in GOOD.items() if k != "expect"}, "missing"),
    "unknown key": ({**GOOD, "colour": "red"}, "unknown"),
    "bad id": ({**GOOD, "id": "eight"}, "id"),
    "other lesson": ({**GOOD, "id": "06-x"}, "not in the lesson"),
    "no notebook": ({**GOOD, "notebook": "11"}, "notebook"),
    "unknown explorer": ({**GOOD, "explorer": "Stepper"}, "no explorer"),
    "bad argument": ({**GOOD, "args": {"colour": 1}}, "arguments"),
    "unknown control": ({**GOOD, "steps": [{"set": {"speed": 2}}]}, "no control"),
    "unknown button": ({**GOOD, "steps": [{"press": "explode"}]}, "no button"),
    "bad step": ({**GOOD, "steps": [{"set": {"seed": 1}, "press": "reset"}]}, "a step is"),
    "empty expect": ({**GOOD, "expect": []}, "non-empty"),
    "unknown metric": ({**GOOD, "expect": [{"what": "beauty", "above": 1}]}, "cannot measure"),
    "two operators": ({**GOOD, "expect": [{"what": "final_loss", "above": 0, "below": 1}]},
                      "exactly one"),
    "no operator": ({**GOOD, "expect": [{"what": "final_loss"}]}, "exactly one"),
    "missing at": ({**GOOD, "expect": [{"what": "loss_at", "below": 1}]}, "needs"),
    "stray at": ({**GOOD, "expect": [{"what": "final_loss", "at": 3, "below": 1}]}, "takes no"),
    "bad between": ({**GOOD, "expect": [{"what": "final_loss", "between": [1, 0]}]}, "low < high"),
    "bad near": ({**GOOD, "expect": [{"what": "final_loss", "near": [1, -1]}]}, "tolerance"),
    "text bound": ({**GOOD, "expect": [{"what": "final_loss", "below": "small"}]}, "a number"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_the_parser_refuses_a_malformed_block(name):
    demo, message = MALFORMED[name]
    with pytest.raises(ValueError, match=message):
        parse_demonstrations(block(demo))


def test_the_parser_refuses_a_bad_fence_a_repeated_id_and_an_unclosed_block():
    with pytest.raises(ValueError, match="fence"):
        parse_demonstrations(block(GOOD, "```yaml demo"))
    with pytest.raises(ValueError, match="twice"):
        parse_demonstrations(block(GOOD) + "\n```json demo\n" + json.dumps(GOOD) + "\n```\n")
    with pytest.raises(ValueError, match="never closed"):
        parse_demonstrations(block(GOOD) + "\n```json demo\n{}\n")


def test_a_wrong_outcome_fails():
    """The checks can fail: the default run does not end above 0.9."""
    explorer = build({**GOOD, "args": {}, "steps": []})
    assert not holds(measure(explorer, "final_loss"), {"what": "final_loss", "above": 0.9})
    assert holds(measure(explorer, "predictions"), {"what": "predictions",
                                                    "rounds_to": [0, 1, 1, 0]})
    assert not holds(None, {"what": "plateau_end", "below": 100})
