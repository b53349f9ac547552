-- Each person chooses who sees their directory entry and, separately, their email address:
-- everyone signed in, the members of the communities they belong to, or nobody (besides
-- themselves and the administrators and programme leads who run the directory). "listed" stays
-- as a derived column for the readers that only ask whether someone appears at all.
ALTER TABLE people
    ADD COLUMN visibility text NOT NULL DEFAULT 'nobody' CHECK (visibility IN ('everyone', 'communities', 'nobody')),
    ADD COLUMN email_visibility text NOT NULL DEFAULT 'nobody' CHECK (email_visibility IN ('everyone', 'communities', 'nobody'));

UPDATE people SET visibility = CASE WHEN listed THEN 'everyone' ELSE 'nobody' END,
                  email_visibility = CASE WHEN listed AND contact_preference = 'email' THEN 'everyone' ELSE 'nobody' END;

ALTER TABLE people DROP COLUMN listed;
ALTER TABLE people ADD COLUMN listed boolean GENERATED ALWAYS AS (visibility <> 'nobody') STORED;

-- Whether something a person shows at this level may be seen by the viewer (a person id; NULL
-- for an account without a directory entry). Simple enough for the planner to inline.
CREATE FUNCTION visible_to(level text, owner bigint, viewer bigint) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT level = 'everyone' OR owner = viewer
        OR (level = 'communities' AND viewer IS NOT NULL AND EXISTS (
            SELECT 1 FROM community_members mine
            JOIN community_members theirs ON theirs.community_id = mine.community_id
            WHERE mine.person_id = owner AND mine.status = 'active'
              AND theirs.person_id = viewer AND theirs.status = 'active'))
$$;

-- Who sees an entry shown to communities changes with membership, so cached searches must too.
CREATE TRIGGER community_members_change_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON community_members
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('directory');
