-- The events list asks for events not yet over (ends_at > now()), soonest first. With years of past
-- events the starts_at index walked every one of them to find the few still to come (58 ms at
-- 20,000 events); the end time finds them directly.
CREATE INDEX events_ends_idx ON events (ends_at);

-- A community's page names its convenors; the active-members index read every member of a large
-- community to find them (7 ms at 1,200 members).
CREATE INDEX community_members_convenors_idx ON community_members (community_id) WHERE role = 'convenor' AND status = 'active';
