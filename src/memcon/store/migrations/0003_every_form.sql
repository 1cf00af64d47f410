-- memcon schema, migration 3: every source form (issue 3) — FRUS web pages, Wilson Center
-- records, plain text — and one record per document whatever its sources.
-- Every table and column is documented in docs/database.md.

-- What a catalogue says of a document beyond FRUS's fields (Wilson Center records);
-- a row only for documents that have any of it.
CREATE TABLE document_details (
    document_id       TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    summary           TEXT,
    original_language TEXT,                    -- ISO 639-1 of the original when text is a translation
    authors           TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    archive           TEXT,                    -- the archive holding the original
    url               TEXT,                    -- the record's canonical address
    credits           TEXT,
    signed_by         TEXT,                    -- the signature as printed
    signed_date       TEXT                     -- JSON object (a DocDate): the date printed with the signature
) WITHOUT ROWID;

-- The source note parsed into fields (memcon.enrich.source_notes); the note itself is
-- documents.source_note.  JSON arrays hold lists; parts is [[field, segment], ...].
CREATE TABLE source_notes (
    document_id    TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    parser         TEXT NOT NULL,              -- memcon.source_note.v1
    archive        TEXT,
    collection     TEXT,
    file_numbers   TEXT NOT NULL DEFAULT '[]',
    classification TEXT,
    handling       TEXT NOT NULL DEFAULT '[]',
    drafted_by     TEXT NOT NULL DEFAULT '[]',
    approved_by    TEXT,
    approved_on    TEXT,                       -- as printed
    approved_date  TEXT,                       -- ISO date
    meeting_place  TEXT,
    translation    INTEGER NOT NULL,           -- 0/1
    paraphrase     INTEGER NOT NULL,
    telegram       INTEGER NOT NULL,
    serial         TEXT,
    enclosure      TEXT NOT NULL DEFAULT '[]',
    received       TEXT,
    labels         TEXT NOT NULL DEFAULT '[]',
    other          TEXT NOT NULL DEFAULT '[]',
    parts          TEXT NOT NULL DEFAULT '[]',
    note_text      TEXT                        -- NULL: the note is documents.source_note
) WITHOUT ROWID;
CREATE INDEX source_notes_by_classification ON source_notes(classification) WHERE classification IS NOT NULL;

-- Pointers the record prints to other documents ("[Here follows … Document 84.]").
CREATE TABLE doc_references (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    kind        TEXT NOT NULL,                 -- participants | see
    text        TEXT NOT NULL,
    target      TEXT,                          -- frus1961-63v05/d84, or the pointer as printed
    char_offset INTEGER,                       -- where text stands in documents.text
    note        TEXT,                          -- what the record says in its place ("Listed on Page 5")
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;
CREATE INDEX doc_references_by_target ON doc_references(target) WHERE target IS NOT NULL;

-- The document in other languages or forms (an original-language transcript).
CREATE TABLE texts (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    language    TEXT NOT NULL,                 -- ISO 639-1 (ru, zh …)
    kind        TEXT NOT NULL,                 -- transcript | translation
    title       TEXT,
    source      TEXT,
    text        TEXT NOT NULL,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

-- Catalogue entries: collections, subjects, coverages, repositories, contributors.
CREATE TABLE tags (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    value       TEXT NOT NULL,
    ident       TEXT,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;
CREATE INDEX tags_by_value ON tags(kind, value);

-- Each single-document source (a web page, a Wilson record, a text file) as its reader
-- read it, so a document that arrived from several sources can be merged again when one
-- of them changes.  document_id is the document it is part of now; it has no foreign
-- key on purpose: a source record outlives the replacement of its document.
CREATE TABLE source_records (
    source      TEXT PRIMARY KEY,              -- the file read
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL,                 -- hsg-page, wilson-page, wilson-json, text
    document_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT '[]',    -- JSON array of sentence hashes (memcon.fingerprint.v1)
    record      TEXT NOT NULL,                 -- the Document as read (memcon.model.serialize JSON)
    ingested_at TEXT NOT NULL
);
CREATE INDEX source_records_by_document ON source_records(document_id);
CREATE INDEX source_records_by_sha256 ON source_records(sha256);

-- Documents by printed number, to find the record a copied web page is a copy of.
CREATE INDEX documents_by_n ON documents(n) WHERE n IS NOT NULL;
