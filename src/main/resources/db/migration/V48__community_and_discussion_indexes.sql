-- Issue 6's benchmark (1,000,000 posts in 20,000 discussions).
-- A community's page and list count its active members on every view. With 20,000 members the
-- count read 20,000 rows of community_members (12 ms); this index answers it alone.
CREATE INDEX community_members_active_idx ON community_members (community_id) WHERE status = 'active';
-- The search lists the latest discussions whose title matches: a common word (or a one-letter
-- prefix) walks this index and stops at the fifth match instead of sorting every match (25 ms to 0.1 ms).
CREATE INDEX threads_last_post_idx ON threads (last_post_at DESC, id DESC);
