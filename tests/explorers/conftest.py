"""Fixtures of the browser test files: each defines a module-scoped ``lab`` fixture
(``private_lab.served_notebook``: the server and the notebook it serves), and these use it."""

import pytest
from private_lab import chromium, new_page, shutdown_sessions


@pytest.fixture(scope="module")
def browser(lab):
    with chromium() as launched:
        yield launched


@pytest.fixture
def opened(browser, lab):
    """``open(url_path, width=1280, height=720, scale=1, explorers=1)`` -> ``(page, errors)``;
    its contexts are closed and the server's kernels stopped afterwards."""
    made = []

    def open_page(url_path, width=1280, height=720, scale=1, explorers=1):
        context, page, errors = new_page(browser, lab, url_path, explorers, width, height, scale)
        made.append(context)
        return page, errors

    yield open_page
    for context in made:
        context.close()
    shutdown_sessions(*lab)
