# 法治工作台 — two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# the suite runs on every core (pytest-xdist: each worker has its own test database and data directory)
PYTEST_ARGS ?= -n auto --dist worksteal

.PHONY: run test install bench-load bench-scale bench-faults bench-extract

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/fazhi migrate --noinput
	$(BIN)/fazhi demo
	@echo ""
	@echo "法治工作台已启动：http://$(HOST):$(PORT)/  （按 Ctrl+C 停止）"
	@$(BIN)/fazhi demo --logins
	@# the background worker (fazhi/core/jobs.py) starts beside the web server and stops with it (Ctrl+C)
	@log="$${FAZHI_DATA_DIR:-var}/worker.log"; echo "后台任务进程已启动，日志：$$log"; \
		$(BIN)/fazhi worker >"$$log" 2>&1 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/fazhi runserver $(HOST):$(PORT)

test: install
	@bash scripts/ensure-browser.sh
	@bash scripts/ensure-office.sh
	$(BIN)/lint-imports --no-cache  # the layer rules: [tool.importlinter] in pyproject.toml
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Benchmarks (print figures; see bench/RESULTS.md). Both need PostgreSQL on 127.0.0.1:5432.
bench-load: install
	$(BIN)/python bench/load.py $(BENCH_ARGS)

bench-scale: install
	$(BIN)/python bench/scale.py $(BENCH_ARGS)

bench-faults: install
	$(BIN)/python bench/faults.py

# Report extraction throughput (no database needed): the labelled corpus repeated to 1,000 files, one core.
bench-extract: install
	$(BIN)/python bench/extract.py $(BENCH_ARGS)
