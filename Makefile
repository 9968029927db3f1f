# Two commands on a fresh machine with only Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test bench mutants clean locales

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

# Korean catalogue: extract the messages (`_`, `N_`, `ngettext`) into locales/messages.pot, bring the
# .po up to date (new messages arrive with an empty translation, unused ones go), compile the .mo.
# No source locations and sorted entries: a catalogue changes only where a message does.
LOCALE_SOURCES := app.py lib ui pages
locales: $(VENV)/.installed
	$(VENV)/bin/pybabel -q extract -F babel.cfg --no-location --sort-output --omit-header --no-wrap \
	  -o locales/messages.pot $(LOCALE_SOURCES)
	$(VENV)/bin/pybabel -q update -i locales/messages.pot -d locales -D messages -l ko \
	  --no-fuzzy-matching --ignore-obsolete --no-wrap
	sed -i '/^"POT-Creation-Date: /d' locales/ko/LC_MESSAGES/messages.po  # changes on every run: merge noise
	$(VENV)/bin/pybabel -q compile -d locales -D messages

MO := locales/ko/LC_MESSAGES/messages.mo
$(MO): locales/ko/LC_MESSAGES/messages.po $(VENV)/.installed
	$(VENV)/bin/pybabel -q compile -d locales -D messages

run: $(VENV)/.installed $(MO)
	$(PY) -m streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: $(VENV)/.installed-test
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy  # lib, ui, pages and app.py, strict (mypy.ini)
	$(VENV)/bin/lint-imports --no-cache  # lib in layers, each importing only below itself; no streamlit (.importlinter)
	$(PY) -m pytest -q

# The rerun figures (issue 29) as ratios: server CPU per rerun and keypress -> chart against the minimal
# page (bench/minimal), per page; reruns/s at saturation against one session alone; with BENCH_AGAINST=DIR
# or a commit (e.g. BENCH_AGAINST=main) the saturation is measured against it and the minimal page too.
BENCH_AGAINST ?=
bench: $(VENV)/.installed-test
	$(PY) bench/engine.py
	$(PY) bench/export.py
	$(PY) bench/interaction.py --pages /,/compare,/cost_over_time,/break_even --changes 15
	$(PY) bench/protocol_load.py --saturate --sessions 8 --seconds 20 $(if $(BENCH_AGAINST),--against $(BENCH_AGAINST) --rounds 2 --minimal)

# Mutation testing of the pricing rules (lib/pricing/registries/; components.py, consumers.py and shared_lines.py
# in lib/pricing/) against the fast pricing tests; configuration in setup.cfg, results in tests/README.md. CPU-heavy: minutes.
mutants: $(VENV)/.installed-test
	$(VENV)/bin/mutmut run --max-children 2
	$(VENV)/bin/mutmut results

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis mutants

# ---- deployment (README: "Deploy for a team") --------------------------------------------
# pinned, never `latest`: deploy/k8s/base/kustomization.yaml (newTag) runs the same tag
IMAGE_TAG    ?= 1.0.0
IMAGE        ?= registry-dashboard:$(IMAGE_TAG)
SERVE_ADDRESS ?= 127.0.0.1
.PHONY: serve image

# The production settings (deploy/streamlit.env) without a container; a team server: SERVE_ADDRESS=0.0.0.0
serve: $(VENV)/.installed $(MO)
	PYTHON=$(PY) STREAMLIT_SERVER_ADDRESS=$(SERVE_ADDRESS) STREAMLIT_SERVER_PORT=$(PORT) sh deploy/entrypoint.sh

image:
	docker build -t $(IMAGE) .
