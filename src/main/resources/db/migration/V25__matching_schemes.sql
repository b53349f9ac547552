-- Cross-sector matching schemes ("Brew and Biscuits"): who runs them, how often, and who opted in.
CREATE TABLE schemes (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description   text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    cadence       text NOT NULL CHECK (cadence IN ('weekly', 'fortnightly', 'monthly')),
    meeting_mode  text NOT NULL CHECK (meeting_mode IN ('in_person', 'online', 'either')),
    place_id      bigint REFERENCES places (id),
    first_step    text NOT NULL DEFAULT '' CHECK (length(first_step) <= 1000),
    -- When the next round runs by itself; NULL while the scheme is paused or closed.
    next_round_at timestamptz,
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paused', 'closed')),
    created_by    bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (status = 'open' OR next_round_at IS NULL)
);
CREATE UNIQUE INDEX schemes_name_key ON schemes (lower(name));
CREATE INDEX schemes_due_idx ON schemes (next_round_at) WHERE status = 'open';

-- A participant's place in a scheme. Sector, organisation, place, interests, offers and asks are
-- the person's directory entry (one source of truth); the scheme keeps how they like to meet and
-- whether they take part in the next round.
CREATE TABLE scheme_members (
    scheme_id    bigint NOT NULL REFERENCES schemes (id) ON DELETE CASCADE,
    person_id    bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    meeting_mode text NOT NULL CHECK (meeting_mode IN ('in_person', 'online', 'either')),
    status       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'left')),
    skip_next    boolean NOT NULL DEFAULT false,
    joined_at    timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scheme_id, person_id)
);
CREATE INDEX scheme_members_person_idx ON scheme_members (person_id);

-- "Please do not match me with this person", across every scheme. Either direction forbids the pair.
CREATE TABLE match_blocks (
    person_id  bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    blocked_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (person_id, blocked_id),
    CHECK (person_id <> blocked_id)
);
CREATE INDEX match_blocks_blocked_idx ON match_blocks (blocked_id);
