"""The write side: letters in `sources/` become a searchable store.

load -> canonical text -> metadata -> segments -> chunks -> embeddings -> Chroma + FTS5,
with the commitments ledger beside them. Everything points into the canonical text by offsets.
"""
