# The handbook's contributor commands. Needs only Python 3.11+, git and make.
#   make serve     build the environment if needed, preview on http://127.0.0.1:8000 with live reload
#   make test      build the environment if needed, run the whole test suite
#   make build     strict build into site/ (replaced only if the build succeeds)
#   make offline   a copy in site-offline/ that works opened from a folder
#   make validate  check data/ without building
#   make lock      re-resolve pyproject.toml's ranges into requirements.lock
#   make linkcheck check external links (needs the network)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-lock
NODE_STAMP := node_modules/.installed-lock

.PHONY: serve test build offline validate lock clean linkcheck node-tools

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $(STAMP)

serve: $(STAMP)
	$(BIN)/python scripts/handbook.py serve

# Accessibility (axe-core) and HTML validation (html-validate) come from the npm registry,
# pinned in package-lock.json. Without npm those tests skip with a message (CI requires them).
node-tools:
	@if [ package-lock.json -nt $(NODE_STAMP) ] || [ ! -f $(NODE_STAMP) ]; then \
	  if command -v npm >/dev/null 2>&1; then \
	    npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $(NODE_STAMP); \
	  else \
	    echo "npm not found: accessibility and HTML-validation tests will be skipped (install Node.js 18.19+ to run them)"; \
	  fi; \
	fi

test: $(STAMP) node-tools
	$(BIN)/python -m pytest

build: $(STAMP)
	$(BIN)/python scripts/handbook.py build

# A copy that works opened from a folder (no server): open site-offline/index.html.
offline: $(STAMP) node-tools
	$(BIN)/python scripts/handbook.py build --offline --dest site-offline

validate: $(STAMP)
	$(BIN)/python scripts/handbook.py validate

lock: $(STAMP)
	$(BIN)/pip-compile --quiet --strip-extras --extra test --extra dev --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# External links need the network, so they are not part of `make test`; CI runs this weekly.
linkcheck: $(STAMP) node-tools
	$(BIN)/python scripts/handbook.py build --quiet --dest site
	npx --no-install linkinator site --recurse --config .linkinator.config.json

clean:
	rm -rf site .site-* $(VENV) .pytest_cache node_modules
