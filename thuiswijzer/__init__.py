"""thuiswijzer: the command line (`cli.py`) and the one place for configuration (`config.py`).

`config.py` imports nothing of ours, so every layer may read it; `cli.py` sits on top and
calls `assistant`, `index` and `evals`.
"""
