-- The quality-improvement parts of a project: its measures and their data (run charts), its PDSA
-- cycles, and its IHI progress score over time.
CREATE TABLE project_measures (
    id          bigserial PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        text NOT NULL CHECK (kind IN ('outcome', 'process', 'balancing')),
    unit        text NOT NULL DEFAULT '' CHECK (length(unit) <= 60),
    -- Which way is better: higher or lower values.
    direction   text NOT NULL CHECK (direction IN ('higher', 'lower')),
    definition  text NOT NULL DEFAULT '' CHECK (length(definition) <= 2000),
    -- The run chart's median is of the first baseline_points points; NULL: of all points.
    baseline_points int CHECK (baseline_points BETWEEN 1 AND 1000),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX project_measures_name_key ON project_measures (project_id, lower(name));

-- One value of a measure per date (a day, or the start of the week or month it stands for).
CREATE TABLE measure_points (
    id          bigserial PRIMARY KEY,
    measure_id  bigint NOT NULL REFERENCES project_measures (id) ON DELETE CASCADE,
    period      date NOT NULL,
    value       double precision NOT NULL CHECK (value <> 'NaN' AND value > '-Infinity' AND value < 'Infinity'),
    note        text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    recorded_by bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (measure_id, period)
);

-- Plan (with a prediction), Do, Study (against the prediction), Act.
CREATE TABLE pdsa_cycles (
    id          bigserial PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    plan        text NOT NULL CHECK (length(plan) BETWEEN 1 AND 4000),
    prediction  text NOT NULL CHECK (length(prediction) BETWEEN 1 AND 2000),
    do_notes    text NOT NULL DEFAULT '' CHECK (length(do_notes) <= 4000),
    study       text NOT NULL DEFAULT '' CHECK (length(study) <= 4000),
    act         text CHECK (act IN ('adopt', 'adapt', 'abandon')),
    starts_on   date,
    ends_on     date,
    recorded_by bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX pdsa_cycles_project_idx ON pdsa_cycles (project_id);

-- The IHI progress score (0.5 to 5.0 in steps of 0.5) as the team confirmed it, beside what the
-- data suggested at the time and why. The latest row is the project's score.
CREATE TABLE project_scores (
    id             bigserial PRIMARY KEY,
    project_id     bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    score          numeric(2, 1) NOT NULL CHECK (score BETWEEN 0.5 AND 5.0 AND score * 2 = floor(score * 2)),
    suggested      numeric(2, 1) NOT NULL CHECK (suggested BETWEEN 0.5 AND 5.0 AND suggested * 2 = floor(suggested * 2)),
    reason         text NOT NULL CHECK (length(reason) <= 2000),
    note           text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    confirmed_by   bigint REFERENCES people (id) ON DELETE SET NULL,
    confirmed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_scores_project_idx ON project_scores (project_id, confirmed_at);
