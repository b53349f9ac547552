-- The course's own Plan-Do-Study-Act log: a change to the course, what prompted it (survey items
-- and comments), the module where it was tried, what the item showed before and after, and the
-- decision.
CREATE TABLE course_changes (
    id                 bigserial PRIMARY KEY,
    cohort_id          bigint NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    plan_what          text NOT NULL CHECK (length(plan_what) BETWEEN 1 AND 4000),
    plan_why           text NOT NULL DEFAULT '' CHECK (length(plan_why) <= 4000),
    prompted_by_module bigint REFERENCES modules (id) ON DELETE SET NULL,
    item_code          text CHECK (item_code ~ '^[a-z][a-z0-9_]{0,59}$'),
    applied_in_module  bigint REFERENCES modules (id) ON DELETE SET NULL,
    study_notes        text NOT NULL DEFAULT '' CHECK (length(study_notes) <= 4000),
    decision           text CHECK (decision IN ('adopt', 'adapt', 'abandon')),
    recorded_by        bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX course_changes_cohort_idx ON course_changes (cohort_id);

-- Comments that prompted a change (an answer to a free-text item).
CREATE TABLE course_change_comments (
    change_id   bigint NOT NULL REFERENCES course_changes (id) ON DELETE CASCADE,
    response_id bigint NOT NULL,
    question_id bigint NOT NULL,
    PRIMARY KEY (change_id, response_id, question_id),
    FOREIGN KEY (response_id, question_id) REFERENCES survey_answers (response_id, question_id) ON DELETE CASCADE
);
