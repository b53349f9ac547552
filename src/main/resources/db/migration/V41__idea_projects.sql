-- An idea can also become an improvement project (the project then records the idea as its origin).
ALTER TABLE ideas ADD COLUMN project_id bigint REFERENCES projects (id) ON DELETE SET NULL;
