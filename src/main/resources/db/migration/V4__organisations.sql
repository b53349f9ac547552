CREATE TABLE organisations (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    sector_code text NOT NULL REFERENCES sectors (code),
    place_id    bigint REFERENCES places (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));
CREATE INDEX organisations_sector_idx ON organisations (sector_code);
