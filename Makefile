# transpub: `make demo` runs the whole workflow on the sample article, `make test` runs the tests.
# Both set everything up first: Debian packages (as root, when missing), a virtualenv in .venv.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
TRANSPUB := $(VENV)/bin/transpub
DEBIAN_PACKAGES := gettext apertium apertium-eng-spa
TEST_DEBIAN_PACKAGES := chromium fonts-wqy-microhei

.PHONY: setup system-deps test-system-deps venv demo test bench clean

setup: system-deps venv

## Debian packages the workflow needs: gettext (msgcat, msgfmt) and Apertium's English-Spanish pair.
system-deps:
	@scripts/ensure-debian-packages $(DEBIAN_PACKAGES)

## Chromium and a CJK font, for the test that renders the site in a real browser (and its screenshots).
test-system-deps:
	@scripts/ensure-debian-packages $(TEST_DEBIAN_PACKAGES)

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

demo: setup
	$(TRANSPUB) extract
	$(TRANSPUB) translate -l es
	$(TRANSPUB) compile --include-fuzzy --review
	@echo
	@$(TRANSPUB) status
	@echo "Open site/index.html (review copies with each unit's state: site/_review/)."

test: setup test-system-deps
	$(PY) -m pytest -q

bench: setup
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf site .transpub .pytest_cache .hypothesis build test-artifacts
