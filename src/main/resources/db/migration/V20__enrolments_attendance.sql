-- Who is on a cohort, and who came to each module.
CREATE TABLE enrolments (
    cohort_id   bigint NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    person_id   bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    status      text NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled', 'withdrawn', 'completed')),
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cohort_id, person_id)
);
CREATE INDEX enrolments_person_idx ON enrolments (person_id);

CREATE TABLE attendance (
    module_id   bigint NOT NULL REFERENCES modules (id) ON DELETE CASCADE,
    person_id   bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    status      text NOT NULL CHECK (status IN ('present', 'absent', 'apologies')),
    recorded_by bigint REFERENCES accounts (id) ON DELETE SET NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (module_id, person_id)
);
