-- memcon schema, migration 9: offices the documents attest (memcon.attested.v1).
-- Derived data, read from a volume's documents when it is linked (memcon.linking) and again
-- when it is; the title resolver asks them where the authority knows no holder.

CREATE TABLE attestations (
    volume_id   TEXT NOT NULL REFERENCES volumes(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,                  -- documents.id (no key: a record may be replaced first)
    footnote    INTEGER,                        -- index of the footnote the words stand in; NULL: the text
    char_start  INTEGER NOT NULL,               -- the words in documents.text (or in the footnote's text)
    char_end    INTEGER NOT NULL,
    date        TEXT NOT NULL,                  -- ISO day the words attest (the letter's date)
    office      TEXT NOT NULL,                  -- comparable office key: "secretary of war", "foreign minister"
    place       TEXT,                           -- the country an envoy is to or in
    side        TEXT NOT NULL,                  -- the government served: "United States", "El Salvador"
    name        TEXT NOT NULL,                  -- the holder as printed
    person_id   TEXT,                           -- persons.id when the name is one person of the authority
    text        TEXT NOT NULL,                  -- the attesting words
    method      TEXT NOT NULL
);
CREATE INDEX attestations_by_volume ON attestations(volume_id);

-- a title resolved to a name the authority does not hold ("The Italian Ambassador" → De Martino)
ALTER TABLE mentions ADD COLUMN name TEXT;
CREATE INDEX attestations_by_office ON attestations(office, side, date);
