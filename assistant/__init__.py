"""The read side: retrieval, answers with verified citations, and queries of the commitments ledger."""
