-- Action learning sets of a cohort. The group engine forms them as a draft; the facilitator moves
-- and locks people, forms again around the locks, then publishes them to the members.
CREATE TABLE set_plans (
    cohort_id    bigint PRIMARY KEY REFERENCES cohorts (id) ON DELETE CASCADE,
    status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    set_size     smallint NOT NULL CHECK (set_size BETWEEN 2 AND 12),
    seed         bigint NOT NULL,
    avoid_past   boolean NOT NULL DEFAULT true,
    -- The engine's figures for the sets as they stand (diversity, bound, clashes, gaps).
    figures      jsonb NOT NULL DEFAULT '{}',
    formed_by    bigint REFERENCES accounts (id) ON DELETE SET NULL,
    formed_at    timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    CHECK ((status = 'published') = (published_at IS NOT NULL))
);

CREATE TABLE learning_sets (
    id        bigserial PRIMARY KEY,
    cohort_id bigint NOT NULL REFERENCES set_plans (cohort_id) ON DELETE CASCADE,
    number    smallint NOT NULL CHECK (number >= 1),
    UNIQUE (cohort_id, number)
);

-- A person is in at most one set of a cohort; locked members stay where they are when the sets
-- are formed again.
CREATE TABLE learning_set_members (
    set_id    bigint NOT NULL REFERENCES learning_sets (id) ON DELETE CASCADE,
    cohort_id bigint NOT NULL REFERENCES set_plans (cohort_id) ON DELETE CASCADE,
    person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    locked    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (cohort_id, person_id)
);
CREATE INDEX learning_set_members_set_idx ON learning_set_members (set_id);
CREATE INDEX learning_set_members_person_idx ON learning_set_members (person_id);

-- A set meeting, recorded in the action learning structure; visible to the set's members only.
CREATE TABLE set_meetings (
    id          bigserial PRIMARY KEY,
    set_id      bigint NOT NULL REFERENCES learning_sets (id) ON DELETE CASCADE,
    starts_at   timestamptz NOT NULL,
    location    text NOT NULL DEFAULT '' CHECK (length(location) <= 300),
    presenter   bigint REFERENCES people (id) ON DELETE SET NULL,
    problem     text NOT NULL DEFAULT '' CHECK (length(problem) <= 4000),
    questions   text NOT NULL DEFAULT '' CHECK (length(questions) <= 8000),
    follow_up   text NOT NULL DEFAULT '' CHECK (length(follow_up) <= 4000),
    notes       text NOT NULL DEFAULT '' CHECK (length(notes) <= 8000),
    created_by  bigint REFERENCES accounts (id) ON DELETE SET NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX set_meetings_set_idx ON set_meetings (set_id, starts_at);

-- Agreed actions, from set meetings and coaching conversations: each shows on its owner's home
-- page until done.
CREATE TABLE actions (
    id          bigserial PRIMARY KEY,
    person_id   bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
    due_on      date,
    origin      text NOT NULL CHECK (origin IN ('set_meeting', 'coaching')),
    origin_id   bigint NOT NULL,
    done_at     timestamptz,
    created_by  bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX actions_open_idx ON actions (person_id, due_on) WHERE done_at IS NULL;
CREATE INDEX actions_origin_idx ON actions (origin, origin_id);
