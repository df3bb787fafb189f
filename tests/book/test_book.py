"""The series as a static book (``make book``), read in headless Chromium.

The book is built from the stored notebooks into a temporary folder and served
on 127.0.0.1 (random port). Every page is opened with every request that would
leave that server blocked and recorded. Checked against the notebooks
themselves (the independent reference): each notebook has its page, in the
article's order, with one rendered cell per code cell and every image loaded;
each link the notebooks' markdown makes (``05_loss_function.ipynb``,
``solutions.ipynb#05-Loss-function``, JupyterLab's heading ids: the heading
text with spaces as "-") leads to an existing page and to the heading it names;
every formula is typeset by MathJax (no raw ``$$`` left); the search page finds
"sigmoid". Pages and stylesheets name no outside address, and live-widget
outputs are left out (a synthetic notebook with one proves it). Screenshots of
two pages are saved under the test's temporary folder (paths printed).
Browser tests are skipped without /usr/bin/chromium (or playwright), unless
CI=true: then they fail.

    .venv/bin/python -m pytest tests/book -p no:cacheprovider -o addopts="" -s
"""

import functools
import http.server
import json
import os
import re
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import build_book
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: Markdown links of the notebooks: [text](target), images excluded.
MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
#: Build + browser checks together, build included: printed, not asserted (no timed tests).
BUDGET_SECONDS = 120


def _needs_sphinx():
    """Skip without Sphinx and myst-nb, except on CI (CI=true), where the build must run."""
    if os.environ.get("CI") != "true":
        pytest.importorskip("sphinx")
        pytest.importorskip("myst_nb")


def _unavailable(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} on CI (CI=true): the book tests must run")
    pytest.skip(reason)


def _notebook(html, stem):
    """The notebook the page ``stem`` was built from (the staged copy beside ``html``)."""
    return json.loads((html.parent / "src" / "notebooks" / f"{stem}.ipynb").read_text())


def _markdown(nb):
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def jupyterlab_id(heading_text):
    """JupyterLab's id for a heading: its text, spaces replaced by '-' (case kept)."""
    return heading_text.strip().replace(" ", "-")


ALL = sorted(path.stem for path in (ROOT / "notebooks").glob("*.ipynb"))
#: The notebooks' names, in the article's order (00..10, then the solutions).
NOTEBOOKS = sorted((s for s in ALL if s[:2].isdigit()), key=lambda s: int(s[:2])) + ["solutions"]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """``(html folder, seconds the build took)``: the book built from the stored notebooks."""
    _needs_sphinx()
    start = time.monotonic()
    html = build_book.build(tmp_path_factory.mktemp("book"))
    seconds = time.monotonic() - start
    print(f"\nbook built in {seconds:.1f} s")
    return html, seconds


class _Tags(HTMLParser):
    """The src/href of every <script> and <link> of one page."""

    def __init__(self):
        super().__init__()
        self.assets = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.assets.append(attrs["href"])


def _pages(html):
    return sorted(html.rglob("*.html"))


def test_every_notebook_has_a_page_in_the_articles_order(book):
    html, _ = book
    assert sorted(NOTEBOOKS) == ALL  # every notebook of the series, none twice
    for stem in NOTEBOOKS:
        assert (html / "notebooks" / f"{stem}.html").is_file(), stem
    # The front page's table of contents: 00..10, then the solutions.
    index = (html / "index.html").read_text()
    main = index[index.index('id="main-content"'):]
    order = re.findall(r'href="notebooks/([0-9a-z_]+)\.html"', main)
    assert list(dict.fromkeys(order)) == NOTEBOOKS
    # Each page's "next" link goes on in the same order.
    for before, after in zip(NOTEBOOKS, NOTEBOOKS[1:]):
        page = (html / "notebooks" / f"{before}.html").read_text()
        assert re.search(rf'<link rel="next"[^>]*href="{after}\.html"', page), before


def test_no_page_loads_a_script_or_stylesheet_from_outside(book):
    html, _ = book
    for page in _pages(html):
        tags = _Tags()
        tags.feed(page.read_text())
        outside = [a for a in tags.assets if urlsplit(a).scheme or a.startswith("//")]
        assert not outside, f"{page.relative_to(html)} loads {outside}"
    for css in (html / "_static").rglob("*.css"):
        assert not re.search(r"(url\(|@import)\s*['\"]?(https?:)?//", css.read_text()), css
    assert (html / "_static" / "mathjax" / "tex-chtml.js").is_file()  # MathJax bundled


