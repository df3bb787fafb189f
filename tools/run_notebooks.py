"""``make notebooks``: execute notebooks in place so their stored outputs are current.

Usage: ``python tools/run_notebooks.py notebooks/*.ipynb``

Each notebook runs top to bottom in a fresh ``python3`` kernel of the current
environment, from its own folder. Afterwards everything that would change from
one run to the next is removed, so running this twice leaves ``git diff``
empty: cell timings, widget state and widget-view outputs (random model ids;
the cell's plain-text fallback is kept), and the kernelspec is normalised.
The cells' slide metadata is set by ``tools/slides.py``'s rules.
"""

import sys
from pathlib import Path

import slides  # tools/slides.py, beside this file

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def normalise(nb):
    """Strip volatile metadata from an executed notebook (in place) and return it."""
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    language_info = nb.metadata.get("language_info", {})
    language_info.pop("version", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = _merge_streams(cell.outputs)
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
            output.get("metadata", {}).pop(WIDGET_VIEW, None)
    return nb


def _merge_streams(outputs):
    """Join consecutive stdout (or stderr) outputs into one.

    How a print is split into stream messages depends on timing ("265" then
    "\n", or "265\n" at once); merged, the stored notebook is the same every run.
    """
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream"
                and previous.get("name") == output.get("name")):
            previous["text"] = "".join(previous["text"]) + "".join(output["text"])
        else:
            merged.append(output)
    return merged


def execute(path, timeout=300):
    """Run the notebook at ``path`` and write it back with its new outputs."""
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nbformat.write(slides.apply(normalise(nb)), path)


def main(paths):
    if not paths:
        print("usage: python -m nnfs_lib.notebook_runner NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    for path in paths:
        print(f"executing {path}", flush=True)
        execute(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
