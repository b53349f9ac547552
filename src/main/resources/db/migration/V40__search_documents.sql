-- Full-text documents for the one search across communities, discussions, events, ideas and
-- projects (people have their own, V5). Generated columns stay in step with the rows.
ALTER TABLE communities ADD COLUMN search tsvector GENERATED ALWAYS AS
    (setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', problem), 'B')
     || setweight(to_tsvector('english', description), 'C')) STORED;
CREATE INDEX communities_search_idx ON communities USING gin (search);

ALTER TABLE threads ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', title)) STORED;
CREATE INDEX threads_search_idx ON threads USING gin (search);

ALTER TABLE posts ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED;
CREATE INDEX posts_search_idx ON posts USING gin (search);

ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS
    (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'C')) STORED;
CREATE INDEX events_search_idx ON events USING gin (search);

ALTER TABLE ideas ADD COLUMN search tsvector GENERATED ALWAYS AS
    (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'C')) STORED;
CREATE INDEX ideas_search_idx ON ideas USING gin (search);

ALTER TABLE projects ADD COLUMN search tsvector GENERATED ALWAYS AS
    (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', aim), 'B')
     || setweight(to_tsvector('english', summary), 'C')) STORED;
CREATE INDEX projects_search_idx ON projects USING gin (search);
