# Two entry points for a fresh machine (Python >= 3.11 on PATH as python3):
#   make demo   set up, build the bundled example corpus into ./storyline.db, print its stories,
#               the largest story's timeline and the undated ferry story's, where the outlets
#               differ, people and quotes, one article; write report.html
#   make test   set up and run the test suite
#   make gate   set up and run the quality gate: a fast subset of bench/ held to bench/floors.json
#               (GATE_ARGS='--only te3,clean' for some of it)
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test gate bench clean

demo: $(VENV)/.installed
	$(BIN)/storyline build examples/corpus
	@echo; echo "== stories"; $(BIN)/storyline stories
	@echo; echo "== the largest story's timeline"; $(BIN)/storyline timeline --length 8
	@echo; echo "== a pile with no dates: the ferry story's timeline"; $(BIN)/storyline timeline ferry
	@echo; echo "== where the outlets differ on the largest story"; $(BIN)/storyline compare
	@echo; echo "== people, organizations, places"; $(BIN)/storyline entities --limit 12
	@echo; echo "== who said what"; $(BIN)/storyline quotes --speaker Ruiz
	@echo; echo "== articles"; $(BIN)/storyline articles
	@echo; echo "== one article, with its date evidence and removed lines"
	$(BIN)/storyline show examples/corpus/riverton-ledger/2024-02-14-spill-estimate-grows.txt
	$(BIN)/storyline export --format html -o report.html

test: $(VENV)/.installed
	$(BIN)/python -m pytest

gate: $(VENV)/.installed
	$(BIN)/python bench/gate.py $(GATE_ARGS)

bench: $(VENV)/.installed
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/clean.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/te3.py
	$(BIN)/python bench/dating.py
	$(BIN)/python bench/page_dates.py
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/ner.py
	$(BIN)/python bench/speed_nlp.py
	$(BIN)/python bench/entities.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/tls.py
	$(BIN)/python bench/compare.py
	$(BIN)/python bench/propagation.py
	$(BIN)/python bench/undated.py
	$(BIN)/python bench/example.py
	$(BIN)/python bench/faults.py
	$(BIN)/python bench/serve.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "storyline needs Python >= 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	touch $@

clean:
	rm -rf $(VENV) storyline.db storyline.db-wal storyline.db-shm report.html
