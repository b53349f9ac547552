-- A community's resources: links, and files of up to 10 MB whose type was checked by their content.
-- The bytes live in their own table, so listing resources never reads them.
CREATE TABLE community_resources (
    id           bigserial PRIMARY KEY,
    community_id bigint NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description  text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    url          text CHECK (length(url) <= 2000),
    file_name    text CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type text CHECK (length(content_type) <= 200),
    size         bigint CHECK (size BETWEEN 1 AND 10 * 1024 * 1024),
    sha256       text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    pinned       boolean NOT NULL DEFAULT false,
    added_by     bigint REFERENCES people (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((url IS NULL) <> (file_name IS NULL)),
    CHECK (file_name IS NULL OR (content_type IS NOT NULL AND size IS NOT NULL AND sha256 IS NOT NULL))
);
CREATE INDEX community_resources_community_idx ON community_resources (community_id, pinned DESC, created_at DESC, id DESC);

CREATE TABLE community_resource_files (
    resource_id bigint PRIMARY KEY REFERENCES community_resources (id) ON DELETE CASCADE,
    content     bytea NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 10 * 1024 * 1024)
);
