"""The store's tables, in one place (SQLAlchemy Core), and the version of their layout.

The lexical index is not here: it is an FTS5 virtual table, which SQLAlchemy cannot describe, and it
sits behind `index.lexical.LexicalIndex`. LangChain's record manager keeps its own table.

SCHEMA_VERSION changes whenever a table's columns or the meaning of a column do; a store written under
another version is detected when it is opened (`index.store`) and rebuilt, never misread. A table added
beside the others is simply created when an older store is opened.
"""

from __future__ import annotations

import sqlalchemy as sa

# 1: every store written before the version was recorded. 2: one transaction per letter (no commit
# marker column), the lexical index behind its own interface, the version recorded. 3: a ledger record keeps
# the old deadline a change names (`replaces_deadline`). 4: a letter keeps the people it names with their body
# (`people`). 5: a letter keeps its headings and table rows (`layout`); a PDF's page furniture is left out of its
# text and a Word document's tables are read where they stand, so offsets into PDF and DOCX letters moved.
SCHEMA_VERSION = 5

metadata = sa.MetaData()

letters = sa.Table(
    "letters", metadata,
    sa.Column("source", sa.String, primary_key=True),
    sa.Column("folder", sa.String, nullable=False),
    sa.Column("sha256", sa.String, nullable=False, index=True),
    sa.Column("title", sa.String, nullable=False),
    sa.Column("date", sa.String),  # ISO date
    sa.Column("date_basis", sa.String),
    sa.Column("metadata", sa.Text, nullable=False),  # JSON of index.model.LetterMetadata
    sa.Column("text", sa.Text, nullable=False),  # the canonical text every offset points into
    sa.Column("page_starts", sa.Text, nullable=False),  # JSON list of offsets
    sa.Column("n_chunks", sa.Integer, nullable=False),
    sa.Column("n_units", sa.Integer, nullable=False),
    sa.Column("indexed_at", sa.String, nullable=False),
    sa.Column("people", sa.Text),  # JSON list of index.model.Person; NULL: not read yet (added in version 4)
    sa.Column("layout", sa.Text),  # index.layout.Layout as JSON; NULL: none
)

units = sa.Table(
    "units", metadata,
    sa.Column("source", sa.String, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("block", sa.Integer, nullable=False),
    sa.Column("lead_in", sa.Integer),
    sa.Column("embedding", sa.LargeBinary, nullable=False),  # float32, normalised
    sa.Index("units_source", "source", "start"),
)

# Each unit's frames as JSON (index.frame_store), so that relinking the ledger parses nothing.
frames = sa.Table(
    "frames", metadata,
    sa.Column("source", sa.String, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Index("frames_source", "source", "start"),
)

commitments = sa.Table(
    "commitments", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("actor", sa.String), sa.Column("actor_name", sa.String),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("recipients", sa.Text, nullable=False),  # JSON list
    sa.Column("deadline", sa.String), sa.Column("deadline_text", sa.String),
    sa.Column("deadline_precision", sa.String, nullable=False),
    sa.Column("replaces_deadline", sa.String),  # ISO date
    sa.Column("recurrence", sa.String),
    sa.Column("status", sa.String, nullable=False),
    sa.Column("superseded_by", sa.String), sa.Column("supersedes", sa.String), sa.Column("same_as", sa.String),
    sa.Column("source", sa.String, nullable=False, index=True),
    sa.Column("title", sa.String, nullable=False),
    sa.Column("letter_date", sa.String), sa.Column("letter_date_basis", sa.String),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
)

# Each letter's ledger records as extracted, before linking (index.ledger_cache), with the key of what was read.
extractions = sa.Table(
    "extractions", metadata,
    sa.Column("source", sa.String, primary_key=True),
    sa.Column("key", sa.String, nullable=False),
    sa.Column("records", sa.Text, nullable=False),  # JSON list of index.model.Commitment
)

# The store's own bookkeeping (index.store_state): its schema version, and change counters.
store_state = sa.Table(
    "store_state", metadata,
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("value", sa.String, nullable=False),
)

# The tables that hold a letter's rows, deleted together when it is replaced or removed.
PER_LETTER = (units, frames, commitments, extractions, letters)

# The columns added to the tables since an older version, for the store to add in place: the tables' other
# columns and what they mean are unchanged since it. A store of any other older version is rebuilt from its
# letters' files.
# None since version 4: version 5 reads PDFs anew, so every older store is rebuilt.
ADDED_SINCE: dict[int, tuple[sa.Column, ...]] = {}
