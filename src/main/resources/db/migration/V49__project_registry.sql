-- The registry of place-based projects: a project's themes (the directory's topics), its outcomes
-- in words (its measures, where it has them, are the numbers), links, and its partner
-- organisations, through which it spans sectors.
ALTER TABLE projects
    ADD COLUMN themes   text[] NOT NULL DEFAULT '{}',
    ADD COLUMN outcomes text NOT NULL DEFAULT '' CHECK (length(outcomes) <= 4000),
    ADD COLUMN links    text[] NOT NULL DEFAULT '{}' CHECK (cardinality(links) <= 20);
CREATE INDEX projects_themes_idx ON projects USING gin (themes);
CREATE INDEX projects_origin_idx ON projects (origin_kind, origin_id);

CREATE TABLE project_partners (
    project_id      bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    organisation_id bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, organisation_id)
);
CREATE INDEX project_partners_organisation_idx ON project_partners (organisation_id);
