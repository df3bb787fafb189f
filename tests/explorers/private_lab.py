"""A private JupyterLab for the browser tests and ``benchmarks/bench_browser.py``.

``private_lab(root, home)`` starts ``jupyter lab`` (random port and token,
temporary config, runtime and settings folders, autosave off, no news toast,
``--allow-root`` as root) on ``root`` and yields ``(base_url, token)``.
``explorer_notebook(path, cells)`` writes a notebook holding only the given
code cells (the explorer cells), which opens and runs much faster than the
series' notebooks. ``open_notebook(page, url)`` runs it and waits until every
explorer has painted; ``widget_host``, ``frames``, ``wait_painted`` and
``drag`` find an explorer, count its pictures and drive a slider.

The browser tests share the rest: ``require_browser`` (skip without Chromium or
playwright, fail on CI), ``served_notebook`` (a private lab serving one
generated notebook), ``chromium``, ``new_page`` (a page that records console
errors), ``drawing``, ``kernel_prints`` and ``no_errors``.
"""

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
CHROMIUM = Path("/usr/bin/chromium")
#: Errors of Notebook 7's own start-up, thrown by its bundle (``/static/notebook/``)
#: now and then, explorers or not: a settings race of its shortcuts plugin, and a
#: command of JupyterLab's file browser, which Notebook 7's notebook page lacks.
NOTEBOOK7_OWN = ("Cannot read properties of undefined (reading 'schema')",
                 "Command 'filebrowser:open-path' not registered.")
#: The notebook on show (other tabs are hidden with lm-mod-hidden).
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
#: JupyterLab and Notebook 7 read their user settings from here.
SETTINGS = {
    "lab/user-settings/@jupyterlab/docmanager-extension/plugin.jupyterlab-settings":
        '{"autosave": false}',
    "lab/user-settings/@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        '{"fetchNews": "false", "checkForUpdates": false}',
    # Every cell rendered, also those scrolled out of view (JupyterLab 4 renders lazily).
    "lab/user-settings/@jupyterlab/notebook-extension/tracker.jupyterlab-settings":
        '{"windowingMode": "none"}',
}
#: The explorer cells of the series, as the notebooks write them.
CELLS = {
    "activation": "from nnfs_lib.explorers.small_explorers import ActivationExplorer\n"
                  "ActivationExplorer()",
    "neuron": "from nnfs_lib.explorers.small_explorers import NeuronExplorer\nNeuronExplorer()",
    "loss": "from nnfs_lib.explorers.small_explorers import LossExplorer\nLossExplorer()",
    "compact": "from nnfs_lib.explorers.training import TrainingExplorer\n"
               "TrainingExplorer(compact=True)",
    "training": "from nnfs_lib.explorers.training import TrainingExplorer\nTrainingExplorer()",
    "lab": "from nnfs_lib.explorers.lab import LabExplorer\nLabExplorer()",
    "hidden": "from nnfs_lib.explorers.hidden_view import HiddenViewExplorer\n"
              "HiddenViewExplorer()",
    "stepper": "from nnfs_lib.explorers.stepper import BackpropStepper\nBackpropStepper()",
}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def explorer_notebook(path, cells):
    """Write a notebook of the code ``cells`` (strings) to ``path``."""
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": f"cell{k}",
                     "metadata": {}, "outputs": [], "source": source}
                    for k, source in enumerate(cells)],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                      "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb, indent=1))


@contextlib.contextmanager
def private_lab(root, home):
    """Serve ``root`` with a private ``jupyter lab``; yields ``(base_url, token)``."""
    port, token = _free_port(), secrets.token_hex(16)
    for name, content in SETTINGS.items():
        (home / "config" / name).parent.mkdir(parents=True, exist_ok=True)
        (home / "config" / name).write_text(content)
    env = dict(os.environ)
    # Private config and runtime; the data path keeps sys.prefix/share/jupyter
    # (the widget front ends), which JUPYTER_DATA_DIR does not hide.
    env.update(JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               JUPYTER_DATA_DIR=str(home / "data"), JUPYTERLAB_WORKSPACES_DIR=str(home / "ws"),
               JUPYTERLAB_SETTINGS_DIR=str(home / "config" / "lab" / "user-settings"),
               MPLBACKEND="Agg")
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
               f"--port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
               "--LabApp.expose_app_in_browser=True",
               "--JupyterNotebookApp.expose_app_in_browser=True", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = open(home / "lab.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    json.load(r)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start:\n"
                                       + (home / "lab.log").read_text()[-3000:]) from None
                time.sleep(0.3)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def shutdown_sessions(base, token):
    """Stop the kernels of the server's sessions (the next page starts afresh)."""
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10) as r:
        sessions = json.load(r)
    for session in sessions:
        request = urllib.request.Request(
            f"{base}/api/sessions/{session['id']}?token={token}", method="DELETE")
        with urllib.request.urlopen(request, timeout=30):
            pass


