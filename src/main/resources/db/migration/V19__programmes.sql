-- Leadership programmes, their cohorts (about 30 people) and each cohort's modules (about six,
-- often ending in a celebration).
CREATE TABLE programmes (
    id          bigserial PRIMARY KEY,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary     text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
    created_by  bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX programmes_title_key ON programmes (lower(title));

CREATE TABLE cohorts (
    id           bigserial PRIMARY KEY,
    programme_id bigint NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    starts_on    date,
    ends_on      date,
    -- Anonymous feedback: facilitators see aggregates of at least five responses, never a person's answers.
    anonymous    boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX cohorts_name_key ON cohorts (programme_id, lower(name));

CREATE TABLE modules (
    id             bigserial PRIMARY KEY,
    cohort_id      bigint NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    position       int NOT NULL CHECK (position BETWEEN 1 AND 100),
    title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    topic          text NOT NULL DEFAULT '' CHECK (length(topic) <= 200),
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    location       text NOT NULL DEFAULT '' CHECK (length(location) <= 300),
    online         boolean NOT NULL DEFAULT false,
    celebration    boolean NOT NULL DEFAULT false,
    -- Whether a feedback survey opens when the module ends.
    feedback       boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    UNIQUE (cohort_id, position) DEFERRABLE INITIALLY IMMEDIATE
);

CREATE TABLE module_facilitators (
    module_id bigint NOT NULL REFERENCES modules (id) ON DELETE CASCADE,
    person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (module_id, person_id)
);
CREATE INDEX module_facilitators_person_idx ON module_facilitators (person_id);
