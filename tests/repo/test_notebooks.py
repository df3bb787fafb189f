"""Hygiene of the stored notebooks, plus determinism of their execution.

nbval (configured in pyproject.toml) re-runs every notebook and compares the
outputs; these tests check what nbval does not: images, headings, paths,
warnings, the share of unchecked cells, and that two runs agree exactly.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
IMAGE_LINK = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LOCAL_PATH = re.compile(r"(/home/|/root/|/tmp/|/work/|[A-Z]:\\\\Users)")
IGNORE_MARK = "# NBVAL_IGNORE_OUTPUT"
WARNING_LINE = re.compile(r":\d+: \w*Warning: ")

# Every section of the article, and the notebook that teaches it.
ARTICLE_SECTIONS = {
    "00_the_network": ["What is an Artificial Neural Network?", "Intuition", "The Network"],
    "01_neurons": ["1. Neurons"],
    "02_weights_and_biases": ["2. Weights and Biases"],
    "03_activation_function": ["3. Activation Function"],
    "04_feedforward": ["4. Feedforward"],
    "05_loss_function": ["5. Loss Function"],
    "06_backpropagation": ["6. Backpropagation"],
    "07_the_math": ["7. The Math!"],
    "08_training_and_results": ["8. Training", "Results"],
}


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def cells(path, kind=None):
    return [c for c in load(path)["cells"] if kind is None or c["cell_type"] == kind]


def source(cell):
    return "".join(cell["source"])


def ids(paths):
    return [p.stem for p in paths]


def test_the_series_is_complete():
    stems = {p.stem for p in NOTEBOOKS}
    missing = set(ARTICLE_SECTIONS) - stems
    assert not missing, f"notebooks missing: {sorted(missing)}"
    assert "solutions" in stems


@pytest.mark.parametrize("stem, headings", ARTICLE_SECTIONS.items())
def test_every_article_section_has_its_heading(stem, headings):
    path = ROOT / "notebooks" / f"{stem}.ipynb"
    found = {line.lstrip("#").strip()
             for cell in cells(path, "markdown")
             for line in source(cell).splitlines() if line.startswith("#")}
    for heading in headings:
        assert heading in found, f"{stem} lacks the heading {heading!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_images_resolve_and_have_alt_text(path):
    for cell in cells(path, "markdown"):
        text = source(cell)
        assert not HTML_IMAGE.search(text), f"{path.name}: use markdown images with alt text"
        for alt, target in IMAGE_LINK.findall(text):
            assert len(alt.split()) >= 3, f"{path.name}: image {target} needs real alt text"
            assert target.startswith("../images/"), f"{path.name}: {target} is not in images/"
            assert (path.parent / target).resolve().is_file(), f"{path.name}: {target} missing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_errors_warnings_or_unexecuted_cells(path):
    count = 0
    for cell in cells(path, "code"):
        if not source(cell).strip():
            continue
        count += 1
        assert cell["execution_count"] == count, f"{path.name}: run `make notebooks`"
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"{path.name}: stored error"
            if output["output_type"] == "stream":
                assert output["name"] == "stdout", f"{path.name}: stderr output stored"
                # The format of warnings.showwarning: "file.py:12: RuntimeWarning: ..."
                assert not WARNING_LINE.search("".join(output["text"])), (
                    f"{path.name}: warning stored")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_local_paths_anywhere(path):
    notebook = load(path)
    for cell in notebook["cells"]:
        outputs = json.dumps(cell.get("outputs", [])) + json.dumps(cell["metadata"])
        assert not LOCAL_PATH.search(outputs), f"{path.name}: local path in an output"
    assert not LOCAL_PATH.search(json.dumps(notebook["metadata"]))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_frame_and_kernelspec(path):
    notebook = load(path)
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    text = "\n".join(source(c) for c in cells(path, "markdown"))
    contents = "(#Contents)" if path.stem == "00_the_network" else "(00_the_network.ipynb#Contents)"
    assert contents in text, f"{path.name}: link back to the contents"
    first_code = source(cells(path, "code")[0])
    assert "np.set_printoptions" in first_code
    if path.stem != "solutions":
        assert re.search(r"learning goals", text, re.IGNORECASE), path.name
        assert re.search(r"^## Recap", text, re.MULTILINE), path.name
        assert len(re.findall(r"exercises\.check_", "\n".join(
            source(c) for c in cells(path, "code")))) >= 2, f"{path.name}: 2-4 exercises"


def test_ignored_outputs_are_rare_and_only_for_widgets_or_timings():
    total = ignored = 0
    for path in NOTEBOOKS:
        for cell in cells(path, "code"):
            total += 1
            text = source(cell)
            if IGNORE_MARK in text:
                ignored += 1
                assert re.search(r"Explorer\(|Stepper\(|interact\(|%%?timeit?\b", text), (
                    f"{path.name}: {IGNORE_MARK} on a cell that shows no widget or timing")
    assert ignored <= 0.15 * total, f"{ignored} of {total} code cells escape comparison"


def test_every_stored_image_is_shown_in_some_notebook():
    """`make images` draws the article's figures; each must appear, with alt text, in the series."""
    shown = set()
    for path in NOTEBOOKS:
        for cell in cells(path, "markdown"):
            shown |= {Path(target).name for _alt, target in IMAGE_LINK.findall(source(cell))}
    stored = {p.name for p in (ROOT / "images").glob("*.png")}
    assert stored <= shown, f"never shown: {sorted(stored - shown)}"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.stem != "solutions"],
                         ids=ids([p for p in NOTEBOOKS if p.stem != "solutions"]))
