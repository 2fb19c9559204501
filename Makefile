# Two set-up commands: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test clean screenshot

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/searchapp

test: $(STAMP_TEST)
	$(BIN)/lint-imports
	$(BIN)/ruff check searchapp tests bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build dist *.egg-info

-include packaging/packaging.mk

# The README's picture: the real window under Xvfb (apt-get install xvfb), searching for a person.
screenshot: $(STAMP_TEST)
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python -m pytest -m screenshot tests/gui -p no:cacheprovider
