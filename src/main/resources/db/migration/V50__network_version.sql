-- A version for cached network figures: moved by any change to the ties or to who belongs to a
-- community or a cohort (a slice's people); people's sectors and places move 'directory'.
INSERT INTO change_versions (topic, version) VALUES ('network', 1);

CREATE TRIGGER ties_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ties
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('network');
CREATE TRIGGER community_members_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON community_members
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('network');
CREATE TRIGGER enrolments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enrolments
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('network');
