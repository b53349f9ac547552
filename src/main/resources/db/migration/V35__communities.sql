-- Communities of practice: open groups around one common problem, with members, convenors and
-- discussions. A request-to-join community shows its discussions to its members only.
CREATE TABLE communities (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    problem     text NOT NULL CHECK (length(problem) BETWEEN 1 AND 500),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    place_id    bigint REFERENCES places (id),
    joining     text NOT NULL DEFAULT 'open' CHECK (joining IN ('open', 'request')),
    created_by  bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX communities_name_key ON communities (lower(name));

CREATE TABLE community_members (
    community_id bigint NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    person_id    bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role         text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'convenor')),
    status       text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'requested')),
    since        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (community_id, person_id),
    CHECK (role = 'member' OR status = 'active')
);
CREATE INDEX community_members_person_idx ON community_members (person_id);

CREATE TABLE threads (
    id           bigserial PRIMARY KEY,
    community_id bigint NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    author_id    bigint REFERENCES people (id) ON DELETE SET NULL,
    pinned       boolean NOT NULL DEFAULT false,
    posts        integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_post_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX threads_community_idx ON threads (community_id, pinned DESC, last_post_at DESC, id DESC);

-- A post keeps the Markdown its author wrote; pages render it through the sanitiser.
CREATE TABLE posts (
    id         bigserial PRIMARY KEY,
    thread_id  bigint NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    author_id  bigint REFERENCES people (id) ON DELETE SET NULL,
    body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX posts_thread_idx ON posts (thread_id, id);
