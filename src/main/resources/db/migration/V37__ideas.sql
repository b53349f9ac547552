-- The ideas board, per community or for the whole system: ideas, one vote per person (names
-- shown unless the ballot is secret), comments, and what the idea became.
CREATE TABLE ideas (
    id            bigserial PRIMARY KEY,
    community_id  bigint REFERENCES communities (id) ON DELETE CASCADE,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description   text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    author_id     bigint REFERENCES people (id) ON DELETE SET NULL,
    secret_ballot boolean NOT NULL DEFAULT false,
    event_id      bigint REFERENCES events (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ideas_community_idx ON ideas (community_id, created_at);

CREATE TABLE idea_votes (
    idea_id    bigint NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    person_id  bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (idea_id, person_id)
);

CREATE TABLE idea_comments (
    id         bigserial PRIMARY KEY,
    idea_id    bigint NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    author_id  bigint REFERENCES people (id) ON DELETE SET NULL,
    body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idea_comments_idea_idx ON idea_comments (idea_id, id);
