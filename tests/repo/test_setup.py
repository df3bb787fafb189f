"""The set-up promises of the README: one environment, two routes, `make lab` serves."""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib", reason="tomllib needs Python 3.11+")

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*(#.*)?$")
#: conda-forge package -> the PyPI package it provides, where the names differ.
CONDA_TO_PYPI = {"playwright-python": "playwright"}
#: Installed from PyPI in environment.yml's pip block (no conda-forge package found).
PIP_ONLY = {"sphinx-mathjax-offline"}


def parse(requirement):
    name, bounds, _comment = REQUIREMENT.match(requirement).groups()
    name = name.lower().replace("_", "-")
    name = CONDA_TO_PYPI.get(name, name)
    return name, frozenset(b.replace(" ", "") for b in bounds.split(",") if b.strip())


def pyproject_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = project["dependencies"] + sum(project["optional-dependencies"].values(), [])
    return dict(parse(r) for r in listed)


def conda_requirements():
    # A tiny reader for our flat environment.yml: "  - name>=a,<b" lines.
    result, pip_block = {}, []
    text = (ROOT / "environment.yml").read_text()
    for line in text[text.index("dependencies:"):].splitlines():
        item = re.match(r"^(\s*)- (.+)$", line)
        if not item:
            continue
        indent, value = item.groups()
        if len(indent) > 2:
            pip_block.append(value.strip())
        elif value not in ("pip", "pip:"):
            name, bounds = parse(value)
            result[name] = bounds
    return result, pip_block


def test_conda_and_pip_name_the_same_packages_and_bounds():
    pip, (conda, pip_block) = pyproject_requirements(), conda_requirements()
    assert conda.pop("python") == {">=3.10"}
    assert pip_block[-1] == "-e ."
    from_pypi = dict(parse(r) for r in pip_block[:-1])
    assert set(from_pypi) == PIP_ONLY
    assert not set(conda) & set(from_pypi)
    assert conda | from_pypi == pip
    assert "conda-forge" in (ROOT / "environment.yml").read_text()


def test_every_requirement_has_lower_and_upper_bound():
    for name, bounds in pyproject_requirements().items():
        assert any(b.startswith(">=") for b in bounds), f"{name} has no lower bound"
        assert any(b.startswith("<") for b in bounds), f"{name} has no upper bound"
        assert not any(b.startswith("==") for b in bounds), f"{name} is pinned"


def test_python_requirement_matches():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.10"


def test_known_incompatibilities_are_excluded():
    pip = pyproject_requirements()
    assert ">=0.11" in pip["nbval"]  # nbval 0.10 breaks on pytest >= 8.1
    assert ">=8.1" in pip["ipywidgets"] and "<9" in pip["ipywidgets"]
    assert any(b.startswith(">=3") for b in pip["jupyterlab-widgets"])  # moves with ipywidgets 8
    assert ">=4.0" in pip["jupyterlab"] and "<5" in pip["jupyterlab"]


def test_ci_runs_make_test():
    script = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", script, re.MULTILINE)


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make lab" in readme and "make test" in readme
    assert "conda env create -f environment.yml" in readme


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_lab_starts_a_server_that_answers(tmp_path):
    """`make lab` with --no-browser: the server comes up and answers on its port."""
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    lab_args = (f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token} "
                "--ServerApp.port_retries=0")
    # VENV points make at the environment running these tests (already installed).
    # The install stamp lives in tmp_path and is made *before* make starts, so
    # it is newer than pyproject.toml and make skips the install step; nothing
    # is written into the environment.
    stamp = tmp_path / "install-stamp"
    stamp.touch()
    process = subprocess.Popen(
        ["make", "-s", "lab", f"LAB_ARGS={lab_args}", f"VENV={Path(sys.prefix)}",
         f"STAMP={stamp}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True)
    try:
        deadline, status = time.monotonic() + 60, None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                url = f"http://127.0.0.1:{port}/api/status?token={token}"
                with urllib.request.urlopen(url, timeout=2) as response:
                    status = response.status
                    break
            except OSError:
                time.sleep(0.5)
        assert status == 200, process.stdout.read1().decode() if process.poll() else "no answer"
        with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/api/contents/notebooks?token={token}") as response:
            assert b"00_the_network.ipynb" in response.read()
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=20)
