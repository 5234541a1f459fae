# animerec: one environment in .venv/, set up on first use by every target that needs it.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lab docs readme clean

$(STAMP): settings.ini setup.py pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install animerec with its development tools

run: $(STAMP)  ## the main job: the master notebook on the generated sample, into reports/
	$(BIN)/animerec run

test: $(STAMP)  ## every test: notebooks (nbdev_test), then pytest
	$(BIN)/nbdev_test --n_workers 2
	$(BIN)/python -m pytest

readme: $(STAMP)  ## README.md from nbs/index.ipynb
	$(BIN)/jupyter nbconvert --to markdown --log-level WARN --output-dir . --output README nbs/index.ipynb

docs: $(STAMP)  ## the documentation site, built offline into _docs/
	$(BIN)/python docs/build.py --out _docs

lab: $(STAMP)  ## JupyterLab on nbs/ in the same environment
	$(BIN)/python -m pip install --quiet jupyterlab
	$(BIN)/jupyter lab --notebook-dir nbs

clean:
	rm -rf $(VENV) _docs _proc data