def test_widget_views_are_left_out(tmp_path):
    """A notebook whose cell shows a live widget: the page keeps the text fallback only."""
    _needs_sphinx()
    (tmp_path / "images").mkdir()
    (tmp_path / "notebooks").mkdir()
    fallback = "Interactive explorer: run this cell in Jupyter to use it"
    output = {"output_type": "execute_result", "execution_count": 1, "metadata": {},
              "data": {WIDGET_VIEW: {"version_major": 2, "version_minor": 0,
                                     "model_id": "0123abcd"}, "text/plain": fallback}}
    nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {"language_info": {"name": "python"}},
          "cells": [{"cell_type": "markdown", "id": "a", "metadata": {},
                     "source": "# 00 A widget\n\n$$y = \\sigma(x)$$"},
                    {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": 1,
                     "source": "Explorer()", "outputs": [output]}]}
    (tmp_path / "notebooks" / "00_widget.ipynb").write_text(json.dumps(nb))
    (tmp_path / "notebooks" / "solutions.ipynb").write_text(json.dumps(
        dict(nb, cells=[dict(nb["cells"][0], source="# Solutions")])))
    html = build_book.build(tmp_path / "out", root=tmp_path)
    page = (html / "notebooks" / "00_widget.html").read_text()
    assert fallback in page
    assert "widget-view" not in page and "0123abcd" not in page
    assert "jupyter-widgets" not in page and "require.js" not in page


