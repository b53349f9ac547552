-- Impact figures that took long to read (a region of a million people), kept for every app
-- instance and refreshed in the background; small installations read theirs fresh and keep none.
CREATE TABLE impact_snapshots (
    scope       text NOT NULL CHECK (scope ~ '^(system|place:[0-9]+)$'),
    from_day    date NOT NULL,
    to_day      date NOT NULL CHECK (to_day >= from_day),
    figures     jsonb NOT NULL,
    computed_at timestamptz NOT NULL,
    millis      integer NOT NULL CHECK (millis >= 0),
    -- Moved when someone looks (at most hourly): snapshots nobody looks at stop being refreshed, then go.
    viewed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, from_day, to_day)
);
CREATE INDEX impact_snapshots_computed_idx ON impact_snapshots (computed_at);

-- Sector and place by person without reading the wide people rows: the dashboard and the network
-- look these up for hundreds of thousands of ties at a time.
CREATE INDEX people_sector_place_idx ON people (id) INCLUDE (sector_code, place_id);
