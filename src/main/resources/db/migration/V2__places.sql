-- Localities people work in, used for place-based work and for matching people who can visit.
CREATE TABLE places (
    id   bigserial PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120)
);
CREATE UNIQUE INDEX places_name_key ON places (lower(name));
