-- Materials for a module: a link, or a file kept in the database (so every instance serves it).
CREATE TABLE module_materials (
    id           bigserial PRIMARY KEY,
    module_id    bigint NOT NULL REFERENCES modules (id) ON DELETE CASCADE,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    url          text CHECK (url ~ '^https?://' AND length(url) <= 2000),
    file_name    text CHECK (length(file_name) <= 200),
    content_type text CHECK (length(content_type) <= 200),
    content      bytea CHECK (octet_length(content) <= 20 * 1024 * 1024),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((url IS NOT NULL) <> (content IS NOT NULL)),
    CHECK (content IS NULL OR (file_name IS NOT NULL AND content_type IS NOT NULL))
);
CREATE INDEX module_materials_module_idx ON module_materials (module_id);
