-- Invitations to an event, sent to a whole community or cohort at once: each person is invited
-- once, however many groups they were invited with.
CREATE TABLE event_invitations (
    event_id   bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id  bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    invited_by bigint REFERENCES accounts (id) ON DELETE SET NULL,
    invited_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, person_id)
);
