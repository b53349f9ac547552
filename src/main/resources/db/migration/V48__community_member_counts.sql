-- A community's page and list count its active members on every view. With 20,000 members the
-- count read 20,000 rows of community_members (12 ms, issue 6's benchmark); this index answers
-- it alone (an index-only scan of the community's entries).
CREATE INDEX community_members_active_idx ON community_members (community_id) WHERE status = 'active';
