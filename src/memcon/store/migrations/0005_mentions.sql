-- memcon schema, migration 5: who is named where.  Mentions are derived data, like the
-- full-text index: computed from the documents and the person authority by the linker and
-- the title resolver, and computed again when either changes.

CREATE TABLE mentions (
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    kind         TEXT NOT NULL,                -- name ("Gromyko") | title ("the Secretary")
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    person_id    TEXT,                         -- persons.id; NULL: found but not resolved
    confidence   REAL NOT NULL,                -- 0–1
    method       TEXT NOT NULL,                -- memcon.linker.v1, memcon.titles.v1
    reason       TEXT NOT NULL,                -- one line a historian can check
    footnote_idx INTEGER,                      -- footnotes.idx the span lies in; NULL for the text
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_by_person ON mentions(person_id, document_id) WHERE person_id IS NOT NULL;

-- Which volumes' mentions are up to date: linked with `method` against the authority built
-- at `authority_built_at`.  Replacing a volume or rebuilding the authority makes them stale.
CREATE TABLE mention_state (
    volume_id          TEXT PRIMARY KEY REFERENCES volumes(id) ON DELETE CASCADE,
    method             TEXT NOT NULL,
    authority_built_at TEXT,
    linked_at          TEXT NOT NULL
) WITHOUT ROWID;
