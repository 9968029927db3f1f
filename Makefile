# Two commands on a fresh machine with only Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test bench mutants clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

run: $(VENV)/.installed
	$(PY) -m streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy lib
	$(PY) -m pytest -q

bench: $(VENV)/.installed-test
	$(PY) bench/engine.py
	$(PY) bench/export.py

# Mutation testing of the pricing rules (lib/registries/, lib/components.py) against the fast
# pricing tests; configuration in setup.cfg, results in tests/README.md. CPU-heavy: minutes.
mutants: $(VENV)/.installed-test
	$(VENV)/bin/mutmut run --max-children 2
	$(VENV)/bin/mutmut results

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis mutants

# ---- deployment (README: "Deploy for a team") --------------------------------------------
IMAGE        ?= registry-dashboard:latest
SERVE_ADDRESS ?= 127.0.0.1
.PHONY: serve image

# The production settings (deploy/streamlit.env) without a container; a team server: SERVE_ADDRESS=0.0.0.0
serve: $(VENV)/.installed
	PYTHON=$(PY) STREAMLIT_SERVER_ADDRESS=$(SERVE_ADDRESS) STREAMLIT_SERVER_PORT=$(PORT) sh deploy/entrypoint.sh

image:
	docker build -t $(IMAGE) .
