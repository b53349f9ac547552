-- One round of a scheme and its figures. (scheme, number) is unique, so a round cannot run twice.
CREATE TABLE match_rounds (
    id                  bigserial PRIMARY KEY,
    scheme_id           bigint NOT NULL REFERENCES schemes (id) ON DELETE CASCADE,
    number              int NOT NULL CHECK (number >= 1),
    trigger             text NOT NULL CHECK (trigger IN ('schedule', 'hand')),
    seed                bigint NOT NULL,
    ran_at              timestamptz NOT NULL DEFAULT now(),
    meet_by             date NOT NULL,
    people              int NOT NULL,
    pairs               int NOT NULL,
    trios               int NOT NULL,
    unplaced            int NOT NULL,
    total_score         bigint NOT NULL,
    cross_sector_share  double precision NOT NULL,
    mean_shared         double precision NOT NULL,
    exact               boolean NOT NULL,
    millis              bigint NOT NULL,
    UNIQUE (scheme_id, number)
);

-- A pair or trio of a round, with why they were matched and the suggested first step.
CREATE TABLE match_groups (
    id           bigserial PRIMARY KEY,
    round_id     bigint NOT NULL REFERENCES match_rounds (id) ON DELETE CASCADE,
    score        int NOT NULL,
    meeting_mode text NOT NULL CHECK (meeting_mode IN ('in_person', 'online', 'either')),
    reason       text NOT NULL,
    first_step   text NOT NULL
);
CREATE INDEX match_groups_round_idx ON match_groups (round_id);

-- Each member's answer: did we meet, and how was it (1-5 and a comment).
CREATE TABLE match_members (
    group_id    bigint NOT NULL REFERENCES match_groups (id) ON DELETE CASCADE,
    person_id   bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    met         boolean,
    rating      smallint CHECK (rating BETWEEN 1 AND 5),
    comment     text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
    answered_at timestamptz,
    PRIMARY KEY (group_id, person_id)
);
CREATE INDEX match_members_person_idx ON match_members (person_id);

-- Who a round could not place, and why (placed first next time).
CREATE TABLE match_unplaced (
    round_id  bigint NOT NULL REFERENCES match_rounds (id) ON DELETE CASCADE,
    person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    reason    text NOT NULL,
    PRIMARY KEY (round_id, person_id)
);
CREATE INDEX match_unplaced_person_idx ON match_unplaced (person_id);
