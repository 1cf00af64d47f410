-- memcon schema, migration 6: the meetings the conversation records record (memcon.meetings.v1).
-- Derived data, made with the mentions of a volume (memcon.linking) and again when they are.

CREATE TABLE meetings (
    id               TEXT PRIMARY KEY,          -- meeting:<first document id>
    volume_id        TEXT NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
    date             TEXT,                      -- JSON object (a DocDate); NULL: no date (never guessed)
    date_text        TEXT,                      -- the date as printed
    date_min         TEXT,                      -- earliest day the date can stand for
    date_max         TEXT,
    place            TEXT,                      -- "the Soviet Embassy, Vienna"
    duration_minutes INTEGER,
    record_type      TEXT,
    drafters         TEXT NOT NULL DEFAULT '[]', -- JSON array
    method           TEXT NOT NULL,
    reasons          TEXT NOT NULL DEFAULT '[]'  -- JSON array: which words gave each field
);
CREATE INDEX meetings_by_date ON meetings(date_min);
CREATE INDEX meetings_by_volume ON meetings(volume_id);

CREATE TABLE meeting_documents (
    meeting_id  TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    document_id TEXT NOT NULL,                  -- documents.id (no key: a record may be replaced first)
    PRIMARY KEY (meeting_id, idx)
) WITHOUT ROWID;
CREATE INDEX meeting_documents_by_document ON meeting_documents(document_id);

CREATE TABLE meeting_attendees (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,                   -- as the record names them
    person_id  TEXT,                            -- persons.id, NULL when unresolved
    side       TEXT,                            -- the government they spoke for
    role       TEXT NOT NULL,                   -- participant | interpreter | note-taker
    source     TEXT NOT NULL,                   -- participants list, present sentence, heading …
    PRIMARY KEY (meeting_id, idx)
) WITHOUT ROWID;
CREATE INDEX meeting_attendees_by_person ON meeting_attendees(person_id) WHERE person_id IS NOT NULL;
