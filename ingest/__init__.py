"""ingest: files and text. Turns a file into a `Document` and a `Document` into `Chunk`s.

It imports nothing from the other packages of Thuiswijzer.
"""
