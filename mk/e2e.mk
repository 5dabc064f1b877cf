# Browser suite (issue 9): journeys in Chromium, axe-core, Nu Html Checker, page weight.
# Included by the Makefile (`-include mk/*.mk`); uses its PY and UV.
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Extra pytest arguments, e.g. make e2e E2E_ARGS="-k keyboard --headed"
E2E_ARGS ?= --durations=5
E2E_PYTEST := DJANGO_SETTINGS_MODULE=portal.settings.test CHROMIUM=$(CHROMIUM) $(PY) -m pytest -m e2e

.PHONY: e2e-deps screenshots

e2e-deps: node_modules/.kim-e2e-deps ## Chromium (Debian), Playwright, axe-core and vnu-jar
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }
	@$(MAKE) --no-print-directory install

# Never `playwright install`: the suite drives Debian's Chromium. --ignore-scripts: vnu-jar's
# postinstall would download a Java runtime; the system's Java 17 runs vnu.jar.
# The full install includes the stylesheet's build dependencies (make css): both stamps.
node_modules/.kim-e2e-deps: package.json package-lock.json
	$(NPM_CI)
	@touch $@ node_modules/.kim-css-deps

e2e: e2e-deps ## Browser journeys, accessibility, HTML validity, page weight (fresh demo portal)
	$(E2E_PYTEST) $(E2E_ARGS) tests/e2e

screenshots: e2e-deps ## Regenerate docs/screenshots/*.png of every page type (de, ar)
	$(E2E_PYTEST) tests/e2e/screenshots.py
