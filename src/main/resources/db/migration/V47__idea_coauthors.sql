-- People who wrote an idea with its author. Co-authoring is a tie (source "idea") between them.
CREATE TABLE idea_coauthors (
    idea_id   bigint NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    added_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (idea_id, person_id)
);
CREATE INDEX idea_coauthors_person_idx ON idea_coauthors (person_id);
