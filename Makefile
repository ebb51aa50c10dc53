# Two commands on a fresh machine: `make demo` and `make test`.
# PyTorch is pinned to the CPU build through constraints/ci.txt so that no CUDA packages
# are pulled on a CPU machine; users who install trtune with pip keep their own torch.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
CONSTRAINTS := constraints/ci.txt
STAMP := $(VENV)/.trtune-installed
DEV_STAMP := $(VENV)/.trtune-dev-installed
# transformers 5 removed the question-answering and text2text pipelines; the tests that
# check a trained folder against them run them from this transformers 4 folder instead.
TRANSFORMERS4 := $(VENV)/transformers4
TRANSFORMERS4_STAMP := $(TRANSFORMERS4)/.installed
LINT_PATHS := $(wildcard trtune tests bench examples)
# Two test processes, a test file each (pytest-xdist), the heaviest files first
# (tests/conftest.py's HEAVY_FIRST, so xdist's own reordering is off): most tests run a tiny
# model on one thread, so two at a time fill two cores (13-14.5 min on a 2-core AVX2 EPYC).
# `make test PYTEST_WORKERS=` runs them one at a time.
PYTEST_WORKERS ?= -n 2 --dist loadfile --no-loadscope-reorder
export HF_HUB_OFFLINE ?= 1
export TRANSFORMERS_OFFLINE ?= 1
export HF_HUB_DISABLE_TELEMETRY ?= 1

.PHONY: demo test lint format bench bench-quick clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# The tour ends with `trtune serve ...`: the serve extra comes with it.
$(STAMP): pyproject.toml $(CONSTRAINTS) | $(PY)
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[serve]"
	touch $@

$(DEV_STAMP): pyproject.toml $(CONSTRAINTS) | $(PY)
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[dev]"
	touch $@ $(STAMP)

$(TRANSFORMERS4_STAMP): | $(PY)
	$(PIP) install --quiet --no-deps --target $(TRANSFORMERS4) "transformers==4.57.3" \
		"tokenizers==0.22.1" "huggingface_hub==0.36.0" requests urllib3 idna \
		charset-normalizer certifi
	touch $@

demo: $(STAMP)
	$(PY) -m trtune demo --out trtune-demo

test: $(DEV_STAMP) $(TRANSFORMERS4_STAMP)
	$(PY) -m ruff check $(LINT_PATHS)
	$(PY) -m ruff format --check $(LINT_PATHS)
	TRTUNE_TRANSFORMERS4=$(abspath $(TRANSFORMERS4)) $(PY) -m pytest -q $(PYTEST_WORKERS)

lint: $(DEV_STAMP)
	$(PY) -m ruff check $(LINT_PATHS)

format: $(DEV_STAMP)
	$(PY) -m ruff format $(LINT_PATHS)
	$(PY) -m ruff check --fix $(LINT_PATHS)

BENCH_STAMP := $(VENV)/.trtune-bench-installed
$(BENCH_STAMP): pyproject.toml $(CONSTRAINTS) | $(DEV_STAMP)
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[dev,bench]"
	touch $@

bench: $(BENCH_STAMP)
	$(PY) bench/run.py --full

bench-quick: $(BENCH_STAMP)
	$(PY) bench/run.py --quick

clean:
	rm -rf $(VENV) trtune-demo .pytest_cache .ruff_cache
