# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
OUT    ?= out
export KG_HOME ?= .kg

.PHONY: demo test install install-test benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

demo: install
	$(BIN)/kg build
	mkdir -p $(OUT)
	$(BIN)/kg export --format turtle -o $(OUT)/graph.ttl
	@if $(BIN)/kg viz --help >/dev/null 2>&1; then $(BIN)/kg viz -o $(OUT)/graph.html; fi
	$(BIN)/kg stats --top 5
	@echo
	@echo "Turtle export: $(OUT)/graph.ttl"
	@if [ -f $(OUT)/graph.html ]; then echo "Interactive graph (works offline): $(OUT)/graph.html"; fi
	@echo "Try: $(BIN)/kg query --list"

test: install-test
	$(BIN)/python -m pytest -q

# Not part of the tests: a full run takes tens of minutes (10^6 triples); results in benchmarks/results/.
benchmark: install-test
	$(BIN)/python -m benchmarks.stores
	$(BIN)/python -m benchmarks.viz
	$(BIN)/python -m benchmarks.ingest

clean:
	rm -rf $(VENV) $(KG_HOME) $(OUT) *.egg-info .pytest_cache
