-- Leader clusters (seed 004): a priority area for systemic change, the candidate leaders with
-- clout in it, and clusters of two or three of them developed together with a board sponsor and
-- a mentor.
CREATE TABLE priority_areas (
    id                 bigserial PRIMARY KEY,
    title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    improvement        text NOT NULL DEFAULT '' CHECK (length(improvement) <= 2000),
    savings            text NOT NULL DEFAULT '' CHECK (length(savings) <= 1000),
    savings_per_year   bigint CHECK (savings_per_year >= 0),
    topics             text[] NOT NULL DEFAULT '{}',
    place_id           bigint REFERENCES places (id),
    sponsor_id         bigint REFERENCES people (id) ON DELETE SET NULL,
    sponsor_notes      text NOT NULL DEFAULT '' CHECK (length(sponsor_notes) <= 2000),
    relationship_notes text NOT NULL DEFAULT '' CHECK (length(relationship_notes) <= 2000),
    created_by         bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX priority_areas_sponsor_idx ON priority_areas (sponsor_id);

CREATE TABLE cluster_candidates (
    area_id           bigint NOT NULL REFERENCES priority_areas (id) ON DELETE CASCADE,
    person_id         bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    seniority         smallint NOT NULL CHECK (seniority BETWEEN 1 AND 5),
    clout             text NOT NULL DEFAULT '' CHECK (length(clout) <= 1000),
    approach          text NOT NULL DEFAULT '' CHECK (length(approach) <= 1000),
    line_manager      text NOT NULL DEFAULT '' CHECK (length(line_manager) <= 200),
    manager_agreement text NOT NULL DEFAULT 'not_asked' CHECK (manager_agreement IN ('not_asked', 'asked', 'agreed', 'declined')),
    added_by          bigint REFERENCES accounts (id) ON DELETE SET NULL,
    added_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (area_id, person_id)
);
CREATE INDEX cluster_candidates_person_idx ON cluster_candidates (person_id);

CREATE TABLE candidate_endorsements (
    area_id     bigint NOT NULL,
    person_id   bigint NOT NULL,
    endorser_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    note        text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (area_id, person_id, endorser_id),
    FOREIGN KEY (area_id, person_id) REFERENCES cluster_candidates (area_id, person_id) ON DELETE CASCADE,
    CHECK (endorser_id <> person_id)
);

CREATE TABLE leader_clusters (
    id          bigserial PRIMARY KEY,
    area_id     bigint NOT NULL REFERENCES priority_areas (id) ON DELETE CASCADE,
    status      text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'agreed', 'active', 'ended')),
    sponsor_id  bigint REFERENCES people (id) ON DELETE SET NULL,
    mentor_id   bigint REFERENCES people (id) ON DELETE SET NULL,
    mentoring   text NOT NULL DEFAULT '' CHECK (length(mentoring) <= 1000),
    -- How the engine rated the cluster when it was formed: its score and the reasons given.
    score       real NOT NULL DEFAULT 0,
    reasons     text[] NOT NULL DEFAULT '{}',
    created_by  bigint REFERENCES accounts (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, area_id)
);
CREATE INDEX leader_clusters_area_idx ON leader_clusters (area_id);
CREATE INDEX leader_clusters_sponsor_idx ON leader_clusters (sponsor_id);
CREATE INDEX leader_clusters_mentor_idx ON leader_clusters (mentor_id);

-- Members must be the area's candidates; a candidate is in at most one cluster of an area that has
-- not ended (checked when forming, with the area's row locked).
CREATE TABLE leader_cluster_members (
    cluster_id bigint NOT NULL,
    area_id    bigint NOT NULL,
    person_id  bigint NOT NULL,
    PRIMARY KEY (cluster_id, person_id),
    FOREIGN KEY (cluster_id, area_id) REFERENCES leader_clusters (id, area_id) ON DELETE CASCADE,
    FOREIGN KEY (area_id, person_id) REFERENCES cluster_candidates (area_id, person_id) ON DELETE CASCADE
);
CREATE INDEX leader_cluster_members_person_idx ON leader_cluster_members (person_id);
CREATE INDEX leader_cluster_members_area_idx ON leader_cluster_members (area_id, person_id);
