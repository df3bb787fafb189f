"""The explorers in a real browser: JupyterLab + Chromium, driven with the mouse.

A fixture starts its own JupyterLab (random port and token, temporary config
and runtime folders) on the repository; Chromium opens a notebook, runs all
cells, waits for the widgets, drags the iterations slider and checks that the
loss plot changed. Skipped without /usr/bin/chromium, unless CI=true.

    .venv/bin/python -m pytest tests/test_browser.py -p no:cacheprovider -o addopts=""
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
SCREENSHOTS = Path("/tmp")
#: The notebook on show (other tabs are hidden with lm-mod-hidden).
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
NOTEBOOKS = {
    "08": "notebooks/08_training_and_results.ipynb",
    "06": "notebooks/06_backpropagation.ipynb",
}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chromium_path():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing on CI")
        pytest.skip(f"{CHROMIUM} is not installed")
    pytest.importorskip("playwright.sync_api")
    return str(CHROMIUM)


@pytest.fixture(scope="module")
def lab(tmp_path_factory, chromium_path):
    """A private JupyterLab on ROOT: yields its base URL and token."""
    home = tmp_path_factory.mktemp("jupyter")
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    # Private config and runtime; the data path keeps sys.prefix/share/jupyter
    # (jupyterlab_widgets' labextension), which JUPYTER_DATA_DIR does not hide.
    env.update(JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               JUPYTER_DATA_DIR=str(home / "data"), JUPYTERLAB_WORKSPACES_DIR=str(home / "ws"),
               MPLBACKEND="Agg")
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
               f"--port={port}", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={ROOT}", "--LabApp.expose_app_in_browser=True",
               "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = open(home / "lab.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                              cwd=ROOT)
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


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def run_notebook(page, base, token, path, name):
    """Open ``path`` in JupyterLab, run all cells, wait for the widgets to render."""
    # A fresh workspace per notebook, so no other notebook's tab is restored.
    page.goto(f"{base}/lab/workspaces/nnfs{name}/tree/{path}?reset&token={token}")
    page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=60_000)
    page.wait_for_function("() => window.jupyterapp !== undefined", timeout=30_000)
    # Wait for the kernel, then run everything through the command registry.
    page.wait_for_function(
        """() => {
            const w = window.jupyterapp.shell.currentWidget;
            const k = w && w.sessionContext && w.sessionContext.session
                      && w.sessionContext.session.kernel;
            return k && k.connectionStatus === 'connected' && k.status === 'idle';
        }""", timeout=60_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_selector(f"{PANEL} .jupyter-widgets .widget-slider", timeout=60_000)
    page.wait_for_selector(f"{PANEL} .jupyter-widgets img.widget-image", timeout=60_000)
    # Until every cell has run ("[*]" prompts gone).
    page.wait_for_function(
        """() => ![...document.querySelectorAll('.jp-InputPrompt')]
                 .some(p => p.textContent.includes('*'))""", timeout=90_000)
    page.wait_for_timeout(500)
    text = page.inner_text(PANEL)
    page.screenshot(path=str(SCREENSHOTS / f"nnfs_browser_{name}_loaded.png"))
    assert "Error displaying widget" not in text
    assert "Loading widget..." not in text
    assert "Traceback" not in text, "a cell raised"


def drag_slider(page, description, dx):
    """Drag the handle of the slider labelled ``description`` by ``dx`` pixels."""
    slider = page.locator(f"{PANEL} .widget-slider", has=page.locator(
        f".widget-label:text-is('{description}')")).first
    slider.scroll_into_view_if_needed()
    readout = slider.locator(".widget-readout")
    before = readout.inner_text()
    handle = slider.locator(".noUi-handle").first
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx / 2, y, steps=5)
    page.mouse.move(x + dx, y, steps=5)
    page.mouse.up()
    assert readout.inner_text() != before, "the slider did not move"
    return before, readout.inner_text()


@pytest.mark.parametrize("name", ["08", "06"])
def test_dragging_the_iterations_slider_changes_the_loss_plot(lab, browser, name):
    base, token = lab
    path = NOTEBOOKS[name]
    if not (ROOT / path).exists():
        pytest.skip(f"{path} is not written yet")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        run_notebook(page, base, token, path, name)
        explorer = page.locator(f"{PANEL} .jupyter-widgets.widget-vbox", has=page.locator(
            ".widget-label:text-is('iterations')")).first
        image = explorer.locator("img.widget-image").first
        image.scroll_into_view_if_needed()
        source = image.get_attribute("src")
        before = image.screenshot()
        drag_slider(page, "iterations", 30)
        page.wait_for_function(
            "([img, old]) => img.getAttribute('src') !== old",
            arg=[image.element_handle(), source], timeout=20_000)
        page.wait_for_timeout(300)
        after = image.screenshot()
        page.screenshot(path=str(SCREENSHOTS / f"nnfs_browser_{name}_dragged.png"))
        assert after != before, "the plot did not change"
        text = page.inner_text(PANEL)
        assert "Error:" not in explorer.inner_text()
        assert "Error displaying widget" not in text
    finally:
        context.close()