def open_notebook(page, url, explorers):
    """Open ``url`` (JupyterLab or Notebook 7), run all cells, wait for ``explorers`` paintings."""
    page.goto(url)
    page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=60_000)
    page.wait_for_function("() => window.jupyterapp !== undefined", timeout=30_000)
    page.wait_for_function(
        """() => {
            const w = window.jupyterapp.shell.currentWidget;
            const k = w && w.sessionContext && w.sessionContext.session
                      && w.sessionContext.session.kernel;
            return k && k.connectionStatus === 'connected' && k.status === 'idle';
        }""", timeout=60_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        """([panel, n]) => [...document.querySelectorAll(panel + ' .nnfs-explorer')]
               .filter(e => e.parentElement.dataset.painted).length >= n""",
        arg=[PANEL, explorers], timeout=90_000)


def widget_host(page, index):
    """The element (anywidget's ``el``) of the ``index``-th explorer on show."""
    return page.locator(f"{PANEL} .nnfs-explorer").nth(index).locator("xpath=..")


def wait_painted(page, host, since):
    """Wait until ``host`` has painted after ``since`` (its frame counter moved on)."""
    page.wait_for_function("([el, n]) => Number(el.dataset.frames || 0) > n",
                           arg=[host.element_handle(), since], timeout=20_000)


def frames(host):
    """How many pictures ``host`` has painted (``common.js``' ``painted``)."""
    return int(host.get_attribute("data-frames") or 0)


def drag(page, slider, dx, steps=4):
    """Drag ``slider``'s thumb from its middle by ``dx`` pixels and release it."""
    slider.scroll_into_view_if_needed()
    box = slider.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y, steps=steps)
    page.mouse.up()


# -- what every browser test file shares ------------------------------------------------
def require_browser():
    """Skip when Chromium or playwright is missing, except on CI (CI=true): there, fail."""
    import pytest

    on_ci = os.environ.get("CI") == "true"
    if not CHROMIUM.exists():
        if on_ci:
            pytest.fail(f"{CHROMIUM} is not installed on CI (CI=true): the browser tests must run")
        pytest.skip(f"{CHROMIUM} is not installed")
    if not on_ci:
        pytest.importorskip("playwright.sync_api")


@contextlib.contextmanager
def served_notebook(tmp_path_factory, name, cells, budget=None):
    """``require_browser``, then a private lab serving notebook ``name`` of the code ``cells``;
    yields ``(base_url, token)`` and prints the time taken against ``budget`` (seconds)."""
    require_browser()
    start = time.monotonic()
    root = tmp_path_factory.mktemp("served")
    explorer_notebook(root / name, cells)
    with private_lab(root, tmp_path_factory.mktemp("jupyter")) as server:
        yield server
    if budget is not None:
        print(f"{name}: browser tests took {time.monotonic() - start:.1f} s (budget {budget} s)")


@contextlib.contextmanager
def chromium():
    """Debian's Chromium through playwright, headless."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, lab, url_path, explorers=1, width=1280, height=720, scale=1):
    """Open ``url_path`` of the server ``lab`` in a new context and run it (``open_notebook``);
    returns ``(context, page, errors)``, errors as ``(message, where)`` of console and page."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  device_scale_factor=scale)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append((m.text, m.location.get("url", "")))
            if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append((str(e), e.stack or "")))
    base, token = lab
    open_notebook(page, f"{base}{url_path}?reset&token={token}", explorers)
    return context, page, errors


def drawing(host):
    """An explorer's picture: its SVG markup and its canvases' pixels (RGBA, as text)."""
    return host.evaluate("""el => [...el.querySelectorAll('svg')].map(s => s.outerHTML).join('')
        + [...el.querySelectorAll('canvas')].map(c => c.width + 'x' + c.height + ':'
            + c.getContext('2d').getImageData(0, 0, c.width, c.height).data.join(',')).join('|')""")


def kernel_prints(page, code):
    """What ``code`` run in the kernel of the notebook on show prints."""
    return page.evaluate("""async code => { let out = '';
        const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
        const future = kernel.requestExecute({ code });
        future.onIOPub = m => { if (m.header.msg_type === 'stream') out += m.content.text; };
        await future.done; return out; }""", code)


def no_errors(page, errors):
    """Assert that no widget failed to show and that the console holds no error of ours."""
    text = page.inner_text(PANEL)
    assert "Error displaying widget" not in text and "Traceback" not in text
    ours = [(message, where) for message, where in errors
            if not (message in NOTEBOOK7_OWN and "/static/notebook/" in where)]
    assert ours == []
