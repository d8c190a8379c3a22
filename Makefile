# Two commands on a fresh machine: `make run` (install, index sources/, open the app) and `make test`.
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SOURCES ?= sources

.PHONY: install run index test unit lint eval calibrate benchmark browser clean

install: $(STAMP)

# torch first, pinned to the local CPU wheel: an unpinned torch pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

index: install
	$(BIN)/assistant index $(SOURCES)

# Indexing exits 1 when a file failed; the app still serves what did index.
run: install
	-$(BIN)/assistant index $(SOURCES)
	$(BIN)/assistant serve --sources $(SOURCES)

# Browser tests need Debian's Chromium; installed here when missing and we are root.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "could not install chromium: browser tests will be skipped"; \
	fi

test: install browser
	$(BIN)/ruff check config index assistant evals ui tests benchmarks
	$(BIN)/python -m pytest -q

# The unit tests alone: pure logic, no embedding model, a few seconds.
unit: install
	$(BIN)/python -m pytest -q -m unit

lint: install
	$(BIN)/ruff check config index assistant evals ui tests benchmarks
	$(BIN)/ruff format --check config index assistant evals ui tests benchmarks || true

# Every answerer on every test set and the blind set: one table, appended to evals/README.md's score log.
eval: install
	$(BIN)/python -m evals.scoreboard

# Refit the evidence ranking model on the calibration sets (never the frozen half or the blind set).
calibrate: install
	$(BIN)/python -m evals.calibration

benchmark: install
	$(BIN)/python benchmarks/lexical_search.py
	$(BIN)/python benchmarks/answer_latency.py
	$(BIN)/python benchmarks/indexing_cost.py

clean:
	rm -rf $(VENV) .pytest_cache
