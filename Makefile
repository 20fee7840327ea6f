# PartnerDesk developer commands. Each target sets up what it needs first (scripts/setup.sh is idempotent).
#
#   make run            set everything up and start the app        (ARGS="--db demo.sqlite3" to pass options)
#   make test           set up, then ruff + import contracts + the whole pytest suite, offscreen
#   make bench          performance figures vs their baselines     (tests/benchmarks, table + bench-results/)
#   make soak           kill -9 harness, 2000 cycles               (KILL_CYCLES=... to change)
#   make lint           ruff + import-linter only
#   make translations   rebuild resources/translations/*.qm
#   make bundle         PyInstaller bundle in dist/PartnerDesk     (installs PyInstaller into .venv)
#   make deb            Debian/UOS/Kylin package from that bundle (installer/debian/build-deb.sh)
#   make clean          remove build output, caches and bench results (keeps .venv; `make distclean` too)

VENV        ?= .venv
PY          := $(VENV)/bin/python
PYTEST_ARGS ?=
ARGS        ?=
KILL_CYCLES ?= 2000
PYINSTALLER ?= pyinstaller>=6.10,<7

.PHONY: setup run test lint bench soak translations bundle deb clean distclean

setup:
	@bash scripts/setup.sh

run: setup
	$(PY) -m partnerdesk $(ARGS)

test: setup
	@bash scripts/test.sh $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

bench: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/benchmarks -s $(PYTEST_ARGS)

soak: setup
	@test -f tests/integration/test_kill9.py || { echo "tests/integration/test_kill9.py does not exist yet"; exit 1; }
	PARTNERDESK_KILL_CYCLES=$(KILL_CYCLES) QT_QPA_PLATFORM=offscreen \
		$(PY) -m pytest tests/integration/test_kill9.py -o timeout=0 -s $(PYTEST_ARGS)

translations:
	@test -x $(PY) || bash scripts/setup.sh
	@if [ -f scripts/build_translations.py ]; then $(PY) scripts/build_translations.py; \
	else echo "scripts/build_translations.py not present yet"; fi

bundle: setup
	$(PY) -m pip install -q "$(PYINSTALLER)"
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller installer/partnerdesk.spec

deb: bundle
	bash installer/debian/build-deb.sh

clean:
	rm -rf build dist bench-results .pytest_cache .ruff_cache .import_linter_cache .hypothesis
	rm -f resources/translations/*.qm
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) partnerdesk.egg-info
