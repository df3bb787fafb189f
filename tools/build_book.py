"""``make book``: the whole series as a static HTML site, from the stored outputs.

Usage: ``python tools/build_book.py [--out build/book]``  ->  ``build/book/html/index.html``

Stages a copy of ``notebooks/*.ipynb`` and ``images/`` under ``OUT/src`` (so the
notebooks' ``../images/...`` links hold and nothing is written into the
repository), adds an ``index.md`` whose table of contents is the series in the
article's order (00..10, then the solutions), and runs Sphinx with the
configuration in ``tools/book/`` (myst-nb, sphinx-book-theme, MathJax bundled).
Nothing is executed. Warnings fail the build (``-W``): a link between notebooks
or to a heading that does not resolve stops it. Files are copied with their
times, so a second build re-reads only the notebooks that changed.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "tools" / "book"
#: Notebooks from this number on go beyond the article (README: "going further").
GOING_FURTHER_FROM = 9

INDEX = """\
# nnfs: a neural network from scratch

A notebook series that builds, trains and takes apart a 3-4-1 sigmoid network that learns XOR,
following the article *Neural Networks from scratch in Python* section by section.

This is the series as a static book: each page is one notebook with the outputs stored in the
repository. The interactive explorers work only in Jupyter (`make lab`); here the figure after each
explorer shows its default setting. Read the pages in order; every notebook links the next.

```{{toctree}}
:caption: The article, step by step
:maxdepth: 1

{article}
```

```{{toctree}}
:caption: Going further
:maxdepth: 1

{further}
```

```{{toctree}}
:caption: Exercises
:maxdepth: 1

notebooks/solutions
```
"""


def series(root=ROOT):
    """The numbered notebooks of ``root/notebooks``, in order, and the solutions notebook."""
    numbered = sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    return numbered, root / "notebooks" / "solutions.ipynb"


def index_page(numbered):
    """The book's front page (MyST markdown): an introduction and the tables of contents."""
    names = [(int(path.name[:2]), f"notebooks/{path.stem}") for path in numbered]
    return INDEX.format(article="\n".join(n for k, n in names if k < GOING_FURTHER_FROM),
                        further="\n".join(n for k, n in names if k >= GOING_FURTHER_FROM))


def _sync(sources, folder):
    """Copy ``sources`` into ``folder`` with their times; remove what else is there."""
    folder.mkdir(parents=True, exist_ok=True)
    names = {path.name for path in sources}
    for stale in folder.iterdir():
        if stale.name not in names:
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    for path in sources:
        target = folder / path.name
        if not target.exists() or target.stat().st_mtime != path.stat().st_mtime \
                or target.stat().st_size != path.stat().st_size:
            shutil.copy2(path, target)


def stage(src, root=ROOT):
    """Lay out the book's sources in ``src``: notebooks/, images/ and index.md."""
    numbered, solutions = series(root)
    _sync(numbered + [solutions], src / "notebooks")
    _sync(sorted((root / "images").glob("*.png")), src / "images")
    index = src / "index.md"
    text = index_page(numbered)
    if not index.exists() or index.read_text() != text:
        index.write_text(text)


def build(out, root=ROOT):
    """Stage the series of ``root`` under ``out/src``; build the HTML into ``out/html``."""
    out = Path(out).resolve()
    stage(out / "src", root)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going",
               "-c", str(CONFIG), "-d", str(out / "doctrees"), str(out / "src"),
               str(out / "html")]
    subprocess.run(command, check=True)
    return out / "html"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "book"),
                        help="output folder (default build/book); the site is OUT/html")
    html = build(parser.parse_args(argv).out)
    print(f"book written to {html / 'index.html'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
