# The handbook's contributor commands. Needs only Python 3.11+, git and make.
#   make serve     build the environment if needed, preview on http://127.0.0.1:8000 with live reload
#   make test      build the environment if needed, run the whole test suite
#   make build     strict build into site/ (replaced only if the build succeeds)
#   make validate  check data/ without building
#   make lock      re-resolve pyproject.toml's ranges into requirements.lock
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-lock

.PHONY: serve test build validate lock clean

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $(STAMP)

serve: $(STAMP)
	$(BIN)/python scripts/handbook.py serve

test: $(STAMP)
	$(BIN)/python -m pytest

build: $(STAMP)
	$(BIN)/python scripts/handbook.py build

validate: $(STAMP)
	$(BIN)/python scripts/handbook.py validate

lock: $(STAMP)
	$(BIN)/pip-compile --quiet --strip-extras --extra test --extra dev --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf site .site-* $(VENV) .pytest_cache
