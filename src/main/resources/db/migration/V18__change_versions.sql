-- Version counters for what app instances cache, one per topic, moved by statement triggers in the
-- changing transaction and announced to every instance with NOTIFY when it commits:
--   directory: people and organisations (cached search results);
--   auth:      sessions ended, accounts changed, tokens revoked (cached sign-ins).
-- An instance that has lost its LISTEN connection reads the table instead, so a cache is never
-- trusted without a version it can check.
CREATE TABLE change_versions (
    topic   text PRIMARY KEY,
    version bigint NOT NULL
);
INSERT INTO change_versions (topic, version)
SELECT 'directory', version FROM directory_version
UNION ALL SELECT 'auth', 1;

CREATE FUNCTION bump_change_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next bigint;
BEGIN
    UPDATE change_versions SET version = version + 1 WHERE topic = TG_ARGV[0] RETURNING version INTO next;
    PERFORM pg_notify('convene_changes', TG_ARGV[0] || ':' || next);
    RETURN NULL;
END
$$;

DROP TRIGGER people_changed ON people;
DROP TRIGGER organisations_changed ON organisations;
DROP FUNCTION bump_directory_version();
DROP TABLE directory_version;

CREATE TRIGGER people_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('directory');
CREATE TRIGGER organisations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('directory');

CREATE TRIGGER sessions_ended AFTER DELETE OR TRUNCATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('auth');
CREATE TRIGGER accounts_changed AFTER UPDATE OF email, password_hash, roles, person_id, status OR DELETE OR TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('auth');
CREATE TRIGGER api_tokens_changed AFTER UPDATE OF revoked_at, expires_at, account_id OR DELETE OR TRUNCATE ON api_tokens
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('auth');
