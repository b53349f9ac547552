-- People who organise an event with its host: they run it as the host does, and co-organising
-- makes ties between them and the host.
CREATE TABLE event_cohosts (
    event_id  bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    added_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, person_id)
);
CREATE INDEX event_cohosts_person_idx ON event_cohosts (person_id);
