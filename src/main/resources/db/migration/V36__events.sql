-- Events of a community (or system-wide): capacity counted in places (a registration takes one
-- place plus its guests), a waitlist promoted in order when places free up, registration answers
-- and check-in.
CREATE TABLE events (
    id             bigserial PRIMARY KEY,
    community_id   bigint REFERENCES communities (id) ON DELETE CASCADE,
    title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    kind           text NOT NULL CHECK (kind IN ('workshop', 'meeting', 'social', 'film_club', 'other')),
    description    text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    time_zone      text NOT NULL DEFAULT 'Europe/London',
    location       text NOT NULL DEFAULT '' CHECK (length(location) <= 300),
    online_url     text NOT NULL DEFAULT '' CHECK (length(online_url) <= 500),
    capacity       integer CHECK (capacity > 0),
    max_guests     smallint NOT NULL DEFAULT 0 CHECK (max_guests BETWEEN 0 AND 10),
    question       text NOT NULL DEFAULT '' CHECK (length(question) <= 300),
    host_id        bigint REFERENCES people (id) ON DELETE SET NULL,
    created_by     bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX events_starts_idx ON events (starts_at);
CREATE INDEX events_community_idx ON events (community_id, starts_at);

CREATE TABLE registrations (
    id            bigserial PRIMARY KEY,
    event_id      bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id     bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    guests        smallint NOT NULL DEFAULT 0 CHECK (guests BETWEEN 0 AND 10),
    answer        text NOT NULL DEFAULT '' CHECK (length(answer) <= 1000),
    status        text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    registered_at timestamptz NOT NULL DEFAULT now(),
    promoted_at   timestamptz,
    checked_in_at timestamptz,
    UNIQUE (event_id, person_id)
);
CREATE INDEX registrations_queue_idx ON registrations (event_id, registered_at, id) WHERE status = 'waitlisted';
