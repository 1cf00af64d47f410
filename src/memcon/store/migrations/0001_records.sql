-- memcon schema, migration 1: the records (memcon.model.records) as tables.
-- Every table and column is documented in docs/database.md.
-- Offsets (char_offset, char_start, char_end) are character offsets into documents.text
-- (or into a footnote's text, for annotations with footnote_idx set).

CREATE TABLE volumes (
    id              TEXT PRIMARY KEY,          -- frus1919Parisv01
    title           TEXT NOT NULL,
    series          TEXT,
    subseries       TEXT,
    volume_number   TEXT,
    volume_title    TEXT,
    editors         TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    publisher       TEXT,
    pub_place       TEXT,
    pub_year        TEXT,
    document_count  INTEGER NOT NULL DEFAULT 0, -- derived at write time
    date_min        TEXT,                       -- earliest documents.date_min
    date_max        TEXT,                       -- latest documents.date_max
    ingested_at     TEXT NOT NULL               -- UTC ISO 8601
);

CREATE TABLE volume_persons (
    volume_id   TEXT NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    xml_id      TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (volume_id, idx)
) WITHOUT ROWID;
CREATE INDEX volume_persons_by_xml_id ON volume_persons(xml_id);

CREATE TABLE volume_terms (
    volume_id   TEXT NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    xml_id      TEXT NOT NULL,
    term        TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (volume_id, idx)
) WITHOUT ROWID;

CREATE TABLE documents (
    id              TEXT PRIMARY KEY,          -- frus1919Parisv01/d337
    volume_id       TEXT NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,          -- 0-based position in the volume
    n               TEXT,                      -- the document's printed number
    heading         TEXT NOT NULL,
    doc_type        TEXT NOT NULL,
    place           TEXT,
    subject         TEXT,
    language        TEXT NOT NULL,
    chapter         TEXT NOT NULL DEFAULT '[]', -- JSON array of headings, outermost first
    date_text       TEXT,                      -- NULL when the document has no date
    date_when       TEXT,
    date_start      TEXT,
    date_end        TEXT,
    date_not_before TEXT,
    date_not_after  TEXT,
    date_precision  TEXT,
    date_uncertain  INTEGER,                   -- 0/1
    date_timezone   TEXT,
    date_source     TEXT,
    date_min        TEXT,                      -- earliest day (YYYY-MM-DD) the date can stand for
    date_max        TEXT,                      -- latest day (YYYY-MM-DD)
    source_note     TEXT,
    text            TEXT NOT NULL              -- rendered text; last, so scans skip it
);
CREATE UNIQUE INDEX documents_by_volume_seq ON documents(volume_id, seq);
CREATE INDEX documents_by_date_min ON documents(date_min);
CREATE INDEX documents_by_date_max ON documents(date_max);

CREATE TABLE footnotes (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,              -- position in Document.footnotes
    n           TEXT,                          -- printed number; NULL for inline notes
    kind        TEXT NOT NULL,                 -- source | footnote
    inline      INTEGER NOT NULL,              -- 0/1
    char_offset INTEGER NOT NULL,              -- where the anchor stands in documents.text
    xml_id      TEXT,
    text        TEXT NOT NULL,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE pages (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    n           TEXT NOT NULL,                 -- printed page number
    char_offset INTEGER NOT NULL,              -- where the page begins in documents.text
    facs        TEXT,
    xml_id      TEXT,
    marker      INTEGER NOT NULL,              -- 1 if rendered as [Page N] in the text
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE annotations (
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    kind         TEXT NOT NULL,                -- persName, placeName, orgName, gloss, ref, term, date, quote
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    target       TEXT,                         -- #p_KNS1, frus1919Parisv03#pg_817 ...
    role         TEXT,
    footnote_idx INTEGER,                      -- footnotes.idx the span lies in; NULL for the text
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;
CREATE INDEX annotations_by_target ON annotations(target) WHERE target IS NOT NULL;

CREATE TABLE participants (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    side        TEXT,
    person_ref  TEXT,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;
CREATE INDEX participants_by_person_ref ON participants(person_ref) WHERE person_ref IS NOT NULL;

CREATE TABLE attachments (
    document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    heading         TEXT NOT NULL,
    char_start      INTEGER NOT NULL,
    char_end        INTEGER NOT NULL,
    place           TEXT,
    date_text       TEXT,
    date_when       TEXT,
    date_start      TEXT,
    date_end        TEXT,
    date_not_before TEXT,
    date_not_after  TEXT,
    date_precision  TEXT,
    date_uncertain  INTEGER,
    date_timezone   TEXT,
    date_source     TEXT,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE provenance (
    volume_id      TEXT NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
    document_id    TEXT REFERENCES documents(id) ON DELETE CASCADE, -- NULL: the volume's own
    idx            INTEGER NOT NULL,
    source         TEXT NOT NULL,              -- the file read
    sha256         TEXT NOT NULL,
    reader         TEXT NOT NULL,              -- memcon.frus_tei
    reader_version TEXT NOT NULL,
    format         TEXT NOT NULL,
    line           INTEGER,
    ingested_at    TEXT NOT NULL
);
CREATE INDEX provenance_by_volume ON provenance(volume_id, document_id);
CREATE UNIQUE INDEX provenance_by_document ON provenance(document_id, idx) WHERE document_id IS NOT NULL;
