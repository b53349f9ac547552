-- Projects: one model at every scale, from a participant's improvement project to a place-based
-- collaboration. The general fields are here; the quality-improvement parts (measures, their data,
-- PDSA cycles, the progress score) are in their own tables and optional. A project may belong to a
-- programme cohort and may have grown from something else in Convene (origin_kind and origin_id,
-- unchecked until those features exist).
CREATE TABLE projects (
    id                 bigserial PRIMARY KEY,
    title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary            text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
    aim                text NOT NULL DEFAULT '' CHECK (length(aim) <= 1000),
    place_id           bigint REFERENCES places (id),
    status             text NOT NULL DEFAULT 'planning'
                       CHECK (status IN ('planning', 'active', 'paused', 'completed', 'stopped')),
    starts_on          date,
    ends_on            date,
    owner_id           bigint REFERENCES people (id) ON DELETE SET NULL,
    cohort_id          bigint REFERENCES cohorts (id) ON DELETE SET NULL,
    origin_kind        text CHECK (origin_kind IN ('community', 'action_learning_set', 'match', 'event', 'cluster', 'idea')),
    origin_id          bigint,
    -- The final presentation: a link, or a small file kept in the database.
    presentation_url   text CHECK (presentation_url ~ '^https?://' AND length(presentation_url) <= 2000),
    presentation_name  text CHECK (length(presentation_name) <= 200),
    presentation_type  text CHECK (length(presentation_type) <= 200),
    presentation       bytea CHECK (octet_length(presentation) <= 10 * 1024 * 1024),
    created_by         bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
    CHECK ((origin_kind IS NULL) = (origin_id IS NULL)),
    CHECK (presentation_url IS NULL OR presentation IS NULL),
    CHECK ((presentation IS NULL) = (presentation_name IS NULL) AND (presentation IS NULL) = (presentation_type IS NULL))
);
CREATE INDEX projects_cohort_idx ON projects (cohort_id);
CREATE INDEX projects_place_idx ON projects (place_id);

-- The team. The owner is always a member (role lead); sponsors follow the project, the others run it.
CREATE TABLE project_members (
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    person_id  bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('lead', 'member', 'coach', 'sponsor')),
    joined_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, person_id)
);
CREATE INDEX project_members_person_idx ON project_members (person_id);
