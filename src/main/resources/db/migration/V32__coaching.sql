-- GROW coaching conversations (Goal, Reality, Options, Will): private to the coach and the coachee.
CREATE TABLE coaching_conversations (
    id          bigserial PRIMARY KEY,
    coach_id    bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    coachee_id  bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    held_on     date NOT NULL,
    goal        text NOT NULL DEFAULT '' CHECK (length(goal) <= 4000),
    reality     text NOT NULL DEFAULT '' CHECK (length(reality) <= 4000),
    options     text NOT NULL DEFAULT '' CHECK (length(options) <= 4000),
    will        text NOT NULL DEFAULT '' CHECK (length(will) <= 4000),
    review_on   date,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (coach_id <> coachee_id),
    CHECK (review_on IS NULL OR review_on >= held_on)
);
CREATE INDEX coaching_conversations_coach_idx ON coaching_conversations (coach_id, held_on);
CREATE INDEX coaching_conversations_coachee_idx ON coaching_conversations (coachee_id, held_on);
