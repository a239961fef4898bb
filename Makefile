# Sorot: the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed

.PHONY: demo test lint model bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Analyse the bundled demo corpus: JSONL, SQLite database and HTML report in out/
demo: $(STAMP)
	mkdir -p out
	$(VENV)/bin/sorot analyze examples/corpus --jsonl out/demo.jsonl --db sqlite:///out/demo.db --report out/demo.html
	$(VENV)/bin/sorot eval --gold examples/gold/corpus --pred out/demo.jsonl

## Run the whole test suite (PostgreSQL at 127.0.0.1:5432 must be running; .ci/run starts it)
test: $(STAMP)
	$(VENV)/bin/pytest -q

## Score the pipeline on every gold set: ../shared/gold/seeds, examples/gold/corpus, examples/gold/varied, dev, dev3
eval: $(STAMP)
	mkdir -p out
	$(VENV)/bin/sorot analyze ../shared/seeds --jsonl out/seeds.jsonl --quiet
	$(VENV)/bin/sorot eval --gold ../shared/gold/seeds --pred out/seeds.jsonl
	$(VENV)/bin/sorot analyze examples/corpus --jsonl out/demo.jsonl --quiet
	$(VENV)/bin/sorot eval --gold examples/gold/corpus --pred out/demo.jsonl
	$(VENV)/bin/sorot analyze examples/varied --jsonl out/varied.jsonl --quiet
	$(VENV)/bin/sorot eval --gold examples/gold/varied --pred out/varied.jsonl
	$(VENV)/bin/sorot analyze examples/dev --jsonl out/dev.jsonl --quiet
	$(VENV)/bin/sorot eval --gold examples/gold/dev --pred out/dev.jsonl
	$(VENV)/bin/sorot analyze examples/dev3 --jsonl out/dev3.jsonl --quiet
	$(VENV)/bin/sorot eval --gold examples/gold/dev3 --pred out/dev3.jsonl

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks training
	$(VENV)/bin/mypy

## Rebuild the shipped Indonesian model in src/sorot/models/ from ../shared/data
model: $(STAMP)
	$(PY) training/build_model.py

bench: $(STAMP)
	for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
