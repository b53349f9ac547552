-- One invitation per person per survey, reached through a personal link (signed with the site's
-- link secret, so the link itself is never stored); one response per invitation, saved as the
-- person goes and submitted once.
CREATE TABLE survey_invitations (
    id               bigserial PRIMARY KEY,
    survey_id        bigint NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    person_id        bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at       timestamptz NOT NULL DEFAULT now(),
    reminders        int NOT NULL DEFAULT 0,
    last_emailed_at  timestamptz,
    UNIQUE (survey_id, person_id)
);
CREATE INDEX survey_invitations_person_idx ON survey_invitations (person_id);

CREATE TABLE survey_responses (
    id            bigserial PRIMARY KEY,
    invitation_id bigint NOT NULL UNIQUE REFERENCES survey_invitations (id) ON DELETE CASCADE,
    survey_id     bigint NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    started_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    submitted_at  timestamptz
);
CREATE INDEX survey_responses_survey_idx ON survey_responses (survey_id) WHERE submitted_at IS NOT NULL;

CREATE TABLE survey_answers (
    response_id bigint NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
    question_id bigint NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    number      smallint CHECK (number BETWEEN 0 AND 10),
    before      smallint CHECK (before BETWEEN 1 AND 5),
    choices     text[] NOT NULL DEFAULT '{}',
    text        text NOT NULL DEFAULT '' CHECK (length(text) <= 4000),
    people      bigint[] NOT NULL DEFAULT '{}' CHECK (cardinality(people) <= 50),
    PRIMARY KEY (response_id, question_id)
);
CREATE INDEX survey_answers_question_idx ON survey_answers (question_id);

-- The key that signs personal survey links, made once per installation.
INSERT INTO settings (name, value) VALUES ('link_secret', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
