-- memcon schema, migration 7: who said what (memcon.statements.v1).  Derived data, made with a
-- volume's mentions by the linking stage, and again when they are.

CREATE TABLE statements (
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    char_start     INTEGER NOT NULL,             -- where the statement begins in documents.text
    char_end       INTEGER NOT NULL,
    kind           TEXT NOT NULL,                -- reported | continuation | direct | first-person | point | quotation
    verb           TEXT,                         -- said, observed, replied …
    speaker_text   TEXT NOT NULL,                -- the words naming the speaker ("Mr. Khrushchev", "He", "I")
    speaker_id     TEXT,                         -- persons.id; NULL when unresolved
    addressee_text TEXT,
    addressee_id   TEXT,
    confidence     REAL NOT NULL,
    method         TEXT NOT NULL,
    reason         TEXT NOT NULL,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;
CREATE INDEX statements_by_speaker ON statements(speaker_id) WHERE speaker_id IS NOT NULL;
CREATE INDEX statements_by_addressee ON statements(addressee_id) WHERE addressee_id IS NOT NULL;
