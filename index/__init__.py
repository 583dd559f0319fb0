"""index: vectors and storage. Embeds chunks, keeps FAISS, BM25 and the chunk store in one
index directory, and answers `search(query, k, filters)` with scored hits.

It may import `ingest`, never `assistant`.
"""