def test_two_to_four_exercises(path):
    text = "\n".join(source(c) for c in cells(path, "markdown"))
    numbers = set(re.findall(r"\*\*Exercise (\d+\.\d+)\.?\*\*", text))
    assert 2 <= len(numbers) <= 4, f"{path.name}: exercises {sorted(numbers)}"


def test_notebook_links_resolve():
    link = re.compile(r"\]\(([^)#\s]+\.ipynb)(?:#[^)]*)?\)")
    for path in NOTEBOOKS:
        for cell in cells(path, "markdown"):
            for target in link.findall(source(cell)):
                assert (path.parent / target).is_file(), f"{path.name}: broken link {target}"


@pytest.mark.parametrize("name", ["00_the_network", "08_training_and_results"])
def test_execution_is_deterministic(name):
    """Run a notebook twice, as `make notebooks` does: identical outputs, figures included.

    00 is the simplest; 08 trains, draws every kind of figure and shows explorers.
    """
    import nbformat
    from nbclient import NotebookClient
    from run_notebooks import normalise

    runs = []
    for _ in range(2):
        nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        NotebookClient(nb, timeout=120, kernel_name="python3",
                       resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
        runs.append([c.get("outputs") for c in normalise(nb).cells])
    assert runs[0] == runs[1]


def test_normalise_strips_volatile_metadata():
    import nbformat
    from run_notebooks import WIDGET_VIEW, normalise

    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {"state": {}}
    nb.metadata["kernelspec"] = {"name": "python3-venv", "display_name": "x"}
    cell = nbformat.v4.new_code_cell("1")
    cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01"}
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data={WIDGET_VIEW: {"model_id": "abc"}, "text/plain": "VBox()"})]
    split = nbformat.v4.new_code_cell("print(265)")
    split.outputs = [nbformat.v4.new_output("stream", name="stdout", text="265"),
                     nbformat.v4.new_output("stream", name="stdout", text="\n"),
                     nbformat.v4.new_output("stream", name="stderr", text="x")]
    nb.cells += [cell, split]
    normalise(nb)
    assert [(o["name"], "".join(o["text"])) for o in split.outputs] == [
        ("stdout", "265\n"), ("stderr", "x")]
    assert "widgets" not in nb.metadata
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert "execution" not in cell.metadata
    assert cell.outputs[0]["data"] == {"text/plain": "VBox()"}
