-- memcon schema, migration 8: what each statement is about (memcon.topics.v1).  Derived data,
-- written with the statements of a volume by the linking stage.

CREATE TABLE statement_topics (
    document_id TEXT NOT NULL,
    idx         INTEGER NOT NULL,             -- the statement (statements.idx)
    n           INTEGER NOT NULL,             -- order of first mention within the statement
    kind        TEXT NOT NULL,                -- country | place | organisation | subject | term | person
    key         TEXT NOT NULL,                -- place:berlin, country:cuba, subject:nuclear-tests, term:icc, a persons.id
    label       TEXT NOT NULL,                -- Berlin, Cuba, nuclear tests, "ICC, International Control Commission"
    char_start  INTEGER NOT NULL,             -- the first mention in documents.text (its page)
    PRIMARY KEY (document_id, idx, n),
    FOREIGN KEY (document_id, idx) REFERENCES statements(document_id, idx) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX statement_topics_by_key ON statement_topics(key);
CREATE INDEX statement_topics_by_label ON statement_topics(label COLLATE NOCASE);
