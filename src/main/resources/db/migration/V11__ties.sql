-- The network of ties. A tie is undirected (person_a < person_b), typed, dated and attributed to
-- the source that produced it: self-reported, a shared action learning set, a match that met, a
-- project team, a community, a survey "new connection", an import. The same tie from the same
-- source and reference is stored once; the same pair from different sources is separate evidence.
CREATE TABLE ties (
    id          bigserial PRIMARY KEY,
    person_a    bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    person_b    bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('work_together', 'met_through', 'collaborate', 'mentor', 'know')),
    source      text NOT NULL CHECK (source ~ '^[a-z][a-z_]{1,39}$'),
    source_ref  text NOT NULL DEFAULT '' CHECK (length(source_ref) <= 200),
    note        text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    started_on  date NOT NULL DEFAULT current_date,
    ended_on    date,
    recorded_by bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (person_a < person_b),
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE UNIQUE INDEX ties_dedupe_key ON ties (person_a, person_b, kind, source, source_ref);
CREATE INDEX ties_person_b_idx ON ties (person_b);
CREATE INDEX ties_started_idx ON ties (started_on);
