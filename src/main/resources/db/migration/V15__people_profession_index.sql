-- The directory filters by profession ignoring case.
CREATE INDEX people_profession_idx ON people (lower(profession));
