-- memcon schema, migration 4: the person authority (issue 4) — one row per person, every name
-- variant, every role over time and every source identifier merged into the person.
-- Built by memcon.authority (docs/authority.md); replaced as a whole by each rebuild.
-- Every table and column is documented in docs/database.md.

-- One row per person, with the memcon id that stays the same across rebuilds.
CREATE TABLE persons (
    id           TEXT PRIMARY KEY,             -- memcon:hsg-107127
    name         TEXT NOT NULL,                -- preferred form, "Surname, Forenames"
    surname_norm TEXT NOT NULL,                -- folded surname of name (lookups)
    birth        TEXT,
    death        TEXT,
    remarks      TEXT NOT NULL DEFAULT '[]'    -- JSON array of strings
) WITHOUT ROWID;
CREATE INDEX persons_by_surname ON persons(surname_norm);

-- Every form of a person's name, and where it was found.
CREATE TABLE person_names (
    person_id    TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,                -- preferred | alternate | original | pocom | visits | presidents | volume
    source       TEXT,                         -- frus1961-63v05/persons#p_KNS1, pocom:people/rusk-david-dean …
    surname_norm TEXT NOT NULL,                -- folded surname ("khrushchev", "de gaulle", "dorticos torrado")
    surname_alt  TEXT NOT NULL,                -- without particles / its first word ("gaulle", "dorticos")
    name_norm    TEXT NOT NULL,                -- folded, natural order ("nikita s khrushchev")
    PRIMARY KEY (person_id, idx)
) WITHOUT ROWID;
CREATE INDEX person_names_by_surname ON person_names(surname_norm);
CREATE INDEX person_names_by_alt ON person_names(surname_alt);
CREATE INDEX person_names_by_name ON person_names(name_norm);

-- Offices held over time.
CREATE TABLE person_roles (
    person_id    TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    title        TEXT NOT NULL,
    start_date   TEXT,                         -- ISO date, or year-month, or year
    end_date     TEXT,                         -- NULL: open / not stated
    source       TEXT NOT NULL,
    organisation TEXT,
    side         TEXT,                         -- the government served ("United States")
    note         TEXT,
    PRIMARY KEY (person_id, idx)
) WITHOUT ROWID;
CREATE INDEX person_roles_by_title ON person_roles(title);

-- Every source identifier merged into a person (hsg:107127, pocom:rusk-david-dean,
-- frus1961-63v05#p_KNS1 …).
CREATE TABLE person_keys (
    key       TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,                -- position in Person.keys (0: the anchor of the id)
    PRIMARY KEY (key, person_id)
) WITHOUT ROWID;
CREATE INDEX person_keys_by_person ON person_keys(person_id);

-- Which build the persons tables hold: at most one row.
CREATE TABLE authority_builds (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    source    TEXT NOT NULL,                   -- the folder the authority was loaded from
    version   TEXT NOT NULL,                   -- the merging algorithm, memcon.authority.v1
    persons   INTEGER NOT NULL,
    built_at  TEXT NOT NULL                    -- UTC
);
