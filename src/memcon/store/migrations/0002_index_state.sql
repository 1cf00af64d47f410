-- memcon schema, migration 2: bookkeeping for derived full-text indexes.
-- A row says: the index `index_name` holds volume `volume_id` as stored from the source
-- whose digest is `sha256`.  Replacing a volume deletes its rows (ON DELETE CASCADE from
-- volumes), so the volume shows up in unindexed_volumes() until it is indexed again.

CREATE TABLE index_state (
    volume_id  TEXT NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
    index_name TEXT NOT NULL,                  -- memcon.tantivy.v1
    sha256     TEXT,                           -- the volume's source digest when indexed
    indexed_at TEXT NOT NULL,                  -- UTC ISO 8601
    PRIMARY KEY (volume_id, index_name)
) WITHOUT ROWID;
