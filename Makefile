# The two commands a newcomer needs: `make run` and `make test`. Both make their own venv.
VENV   ?= .venv
PY     := $(VENV)/bin/python
INDEX  ?= data/index
HOST   ?= 127.0.0.1
PORT   ?= 7860
export GRADIO_ANALYTICS_ENABLED = False
export HF_HUB_OFFLINE = 1

.PHONY: run test index bench corpus clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch==2.13.0 is pinned in the st extra: pip takes the local CPU wheel, not a CUDA build
	$(PY) -m pip install -q -e ".[st,test]"
	touch $@

index: $(VENV)/.installed
	$(VENV)/bin/thuiswijzer ingest corpus/docs --prune --index $(INDEX)

run: index
	$(VENV)/bin/thuiswijzer serve --index $(INDEX) --host $(HOST) --port $(PORT)

test: $(VENV)/.installed
	$(PY) -m pytest -q -rs

bench: $(VENV)/.installed
	$(PY) benchmarks/run_all.py

corpus: $(VENV)/.installed
	$(PY) corpus/build.py

clean:
	rm -rf $(VENV) data build *.egg-info