@pytest.fixture(scope="module")
def site(book):
    """The built book served on 127.0.0.1 at a random port: its base URL."""
    html, _ = book
    handler = functools.partial(_QuietHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser(site):
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed")
    if os.environ.get("CI") != "true":
        pytest.importorskip("playwright.sync_api")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(site, browser, book, tmp_path_factory):
    """Every page of the series opened in Chromium: ``{stem: facts read from its DOM}``."""
    start = time.monotonic()
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    left = []  # every request for another host than the local server, blocked

    def guard(route):
        if route.request.url.startswith(site):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    facts = {}
    for stem in NOTEBOOKS:
        url = f"{site}notebooks/{stem}.html"
        page.goto(url, wait_until="load")
        _wait_typeset(page)
        facts[stem] = page.evaluate(READ_PAGE) | {"url": url}
    shots = tmp_path_factory.mktemp("book-screenshots")
    for stem, selector in [("07_the_math", "div.math"),
                           ("08_training_and_results", ".cell_output img")]:
        page.goto(f"{site}notebooks/{stem}.html", wait_until="load")
        _wait_typeset(page)
        page.locator(selector).first.scroll_into_view_if_needed()
        page.mouse.wheel(0, -120)
        page.wait_for_timeout(300)
        shot = shots / f"{stem}.png"
        page.screenshot(path=str(shot))
        print(f"screenshot: {shot}")
    yield {"facts": facts, "page": page, "left": left, "errors": errors}
    context.close()
    elapsed = time.monotonic() - start + book[1]
    print(f"book build + browser checks took {elapsed:.1f} s (budget {BUDGET_SECONDS} s)")


def _wait_typeset(page):
    """Wait until MathJax has typeset the page (or, without MathJax, 5 s: the checks then fail)."""
    from playwright.sync_api import TimeoutError as Timeout

    # MathJax 3 sets MathJax.startup.promise; it resolves once the page is typeset.
    try:
        page.wait_for_function("() => !document.querySelector('.math') || "
                               "(window.MathJax && MathJax.startup && MathJax.startup.promise)",
                               timeout=5_000)
    except Timeout:
        return
    page.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise")


#: What one page shows, read in the browser.
READ_PAGE = """() => {
  const article = document.querySelector('article.bd-article');
  const heading = el => {
    const h = el.matches('h1,h2,h3,h4,h5,h6') ? el : el.querySelector('h1,h2,h3,h4,h5,h6');
    if (!h) return null;
    const clone = h.cloneNode(true);
    clone.querySelectorAll('a.headerlink').forEach(a => a.remove());
    clone.querySelectorAll('mjx-container').forEach(m => m.remove());
    return clone.textContent.trim();
  };
  const ids = {};
  document.querySelectorAll('[id]').forEach(el => { ids[el.id] = heading(el); });
  const prose = article.cloneNode(true);
  prose.querySelectorAll('pre, code, mjx-container, .cell_output').forEach(e => e.remove());
  return {
    title: (article.querySelector('h1') || {}).textContent || '',
    cells: article.querySelectorAll('div.cell').length,
    images: [...article.querySelectorAll('img')].map(img => ({
      src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0})),
    math: article.querySelectorAll('.math').length,
    typeset: [...article.querySelectorAll('.math')].filter(
      m => m.querySelector('mjx-container') || m.matches('mjx-container')).length,
    mathErrors: article.querySelectorAll('mjx-merror').length,
    links: [...article.querySelectorAll('a[href]')].map(a => a.href),
    ids: ids,
    prose: prose.textContent,
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_page_renders_cells_and_images(pages, book, stem):
    facts, nb = pages["facts"][stem], _notebook(book[0], stem)
    first = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    title = "".join(first["source"]).splitlines()[0].lstrip("# ").strip()
    assert facts["title"].replace("#", "").strip() == title
    assert facts["cells"] == sum(c["cell_type"] == "code" for c in nb["cells"])
    figures = sum("image/png" in o.get("data", {}) for c in nb["cells"]
                  for o in c.get("outputs", []))
    pictures = len(MARKDOWN_IMAGE.findall(_markdown(nb)))
    assert len(facts["images"]) == figures + pictures
    assert all(image["loaded"] for image in facts["images"]), facts["images"]


@pytest.mark.browser
@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_formulas_are_typeset(pages, book, stem):
    facts, markdown = pages["facts"][stem], _markdown(_notebook(book[0], stem))
    display = len(re.findall(r"\$\$", markdown)) // 2
    assert facts["math"] >= display
    if "$" in markdown.replace("\\$", ""):
        assert facts["math"] > 0
    assert facts["typeset"] == facts["math"]
    assert facts["mathErrors"] == 0
    assert "$$" not in facts["prose"] and "\\(" not in facts["prose"]


@pytest.mark.browser
@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_links_between_notebooks_resolve(pages, book, site, stem):
    """Each link of the notebook leads to an existing page and to the heading it names."""
    everything, facts = pages["facts"], pages["facts"][stem]
    reached = set()  # (target page, JupyterLab id of the heading reached) per rendered link
    for href in facts["links"]:
        parts = urlsplit(href)
        if not href.startswith(site) or not parts.path.startswith("/notebooks/"):
            continue
        target = Path(parts.path).stem
        assert target in everything, f"{href}: no such page"
        if parts.fragment:
            heading = everything[target]["ids"].get(unquote(parts.fragment), "missing")
            assert heading != "missing", f"{href}: no such anchor on {target}"
            reached.add((target, jupyterlab_id(heading) if heading else None))
        else:
            reached.add((target, None))
    for link in MARKDOWN_LINK.findall(_markdown(_notebook(book[0], stem))):
        if urlsplit(link).scheme or not re.match(r"(\w+\.ipynb)?(#.*)?$", link):
            continue
        name, _, anchor = link.partition("#")
        target = Path(name).stem if name else stem
        assert (target, anchor or None) in reached, f"{link} does not lead to its heading"


@pytest.mark.browser
def test_no_request_leaves_the_local_server_and_no_script_error(pages):
    assert pages["left"] == []
    assert pages["errors"] == []


@pytest.mark.browser
def test_search_finds_sigmoid(pages, site):
    page = pages["page"]
    page.goto(f"{site}search.html?q=sigmoid", wait_until="load")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=20_000)
    found = [urljoin(page.url, href) for href in
             results.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")]
    assert any("notebooks/03_activation_function.html" in url for url in found), found
    # The box on every page leads there too.
    page.goto(f"{site}notebooks/00_the_network.html", wait_until="load")
    assert page.locator("form[action*='search.html'] input[name='q']").count() > 0
    assert pages["left"] == []
