# transpub: `make demo` runs the whole workflow on the sample article, `make demo-hugo` on the Hugo
# example (examples/hugo), `make test` runs the tests.
# Each sets everything up first: Debian packages (as root, when missing), a virtualenv in .venv.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
TRANSPUB := $(VENV)/bin/transpub
DEBIAN_PACKAGES := gettext apertium apertium-eng-spa
HUGO_DEBIAN_PACKAGES := hugo
TEST_DEBIAN_PACKAGES := chromium fonts-wqy-microhei postgresql $(HUGO_DEBIAN_PACKAGES) omegat ruby-kramdown jekyll ruby-jekyll-polyglot php-cli poedit xvfb xdotool
HUGO_DEMO := build/demo-hugo

LOCK := requirements.lock
PIP_QUIET := --quiet --disable-pip-version-check

.PHONY: setup system-deps test-system-deps hugo-system-deps venv demo demo-hugo test static-checks test-latest lock bench fuzz clean

setup: system-deps venv

## Debian packages the workflow needs: gettext (msgcat, msgfmt) and Apertium's English-Spanish pair.
system-deps:
	@scripts/ensure-debian-packages $(DEBIAN_PACKAGES)

## Chromium and a CJK font (the test that renders the site in a real browser), PostgreSQL (the shared
## memory tests), hugo (the test that builds the Hugo example), OmegaT (the CAT tool the XLIFF/TMX
## interoperability test runs in console mode), kramdown (Jekyll's renderer: the tests that render
## localized Markdown as Jekyll would; Python-Markdown, MkDocs, MkDocs-Material and mkdocs-static-i18n
## come with the lock), jekyll itself with jekyll-polyglot (the tests that build small Jekyll sites,
## tests/data/jekyll_site, and sites in several languages as the README sets them up), Poedit with
## Xvfb and xdotool to drive it headless (the tests that save catalogs as a translator does), and PHP
## with WordPress's own code, unpacked from its Debian package into build/wordpress, not installed (the
## tests that run WordPress's shortcodes on pages exported from it and compiled).
test-system-deps:
	@scripts/ensure-debian-packages $(TEST_DEBIAN_PACKAGES)
	@scripts/unpack-debian-package wordpress build/wordpress

## The static-site generator the Hugo example is built with (Debian bookworm has hugo 0.111).
hugo-system-deps:
	@scripts/ensure-debian-packages $(HUGO_DEBIAN_PACKAGES)

venv: $(VENV)/.installed

## The virtualenv is installed from the committed lock (exact versions, checked by hash), then
## transpub itself, editable, with the locked setuptools and no further download.
$(VENV)/.installed: $(LOCK) pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_QUIET) --require-hashes --no-deps -r $(LOCK)
	$(PY) -m pip install $(PIP_QUIET) --no-deps --no-build-isolation -e .
	@touch $@

## Refresh the lock after changing dependencies in pyproject.toml (needs the package registry).
lock:
	@test -x .venv-lock/bin/pip-compile || { $(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install $(PIP_QUIET) pip-tools; }
	.venv-lock/bin/pip-compile --quiet --extra test --extra dev --extra bench --extra postgresql --all-build-deps \
	  --generate-hashes --allow-unsafe --strip-extras --no-emit-find-links --no-emit-index-url \
	  -o $(LOCK) pyproject.toml

demo: setup
	$(TRANSPUB) extract
	$(TRANSPUB) translate -l es
	$(TRANSPUB) compile --include-fuzzy --review
	@echo
	@$(TRANSPUB) status
	@echo "Open site/index.html (review copies with each unit's state: site/_review/)."

## The Hugo example in a scratch copy (examples/ is never written): extract, Spanish by Apertium (all
## fuzzy, shown as in `make demo`), localized Markdown beside the source, then the real hugo builds it.
demo-hugo: setup hugo-system-deps
	@command -v hugo >/dev/null || { echo "hugo is not installed (as root: apt-get install hugo)" >&2; exit 1; }
	@rm -rf $(HUGO_DEMO) && mkdir -p $(dir $(HUGO_DEMO)) && cp -R examples/hugo $(HUGO_DEMO)
	$(TRANSPUB) --project $(HUGO_DEMO) extract
	$(TRANSPUB) --project $(HUGO_DEMO) translate -l es
	$(TRANSPUB) --project $(HUGO_DEMO) compile --include-fuzzy --format markdown
	hugo --source $(HUGO_DEMO) --quiet
	@echo
	@echo "Open $(HUGO_DEMO)/public/es/posts/harbour-reopens/index.html (English: $(HUGO_DEMO)/public/posts/),"
	@echo "or serve it: hugo server --source $(HUGO_DEMO). The Spanish Markdown is beside the English in $(HUGO_DEMO)/content/."

test: setup test-system-deps static-checks
	$(PY) -m pytest -q

## ruff (lint and format), mypy over src/, and the one-way import layers (.importlinter).
static-checks: venv
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy src
	$(VENV)/bin/lint-imports

## The suite against the newest releases of every dependency, in a separate virtualenv (not the lock).
## Run it before `make lock`, and when a dependency announces a release: it shows what would break.
test-latest: setup test-system-deps
	@test -x .venv-latest/bin/python || $(PYTHON) -m venv .venv-latest
	.venv-latest/bin/pip install $(PIP_QUIET) --upgrade -e '.[test,dev,postgresql]'
	.venv-latest/bin/python -m pytest -q

bench: setup
	for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf site .transpub .pytest_cache .hypothesis .mypy_cache .ruff_cache build test-artifacts

## Mutation fuzzing of the readers (issue 18), longer than the suite's: prints mutations, outcomes,
## distinct failures (minimised) and time per reader; exit 1 on any failure. `--save` keeps crashers.
fuzz: venv
	$(PY) tests/fuzzing.py --html 20000 --po 5000
