# memcon — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MEMCON_SHARED ?= ../shared
export MEMCON_SHARED

.PHONY: install demo test bench lint clean docs

$(BIN)/memcon: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/memcon

install: $(BIN)/memcon

demo: install
	$(BIN)/python -m memcon.demo

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/search.py
	$(BIN)/python benchmarks/linking.py
	$(BIN)/python benchmarks/roles.py
	$(BIN)/python benchmarks/speech.py benchmarks/data/speech.jsonl benchmarks/data/speech-heldout.jsonl benchmarks/data/speech-heldout2.jsonl benchmarks/data/speech-heldout3.jsonl benchmarks/data/speech-heldout4.jsonl benchmarks/data/speech-heldout5.jsonl benchmarks/data/speech-heldout6.jsonl benchmarks/data/speech-heldout7.jsonl benchmarks/data/speech-heldout8.jsonl benchmarks/data/speech-heldout9.jsonl benchmarks/data/speech-heldout10.jsonl benchmarks/data/speech-heldout11.jsonl
	$(BIN)/python benchmarks/said.py
	$(BIN)/python benchmarks/quote.py
	$(BIN)/python benchmarks/web.py

clean:
	rm -rf $(VENV) build *.egg-info memcon.db memcon.db.index

docs: install
	$(BIN)/python -m memcon.cli._reference > docs/cli.md
