-- Surveys for a cohort: feedback after a module, the baseline (pre), the end-of-programme survey
-- (post and then-test) or one of the team's own. Items keep a code, so the same item can be
-- followed across modules and paired between the baseline and the end.
CREATE TABLE surveys (
    id                 bigserial PRIMARY KEY,
    cohort_id          bigint NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    module_id          bigint REFERENCES modules (id) ON DELETE SET NULL,
    kind               text NOT NULL CHECK (kind IN ('module_feedback', 'baseline', 'end', 'custom')),
    title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    intro              text NOT NULL DEFAULT '' CHECK (length(intro) <= 4000),
    anonymous          boolean NOT NULL DEFAULT true,
    status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'open', 'closed')),
    opens_at           timestamptz,
    closes_at          timestamptz,
    remind_after_days  int NOT NULL DEFAULT 3 CHECK (remind_after_days BETWEEN 1 AND 60),
    max_reminders      int NOT NULL DEFAULT 2 CHECK (max_reminders BETWEEN 0 AND 10),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (status = 'draft' OR opens_at IS NOT NULL),
    CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);
CREATE INDEX surveys_cohort_idx ON surveys (cohort_id);
CREATE UNIQUE INDEX surveys_module_feedback_key ON surveys (module_id) WHERE kind = 'module_feedback';
CREATE INDEX surveys_due_idx ON surveys (opens_at) WHERE status IN ('scheduled', 'open');

CREATE TABLE survey_questions (
    id        bigserial PRIMARY KEY,
    survey_id bigint NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    position  int NOT NULL CHECK (position BETWEEN 1 AND 200),
    code      text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,59}$'),
    kind      text NOT NULL CHECK (kind IN ('likert', 'rating', 'single', 'multiple', 'text', 'connections')),
    prompt    text NOT NULL CHECK (length(prompt) BETWEEN 1 AND 500),
    hint      text NOT NULL DEFAULT '' CHECK (length(hint) <= 1000),
    options   text[] NOT NULL DEFAULT '{}',
    required  boolean NOT NULL DEFAULT false,
    -- A then-test item also asks how the person would have rated themselves before the programme.
    then_test boolean NOT NULL DEFAULT false,
    UNIQUE (survey_id, code),
    UNIQUE (survey_id, position) DEFERRABLE INITIALLY IMMEDIATE,
    CHECK (kind IN ('single', 'multiple') OR cardinality(options) = 0),
    CHECK (kind NOT IN ('single', 'multiple') OR cardinality(options) BETWEEN 2 AND 30),
    CHECK (NOT then_test OR kind = 'likert')
);
