# The handbook's contributor commands. Needs only Python 3.11+, git and make; `make` lists them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-lock
NODE_STAMP := node_modules/.installed-lock

.DEFAULT_GOAL := help
.PHONY: help serve test build pdf offline validate lock linkcheck node-tools clean

help: ## list the commands
	@echo "make <command>, where <command> is one of:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  %-10s %s\n", $$1, $$2 }'

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $(STAMP)

# Accessibility (axe-core) and HTML validation (html-validate) come from the npm registry, pinned in
# package-lock.json. Without npm those tests skip with a message (under CI=true they fail instead).
$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $(NODE_STAMP); \
	else \
	  echo "npm not found: accessibility and HTML-validation tests will be skipped (install Node.js 18.19+ to run them)"; \
	fi

node-tools: $(NODE_STAMP)

serve: $(STAMP) ## preview on http://127.0.0.1:8000 with live reload
	$(BIN)/python scripts/handbook.py serve

build: $(STAMP) ## strict build into site/ (replaced only if the build succeeds)
	$(BIN)/python scripts/handbook.py build

pdf: build ## PDFs of the printable editions and packets into site/ (needs Chromium)
	$(BIN)/python scripts/handbook.py pdf --site site

test: $(STAMP) node-tools pdf ## build site/ and its PDFs, then run every test against them
	HANDBOOK_SITE=site $(BIN)/python -m pytest

offline: $(STAMP) node-tools ## a copy in site-offline/ that works opened from a folder
	$(BIN)/python scripts/handbook.py build --offline --dest site-offline

validate: $(STAMP) ## check data/ and page front matter without building
	$(BIN)/python scripts/handbook.py validate

lock: $(STAMP) ## re-resolve pyproject.toml's ranges into requirements.lock
	$(BIN)/pip-compile --quiet --strip-extras --extra test --extra dev --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# External links need the network, so they are not part of `make test`; CI runs this weekly.
linkcheck: $(STAMP) node-tools ## check external links (needs the network)
	$(BIN)/python scripts/handbook.py build --quiet --dest site
	npx --no-install linkinator site --recurse --config .linkinator.config.json

clean: ## remove everything a build, a test run or the set-up wrote
	rm -rf site site-offline .site-* .site-offline-* .offline-mkdocs-*.yml .bench-plain.yml benchmarks/work \
	  $(VENV) node_modules .pytest_cache .hypothesis test-results
	find . -name __pycache__ -type d -prune -not -path './.git/*' -exec rm -rf {} +
