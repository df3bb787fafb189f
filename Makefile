# Two commands for a fresh machine (Python 3.10+ and make):
#   make lab    create .venv, install, open JupyterLab on notebooks/
#   make test   create .venv, install, run unit tests + nbval + ruff
# Also: make notebooks (re-execute and store outputs), make images, make bench.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
FIRST_NOTEBOOK := notebooks/00_the_network.ipynb
LAB_ARGS ?=
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: install lab test notebooks images bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[lab,tools,test]"
	touch $(STAMP)

install: $(STAMP)

lab: install
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=. \
		--ServerApp.default_url=/lab/tree/$(FIRST_NOTEBOOK) $(LAB_ARGS)

test: install
	$(BIN)/python -m pytest
	$(BIN)/ruff check .

lint: install
	$(BIN)/ruff check .

notebooks: install
	$(BIN)/python tools/run_notebooks.py notebooks/*.ipynb

images: install
	$(BIN)/python tools/make_images.py images

bench: install
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV)
